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
    /// The host's `TextEncoder`: its `encodeInto` writes UTF-8 natively straight into the
    /// module's memory, where handing a `JsString` over char by char (wasm-bindgen's string
    /// copy) took ~5 % of a 50-line claim, and `encode` made a JS array to copy in again.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &js_sys::JsString, into: &js_sys::Uint8Array) -> Encoded;
    /// What `encodeInto` did: UTF-16 units read, bytes written.
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

thread_local! {
    /// One encoder for the module's life (it holds no state between calls).
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// The claim as JSON text, by way of one `JSON.stringify` (which throws for a cycle or a
/// BigInt and leaves out functions and `undefined` members, as it does everywhere).
fn claim_text(claim: &JsValue) -> Result<Option<String>, String> {
    let text = js_sys::JSON::stringify(claim).map_err(|e| error_message(&e))?;
    if !text.is_string() {
        return Ok(None);
    }
    // `JSON.stringify` escapes lone surrogates, so the encoder always writes well-formed UTF-8.
    String::from_utf8(utf8(&text)).map(Some).map_err(|_| "the claim text is not UTF-8".to_owned())
}

/// `text` as UTF-8 bytes, encoded by the host into a buffer of the module's memory: one byte a
/// UTF-16 unit first (exact for ASCII, nearly all of a claim), three a unit for any rest.
fn utf8(text: &js_sys::JsString) -> Vec<u8> {
    let units = text.length() as usize;
    let mut out = vec![0u8; units];
    let done = ENCODER.with(|e| encode_at(e, text, &mut out, 0));
    let (read, mut written) = (done.read() as usize, done.written() as usize);
    if read < units {
        let rest = text.slice(read as u32, units as u32);
        out.resize(written.saturating_add(units.saturating_sub(read).saturating_mul(3)), 0);
        written = written.saturating_add(ENCODER.with(|e| encode_at(e, &rest, &mut out, written)).written() as usize);
    }
    out.truncate(written);
    out
}

/// Encodes `text` into `out` from byte `from` on (a view of the module's memory made after
/// `out` was sized, so it sees the memory as it is now).
fn encode_at(e: &TextEncoder, text: &js_sys::JsString, out: &mut [u8], from: usize) -> Encoded {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let start = (out.as_ptr() as usize).saturating_add(from);
    let len = out.len().saturating_sub(from);
    let view = js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), start as u32, len as u32);
    e.encode_into(text, &view)
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
