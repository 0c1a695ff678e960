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
    if rationale == NOT_STATED {
        EditKind::NotStated
    } else if contains_ignore_case(rationale, "mutually exclusive") || contains_ignore_case(rationale, "gender-specific") {
        EditKind::MutuallyExclusive
    } else {
        EditKind::Component
    }
}

/// Whether `text` holds `needle` (lower case ASCII), ASCII case ignored: a rationale is a
/// short phrase, so a window compare, with no lower-cased copy.
fn contains_ignore_case(text: &str, needle: &str) -> bool {
    text.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn kinds() {
        assert_eq!(kind(NOT_STATED), EditKind::NotStated);
        assert_eq!(kind("Mutually Exclusive procedures"), EditKind::MutuallyExclusive);
        assert_eq!(kind("CMS policy: GENDER-SPECIFIC procedures"), EditKind::MutuallyExclusive);
        assert_eq!(kind("CPT Manual or CMS manual coding instruction"), EditKind::Component);
        assert_eq!(kind(""), EditKind::Component);
        assert_eq!(kind("mutually"), EditKind::Component);
    }
}
