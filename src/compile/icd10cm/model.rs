//! One ICD-10-CM edition as read from a CMS file, before it is packed into the blob.
use crate::icd10cm::NoteKind;

/// A code (category, subcategory or billable code), without its dot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabularCode {
    pub code: String,
    /// Own title; for 7th-character codes, the 7th character's text only.
    pub title: String,
    pub billable: bool,
    /// A code made by adding a 7th character (title is appended to the parent's).
    pub extension: bool,
    /// A header whose billable forms are its 7th-character extensions.
    pub needs_seventh: bool,
}

/// An instructional note attached to a code and its descendants, or to a whole block or
/// chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabularNote {
    /// The code it is written under (empty for a block or chapter note).
    pub code: String,
    pub kind: NoteKind,
    pub text: String,
    pub scope: Option<Scope>,
}

/// A block ("I60-I69") or chapter ("Chapter 9") and its first and last categories.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Scope {
    pub label: String,
    pub first: String,
    pub last: String,
    /// Only the adverse-effect codes (intent character 5) of the block: a note series headed
    /// "Code first, for adverse effects, the nature of the adverse effect, such as:".
    pub adverse_effects: bool,
}

/// A block (XML "section") such as A00-A09.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabularBlock {
    pub first: String,
    pub last: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabularChapter {
    pub number: u8,
    pub title: String,
    pub blocks: Vec<TabularBlock>,
}

/// One edition, e.g. FY2026.
#[derive(Debug, Clone, Default)]
pub struct Edition {
    pub label: String,
    pub valid_from: u32,
    pub valid_to: u32,
    pub source_name: String,
    pub sha256: String,
    pub codes: Vec<TabularCode>,
    /// Every code in the order of the Tabular List (empty for an order file).
    pub tabular_order: Vec<String>,
    pub notes: Vec<TabularNote>,
    pub chapters: Vec<TabularChapter>,
    /// Codes whose own tabular notes the sources do not carry (added by an addenda file).
    pub notes_unavailable: Vec<String>,
}

impl Edition {
    pub fn billable_count(&self) -> usize {
        self.codes.iter().filter(|c| c.billable).count()
    }
    pub fn header_count(&self) -> usize {
        self.codes.len() - self.billable_count()
    }
}

/// The fiscal-year window of an ICD-10-CM edition: 1 October of the year before to 30 September.
///
/// The April updates of FY2025 and FY2026 changed no codes (CMS addenda: 0 additions,
/// deletions, revisions), so each April file answers for its whole fiscal year.
pub fn fiscal_year_window(fy: u32) -> (u32, u32) {
    ((fy - 1) * 10_000 + 1001, fy * 10_000 + 930)
}
