//! Tabular instructional notes, parsed at compile time into structured code references.
use serde::{Deserialize, Serialize};

/// The kind of a tabular note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[repr(u8)]
pub enum NoteKind {
    Excludes1 = 1,
    Excludes2 = 2,
    CodeFirst = 3,
    UseAdditionalCode = 4,
    CodeAlso = 5,
    Includes = 6,
    InclusionTerm = 7,
    Note = 8,
    SeventhCharacter = 9,
}

impl NoteKind {
    pub fn from_u8(v: u8) -> Option<NoteKind> {
        Some(match v {
            1 => NoteKind::Excludes1,
            2 => NoteKind::Excludes2,
            3 => NoteKind::CodeFirst,
            4 => NoteKind::UseAdditionalCode,
            5 => NoteKind::CodeAlso,
            6 => NoteKind::Includes,
            7 => NoteKind::InclusionTerm,
            8 => NoteKind::Note,
            9 => NoteKind::SeventhCharacter,
            _ => return None,
        })
    }
    /// Name used in JSON and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            NoteKind::Excludes1 => "excludes1",
            NoteKind::Excludes2 => "excludes2",
            NoteKind::CodeFirst => "codeFirst",
            NoteKind::UseAdditionalCode => "useAdditionalCode",
            NoteKind::CodeAlso => "codeAlso",
            NoteKind::Includes => "includes",
            NoteKind::InclusionTerm => "inclusionTerm",
            NoteKind::Note => "note",
            NoteKind::SeventhCharacter => "seventhCharacter",
        }
    }
}

/// A code reference inside a note: a single code, a range, or a code with the "-" wildcard.
///
/// Stored as an inclusive range of code prefixes (no dots): a code matches when its first
/// `lo.len()` characters are `>= lo` and its first `hi.len()` characters are `<= hi`. A single
/// code `K35.2` or wildcard `K35.2-` is `lo = hi = "K352"` and so covers its descendants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRef {
    pub lo: String,
    pub hi: String,
}

impl NoteRef {
    /// True when `code` (no dot) falls under this reference.
    pub fn matches(&self, code: &str) -> bool {
        ref_matches(self.lo.as_bytes(), self.hi.as_bytes(), code.as_bytes())
    }
    /// Display form: `K35.2-` for a prefix, `A00-A09` for a range.
    pub fn display(&self) -> String {
        if self.lo == self.hi {
            format!("{}{}", super::dotted(&self.lo), if self.lo.len() < 7 { "-" } else { "" })
        } else {
            format!("{}-{}", super::dotted(&self.lo), super::dotted(&self.hi))
        }
    }
}

#[inline]
pub(crate) fn ref_matches(lo: &[u8], hi: &[u8], code: &[u8]) -> bool {
    let (Some(l), Some(h)) = (lo.first(), hi.first()) else { return false };
    // Most references name another letter: decided by the first byte.
    if code.first().is_some_and(|c| c < l || c > h) {
        return false;
    }
    let head = |n: usize| code.get(..n.min(code.len())).unwrap_or(code);
    crate::blob::columns::short_cmp(head(lo.len()), lo).is_ge() && crate::blob::columns::short_cmp(head(hi.len()), hi).is_le()
}


/// A note as read from the blob.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub kind: NoteKind,
    /// The code (dotted) the note is written under; it applies to all its descendants.
    pub at: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<NoteRef>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_ranges_cover_descendants() {
        let r = NoteRef { lo: "A00".into(), hi: "A09".into() };
        assert!(r.matches("A00") && r.matches("A0901") && r.matches("A05"));
        assert!(!r.matches("A10") && !r.matches("B00"));
        let w = NoteRef { lo: "K352".into(), hi: "K352".into() };
        assert!(w.matches("K352") && w.matches("K3520") && !w.matches("K353") && !w.matches("K35"));
        assert_eq!(w.display(), "K35.2-");
        assert_eq!(r.display(), "A00-A09");
    }
}
