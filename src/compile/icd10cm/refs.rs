//! Reads the code references in a tabular note's text, as written: `(S78.-)`, `(A00-A09)`,
//! `(E08.42, E09.42)`, `jaw pain R68.84`, `classified in subcategories S06.1- to S06.6-`,
//! `(F10.- -F19.-)`, and "with" qualifiers such as `(E08-E13 with .42)`,
//! `(S92.- with 7th character B)`, `(T36-T65 with fifth or sixth character 1-4)`.
//!
//! The reader only says what the text names; [`super::resolve`] turns that into codes of an
//! edition, in Tabular order. A note the reader cannot follow exactly is reported as unread,
//! never turned into a wider reference.
use super::qualifier::{read_qualifier, Qualifier};

/// One code or range as written, without dots or wildcard dashes (`S06.1-` → `S061`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub lo: String,
    pub hi: String,
}

/// References that share a qualifier: the codes of one list, e.g. `E08, E09, E11, E13 with
/// final characters .00 or .01`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefGroup {
    pub items: Vec<Written>,
    pub qualifier: Option<Qualifier>,
}

/// What a note's text names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reading {
    pub groups: Vec<RefGroup>,
    /// Why the note cannot be read exactly (its references are then not used).
    pub unread: Option<String>,
}

impl Reading {
    pub fn names_codes(&self) -> bool {
        self.groups.iter().any(|g| !g.items.is_empty())
    }
}

/// Reads a note. References in parentheses are the note's; when a note has none, codes in
/// the running text are ("jaw pain R68.84"). Codes outside parentheses beside parenthesised
/// ones describe the condition ("any condition in I51.4-I51.9 due to hypertension (I11.-)").
pub fn read_note(text: &str) -> Reading {
    let mut inside: Vec<RefGroup> = Vec::new();
    let mut outside: Vec<RefGroup> = Vec::new();
    let mut unread = None;
    let mut after_codes = false;
    for seg in segments(text) {
        let (groups, problem) = read_list(seg.text);
        if unread.is_none() {
            unread = problem;
        }
        let named = groups.iter().any(|g| !g.items.is_empty());
        // "(T36-T50) with fifth or sixth character 6": a qualifier right after parenthesised
        // codes. Other words after "with" there are prose ("(LAC) with hypercoagulable state").
        if !seg.parenthesised && !named && after_codes {
            if let Some(q) = leading_qualifier(seg.text) {
                match (q, inside.last_mut()) {
                    (Ok(q), Some(g)) if g.qualifier.is_none() => g.qualifier = Some(q),
                    (Err(why), _) if seg.text.contains("character") => unread = unread.or(Some(why)),
                    _ => {}
                }
            }
        }
        after_codes = seg.parenthesised && named;
        let target = if seg.parenthesised { &mut inside } else { &mut outside };
        target.extend(groups.into_iter().filter(|g| !g.items.is_empty()));
    }
    let groups = if inside.iter().any(|g| !g.items.is_empty()) { inside } else { outside };
    Reading { groups, unread }
}

struct Segment<'t> {
    text: &'t str,
    parenthesised: bool,
}

/// Splits text into top-level parenthesised parts and the running text between them.
fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut depth = 0u32;
    let mut start = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    out.push(Segment { text: text.get(start..i).unwrap_or(""), parenthesised: false });
                    start = i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(Segment { text: text.get(start..i).unwrap_or(""), parenthesised: true });
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    out.push(Segment { text: text.get(start..).unwrap_or(""), parenthesised: depth > 0 });
    out
}

/// A "with" qualifier at the start of running text (after skipping commas and spaces).
fn leading_qualifier(text: &str) -> Option<Result<Qualifier, String>> {
    let rest = text.trim_start_matches([' ', ',']);
    let rest = rest.strip_prefix("with ")?;
    Some(read_qualifier(rest).map(|(q, _)| q))
}

/// Reads the codes in one stretch of text: lists, ranges with any separator, and "with"
/// qualifiers that apply to the codes listed before them.
fn read_list(text: &str) -> (Vec<RefGroup>, Option<String>) {
    let b = text.as_bytes();
    let mut groups = Vec::new();
    let mut items: Vec<Written> = Vec::new();
    let mut problem = None;
    let mut i = 0;
    while i < b.len() {
        let boundary = i == 0 || !b.get(i - 1).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'\'');
        // "vitamin B12" is a vitamin, not category B12; "hemoglobin A1C" a test.
        let vitamin = text.get(..i).is_some_and(|h| h.to_ascii_lowercase().ends_with("vitamin ")) || b.get(i..i + 3) == Some(b"A1C".as_slice());
        if let (true, false, Some((lo, end))) = (boundary, vitamin, code_at(b, i)) {
            let (hi, end) = range_end(b, end).unwrap_or_else(|| (lo.clone(), skip_wildcard(b, end)));
            if parallel(&lo, &hi) {
                problem = problem.or(Some(format!("{lo}-{hi} reads as a range across subcategories but names parallel codes")));
            }
            items.push(Written { lo, hi });
            i = end;
            // A "with" after the list qualifies every code in it.
            let after = skip(b, i, b" ,");
            if b.get(after..after + 5) == Some(b"with ".as_slice()) {
                let rest = text.get(after + 5..).unwrap_or("");
                match read_qualifier(rest) {
                    Ok((q, used)) => {
                        groups.push(RefGroup { items: std::mem::take(&mut items), qualifier: Some(q) });
                        i = after + 5 + used;
                    }
                    Err(why) => {
                        problem = problem.or(Some(why));
                        i = after + 5;
                    }
                }
            }
            continue;
        }
        i += 1;
    }
    if !items.is_empty() {
        groups.push(RefGroup { items, qualifier: None });
    }
    (groups, problem)
}

/// "I69.01-I69.11-": both ends end alike below different subcategories, so the text most
/// likely lists I69.01- and I69.11-; read as a range it would take in I69.02-I69.09.
fn parallel(lo: &str, hi: &str) -> bool {
    lo.len() >= 5 && lo.len() == hi.len() && lo.get(..3) == hi.get(..3) && lo.get(3..4) != hi.get(3..4) && lo.get(4..) == hi.get(4..)
}

fn skip(b: &[u8], mut i: usize, chars: &[u8]) -> usize {
    while b.get(i).is_some_and(|c| chars.contains(c)) {
        i += 1;
    }
    i
}

/// A lone `-` after a code is the wildcard ("S78.-").
fn skip_wildcard(b: &[u8], i: usize) -> usize {
    if b.get(i) == Some(&b'-') && !b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i + 1
    } else {
        i
    }
}

/// The end of a range after its first code: `-`, `--`, ` -`, ` - `, `- -` or ` to `, then a
/// code. Returns the last code and the index after it (and after its wildcard dash).
fn range_end(b: &[u8], end: usize) -> Option<(String, usize)> {
    // The first code may carry its own wildcard dash before the separator ("I70.2--I70.7-").
    for start in [end, if b.get(end) == Some(&b'-') { end + 1 } else { end }] {
        let k = skip(b, start, b" ");
        // "I69.81- I69.91-": a dash on the code with a space after it is the wildcard.
        let wildcard_then_space = start == end && k == start && b.get(k + 1) == Some(&b' ');
        let after_sep = if b.get(k) == Some(&b'-') && !wildcard_then_space {
            k + 1
        } else if b.get(k..k + 3) == Some(b"to ".as_slice()) || b.get(k..k + 8) == Some(b"through ".as_slice()) {
            k + if b.get(k) == Some(&b't') && b.get(k + 1) == Some(&b'o') { 3 } else { 8 }
        } else {
            continue;
        };
        let k = skip(b, after_sep, b" ");
        if let Some((hi, e)) = code_at(b, k) {
            return Some((hi, skip_wildcard(b, e)));
        }
    }
    None
}

/// A code starting at `i`: a letter, two characters with at least one digit (J15, C4A, QA0,
/// F32.A), then optionally `.` and up to four characters. Returns it without the dot, and
/// the index after it (a trailing dot, as in "I69.", is taken too).
pub fn code_at(b: &[u8], i: usize) -> Option<(String, usize)> {
    let c0 = *b.get(i)?;
    let c1 = *b.get(i + 1)?;
    let c2 = *b.get(i + 2)?;
    let alnum = |c: u8| c.is_ascii_digit() || c.is_ascii_uppercase();
    if !(c0.is_ascii_uppercase() && alnum(c1) && alnum(c2) && (c1.is_ascii_digit() || c2.is_ascii_digit())) {
        return None;
    }
    let mut code = String::from_utf8_lossy(&[c0, c1, c2]).into_owned();
    let mut j = i + 3;
    if b.get(j) == Some(&b'.') {
        let mut k = j + 1;
        while k < b.len() && k < j + 5 && b.get(k).is_some_and(|c| alnum(*c)) {
            code.push(char::from(*b.get(k)?));
            k += 1;
        }
        j = k;
    }
    // A following letter or digit means this was a word, not a code (e.g. "A1C", "T2DM").
    if b.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((code, j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::icd10cm::qualifier::{At, Qualifier};

    fn w(lo: &str, hi: &str) -> Written {
        Written { lo: lo.into(), hi: hi.into() }
    }
    fn items(text: &str) -> Vec<Written> {
        let r = read_note(text);
        assert_eq!(r.unread, None, "{text}");
        r.groups.into_iter().flat_map(|g| g.items).collect()
    }

    #[test]
    fn codes_and_ranges_in_parentheses() {
        assert_eq!(items("traumatic amputation of hip and thigh (S78.-)"), vec![w("S78", "S78")]);
        assert_eq!(items("periprosthetic fracture (M97.0-)"), vec![w("M970", "M970")]);
        assert_eq!(items("intestinal infectious diseases (A00-A09)"), vec![w("A00", "A09")]);
        assert_eq!(items("melanoma (C43-C4A)"), vec![w("C43", "C4A")]);
        assert_eq!(items("diabetes (E08.42, E09.42)"), vec![w("E0842", "E0842"), w("E0942", "E0942")]);
        assert_eq!(items("ion channel disorders (QA0.01-)"), vec![w("QA001", "QA001")]);
        assert_eq!(items("depression (F32.A)"), vec![w("F32A", "F32A")]);
        assert_eq!(items("hemoglobin A1C level"), vec![]);
        assert_eq!(items("unspecified (NOS)"), vec![]);
        assert_eq!(items("vitamin B12 deficiency anemia (D51.-)"), vec![w("D51", "D51")]);
    }

    #[test]
    fn every_range_separator() {
        assert_eq!(items("open fracture of pelvis (S32.1--S32.9)"), vec![w("S321", "S329")]);
        assert_eq!(items("(F10.--F19.-)"), vec![w("F10", "F19")]);
        assert_eq!(items("drug dependence (F10.- -F19.-)"), vec![w("F10", "F19")]);
        assert_eq!(items("rheumatic fever (I01.0 -I01.9)"), vec![w("I010", "I019")]);
        assert_eq!(items("apnea of newborn (P28.3- - P28.4-)"), vec![w("P283", "P284")]);
        assert_eq!(items("rheumatoid arthritis (M05.00 to M05.8A)"), vec![w("M0500", "M058A")]);
        assert_eq!(items("atherosclerosis (I70.2--I70.7-)"), vec![w("I702", "I707")]);
        assert_eq!(items("adverse effects (A00-R94 and T80-T88.6, T88.8)"), vec![w("A00", "R94"), w("T80", "T886"), w("T888", "T888")]);
        assert_eq!(items("(I69.81- I69.91-)"), vec![w("I6981", "I6981"), w("I6991", "I6991")]);
        assert_eq!(items("(C43.2-,C44.2-)"), vec![w("C432", "C432"), w("C442", "C442")]);
    }

    #[test]
    fn codes_in_running_text() {
        assert_eq!(items("injury to visual cortex S04.04-"), vec![w("S0404", "S0404")]);
        assert_eq!(items("jaw pain R68.84"), vec![w("R6884", "R6884")]);
        assert_eq!(items("classified in subcategories S06.1- to S06.6-, and S06.81- to S06.89-, code to specified intracranial injury"), vec![w("S061", "S066"), w("S0681", "S0689")]);
        assert_eq!(items("conditions classifiable to S06.0- to S06.8-code to specified intracranial injury"), vec![w("S060", "S068")]);
        assert_eq!(items("tendinitis as classified in M75-M77"), vec![w("M75", "M77")]);
        assert_eq!(items("congenital malformation syndromes classified to Q87.-"), vec![w("Q87", "Q87")]);
        assert_eq!(items("code from category T31 or T32 to identify extent"), vec![w("T31", "T31"), w("T32", "T32")]);
        // Beside a parenthesised reference, codes in the text describe the condition.
        assert_eq!(items("any condition in I51.4-I51.9 due to hypertension (I11.-)"), vec![w("I11", "I11")]);
        assert_eq!(items("pneumoconiosis with tuberculosis, any type in A15 (J65)"), vec![w("J65", "J65")]);
    }

    #[test]
    fn with_qualifiers_stay_with_their_codes() {
        let q = |text: &str| -> Vec<(Vec<Written>, Option<Qualifier>)> {
            let r = read_note(text);
            assert_eq!(r.unread, None, "{text}");
            r.groups.into_iter().map(|g| (g.items, g.qualifier)).collect()
        };
        let chars = |at: At, vals: &[(&str, &str)]| Some(Qualifier::Chars { at, values: vals.iter().map(|(a, b)| ((*a).into(), (*b).into())).collect() });
        assert_eq!(q("diabetes mellitus (E08-E13 with .42)"), vec![(vec![w("E08", "E13")], chars(At::Index(3), &[("42", "42")]))]);
        assert_eq!(q("(E08-E13 with .51-.52)"), vec![(vec![w("E08", "E13")], chars(At::Index(3), &[("51", "52")]))]);
        assert_eq!(q("(F11-F19 with .15. .25, .95)"), vec![(vec![w("F11", "F19")], chars(At::Index(3), &[("15", "15"), ("25", "25"), ("95", "95")]))]);
        assert_eq!(q("(S92.-with 7th character B)"), vec![(vec![w("S92", "S92")], chars(At::Index(6), &[("B", "B")]))]);
        assert_eq!(q("(S42.- with 7th character B or C)"), vec![(vec![w("S42", "S42")], chars(At::Index(6), &[("B", "B"), ("C", "C")]))]);
        assert_eq!(q("(S32.1--S32.9 with 7th character B)"), vec![(vec![w("S321", "S329")], chars(At::Index(6), &[("B", "B")]))]);
        assert_eq!(q("(T36-T65 with fifth or sixth character 1-4)"), vec![(vec![w("T36", "T65")], chars(At::Intent, &[("1", "4")]))]);
        assert_eq!(q("(T36-T65 with fifth or sixth character 1-4 or 6)"), vec![(vec![w("T36", "T65")], chars(At::Intent, &[("1", "4"), ("6", "6")]))]);
        assert_eq!(q("(T36-T50 with fifth or six character 5)"), vec![(vec![w("T36", "T50")], chars(At::Intent, &[("5", "5")]))]);
        assert_eq!(q("(T51-T65 with fifth or sixth character to indicate intent), for toxic pneumonopathy"), vec![(vec![w("T51", "T65")], chars(At::Intent, &[("1", "4")]))]);
        assert_eq!(q("underdosing of medication (T36-T50) with fifth or sixth character 6"), vec![(vec![w("T36", "T50")], chars(At::Intent, &[("6", "6")]))]);
        assert_eq!(q("(T36-T50 with final character 6)"), vec![(vec![w("T36", "T50")], chars(At::Intent, &[("6", "6")]))]);
        assert_eq!(q("(T39.0-, with sixth character 5)"), vec![(vec![w("T390", "T390")], chars(At::Index(5), &[("5", "5")]))]);
        assert_eq!(q("(I69. with final characters -23)"), vec![(vec![w("I69", "I69")], chars(At::Final(4), &[("23", "23")]))]);
        assert_eq!(q("(E08, E09, E11, E13 with final characters .00 or .01)"), vec![(vec![w("E08", "E08"), w("E09", "E09"), w("E11", "E11"), w("E13", "E13")], chars(At::Final(3), &[("00", "00"), ("01", "01")]))]);
        assert_eq!(q("(F11-F19 with fifth to sixth characters 51)"), vec![(vec![w("F11", "F19")], chars(At::Index(4), &[("51", "51")]))]);
        assert_eq!(q("(F10-F19 with 5th character .6)"), vec![(vec![w("F10", "F19")], chars(At::Index(4), &[("6", "6")]))]);
        assert_eq!(q("(A37 with fifth-character 1)"), vec![(vec![w("A37", "A37")], chars(At::Index(4), &[("1", "1")]))]);
        assert_eq!(q("(S06.0X- with seventh character S)"), vec![(vec![w("S060X", "S060X")], chars(At::Index(6), &[("S", "S")]))]);
        assert_eq!(q("leukemia in remission C91.0-C95.9 with 5th character 1"), vec![(vec![w("C910", "C959")], chars(At::Index(4), &[("1", "1")]))]);
        assert_eq!(q("(S52.- with open fracture 7th character)"), vec![(vec![w("S52", "S52")], Some(Qualifier::OpenFracture))]);
    }

    #[test]
    fn prose_after_with_is_not_a_qualifier() {
        assert_eq!(items("lupus anticoagulant (LAC) with hypercoagulable state (D68.62)"), vec![w("D6862", "D6862")]);
        assert_eq!(items("with vascular defect (D68.0-)"), vec![w("D680", "D680")]);
        assert_eq!(items("atherosclerosis of coronary bypass graft(s) with angina pectoris (I25.70-I25.73-, I25.79-)"), vec![w("I2570", "I2573"), w("I2579", "I2579")]);
    }

    #[test]
    fn parallel_codes_written_as_a_range_are_not_read() {
        assert!(read_note("cognitive deficits (I69.01-I69.11-, I69.21-I69.31-, I69.81- I69.91-)").unread.is_some());
        assert_eq!(items("angina (I25.70-I25.73-, I25.79-)"), vec![w("I2570", "I2573"), w("I2579", "I2579")]);
    }

    #[test]
    fn qualifiers_in_words_are_not_read() {
        let r = read_note("diabetic acidosis - see categories E08-E10, E11, E13 with ketoacidosis");
        assert!(r.unread.is_some());
    }
}
