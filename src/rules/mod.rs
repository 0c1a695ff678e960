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
        Some(Rule { id, name, severity, disposition: f.next()?, cms_ref: f.next()?, source: f.next()? })
    })
}

/// A rule with its citation ("source (CMS cross-reference)"), built once per rule rather
/// than once per finding: claims produce many findings and this is their hot path.
fn cited(id: &str) -> Option<(Rule, &'static str)> {
    static CITED: std::sync::OnceLock<Vec<(Rule, String)>> = std::sync::OnceLock::new();
    let cited = CITED.get_or_init(|| {
        let mut v: Vec<(Rule, String)> = rules().map(|r| (r, format!("{} ({})", r.source, r.cms_ref))).collect();
        v.sort_by(|a, b| a.0.id.cmp(b.0.id));
        v
    });
    let (r, s) = cited.get(cited.binary_search_by(|(r, _)| r.id.cmp(id)).ok()?)?;
    Some((*r, s.as_str()))
}

/// The catalogue row for a rule id.
pub fn rule(id: &str) -> Option<Rule> {
    rules().find(|r| r.id == id)
}

/// A finding for a catalogued rule with the catalogue's severity and source.
pub fn finding(id: &str, message: String, vintage: Option<String>) -> Finding {
    match cited(id) {
        Some((r, source)) => Finding::new(r.id, r.severity, message, source, vintage),
        None => {
            debug_assert!(false, "rule {id} is not in the catalogue");
            Finding::new(id, Severity::Error, message, "uncatalogued rule", vintage)
        }
    }
}

/// Same, with an explicit severity (rules whose severity a payer pack or context changes).
pub fn finding_with(id: &str, severity: Severity, message: String, vintage: Option<String>) -> Finding {
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
}
