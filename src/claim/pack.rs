//! Payer rule packs as stored in the blob: data, not code. A pack switches catalogue rules on
//! or off, changes severities and messages, and adds code-pair denials, required modifiers
//! and age/sex limits for code ranges. Compiled from JSON by `compile::claim::pack`.
use crate::finding::Severity;
use serde::{Deserialize, Serialize};

/// An inclusive range of code prefixes (no dots, upper case): `27130`–`27447`, or `N40` alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeRange<'a> {
    #[serde(borrow)]
    pub lo: &'a str,
    #[serde(borrow)]
    pub hi: &'a str,
}

impl CodeRange<'_> {
    /// True when the code (no dot, upper case) falls in the range.
    pub fn matches(&self, code: &str) -> bool {
        let (lo, hi, code) = (self.lo.as_bytes(), self.hi.as_bytes(), code.as_bytes());
        if lo.is_empty() || hi.is_empty() {
            return false;
        }
        let head = |n: usize| code.get(..n.min(code.len())).unwrap_or(code);
        head(lo.len()) >= lo && head(hi.len()) <= hi && code.len() >= lo.len().min(hi.len())
    }
}

/// True when any range matches.
pub fn any_match(ranges: &[CodeRange<'_>], code: &str) -> bool {
    ranges.iter().any(|r| r.matches(code))
}

/// A catalogue rule's settings for this payer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSetting<'a> {
    #[serde(borrow)]
    pub rule: &'a str,
    /// `Some(false)` switches the rule off; `Some(true)` on (e.g. DX-SEX after 2024-10-01).
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
    /// Replaces the message; `{message}` is the engine's own text.
    #[serde(borrow)]
    pub message: Option<&'a str>,
}

/// Two codes the payer denies on one claim (same date of service when `same_day`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairDenial<'a> {
    #[serde(borrow)]
    pub first: Vec<CodeRange<'a>>,
    #[serde(borrow)]
    pub second: Vec<CodeRange<'a>>,
    pub same_day: bool,
    pub severity: Severity,
    #[serde(borrow)]
    pub message: &'a str,
}

/// Codes that must carry one of some modifiers (e.g. LT or RT).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifierRule<'a> {
    #[serde(borrow)]
    pub codes: Vec<CodeRange<'a>>,
    #[serde(borrow)]
    pub any_of: Vec<&'a str>,
    pub severity: Severity,
    #[serde(borrow)]
    pub message: &'a str,
}

/// Age or sex limits for codes (diagnoses or procedures).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeLimit<'a> {
    #[serde(borrow)]
    pub codes: Vec<CodeRange<'a>>,
    /// `F` or `M` when only that sex may be billed the codes.
    #[serde(borrow)]
    pub sex: Option<&'a str>,
    pub min_age: Option<u16>,
    pub max_age: Option<u16>,
    pub severity: Severity,
    #[serde(borrow)]
    pub message: &'a str,
}

/// One payer's pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack<'a> {
    #[serde(borrow)]
    pub id: &'a str,
    #[serde(borrow)]
    pub name: &'a str,
    #[serde(borrow)]
    pub version: &'a str,
    #[serde(borrow)]
    pub rules: Vec<RuleSetting<'a>>,
    #[serde(borrow)]
    pub pair_denials: Vec<PairDenial<'a>>,
    #[serde(borrow)]
    pub required_modifiers: Vec<ModifierRule<'a>>,
    #[serde(borrow)]
    pub code_limits: Vec<CodeLimit<'a>>,
}

impl<'a> Pack<'a> {
    pub fn setting(&self, rule: &str) -> Option<&RuleSetting<'a>> {
        self.rules.iter().find(|r| r.rule == rule)
    }
    /// The payer switched the rule on explicitly.
    pub fn enables(&self, rule: &str) -> bool {
        self.setting(rule).is_some_and(|s| s.enabled == Some(true))
    }
    /// "pack example-payer 2026-04", for findings' vintage.
    pub fn label(&self) -> String {
        format!("payer pack {} {}", self.id, self.version)
    }
}

/// Fills a message template: `{message}` is the engine's text, `{codes}` the codes involved.
/// An empty template keeps the engine's text.
pub fn fill(template: &str, message: &str, codes: &str) -> String {
    if template.trim().is_empty() {
        return message.to_owned();
    }
    template.replace("{message}", message).replace("{codes}", codes)
}
