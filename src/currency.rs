//! One data-currency policy for every table.
//!
//! - A **code set** (ICD-10-CM, ICD-10-PCS, HCPCS, CPT numbers, MCE) answers only dates
//!   inside its editions; past the newest one the answer is `no_data_for_date`.
//! - An **edit table** (NCCI PTP, MUE, add-on codes, POA exempt, I/OCE edits) asked about a date past its window is
//!   applied from its newest release ([`StaleEdits::Apply`], the default): every finding it
//!   produces is at most a warning and is followed by a `DATA-STALE` warning naming the table,
//!   its window and how many days past it the date is. [`StaleEdits::Skip`] leaves such edits
//!   out and says so with one `EDIT-DATE` note instead.
use crate::date::Date;
use crate::finding::{Finding, Severity};
use crate::rules::finding;
use crate::rules::RuleId;
use serde::{Deserialize, Serialize};

/// What to do with an edit table asked about a date past its window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StaleEdits {
    /// Apply the newest release; mark each finding `DATA-STALE`, at most a warning.
    #[default]
    Apply,
    /// Do not apply it; one `EDIT-DATE` note says the edit was not checked.
    Skip,
}

impl StaleEdits {
    /// `apply` or `skip`.
    pub fn parse(s: &str) -> Option<StaleEdits> {
        match s.trim().to_ascii_lowercase().as_str() {
            "apply" => Some(StaleEdits::Apply),
            "skip" => Some(StaleEdits::Skip),
            _ => None,
        }
    }
}

/// An edit table's name and the dates of service its newest release answers for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditWindow {
    /// Shown in messages, e.g. `NCCI MUE effective 2026-04-01 (Practitioner Services)`.
    pub table: String,
    pub from: Date,
    pub to: Date,
}

impl EditWindow {
    /// Days the date of service lies past the window (`None` inside or before it).
    pub fn days_past(&self, dos: Date) -> Option<u32> {
        let n = dos.days_since_epoch().checked_sub(self.to.days_since_epoch())?;
        u32::try_from(n).ok().filter(|&n| n > 0)
    }

    /// The `DATA-STALE` warning that follows a finding of this table for `dos`.
    pub fn stale_note(&self, of: &Finding, dos: Date, days: u32) -> Finding {
        let f = finding(
            RuleId::DataStale,
            format!(
                "{} above comes from the {}, whose window is {} to {}; the date of service {dos} is {days} day{} past it. \
                 The newest release was applied, so the finding is at most a warning: edits added or deleted since are not known. \
                 Load a newer release to check it for sure",
                of.rule,
                self.table,
                self.from,
                self.to,
                plural(days)
            ),
            of.vintage.clone(),
        );
        match &of.location {
            Some(at) => f.at(at.clone()),
            None => f,
        }
    }

    /// The `DATA-STALE-TABLE` note for a table applied past its window that found nothing on a
    /// claim: `nothing` says what it did not find (`No NCCI PTP edit applies to these lines`),
    /// `unknown` what is therefore not known, `dates` the dates of service it was asked about
    /// (the latest one counts). `None` when no date is past the window.
    pub fn silent_note(&self, nothing: &str, unknown: &str, dates: &[Date], vintage: Option<String>) -> Option<Finding> {
        let latest = dates.iter().copied().max()?;
        let days = self.days_past(latest)?;
        let several = dates.iter().any(|d| *d != latest && self.days_past(*d).is_some());
        let past = if several {
            format!("the dates of service are up to {days} day{} past it (the latest is {latest})", plural(days))
        } else {
            format!("the date of service {latest} is {days} day{} past it", plural(days))
        };
        Some(finding(
            RuleId::DataStaleTable,
            format!(
                "{nothing} in the {} (window {} to {}); {past}, so {unknown}. Load a newer release to be sure",
                self.table, self.from, self.to
            ),
            vintage,
        ))
    }

    /// The `EDIT-DATE` note when a stale table was skipped (`StaleEdits::Skip`).
    pub fn skipped_note(&self, dos: Date, days: u32, what: &str, vintage: Option<String>) -> Finding {
        finding(
            RuleId::EditDate,
            format!(
                "{what} not checked: the {} covers dates of service {} to {}, and {dos} is {days} day{} past it (stale edits are skipped by request)",
                self.table,
                self.from,
                self.to,
                plural(days)
            ),
            vintage,
        )
    }
}

fn plural(days: u32) -> &'static str {
    if days == 1 {
        ""
    } else {
        "s"
    }
}

/// Applies the policy to the findings a table produced for one date of service: inside the
/// window they pass unchanged; past it each becomes at most a warning, followed by its
/// `DATA-STALE` note.
pub fn mark_stale(findings: Vec<Finding>, window: &EditWindow, dos: Date) -> Vec<Finding> {
    let Some(days) = window.days_past(dos) else { return findings };
    let mut out = Vec::with_capacity(findings.len().saturating_mul(2));
    for mut f in findings {
        if f.severity == Severity::Error {
            f.severity = Severity::Warning;
        }
        let note = window.stale_note(&f, dos, days);
        out.push(f);
        out.push(note);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> EditWindow {
        EditWindow { table: "NCCI MUE".into(), from: Date::parse("2026-04-01").unwrap(), to: Date::parse("2026-06-30").unwrap() }
    }

    #[test]
    fn days_past_the_window() {
        let w = window();
        assert_eq!(w.days_past(Date::parse("2026-06-30").unwrap()), None);
        assert_eq!(w.days_past(Date::parse("2026-03-01").unwrap()), None);
        assert_eq!(w.days_past(Date::parse("2026-07-01").unwrap()), Some(1));
        assert_eq!(w.days_past(Date::parse("2026-12-01").unwrap()), Some(154));
    }

    #[test]
    fn stale_findings_become_warnings_with_a_note() {
        let f = finding(RuleId::MueLine, "5 units exceed 1".into(), None).at("/units");
        let out = mark_stale(vec![f.clone()], &window(), Date::parse("2026-12-01").unwrap());
        assert_eq!(out.len(), 2);
        assert_eq!((&*out[0].rule, out[0].severity), ("MUE-LINE", Severity::Warning));
        assert_eq!((&*out[1].rule, out[1].severity, out[1].pointer()), ("DATA-STALE", Severity::Warning, Some("/units".to_owned())));
        assert!(out[1].message.contains("2026-04-01 to 2026-06-30") && out[1].message.contains("154 days past"), "{}", out[1].message);
        assert_eq!(mark_stale(vec![f.clone()], &window(), Date::parse("2026-05-01").unwrap()), vec![f]);
        assert_eq!(StaleEdits::parse(" Skip"), Some(StaleEdits::Skip));
        assert_eq!(StaleEdits::parse("later"), None);
    }

    #[test]
    fn a_table_that_found_nothing_past_its_window_says_so_once() {
        let d = |s| Date::parse(s).unwrap();
        let w = window();
        assert_eq!(w.silent_note("No MUE", "edits added since are not checked", &[d("2026-05-01"), d("2026-06-30")], None), None);
        assert_eq!(w.silent_note("No MUE", "x", &[], None), None);
        let one = w.silent_note("No MUE", "edits added since are not checked", &[d("2026-05-01"), d("2026-07-01")], Some("v".into())).unwrap();
        assert_eq!((&*one.rule, one.severity, one.vintage.as_deref()), ("DATA-STALE-TABLE", Severity::Info, Some("v")));
        assert_eq!(
            one.message,
            "No MUE in the NCCI MUE (window 2026-04-01 to 2026-06-30); the date of service 2026-07-01 is 1 day past it, \
             so edits added since are not checked. Load a newer release to be sure"
        );
        let several = w.silent_note("No MUE", "x", &[d("2026-12-01"), d("2026-07-01")], None).unwrap();
        assert!(several.message.contains("the dates of service are up to 154 days past it (the latest is 2026-12-01)"), "{}", several.message);
    }
}
