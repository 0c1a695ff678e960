//! The "with" qualifiers of note references: which characters of the named codes a note
//! means. `.42`, `.51-.52`, `5th character 2`, `fifth-character 1`, `7th character B or C`,
//! `fifth to sixth characters 51`, `final characters -23`, `final characters .00 or .01`,
//! `fifth or sixth character 1-4` (the intent character of T36-T65), `fifth or sixth
//! character to indicate intent`, `open fracture 7th character`.

/// Where in a code (no dot, placeholder X's as stored) the qualifying characters stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// From this 0-based index (`.42` after a category is index 3; the 7th character is 6).
    /// The code's descendants share the characters, so they match too.
    Index(usize),
    /// From this index to the end of the code (7th character aside): "final characters -23"
    /// after `I69.` names I69.023, I69.123 … but not I69.91.
    Final(usize),
    /// The character that gives the intent in T36-T65: the last one before the 7th
    /// ("fifth or sixth character", "final character" of a poisoning code).
    Intent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Qualifier {
    /// Characters at `at` within one of the inclusive ranges `values` (equal lengths).
    Chars { at: At, values: Vec<(String, String)> },
    /// A 7th character whose meaning is an open fracture (B, C, E, F, H, J, M, N, Q, R).
    OpenFracture,
}

/// Reads a qualifier after "with ". Returns it and the bytes used, or why it is not read.
pub fn read_qualifier(text: &str) -> Result<(Qualifier, usize), String> {
    let lower = text.to_ascii_lowercase();
    let not_read = || format!("\"with {}\" is not a character qualifier", text.chars().take(40).collect::<String>());
    if lower.starts_with('.') {
        let (values, used) = values(&lower, 0);
        if values.is_empty() {
            return Err(not_read());
        }
        return Ok((Qualifier::Chars { at: At::Index(3), values: strip(values) }, used));
    }
    for phrase in ["open fracture 7th character", "open fracture seventh character"] {
        if lower.starts_with(phrase) {
            return Ok((Qualifier::OpenFracture, phrase.len()));
        }
    }
    if let Some(rest) = ["final characters ", "final character "].iter().find_map(|p| lower.strip_prefix(p)) {
        let head = lower.len() - rest.len();
        let (vals, used) = values(&lower, head);
        let first = vals.first().map(|v| v.0.clone()).unwrap_or_default();
        let at = if first.starts_with('.') {
            // ".00": the characters after the category's dot.
            At::Final(3)
        } else if first.starts_with('-') {
            // "-23" after "I69.": one dash for each character before them.
            At::Final(3 + first.chars().take_while(|c| *c == '-').count())
        } else {
            At::Intent
        };
        if vals.is_empty() {
            return Err(not_read());
        }
        return Ok((Qualifier::Chars { at, values: strip(vals) }, used));
    }
    let (at, head) = position(&lower).ok_or_else(not_read)?;
    if let Some(rest) = lower.get(head..) {
        if rest.starts_with("to indicate intent") {
            return Ok((Qualifier::Chars { at, values: vec![("1".into(), "4".into())] }, head + "to indicate intent".len()));
        }
    }
    let (vals, used) = values(&lower, head);
    if vals.is_empty() {
        return Err(not_read());
    }
    Ok((Qualifier::Chars { at, values: strip(vals) }, used))
}

/// "5th character ", "fifth-character ", "fifth or sixth character ", "fifth to sixth
/// characters ": the position and where the values begin.
fn position(lower: &str) -> Option<(At, usize)> {
    let ordinal = |s: &str| -> Option<(usize, usize)> {
        for (words, n) in [(["fifth", "5th"], 5), (["sixth", "6th"], 6), (["seventh", "7th"], 7), (["six", "six"], 6)] {
            for w in words {
                if s.starts_with(w) {
                    return Some((n, w.len()));
                }
            }
        }
        None
    };
    let (first, mut k) = ordinal(lower)?;
    let mut at = At::Index(first - 1);
    for (joint, two) in [(" or ", true), (" to ", false)] {
        if let Some(rest) = lower.get(k..).and_then(|r| r.strip_prefix(joint)) {
            let (second, len) = ordinal(rest)?;
            // "fifth or sixth": the intent character; "fifth to sixth": both, from the fifth.
            at = if two && first == 5 && second == 6 { At::Intent } else { At::Index(first - 1) };
            k += joint.len() + len;
        }
    }
    let rest = lower.get(k..)?;
    let word = ["-characters ", "-character ", " characters ", " character "].iter().find(|w| rest.starts_with(**w))?;
    Some((at, k + word.len()))
}

/// A list of values from `from`: `.42`, `1-4`, `B`, `-23`, `.51-.52`, separated by commas,
/// "or", "and", spaces or a stray period (".15. .25"). Returns (lo, hi) as written.
fn values(lower: &str, from: usize) -> (Vec<(String, String)>, usize) {
    let b = lower.as_bytes();
    let mut out = Vec::new();
    let mut k = from;
    let mut end = from;
    let token = |at: usize| -> Option<(String, usize)> {
        let mut e = at;
        while matches!(b.get(e), Some(b'.') | Some(b'-')) && e < at + 3 {
            e += 1;
        }
        let marks = e;
        while b.get(e).is_some_and(u8::is_ascii_alphanumeric) && e < marks + 4 {
            e += 1;
        }
        if e == marks || b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        Some((String::from_utf8_lossy(b.get(at..e)?).to_ascii_uppercase(), e))
    };
    loop {
        if !out.is_empty() {
            let mut j = k;
            loop {
                let before = j;
                while matches!(b.get(j), Some(b' ') | Some(b',')) || (b.get(j) == Some(&b'.') && b.get(j + 1) == Some(&b' ')) {
                    j += 1;
                }
                for w in ["or ", "and "] {
                    if lower.get(j..).is_some_and(|r| r.starts_with(w)) {
                        j += w.len();
                    }
                }
                if j == before {
                    break;
                }
            }
            k = j;
        }
        let Some((lo, e)) = token(k) else { break };
        // Values of one list have one length; "B or any" stops before the prose.
        let len = |v: &str| v.trim_start_matches(['.', '-']).len();
        if out.first().is_some_and(|f: &(String, String)| len(&f.0) != len(&lo)) {
            break;
        }
        let mut hi = lo.clone();
        let mut e2 = e;
        // A range "1-4" or ".51-.52"; a dash on its own closes ".61-" (all codes under it).
        if b.get(e) == Some(&b'-') {
            match token(e + 1) {
                Some((h, e3)) if !h.starts_with('-') => {
                    hi = h;
                    e2 = e3;
                }
                _ => e2 = e + 1,
            }
        }
        out.push((lo, hi));
        k = e2;
        end = e2;
    }
    (out, end)
}

/// Drops the dots and dashes that mark where the values stand.
fn strip(values: Vec<(String, String)>) -> Vec<(String, String)> {
    let s = |v: String| v.trim_start_matches(['.', '-']).to_owned();
    values.into_iter().map(|(lo, hi)| (s(lo), s(hi))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Qualifier {
        read_qualifier(text).expect(text).0
    }
    fn chars(at: At, v: &[(&str, &str)]) -> Qualifier {
        Qualifier::Chars { at, values: v.iter().map(|(a, b)| ((*a).into(), (*b).into())).collect() }
    }

    #[test]
    fn word_forms() {
        assert_eq!(q(".42)"), chars(At::Index(3), &[("42", "42")]));
        assert_eq!(q(".61-)"), chars(At::Index(3), &[("61", "61")]));
        assert_eq!(q(".150, .250, .950)"), chars(At::Index(3), &[("150", "150"), ("250", "250"), ("950", "950")]));
        assert_eq!(q("5th character 2)"), chars(At::Index(4), &[("2", "2")]));
        assert_eq!(q("fifth character 4)"), chars(At::Index(4), &[("4", "4")]));
        assert_eq!(q("sixth character 1-4)"), chars(At::Index(5), &[("1", "4")]));
        assert_eq!(q("seventh character A)"), chars(At::Index(6), &[("A", "A")]));
        assert_eq!(q("fifth or six character 5)"), chars(At::Intent, &[("5", "5")]));
        assert_eq!(q("final characters -91)"), chars(At::Final(4), &[("91", "91")]));
        assert_eq!(q("final character 6)"), chars(At::Intent, &[("6", "6")]));
        assert!(read_qualifier("ketoacidosis").is_err());
        assert!(read_qualifier("complications)").is_err());
    }
}
