//! The exercise and answer formats (JSON; schema in `exercise.schema.json`).
use super::sealed::SealedKey;
use super::weights::WeightOverrides;
use serde::{Deserialize, Serialize};

/// Which scoring preset an exercise uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rubric {
    /// AAPC Practicode-compatible: all-or-nothing per code, "P" for procedures.
    #[default]
    Aapc,
    /// claimlint's own: partial credit along the ICD-10-CM code tree.
    Hierarchical,
}

/// Practice shows reasons, rules and the key; exam shows the score only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Practice,
    Exam,
}

/// One expected diagnosis in a plain key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KeyCode {
    pub code: String,
    /// AAPC's `*`: leaving it out costs nothing; entering it correctly counts as correct.
    pub optional: bool,
    /// Other codes the author accepts for full credit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternates: Vec<String>,
    /// Why this code, shown in practice mode (dropped when sealing: it may name the code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// One expected procedure line in a plain key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KeyProcedure {
    pub code: String,
    /// Required modifiers (order does not matter).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<String>,
    /// Modifiers that may be entered or left out (AAPC's `*`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub optional_modifiers: Vec<String>,
    /// Units of service; `None` means 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<u32>,
    pub optional: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternates: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// The readable answer key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Key {
    /// Principal (inpatient) or first-listed (outpatient) diagnosis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<KeyCode>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_diagnoses: Vec<KeyCode>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<KeyProcedure>,
}

/// A graded coding exercise: either `key` (plain) or `sealed` (hashes only) is set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    /// The case the learner codes from.
    pub scenario: String,
    /// `YYYY-MM-DD`; picks the code-set edition. Absent: the newest edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_of_service: Option<String>,
    pub rubric: Rubric,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<WeightOverrides>,
    pub mode: Mode,
    /// Exam mode: how many times an answer may be graded (default 1). Ignored in practice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempts: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Key>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sealed: Option<SealedKey>,
}

impl Exercise {
    /// Exam mode: the number of gradings allowed (at least 1); `None` in practice mode.
    pub fn attempts_allowed(&self) -> Option<u32> {
        match self.mode {
            Mode::Exam => Some(self.attempts.unwrap_or(1).max(1)),
            Mode::Practice => None,
        }
    }

    /// What an exam's hashes are bound to besides the salt: its mode, attempt limit,
    /// rubric, weights and date. Editing any of them in a sealed exam changes every hash of
    /// the learner's entries, so nothing matches (a practice copy of an exam, or one with
    /// more attempts, grades every code wrong). Practice exercises are not bound.
    pub fn hash_binding(&self) -> String {
        match self.mode {
            Mode::Practice => String::new(),
            Mode::Exam => format!(
                "\u{1f}exam\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
                self.attempts.unwrap_or(1).max(1),
                match self.rubric {
                    Rubric::Aapc => "aapc",
                    Rubric::Hierarchical => "hierarchical",
                },
                super::weights::Weights::resolve(self.rubric, self.weights.as_ref()).fingerprint(),
                self.date_of_service.as_deref().unwrap_or(""),
            ),
        }
    }

    /// A problem that makes the exercise ungradable, in words for its author.
    pub fn problem(&self) -> Option<String> {
        if self.key.is_none() && self.sealed.is_none() {
            return Some("the exercise has neither `key` nor `sealed`".into());
        }
        if let Some(d) = &self.date_of_service {
            if crate::date::Date::parse(d).is_none() {
                return Some(format!(
                    "dateOfService `{d}` is not a date (use YYYY-MM-DD)"
                ));
            }
        }
        None
    }
}

/// One procedure line the learner entered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AnswerProcedure {
    pub code: String,
    pub modifiers: Vec<String>,
    /// Units; absent means 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<u32>,
}

/// What the learner entered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Answer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<String>,
    pub other_diagnoses: Vec<String>,
    pub procedures: Vec<AnswerProcedure>,
}
