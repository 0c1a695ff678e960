//! wasm methods for `crate::ptp`: NCCI PTP pair checks.
use super::input::{read, read_or_default};
use super::{js_error, to_js, Validator};
use crate::date::Date;
use crate::claim::ClaimType;
use crate::ptp::{applies_to, check_claim_pairs_with, check_pair_with, PairInput};
use crate::input::pair::{pair_line, pair_options, PairOptions};
use crate::input::list;
use wasm_bindgen::prelude::*;

fn pair_options_of(v: &JsValue) -> Result<PairOptions, JsValue> {
    read_or_default(v, pair_options).map_err(|e| js_error("BAD_INPUT", &e))
}

fn dos(s: Option<&str>) -> Result<Date, JsValue> {
    let s = s.ok_or_else(|| js_error("BAD_DATE", "`on` (YYYY-MM-DD) is required: PTP edits depend on the date of service"))?;
    Date::parse(s).ok_or_else(|| js_error("BAD_DATE", &format!("`{s}` is not a date (use YYYY-MM-DD)")))
}

fn claim_type(s: Option<&str>) -> Result<ClaimType, JsValue> {
    match s {
        None => Ok(ClaimType::Professional),
        Some(s) => ClaimType::parse(s).filter(|t| applies_to(*t)).ok_or_else(|| js_error("BAD_CLAIM_TYPE", &format!("claim type `{s}`: use professional or outpatient"))),
    }
}

#[wasm_bindgen]
impl Validator {
    /// NCCI PTP findings for two codes billed on one date: an array of findings.
    #[wasm_bindgen(js_name = checkPair, unchecked_return_type = "Finding[]")]
    pub fn check_pair(&self, a: &str, b: &str, #[wasm_bindgen(unchecked_param_type = "PairOptions")] options: JsValue) -> Result<JsValue, JsValue> {
        let o = pair_options_of(&options)?;
        let mods_a: Vec<&str> = o.mods_a.iter().map(String::as_str).collect();
        let mods_b: Vec<&str> = o.mods_b.iter().map(String::as_str).collect();
        let input = PairInput { a, b, mods_a: &mods_a, mods_b: &mods_b, dos: dos(o.on.as_deref())?, claim_type: claim_type(o.claim_type.as_deref())? };
        to_js(&check_pair_with(self.engine.get(), &input, o.stale_edits))
    }

    /// NCCI PTP findings among lines `[{code, modifiers, on}]` (pairs on the same date);
    /// `options.claimType` picks the table. Locations are `/lines/{i}` of the denied line.
    #[wasm_bindgen(js_name = checkPairs, unchecked_return_type = "Finding[]")]
    pub fn check_pairs(&self, #[wasm_bindgen(unchecked_param_type = "PairLine[]")] lines: JsValue, #[wasm_bindgen(unchecked_optional_param_type = "PairsOptions")] options: JsValue) -> Result<JsValue, JsValue> {
        let lines = read(&lines, |v| list(v, pair_line)).map_err(|e| js_error("BAD_INPUT", &e))?;
        let o = pair_options_of(&options)?;
        let mods: Vec<Vec<&str>> = lines.iter().map(|l| l.modifiers.iter().map(String::as_str).collect()).collect();
        let mut input = Vec::with_capacity(lines.len());
        for (l, m) in lines.iter().zip(&mods) {
            input.push((l.code.as_str(), m.as_slice(), dos(Some(&l.on))?));
        }
        to_js(&check_claim_pairs_with(self.engine.get(), &input, claim_type(o.claim_type.as_deref())?, o.stale_edits))
    }
}
