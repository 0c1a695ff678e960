//! The JavaScript face (wasm-bindgen). Results are plain JS objects; errors are JS `Error`s
//! with a stable `code` property (`BLOB_CHECKSUM`, `BAD_DATE`, `BAD_SYSTEM`, ...).
use crate::date::Date;
use crate::engine::{OwnedEngine, Verify};
use crate::system::System;
use serde::Serialize;
use wasm_bindgen::prelude::*;

// The result and option types, generated from src/rules/schemas/api.schema.json by
// scripts/types.mjs into claimlint-types.d.ts beside the wasm-bindgen output.
#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = r#"
export * from "./claimlint-types.js";
import type {
  Answer, BlobInfo, Claim, ClaimOptions, ClaimResult, CodeCheck, CodeOptions, CodeSummary,
  Description, Exercise, Finding, GradeResult, LineCheck, LineInput, LineOptions, PairLine, PairOptions, PairsOptions,
  SearchHit, SearchOptions, System,
} from "./claimlint-types.js";
"#;

// Each area adds its methods in its own `#[wasm_bindgen] impl Validator` block.
mod allocator;
mod claim;
// Grading: the exercise and facility modules (cargo feature `grade`), not the core one.
#[cfg(feature = "grade")]
mod grade;
mod input;
mod procedure;
mod ptp;
mod search;

/// A validator over one compiled blob. Construct once per page; calls are synchronous.
#[wasm_bindgen]
pub struct Validator {
    pub(crate) engine: OwnedEngine,
}

pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail in practice; ignore if it does.
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(code));
    e.into()
}

fn blob_error(e: &crate::blob::BlobError) -> JsValue {
    js_error(e.code(), &e.to_string())
}

fn verify(stored: bool) -> Verify {
    if stored {
        Verify::StoredVerified
    } else {
        Verify::Checksum
    }
}

/// A result as a plain JS object: written as JSON text here and read by `JSON.parse` there,
/// two boundary crossings instead of one per field, and one serialiser in the module (the
/// JSON writer) instead of a second, per-type one building JS objects.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_error("SERIALIZE", &e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|e| js_error("SERIALIZE", &error_message(&e)))
}

/// The `message` of a thrown JS error, or the thrown value as text.
pub(crate) fn error_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "an exception was thrown".to_owned())
}

pub(crate) fn system(s: &str) -> Result<System, JsValue> {
    System::parse(s).ok_or_else(|| js_error("BAD_SYSTEM", &format!("unknown code system `{s}`; use icd10cm, icd10pcs, hcpcs, cpt or modifier")))
}

/// Reads `{ on: 'YYYY-MM-DD' }`; absent or empty means the newest edition.
pub(crate) fn date_option(options: &JsValue) -> Result<Option<Date>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let on = js_sys::Reflect::get(options, &JsValue::from_str("on")).unwrap_or(JsValue::UNDEFINED);
    match on.as_string() {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => Date::parse(&s).map(Some).ok_or_else(|| js_error("BAD_DATE", &format!("`{s}` is not a date (use YYYY-MM-DD)"))),
    }
}

#[wasm_bindgen]
impl Validator {
    /// Opens a whole blob from its bytes (copied once into wasm memory, checksum checked).
    /// Throws on a damaged blob.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Box<[u8]>) -> Result<Validator, JsValue> {
        OwnedEngine::open(bytes.into_vec()).map(|engine| Validator { engine }).map_err(|e| blob_error(&e))
    }

    /// Opens the first part of a data set in parts (`parts.json`). `stored` says the bytes
    /// come from a store that verified them on arrival: the checksum is then not recomputed.
    #[wasm_bindgen(js_name = openPart)]
    pub fn open_part(bytes: Box<[u8]>, stored: bool) -> Result<Validator, JsValue> {
        OwnedEngine::open_part(bytes, verify(stored)).map(|engine| Validator { engine }).map_err(|e| blob_error(&e))
    }

    /// Adds a later part of the same build; checks needing it answer from now on. Throws
    /// (and keeps the engine as it was) for a damaged part or one of another build.
    #[wasm_bindgen(js_name = addPart)]
    pub fn add_part(&mut self, bytes: Box<[u8]>, stored: bool) -> Result<(), JsValue> {
        self.engine.add_part(bytes, verify(stored)).map_err(|e| blob_error(&e))
    }

    /// Names of the sections loaded so far.
    pub fn sections(&self) -> Vec<String> {
        self.engine.sections()
    }

    /// Format, vintages, counts, section sizes and sources.
    #[wasm_bindgen(unchecked_return_type = "BlobInfo")]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        to_js(&self.engine.get().info())
    }

    /// Checks one code: `{state, code, description, completions, findings, ...}`.
    #[wasm_bindgen(js_name = checkCode, unchecked_return_type = "CodeCheck")]
    pub fn check_code(&self, #[wasm_bindgen(unchecked_param_type = "System")] system_id: &str, code: &str, #[wasm_bindgen(unchecked_optional_param_type = "CodeOptions")] options: JsValue) -> Result<JsValue, JsValue> {
        let s = system(system_id)?;
        let dos = date_option(&options)?;
        to_js(&self.engine.get().check_code(s, code, dos))
    }

    /// Details of a code (description, chapter, block, notes) or `null`.
    #[wasm_bindgen(unchecked_return_type = "Description | null")]
    pub fn describe(&self, #[wasm_bindgen(unchecked_param_type = "System")] system_id: &str, code: &str, #[wasm_bindgen(unchecked_optional_param_type = "CodeOptions")] options: JsValue) -> Result<JsValue, JsValue> {
        let s = system(system_id)?;
        let dos = date_option(&options)?;
        to_js(&self.engine.get().describe(s, code, dos))
    }

    /// Direct children of a code.
    #[wasm_bindgen(unchecked_return_type = "CodeSummary[]")]
    pub fn children(&self, #[wasm_bindgen(unchecked_param_type = "System")] system_id: &str, code: &str, #[wasm_bindgen(unchecked_optional_param_type = "CodeOptions")] options: JsValue) -> Result<JsValue, JsValue> {
        let s = system(system_id)?;
        let dos = date_option(&options)?;
        to_js(&self.engine.get().children(s, code, dos))
    }
}
