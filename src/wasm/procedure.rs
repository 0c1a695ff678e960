//! wasm methods for `crate::procedure`: claim-line checks.
use super::{js_error, to_js, Validator};
use crate::procedure::{check_line, check_lines, is_ptp_modifier, LineInput};
use wasm_bindgen::prelude::*;

fn line_input(v: JsValue) -> Result<LineInput, JsValue> {
    serde_wasm_bindgen::from_value(v).map_err(|e| js_error("BAD_LINE", &format!("not a claim line: {e}")))
}

#[wasm_bindgen]
impl Validator {
    /// Checks one line: `{code, modifiers?, units?, dateOfService?, claimType?}` →
    /// `{code, modifiers, mue, addOn, findings}`.
    #[wasm_bindgen(js_name = checkLine, unchecked_return_type = "LineCheck")]
    pub fn check_line(&self, #[wasm_bindgen(unchecked_param_type = "LineInput")] line: JsValue) -> Result<JsValue, JsValue> {
        let line = line_input(line)?;
        to_js(&check_line(self.engine.get(), &line))
    }

    /// Checks the lines of one claim together (MUE date-of-service sums, add-on primaries);
    /// returns every finding, located at `/lines/{i}/...`.
    #[wasm_bindgen(js_name = checkLines, unchecked_return_type = "Finding[]")]
    pub fn check_lines(&self, #[wasm_bindgen(unchecked_param_type = "LineInput[]")] lines: JsValue) -> Result<JsValue, JsValue> {
        let lines: Vec<LineInput> =
            serde_wasm_bindgen::from_value(lines).map_err(|e| js_error("BAD_LINE", &format!("not an array of claim lines: {e}")))?;
        to_js(&check_lines(self.engine.get(), &lines))
    }

    /// True when the modifier is an NCCI PTP-associated modifier.
    #[wasm_bindgen(js_name = isPtpModifier)]
    pub fn is_ptp_modifier(&self, modifier: &str) -> bool {
        is_ptp_modifier(modifier)
    }
}
