//! wasm methods for `crate::grade`: grading a learner's answer to an exercise.
use super::{js_error, to_js, Validator};
use crate::grade::{grade, Answer, Exercise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Validator {
    /// Grades `answer` (`{principal, otherDiagnoses, procedures}`) against `exercise` (plain
    /// or sealed) → `{score, maxScore, items, extras, sequencing, ...}`; exam mode: score only.
    #[wasm_bindgen(unchecked_return_type = "GradeResult")]
    pub fn grade(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Exercise")] exercise: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Answer")] answer: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ex: Exercise = serde_wasm_bindgen::from_value(exercise)
            .map_err(|e| js_error("BAD_EXERCISE", &format!("not an exercise: {e}")))?;
        if let Some(p) = ex.problem() {
            return Err(js_error("BAD_EXERCISE", &p));
        }
        let answer: Answer = serde_wasm_bindgen::from_value(answer)
            .map_err(|e| js_error("BAD_ANSWER", &format!("not an answer: {e}")))?;
        to_js(&grade(self.engine.get(), &ex, &answer))
    }
}
