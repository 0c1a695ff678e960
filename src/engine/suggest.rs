//! Candidate corrections for a code that is not in the set: placeholder X, O/0 and I/1
//! confusions, and single-character slips. Every candidate is checked against the set.
use crate::blob::columns::CodeTable;
use crate::icd10cm::Icd10Cm;

/// Codes made by inserting placeholder X's so the 7th character lands in position 7
/// (`T3601A` → `T360X1A`, `W2189A` → `W2189XA`), that are billable in the edition.
pub fn placeholder_x(cm: &Icd10Cm<'_>, code: &str, e: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let len = code.len();
    if !(4..7).contains(&len) {
        return out;
    }
    // `len` is in 4..7, so this is 1..=3 and never saturates.
    let missing = 7usize.saturating_sub(len);
    // Insert `missing` X's as one run at every position after the category.
    for at in 3..len {
        let (Some(head), Some(tail)) = (code.get(..at), code.get(at..)) else { continue };
        let candidate = format!("{head}{}{tail}", "X".repeat(missing));
        if let Some(i) = cm.find(&candidate) {
            if cm.billable(i, e) && !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// Billable 7-character codes under the header made by inserting placeholder X's up to six
/// characters: `T3601` → `T360X1` → `T36.0X1A`, `T36.0X1D`, `T36.0X1S` (the typed code lacks both
/// the placeholder and the 7th character).
pub fn placeholder_x_seventh(cm: &Icd10Cm<'_>, code: &str, e: usize, limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let len = code.len();
    if !(4..6).contains(&len) {
        return out;
    }
    let missing = 6usize.saturating_sub(len);
    for at in 3..=len {
        let (Some(head), Some(tail)) = (code.get(..at), code.get(at..)) else { continue };
        let candidate = format!("{head}{}{tail}", "X".repeat(missing));
        let Some(i) = cm.find(&candidate) else { continue };
        if !cm.exists(i, e) || cm.billable(i, e) || !cm.needs_seventh(i) {
            continue;
        }
        for j in cm.billable_descendants(i, e, limit) {
            if !out.contains(&j) {
                out.push(j);
            }
        }
    }
    out.truncate(limit);
    out
}

/// Codes that differ only by letter O / digit 0 or letter I / digit 1 (in the positions
/// where ICD-10-CM expects the other), existing in the edition.
pub fn lookalike_digits(cm: &Icd10Cm<'_>, code: &str, e: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let swaps = |c: char, pos: usize| -> Option<char> {
        match (c, pos) {
            ('0', 0) => Some('O'),
            ('1', 0) => Some('I'),
            ('O', p) if p > 0 => Some('0'),
            ('I', p) if p > 0 => Some('1'),
            _ => None,
        }
    };
    let mut fixed = chars.clone();
    let mut changed = false;
    for (p, c) in chars.iter().enumerate() {
        if let Some(r) = swaps(*c, p) {
            if let Some(slot) = fixed.get_mut(p) {
                *slot = r;
                changed = true;
            }
        }
    }
    if changed {
        let candidate: String = fixed.into_iter().collect();
        if let Some(i) = cm.find(&candidate) {
            if cm.exists(i, e) {
                out.push(i);
            }
        }
    }
    out
}

/// Billable codes one substitution, deletion, insertion or adjacent swap away (remembered
/// per code typed in native builds, see `Icd10Cm::recall_near_misses`).
pub fn near_misses(cm: &Icd10Cm<'_>, code: &str, e: usize, limit: usize) -> Vec<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(found) = cm.recall_near_misses(code, e, limit) {
        return found;
    }
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let b = code.as_bytes();
    let mut out: Vec<usize> = Vec::new();
    // Every candidate made at position `p` keeps the typed characters before `p`, so it is
    // looked up among the codes starting with them (`rows`), not the whole column.
    let consider = |rows: &core::ops::Range<usize>, cand: &[u8], out: &mut Vec<usize>| {
        if let Some(i) = cm.codes().find_within(rows.clone(), cand) {
            if cm.billable(i, e) && !out.contains(&i) {
                out.push(i);
            }
        }
    };
    let mut buf = Vec::with_capacity(8);
    for p in 0..b.len() {
        let head = b.get(..p).unwrap_or(b);
        let rows = cm.codes().prefix_range(head);
        // adjacent swap
        if let Some(q) = p.checked_add(1).filter(|&q| q < b.len()) {
            buf.clear();
            buf.extend_from_slice(b);
            buf.swap(p, q);
            consider(&rows, &buf, &mut out);
        }
        // deletion
        buf.clear();
        buf.extend(b.iter().enumerate().filter(|(q, _)| *q != p).map(|(_, c)| *c));
        consider(&rows, &buf, &mut out);
        // substitution: scan the codes sharing the part before `p` when they are few, else
        // look up each character
        let tail = b.get(p.saturating_add(1)..).unwrap_or(&[]);
        if few(head, &rows) {
            for i in rows {
                let Some(k) = cm.codes().key(i) else { continue };
                let differs = k.get(p).is_some_and(|c| Some(c) != b.get(p) && ALPHABET.contains(c));
                if k.len() == b.len() && differs && k.get(p.saturating_add(1)..) == Some(tail) && cm.billable(i, e) && !out.contains(&i) {
                    out.push(i);
                }
            }
            continue;
        }
        for &a in ALPHABET {
            if b.get(p) == Some(&a) {
                continue;
            }
            buf.clear();
            buf.extend_from_slice(b);
            if let Some(slot) = buf.get_mut(p) {
                *slot = a;
            }
            consider(&rows, &buf, &mut out);
        }
    }
    // insertion (only for short codes: a missing character)
    if b.len() < 7 {
        for p in 0..=b.len() {
            let (head, tail) = (b.get(..p).unwrap_or(b), b.get(p..).unwrap_or(&[]));
            let rows = cm.codes().prefix_range(head);
            if few(head, &rows) {
                for i in rows {
                    let Some(k) = cm.codes().key(i) else { continue };
                    let fits = k.len() == b.len().saturating_add(1) && k.get(p).is_some_and(|c| ALPHABET.contains(c));
                    if fits && k.get(p.saturating_add(1)..) == Some(tail) && cm.billable(i, e) && !out.contains(&i) {
                        out.push(i);
                    }
                }
                continue;
            }
            for &a in ALPHABET {
                buf.clear();
                buf.extend_from_slice(b.get(..p).unwrap_or(b));
                buf.push(a);
                buf.extend_from_slice(b.get(p..).unwrap_or(&[]));
                consider(&rows, &buf, &mut out);
            }
        }
    }
    // Codes that keep more of what was typed, from the left, come first: at T36.01 the
    // T36.0… codes before E36.01 (category changed) or T86.01 (a digit in the category).
    out.sort_unstable_by_key(|&i| (core::cmp::Reverse(shared_prefix(cm.code(i), code)), i));
    out.truncate(limit);
    #[cfg(not(target_arch = "wasm32"))]
    cm.keep_near_misses(code, e, limit, &out);
    out
}

/// True when the codes starting with `prefix` (`rows`) are few enough to scan (cheaper than
/// looking up each of the 36 characters that could come next).
fn few(prefix: &[u8], rows: &core::ops::Range<usize>) -> bool {
    !prefix.is_empty() && rows.len() <= 48
}

/// Length of the common leading part of two codes.
fn shared_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}
