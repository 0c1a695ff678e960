//! wasm methods for `crate::grade`: grading a learner's answer to an exercise.
//!
//! Exams are graded through one attempt ledger per loaded module (shared by every
//! `Validator`), so console calls cannot grade an exam more often than it allows.
use super::input::read;
use super::{js_error, to_js, Validator};
use crate::input;
use crate::grade::{grade_full, Answer, Attempts, Exercise, Mode};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static ATTEMPTS: RefCell<Attempts> = RefCell::new(Attempts::default());
}

fn read_exercise(value: &JsValue) -> Result<Exercise, JsValue> {
    let ex: Exercise = read(value, input::exercise::exercise)
        .map_err(|e| js_error("BAD_EXERCISE", &format!("not an exercise: {e}")))?;
    match ex.problem() {
        Some(p) => Err(js_error("BAD_EXERCISE", &p)),
        None => Ok(ex),
    }
}

fn read_answer(value: &JsValue) -> Result<Answer, JsValue> {
    read(value, input::exercise::answer)
        .map_err(|e| js_error("BAD_ANSWER", &format!("not an answer: {e}")))
}

#[wasm_bindgen]
impl Validator {
    /// Grades `answer` (`{principal, otherDiagnoses, procedures}`) against `exercise` (plain
    /// or sealed) → `{score, maxScore, items, extras, sequencing, ...}`. Practice: reasons and
    /// rules, the key's code only where the learner got it right. Exam: the score only, and
    /// at most `attempts` (default 1) gradings per exam; then throws `NO_ATTEMPTS_LEFT`.
    #[wasm_bindgen(unchecked_return_type = "GradeResult")]
    pub fn grade(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Exercise")] exercise: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Answer")] answer: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ex = read_exercise(&exercise)?;
        let a = read_answer(&answer)?;
        let graded = ATTEMPTS.with(|cell| {
            let mut ledger = cell.try_borrow_mut().map_err(|_| js_error("BUSY", "grading is already running"))?;
            ledger.grade(self.engine.get(), &ex, &a).map_err(|e| js_error("NO_ATTEMPTS_LEFT", &e.to_string()))
        })?;
        to_js(&graded)
    }

    /// Practice only: grades and shows the whole key (codes and explanations), for a learner
    /// who asked for the answers. Exams throw `EXAM_NO_ANSWERS`.
    #[wasm_bindgen(js_name = gradeAndReveal, unchecked_return_type = "GradeResult")]
    pub fn grade_and_reveal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Exercise")] exercise: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Answer")] answer: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ex = read_exercise(&exercise)?;
        if ex.mode == Mode::Exam {
            return Err(js_error("EXAM_NO_ANSWERS", "an exam does not show its answers"));
        }
        let a = read_answer(&answer)?;
        to_js(&grade_full(self.engine.get(), &ex, &a))
    }

    /// Exam attempts left in this loaded module; `undefined` for practice (no limit).
    #[wasm_bindgen(js_name = attemptsLeft)]
    pub fn attempts_left(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Exercise")] exercise: JsValue,
    ) -> Result<Option<u32>, JsValue> {
        let ex = read_exercise(&exercise)?;
        ATTEMPTS.with(|cell| {
            cell.try_borrow()
                .map(|ledger| ledger.left(&ex))
                .map_err(|_| js_error("BUSY", "grading is already running"))
        })
    }
}
