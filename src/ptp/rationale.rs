//! What a CMS PTP rationale means for the message: the two kinds of edit differ.

/// The two kinds of PTP edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// The codes cannot reasonably be performed together (mutually exclusive, or
    /// gender-specific procedures for different sexes).
    MutuallyExclusive,
    /// The column-two code is a component of, or included in, the column-one code.
    Component,
    /// The source gives no rationale (the I/OCE tables carry none).
    NotStated,
}

/// The rationale recorded for edits whose source states none.
pub const NOT_STATED: &str = "Not stated (I/OCE table)";

/// Classifies a CMS rationale text.
pub fn kind(rationale: &str) -> EditKind {
    let r = rationale.to_ascii_lowercase();
    if rationale == NOT_STATED {
        EditKind::NotStated
    } else if r.contains("mutually exclusive") || r.contains("gender-specific") {
        EditKind::MutuallyExclusive
    } else {
        EditKind::Component
    }
}
