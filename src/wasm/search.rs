//! wasm methods for `crate::search`: `validator.search(query, {systems, limit, billableOnly, on})`.
use super::{date_option, js_error, system, to_js, Validator};
use crate::search::{search, SearchOptions};
use wasm_bindgen::prelude::*;

fn get(options: &JsValue, name: &str) -> JsValue {
    if options.is_undefined() || options.is_null() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn read_options(options: &JsValue) -> Result<SearchOptions, JsValue> {
    let mut o = SearchOptions { on: date_option(options)?, ..Default::default() };
    let systems = get(options, "systems");
    if let Some(one) = systems.as_string() {
        o.systems.push(system(&one)?);
    } else if js_sys::Array::is_array(&systems) {
        for v in js_sys::Array::from(&systems).iter() {
            let s = v.as_string().ok_or_else(|| js_error("BAD_SYSTEM", "systems must be strings"))?;
            o.systems.push(system(&s)?);
        }
    }
    if let Some(n) = get(options, "limit").as_f64() {
        if !(n >= 0.0 && n.is_finite()) {
            return Err(js_error("BAD_LIMIT", "limit must be a non-negative number"));
        }
        o.limit = n.min(1000.0) as usize;
    }
    o.billable_only = get(options, "billableOnly").as_bool().unwrap_or(false);
    Ok(o)
}

#[wasm_bindgen]
impl Validator {
    /// Finds codes by code, code prefix or words: `[{system, code, description, billable,
    /// spans}]`, best first. Options: `{systems, limit (10), billableOnly, on: 'YYYY-MM-DD'}`.
    #[wasm_bindgen(unchecked_return_type = "SearchHit[]")]
    pub fn search(&self, query: &str, #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: JsValue) -> Result<JsValue, JsValue> {
        let o = read_options(&options)?;
        to_js(&search(self.engine.get(), query, &o))
    }
}
