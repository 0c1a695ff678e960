//! What grading returns: one item per expected code, the extras, sequencing and the score.
use super::model::{Mode, Rubric};
use serde::{Deserialize, Serialize};

/// How an entered code relates to an expected one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Exact,
    Alternate,
    /// Same code except for the placeholder X's.
    MissingPlaceholder,
    /// Same code except for the 7th character.
    WrongSeventh,
    /// The code was entered without its required 7th character.
    MissingSeventh,
    /// A right/left/unspecified sibling of the expected code.
    Laterality,
    /// A poisoning, adverse-effect or underdosing code for the right substance with another
    /// 6th character (intent).
    WrongIntent,
    SameSubcategory,
    SameCategory,
    SameBlock,
    SameChapter,
    /// Procedure: right code, wrong modifiers ("P").
    Modifier,
    /// Procedure: right code, wrong units ("P").
    Units,
    /// Procedure: right code, wrong modifiers and units ("P").
    ModifierAndUnits,
    /// Something else was entered in its place.
    Wrong,
    /// Not entered.
    Missing,
    /// An optional code left out: not scored.
    OptionalOmitted,
    /// Entered but not in the key (over-coding).
    Extra,
}

impl Decision {
    /// Hierarchy and procedure partial decisions.
    pub fn is_partial(self) -> bool {
        !matches!(
            self,
            Decision::Exact
                | Decision::Alternate
                | Decision::Wrong
                | Decision::Missing
                | Decision::OptionalOmitted
                | Decision::Extra
        )
    }
}

/// The mark a learner sees, AAPC style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Correct,
    /// AAPC's "P".
    Partial,
    Incorrect,
    Missing,
    NotScored,
}

/// Which field of the answer an item belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Principal,
    Diagnosis,
    Procedure,
}

/// One graded expected code (or, in `extras`, one code that was not expected).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub field: Field,
    /// The key's code: from a plain key or a practice answer sheet, and in practice mode
    /// only once the learner got it right or asked for the answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// The learner's entry exactly as typed (surrounding spaces dropped): `W19A` stays `W19A`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered: Option<String>,
    pub decision: Decision,
    pub mark: Mark,
    /// Points earned, 0..=1 (0 for extras).
    pub credit: f64,
    /// Why, in words a learner understands.
    pub reason: String,
    /// The coding rule or guideline behind it (practice mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The author's explanation (practice mode, plain keys).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// Whether the principal/first-listed diagnosis was sequenced first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sequencing {
    pub correct: bool,
    /// Points taken off the principal's item for its position.
    pub penalty: f64,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// The outcome of grading one answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GradeResult {
    pub exercise: String,
    pub rubric: Rubric,
    pub mode: Mode,
    /// Percentage, 0–100, one decimal.
    pub score: f64,
    /// Always 100: `score` is a percentage.
    pub max_score: f64,
    /// Points earned and the denominator they are divided by.
    pub earned: f64,
    pub possible: f64,
    pub items: Vec<Item>,
    pub extras: Vec<Item>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequencing: Option<Sequencing>,
}

impl GradeResult {
    /// Exam mode: the score alone, no per-code feedback.
    pub fn redact(mut self) -> GradeResult {
        self.items.clear();
        self.extras.clear();
        self.sequencing = None;
        self
    }

    /// Practice before the learner asks for the answers: the key's code and explanation
    /// stay only on items the learner got right.
    pub fn without_key(mut self) -> GradeResult {
        for it in self.items.iter_mut().filter(|i| i.mark != Mark::Correct) {
            it.expected = None;
            it.explanation = None;
        }
        self
    }
}

/// Rounds for display and stable comparison.
pub(crate) fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}
