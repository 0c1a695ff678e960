//! The scope of the I/OCE's edits in a charge-entry validator: every edit number CMS lists
//! (`dsc_edit`, versions 20.2.27..27.1.0) with what claimlint does with it and why.
//! `docs/ioce-edits.md` is generated from this table and `dsc_edit` (tests/ioce_scope.rs).

/// The table: `edit <TAB> scope <TAB> rule id (implemented) or reason`.
pub const SCOPE: &str = include_str!("scope.tsv");

/// What claimlint does with an I/OCE edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A coding or billing error a coder can fix at entry; raised by the rule named.
    Implemented,
    /// In scope for a charge-entry validator, not yet implemented.
    Planned,
    /// An outcome of APC assignment, packaging or payment logic, not an entry error.
    Pricing,
    /// Switched off by CMS, deleted, or driven by a list that is empty in every covered version.
    Retired,
    /// Claim processing or contractor action (suspensions, MSP, receipt dates).
    Processing,
}

impl Scope {
    pub fn id(self) -> &'static str {
        match self {
            Scope::Implemented => "implemented",
            Scope::Planned => "planned",
            Scope::Pricing => "pricing",
            Scope::Retired => "retired",
            Scope::Processing => "processing",
        }
    }
    fn parse(s: &str) -> Option<Scope> {
        [Scope::Implemented, Scope::Planned, Scope::Pricing, Scope::Retired, Scope::Processing].into_iter().find(|x| x.id() == s)
    }
}

/// One edit's scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditScope {
    pub edit: u16,
    pub scope: Scope,
    /// The rule id when implemented, otherwise the reason.
    pub note: &'static str,
}

/// Every edit, by number.
pub fn edits() -> impl Iterator<Item = EditScope> {
    SCOPE.lines().skip(1).filter_map(|l| {
        let mut f = l.split('\t');
        Some(EditScope { edit: f.next()?.parse().ok()?, scope: Scope::parse(f.next()?)?, note: f.next()? })
    })
}

/// The scope of one edit.
pub fn of(edit: u16) -> Option<EditScope> {
    edits().find(|e| e.edit == edit)
}
