//! What a claim check returns, in a deterministic order.
use crate::finding::{Finding, Severity};
use core::cmp::Ordering;
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
        self.findings.iter().chain(&self.input_errors).map(|f| f.rule.as_str())
    }
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Seg<'s> {
    Num(u64),
    Text(&'s str),
}

/// JSON pointers compared segment by segment, numbers numerically (`/lines/2` < `/lines/10`).
pub fn pointer_cmp(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => segs(x).cmp(&segs(y)),
    }
}

fn segs(p: &str) -> Vec<Seg<'_>> {
    p.split('/').skip(1).map(|s| s.parse::<u64>().map_or(Seg::Text(s), Seg::Num)).collect()
}

/// Sorts by location, then rule, then message; drops exact repeats.
pub fn sort_findings(v: &mut Vec<Finding>) {
    if v.len() < 2 {
        return;
    }
    // Parse each pointer once (not once per comparison), borrowing its segments; sort the
    // positions, then move the findings into that order.
    let order: Vec<usize> = {
        let keys: Vec<Option<Vec<Seg<'_>>>> = v.iter().map(|f| f.location.as_deref().map(segs)).collect();
        let mut idx: Vec<usize> = (0..v.len()).collect();
        idx.sort_by(|&a, &b| {
            let (Some(fa), Some(fb)) = (v.get(a), v.get(b)) else { return Ordering::Equal };
            keys.get(a)
                .cmp(&keys.get(b))
                .then_with(|| fa.rule.cmp(&fb.rule))
                .then_with(|| fa.message.cmp(&fb.message))
        });
        idx
    };
    let mut slots: Vec<Option<Finding>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
    v.dedup();
}
