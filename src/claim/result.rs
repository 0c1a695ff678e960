//! What a claim check returns, in a deterministic order.
use crate::finding::{Finding, Severity};
use serde::{Deserialize, Serialize};

/// Findings about the claim's content, and errors reading it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimResult {
    /// The claim's `id`, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The payer pack applied, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer_pack: Option<String>,
    /// Edits that fired, sorted by location then rule.
    pub findings: Vec<Finding>,
    /// Values the reader could not use (`CLAIM-INPUT`) or did not know (`CLAIM-FIELD`).
    pub input_errors: Vec<Finding>,
}

impl ClaimResult {
    /// The most severe finding or input error.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().chain(&self.input_errors).map(|f| f.severity).max()
    }
    /// Every rule id that fired (findings and input errors), unsorted.
    pub fn rules(&self) -> impl Iterator<Item = &str> {
        self.findings.iter().chain(&self.input_errors).map(|f| &*f.rule)
    }
}

/// Sorts by location (segment by segment, numbers numerically: `/lines/2` < `/lines/10`;
/// no location first), then rule, then message, with each `DATA-STALE` warning after the
/// findings at its place (it speaks of the finding "above"); drops exact repeats.
pub fn sort_findings(v: &mut Vec<Finding>) {
    if v.len() < 2 {
        return;
    }
    let note = |f: &Finding| f.rule == crate::rules::RuleId::DataStale.as_str();
    v.sort_by(|a, b| {
        a.location.cmp(&b.location).then_with(|| note(a).cmp(&note(b))).then_with(|| a.rule.cmp(&b.rule)).then_with(|| a.message.cmp(&b.message))
    });
    v.dedup();
}
