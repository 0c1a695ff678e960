//! Finds the code references inside a note's text: `(S78.-)`, `(A00-A09)`, `(K35.2-)`,
//! `(E08.42, E09.42)` become structured [`NoteRef`]s so rules never re-parse text.
use crate::icd10cm::NoteRef;

/// All references in a note, in order of appearance.
pub fn parse_refs(text: &str) -> Vec<NoteRef> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0u32;
    while i < b.len() {
        match b.get(i) {
            Some(b'(') => depth += 1,
            Some(b')') => depth = depth.saturating_sub(1),
            _ => {}
        }
        // CMS writes references in parentheses; outside them "A1C" is a word, not a code.
        let boundary = i == 0 || !b.get(i - 1).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.');
        if boundary && depth > 0 {
            if let Some((lo, end)) = code_at(b, i) {
                let mut hi = lo.clone();
                let mut j = end;
                // Range "A00-A09" or "C43-C4A"; a lone "-" after a code is the wildcard.
                if b.get(j) == Some(&b'-') {
                    if let Some((h, e2)) = code_at(b, j + 1) {
                        hi = h;
                        j = e2;
                        if b.get(j) == Some(&b'-') {
                            j += 1;
                        }
                    } else {
                        j += 1;
                    }
                }
                out.push(NoteRef { lo, hi });
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// A code starting at `i`: letter, digit, alphanumeric, then optionally `.` and up to four
/// alphanumerics. Returns it without the dot, and the index after it.
fn code_at(b: &[u8], i: usize) -> Option<(String, usize)> {
    let c0 = *b.get(i)?;
    let c1 = *b.get(i + 1)?;
    let c2 = *b.get(i + 2)?;
    // Letter, then two alphanumerics with at least one digit (J15, C4A, QA0 since FY2026).
    let alnum = |c: u8| c.is_ascii_digit() || c.is_ascii_uppercase();
    if !(c0.is_ascii_uppercase() && alnum(c1) && alnum(c2) && (c1.is_ascii_digit() || c2.is_ascii_digit())) {
        return None;
    }
    let mut code = String::from_utf8_lossy(&[c0, c1, c2]).into_owned();
    let mut j = i + 3;
    if b.get(j) == Some(&b'.') {
        let mut k = j + 1;
        while k < b.len() && k < j + 5 && b.get(k).is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
            code.push(char::from(*b.get(k)?));
            k += 1;
        }
        j = if k > j + 1 { k } else { j + 1 };
    }
    // A following letter or digit means this was a word, not a code (e.g. "A1C").
    if b.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((code, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: &str, hi: &str) -> NoteRef {
        NoteRef { lo: lo.into(), hi: hi.into() }
    }

    #[test]
    fn references_in_real_notes() {
        assert_eq!(parse_refs("traumatic amputation of hip and thigh (S78.-)"), vec![r("S78", "S78")]);
        assert_eq!(parse_refs("periprosthetic fracture of prosthetic implant of hip (M97.0-)"), vec![r("M970", "M970")]);
        assert_eq!(parse_refs("intestinal infectious diseases (A00-A09)"), vec![r("A00", "A09")]);
        assert_eq!(parse_refs("melanoma (C43-C4A)"), vec![r("C43", "C4A")]);
        assert_eq!(parse_refs("diabetes (E08.42, E09.42, E10.42)"), vec![r("E0842", "E0842"), r("E0942", "E0942"), r("E1042", "E1042")]);
        assert_eq!(parse_refs("Code first underlying disease, such as: amyloidosis (E85.-)"), vec![r("E85", "E85")]);
        assert_eq!(parse_refs("hemoglobin A1C level"), vec![]);
        assert_eq!(parse_refs("unspecified (NOS)"), vec![]);
        assert_eq!(parse_refs("ion channel disorders (QA0.01-)"), vec![r("QA001", "QA001")]);
        assert_eq!(parse_refs("pneumonia due to SARS-associated coronavirus (J12.81)"), vec![r("J1281", "J1281")]);
    }
}
