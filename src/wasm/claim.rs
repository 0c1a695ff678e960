//! wasm methods for `crate::claim`: `checkClaim(obj)`.
use super::{error_message, js_error, Validator};
use crate::claim::{check_claim_text, unreadable_claim, CheckOptions};
use crate::currency::StaleEdits;
use crate::date::Date;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Validator {
    /// Checks a claim object: `{findings, inputErrors}`. Malformed input (wrong types, unknown
    /// fields, cycles, deep nesting) comes back as `inputErrors`; it never throws for input.
    /// `options`: `{ today: 'YYYY-MM-DD', payer: 'pack-id', staleEdits: 'apply'|'skip' }`, all optional.
    #[wasm_bindgen(js_name = checkClaim, unchecked_return_type = "ClaimResult")]
    pub fn check_claim(&self, #[wasm_bindgen(unchecked_param_type = "Claim")] claim: JsValue, #[wasm_bindgen(unchecked_optional_param_type = "ClaimOptions")] options: JsValue) -> Result<JsValue, JsValue> {
        let opts = read_options(&options);
        let engine = self.engine.get();
        let result = match claim_text(&claim) {
            Ok(Some(t)) => check_claim_text(engine, &t, &opts),
            // `undefined` and functions stringify to `undefined`: no claim, read as `null`.
            Ok(None) => check_claim_text(engine, "null", &opts),
            Err(e) => unreadable_claim(&e),
        };
        // Many short texts: one JSON text written here and one `JSON.parse` there, two
        // boundary crossings instead of one per field.
        js_sys::JSON::parse(&result.to_json()).map_err(|e| js_error("SERIALIZE", &error_message(&e)))
    }
}

#[wasm_bindgen]
extern "C" {
    /// The host's `TextEncoder`: its `encode` writes UTF-8 natively, where handing a `JsString`
    /// over char by char (wasm-bindgen's string copy) took ~5 % of a 50-line claim.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
}

/// The claim as JSON text, by way of one `JSON.stringify` (which throws for a cycle or a
/// BigInt and leaves out functions and `undefined` members, as it does everywhere).
fn claim_text(claim: &JsValue) -> Result<Option<String>, String> {
    let text = js_sys::JSON::stringify(claim).map_err(|e| error_message(&e))?;
    if !text.is_string() {
        return Ok(None);
    }
    // `JSON.stringify` escapes lone surrogates, so `encode` always writes well-formed UTF-8.
    let bytes = TextEncoder::new().encode(&text).to_vec();
    String::from_utf8(bytes).map(Some).map_err(|_| "the claim text is not UTF-8".to_owned())
}

fn read_options(options: &JsValue) -> CheckOptions {
    if options.is_undefined() || options.is_null() {
        return CheckOptions::default();
    }
    let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).ok().and_then(|v| v.as_string());
    CheckOptions {
        today: get("today").and_then(|s| Date::parse(&s)),
        payer: get("payer").filter(|p| !p.trim().is_empty()),
        stale_edits: get("staleEdits").and_then(|s| StaleEdits::parse(&s)).unwrap_or_default(),
    }
}
