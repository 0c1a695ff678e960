//! wasm methods for `crate::ptp`: NCCI PTP pair checks.
use super::input::{read, read_or_default};
use super::{js_error, to_js, Validator};
use crate::date::Date;
use crate::currency::StaleEdits;
use crate::claim::ClaimType;
use crate::ptp::{applies_to, check_claim_pairs_with, check_pair_with, PairInput};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// `{ on: 'YYYY-MM-DD', claimType?: 'professional'|'outpatient', modsA?: [..], modsB?: [..],
/// staleEdits?: 'apply'|'skip' }`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct PairOptions {
    on: Option<String>,
    claim_type: Option<String>,
    #[serde(default)]
    mods_a: Vec<String>,
    #[serde(default)]
    mods_b: Vec<String>,
    #[serde(default)]
    stale_edits: StaleEdits,
}

/// One line for `checkPairs`: `{ code, modifiers?: [..], on }`.
#[derive(Deserialize)]
struct PairLine {
    code: String,
    #[serde(default)]
    modifiers: Vec<String>,
    on: String,
}

fn parse<T: DeserializeOwned + Default>(v: &JsValue) -> Result<T, JsValue> {
    read_or_default(v).map_err(|e| js_error("BAD_INPUT", &e))
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
        let o: PairOptions = parse(&options)?;
        let mods_a: Vec<&str> = o.mods_a.iter().map(String::as_str).collect();
        let mods_b: Vec<&str> = o.mods_b.iter().map(String::as_str).collect();
        let input = PairInput { a, b, mods_a: &mods_a, mods_b: &mods_b, dos: dos(o.on.as_deref())?, claim_type: claim_type(o.claim_type.as_deref())? };
        to_js(&check_pair_with(self.engine.get(), &input, o.stale_edits))
    }

    /// NCCI PTP findings among lines `[{code, modifiers, on}]` (pairs on the same date);
    /// `options.claimType` picks the table. Locations are `/lines/{i}` of the denied line.
    #[wasm_bindgen(js_name = checkPairs, unchecked_return_type = "Finding[]")]
    pub fn check_pairs(&self, #[wasm_bindgen(unchecked_param_type = "PairLine[]")] lines: JsValue, #[wasm_bindgen(unchecked_optional_param_type = "PairsOptions")] options: JsValue) -> Result<JsValue, JsValue> {
        let lines: Vec<PairLine> = read(&lines).map_err(|e| js_error("BAD_INPUT", &e))?;
        let o: PairOptions = parse(&options)?;
        let mods: Vec<Vec<&str>> = lines.iter().map(|l| l.modifiers.iter().map(String::as_str).collect()).collect();
        let mut input = Vec::with_capacity(lines.len());
        for (l, m) in lines.iter().zip(&mods) {
            input.push((l.code.as_str(), m.as_slice(), dos(Some(&l.on))?));
        }
        to_js(&check_claim_pairs_with(self.engine.get(), &input, claim_type(o.claim_type.as_deref())?, o.stale_edits))
    }
}
