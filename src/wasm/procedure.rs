//! wasm methods for `crate::procedure`: claim-line checks.
use super::input::{read, read_or_default};
use super::{js_error, to_js, Validator};
use crate::input;
use crate::input::line::LineOptions;
use crate::procedure::{check_line_with, check_lines_with, is_ptp_modifier, LineInput};
use wasm_bindgen::prelude::*;

fn line_options(v: &JsValue) -> Result<LineOptions, JsValue> {
    read_or_default(v, input::line::line_options).map_err(|e| js_error("BAD_INPUT", &format!("options: {e}")))
}

fn line_input(v: &JsValue) -> Result<LineInput, JsValue> {
    read(v, input::line::line_input).map_err(|e| js_error("BAD_LINE", &format!("not a claim line: {e}")))
}

#[wasm_bindgen]
impl Validator {
    /// Checks one line: `{code, modifiers?, units?, dateOfService?, claimType?}` →
    /// `{code, modifiers, mue, addOn, findings}`. `options`: `{staleEdits: 'apply'|'skip'}`.
    #[wasm_bindgen(js_name = checkLine, unchecked_return_type = "LineCheck")]
    pub fn check_line(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LineInput")] line: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LineOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let line = line_input(&line)?;
        to_js(&check_line_with(self.engine.get(), &line, line_options(&options)?.stale_edits))
    }

    /// Checks the lines of one claim together (MUE date-of-service sums, add-on primaries);
    /// returns every finding, located at `/lines/{i}/...`.
    #[wasm_bindgen(js_name = checkLines, unchecked_return_type = "Finding[]")]
    pub fn check_lines(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LineInput[]")] lines: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LineOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let lines: Vec<LineInput> = read(&lines, |v| input::list(v, input::line::line_input)).map_err(|e| js_error("BAD_LINE", &format!("not an array of claim lines: {e}")))?;
        to_js(&check_lines_with(self.engine.get(), &lines, line_options(&options)?.stale_edits))
    }

    /// True when the modifier is an NCCI PTP-associated modifier.
    #[wasm_bindgen(js_name = isPtpModifier)]
    pub fn is_ptp_modifier(&self, modifier: &str) -> bool {
        is_ptp_modifier(modifier)
    }
}
