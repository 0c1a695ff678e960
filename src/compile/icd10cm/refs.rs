//! Finds the code references inside a note's text: `(S78.-)`, `(A00-A09)`, `(K35.2-)`,
//! `(E08.42, E09.42)` become structured [`NoteRef`]s so rules never re-parse text.
use crate::icd10cm::NoteRef;

/// All references in a note, in order of appearance.
pub fn parse_refs(text: &str) -> Vec<NoteRef> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0u32;
    // Index in `out` of the first reference inside the current parentheses.
    let mut group = 0usize;
    while i < b.len() {
        match b.get(i) {
            Some(b'(') => {
                if depth == 0 {
                    group = out.len();
                }
                depth += 1;
            }
            Some(b')') => depth = depth.saturating_sub(1),
            _ => {}
        }
        // "(E08-E13 with .42)": the categories take the suffixes, so the note names E08.42,
        // E09.42 ... E13.42, not every diabetes code.
        if depth > 0 && b.get(i..i + 5) == Some(b"with ".as_slice()) && out.len() > group {
            let (suffixes, end) = suffix_list(b, i + 5);
            if !suffixes.is_empty() {
                let categories = out.split_off(group);
                for c in &categories {
                    out.extend(with_suffixes(c, &suffixes));
                }
                i = end;
                continue;
            }
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

/// Suffixes after "with": `.42`, `.51-.52` (a range), `.69-` (all codes under it), separated
/// by commas, spaces or a stray period. Returns (lo, hi) pairs without dots and the index
/// after the list.
fn suffix_list(b: &[u8], mut k: usize) -> (Vec<(String, String)>, usize) {
    let mut out = Vec::new();
    let alnum_run = |from: usize| -> (String, usize) {
        let mut e = from;
        while e < b.len() && e < from + 4 && b.get(e).is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
            e += 1;
        }
        (String::from_utf8_lossy(b.get(from..e).unwrap_or_default()).into_owned(), e)
    };
    loop {
        while b.get(k).is_some_and(|c| *c == b' ' || *c == b',') || (b.get(k) == Some(&b'.') && b.get(k + 1) == Some(&b' ')) {
            k += 1;
        }
        if b.get(k) != Some(&b'.') {
            break;
        }
        let (lo, e) = alnum_run(k + 1);
        if lo.is_empty() {
            break;
        }
        k = e;
        let mut hi = lo.clone();
        if b.get(k) == Some(&b'-') {
            k += 1;
            if b.get(k) == Some(&b'.') {
                let (h, e2) = alnum_run(k + 1);
                if !h.is_empty() {
                    hi = h;
                    k = e2;
                }
            }
        }
        out.push((lo, hi));
    }
    (out, k)
}

/// A category reference (`E08`, or the range `E08`–`E13`) combined with suffixes.
fn with_suffixes(r: &NoteRef, suffixes: &[(String, String)]) -> Vec<NoteRef> {
    // "E08" -> (b'E', 8); anything else is not a plain category.
    let number = |c: &str| match c.as_bytes() {
        [letter, d1, d2] if d1.is_ascii_digit() && d2.is_ascii_digit() => Some((*letter, u32::from(d1 - b'0') * 10 + u32::from(d2 - b'0'))),
        _ => None,
    };
    let categories: Vec<String> = match (number(&r.lo), number(&r.hi)) {
        (Some((l1, a)), Some((l2, z))) if l1 == l2 && a <= z && z - a < 100 => (a..=z).map(|n| format!("{}{n:02}", char::from(l1))).collect(),
        // Not a plain category range: the suffixes cannot apply; keep the reference as written.
        _ => return vec![r.clone()],
    };
    categories
        .iter()
        .flat_map(|c| suffixes.iter().map(move |(lo, hi)| NoteRef { lo: format!("{c}{lo}"), hi: format!("{c}{hi}") }))
        .collect()
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

    #[test]
    fn category_ranges_with_suffixes_name_only_those_codes() {
        let each = |cats: &[&str], sfx: &[(&str, &str)]| -> Vec<NoteRef> {
            cats.iter().flat_map(|c| sfx.iter().map(move |(lo, hi)| r(&format!("{c}{lo}"), &format!("{c}{hi}")))).collect()
        };
        let diabetes = ["E08", "E09", "E10", "E11", "E12", "E13"];
        assert_eq!(parse_refs("diabetes mellitus (E08-E13 with .42)"), each(&diabetes, &[("42", "42")]));
        assert_eq!(parse_refs("diabetic ulcer (E08-E13 with .51-.52)"), each(&diabetes, &[("51", "52")]));
        assert_eq!(parse_refs("diabetic arthropathy (E08-E13 with .61-)"), each(&diabetes, &[("61", "61")]));
        let drugs = ["F11", "F12", "F13", "F14", "F15", "F16", "F17", "F18", "F19"];
        assert_eq!(parse_refs("induced disorder (F11-F19 with .15. .25, .95)"), each(&drugs, &[("15", "15"), ("25", "25"), ("95", "95")]));
        assert_eq!(parse_refs("(F10, F13, F19 with .26, .96)"), each(&["F10", "F13", "F19"], &[("26", "26"), ("96", "96")]));
        assert_eq!(parse_refs("(F10-F19, with .17, .27, .97)").len(), 30);
        // "with" outside a code list, or not followed by suffixes, changes nothing.
        assert_eq!(parse_refs("infection (A00-A09) with fever"), vec![r("A00", "A09")]);
        assert_eq!(parse_refs("(E08-E13 with complications)"), vec![r("E08", "E13")]);
    }
}
