//! Typed inputs (lines, options, exercises, answers) from JS values, by way of one
//! `JSON.stringify` and the claim's JSON reader ([`parse_json_text`]): the module carries one
//! JSON reader instead of a second, per-type walk over JS objects (serde-wasm-bindgen), which
//! cost it ~70 KB of code. The tree is then read into the type by its reader
//! ([`crate::input`]).
//!
//! As everywhere JS values become JSON: `undefined` members and functions are left out, a
//! cycle or a BigInt is an error, a lone surrogate becomes U+FFFD.
use super::error_message;
use crate::claim::json_text::parse_json_text;
use crate::claim::Json;
use crate::input::Reader;
use wasm_bindgen::JsValue;

/// Reads a JS value with `reader`; `undefined` and `null` read as JSON `null`.
pub(crate) fn read<T>(value: &JsValue, reader: Reader<T>) -> Result<T, String> {
    // A function (and `undefined`) stringifies to `undefined`: no value, read as `null`.
    let text = if value.is_undefined() || value.is_null() {
        None
    } else {
        js_sys::JSON::stringify(value).map_err(|e| error_message(&e))?.as_string()
    };
    let json = match &text {
        Some(t) => parse_json_text(t)?,
        None => Json::Null,
    };
    reader(&json).map_err(|e| e.to_string())
}

/// Reads a JS value with `reader`, `T`'s default when `undefined` or `null` (absent options).
pub(crate) fn read_or_default<T: Default>(value: &JsValue, reader: Reader<T>) -> Result<T, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    read(value, reader)
}
