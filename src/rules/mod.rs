//! The edit catalogue: one table, read by the engine and the docs, so no rule exists
//! undocumented. Severity and CMS source of every finding come from here.
use crate::finding::{Finding, Severity};

/// The catalogue text (tab-separated, header first).
pub const CATALOGUE: &str = include_str!("catalogue.tsv");

/// One catalogue row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// Claim-level analogue: reject, deny, warn or info.
    pub disposition: &'static str,
    pub cms_ref: &'static str,
    pub source: &'static str,
    /// The Medicare Code Editor edit: number, CMS edit name and MCE disposition
    /// (e.g. `5 SEX_CONFLICT prepayment`); empty when the rule is not an MCE edit.
    pub mce_edit: &'static str,
    /// Dates CMS runs the edit, `from..to` (either side may be open); empty for always.
    pub in_force: &'static str,
    /// The I/OCE edit number and its disposition (`18 LID`: CR claim rejection, CD claim
    /// denial, RTP return to provider, SUS suspension, LIR line rejection, LID line denial);
    /// empty when the rule is not an I/OCE edit.
    pub ioce_edit: &'static str,
}

impl Rule {
    /// The MCE edit name (`SEX_CONFLICT`), if the rule is one.
    pub fn mce_name(&self) -> Option<&'static str> {
        self.mce_edit.split_whitespace().nth(1)
    }
    /// The I/OCE edit number, if the rule is one.
    pub fn ioce_number(&self) -> Option<u16> {
        self.ioce_edit.split_whitespace().next()?.parse().ok()
    }
    /// True when CMS runs the edit on a date (yyyymmdd).
    pub fn in_force_on(&self, yyyymmdd: u32) -> bool {
        let Some((from, to)) = self.in_force.split_once("..") else { return true };
        let bound = |s: &str| s.replace('-', "").parse::<u32>().ok();
        bound(from).is_none_or(|f| f <= yyyymmdd) && bound(to).is_none_or(|t| yyyymmdd <= t)
    }
}

/// All rules in catalogue order (parsed once, on first use).
pub fn rules() -> impl Iterator<Item = Rule> {
    static PARSED: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| parse().collect()).iter().copied()
}

fn parse() -> impl Iterator<Item = Rule> {
    CATALOGUE.lines().skip(1).filter_map(|line| {
        let mut f = line.split('\t');
        let id = f.next()?;
        let name = f.next()?;
        let severity = match f.next()? {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            _ => Severity::Info,
        };
        Some(Rule {
            id,
            name,
            severity,
            disposition: f.next()?,
            cms_ref: f.next()?,
            source: f.next()?,
            mce_edit: f.next().unwrap_or(""),
            in_force: f.next().unwrap_or(""),
            ioce_edit: f.next().unwrap_or(""),
        })
    })
}

include!(concat!(env!("OUT_DIR"), "/rule_ids.rs"));

impl RuleId {
    /// The catalogue row.
    pub fn rule(self) -> Option<Rule> {
        rules().nth(self as usize)
    }
}

/// The catalogue row for a rule id.
pub fn rule(id: &str) -> Option<Rule> {
    rules().find(|r| r.id == id)
}

/// A finding for a catalogued rule with the catalogue's severity and source. The columns a
/// finding needs are compiled in per rule ([`RuleId::severity`], [`RuleId::citation`]), so
/// the runtime neither carries nor parses the whole catalogue.
pub fn finding(id: RuleId, message: String, vintage: Option<String>) -> Finding {
    Finding::new(id.as_str(), id.severity(), message, id.citation(), vintage)
}

/// Same, with an explicit severity (rules whose severity a payer pack or context changes).
pub fn finding_with(id: RuleId, severity: Severity, message: String, vintage: Option<String>) -> Finding {
    let mut f = finding(id, message, vintage);
    f.severity = severity;
    f
}

#[cfg(test)]
mod tests {
    #[test]
    fn catalogue_rows_are_complete_and_unique() {
        let rows: Vec<_> = super::rules().collect();
        assert_eq!(rows.len(), super::CATALOGUE.lines().count() - 1, "every row parses");
        let mut ids: Vec<_> = rows.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), rows.len(), "rule ids are unique");
        assert!(rows.iter().all(|r| !r.source.is_empty() && !r.cms_ref.is_empty()));
    }

    #[test]
    fn rule_ids_are_the_catalogue_in_order() {
        let ids: Vec<&str> = super::rules().map(|r| r.id).collect();
        let generated: Vec<&str> = super::RuleId::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(ids, generated);
        for r in super::RuleId::ALL {
            assert_eq!(super::RuleId::parse(r.as_str()), Some(*r));
            assert_eq!(r.rule().map(|x| x.id), Some(r.as_str()));
        }
    }

    #[test]
    fn compiled_columns_are_the_catalogue_s() {
        let rows: Vec<_> = super::rules().collect();
        assert_eq!(rows.len(), super::RuleId::ALL.len());
        for (id, row) in super::RuleId::ALL.iter().zip(&rows) {
            assert_eq!(id.as_str(), row.id);
            assert_eq!(id.severity(), row.severity, "{}", row.id);
            assert_eq!(id.citation(), format!("{} ({})", row.source, row.cms_ref), "{}", row.id);
            assert_eq!(id.ioce_edit(), row.ioce_edit, "{}", row.id);
        }
        let f = super::finding(super::RuleId::DxSex, "m".into(), None);
        assert_eq!((&*f.rule, f.severity, &*f.source), ("DX-SEX", crate::finding::Severity::Error, "CMS Medicare Code Editor diagnosis master table (MCE 5 (sex conflict, deactivated 2024-10-01); IOCE 3)"));
    }

    #[test]
    fn every_mce_edit_of_the_definitions_is_catalogued() {
        // The 20 edits of the Definitions of Medicare Code Edits v43.1 (chapter 1), plus the
        // MCE's REQUIRES_SDX, INVALID_ADMIT_DX and QUESTIONABLE_OBSTETRIC_ADMISSION outcomes.
        let names: Vec<&str> = super::rules().filter_map(|r| r.mce_name()).collect();
        for n in [
            "INVALID_CODE", "E_CODE_AS_PDX", "DUPLICATE_OF_PDX", "AGE_CONFLICT", "SEX_CONFLICT",
            "MANIFESTATION_AS_PDX", "NONSPECIFIC_PDX", "QUESTIONABLE_ADMISSION", "UNACCEPTABLE_PDX",
            "NONSPECIFIC_OR", "NON_COVERED", "OPEN_BIOPSY", "BILATERAL", "INVALID_AGE", "INVALID_SEX",
            "INVALID_DISCHARGE_STATUS", "LIMITED_COVERAGE", "WRONG_PROCEDURE_PERFORMED",
            "INCONSISTENT_WITH_LENGTH_OF_STAY", "UNSPECIFIED", "REQUIRES_SDX", "INVALID_ADMIT_DX",
            "QUESTIONABLE_OBSTETRIC_ADMISSION",
        ] {
            assert!(names.contains(&n), "MCE edit {n} has no catalogue row");
        }
        let numbers: std::collections::BTreeSet<u32> =
            super::rules().filter_map(|r| r.mce_edit.split_whitespace().next()?.parse().ok()).collect();
        assert_eq!(numbers, (1..=20).collect(), "MCE edits 1 to 20");
        let sex = super::rule("DX-SEX").unwrap();
        assert!(sex.in_force_on(2024_0930) && !sex.in_force_on(2024_1001));
        assert!(!super::rule("PX-BILATERAL").unwrap().in_force_on(2015_1001));
    }
}
