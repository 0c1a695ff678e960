//! Query words → document bitsets (all text, and description only), with one-typo tolerance.
use super::bits::Bits;
use super::dict::{for_each_doc, seek};
use super::query::Word;
use super::section::SearchSection;

/// Words at least this long tolerate one typo (when they match nothing as typed).
pub const TYPO_MIN_CHARS: usize = 5;
/// Most dictionary terms one word expands to (a one-letter prefix stays bounded).
const MAX_TERMS: usize = 4000;

/// Where one word matched.
pub struct WordHits {
    /// Documents whose description or extra text has the word.
    pub all: Bits,
    /// Documents whose description has the word.
    pub title: Bits,
    /// Dictionary terms matched through a typo (for highlighting).
    pub typo_terms: Vec<String>,
}

/// Matches one word against the dictionary.
pub fn word_hits(s: &SearchSection<'_>, w: &Word, n: usize) -> WordHits {
    let mut h = WordHits { all: Bits::new(n), title: Bits::new(n), typo_terms: Vec::new() };
    let key = w.text.as_bytes();
    let mut found = 0usize;
    let mut c = seek(s, key);
    while c.valid() && found < MAX_TERMS {
        let t = c.term();
        let ok = if w.exact { t == key } else { t.starts_with(key) };
        if !ok {
            break;
        }
        add(&mut h, c.title(), c.extra());
        found = found.saturating_add(1);
        if !c.advance() {
            break;
        }
    }
    if found == 0 && !w.exact && w.text.chars().count() >= TYPO_MIN_CHARS {
        typo(s, &mut h, key);
    }
    h
}

fn add(h: &mut WordHits, title: &[u8], extra: &[u8]) {
    for_each_doc(title, |d| {
        h.title.set(d);
        h.all.set(d);
    });
    for_each_doc(extra, |d| h.all.set(d));
}

/// Scans terms sharing the first letter (or the first two letters swapped) for one edit.
fn typo(s: &SearchSection<'_>, h: &mut WordHits, key: &[u8]) {
    let (Some(&a), Some(&b)) = (key.first(), key.get(1)) else { return };
    for start in [[a], [b]] {
        let swapped = start == [b];
        let mut c = seek(s, &start);
        let mut scanned = 0usize;
        while c.valid() && c.term().first() == start.first() && scanned < 20_000 {
            let t = c.term();
            let second_ok = !swapped || t.get(1) == Some(&a);
            if second_ok && within_one(key, t) {
                if let Ok(term) = core::str::from_utf8(t) {
                    h.typo_terms.push(term.to_owned());
                }
                add(h, c.title(), c.extra());
            }
            scanned = scanned.saturating_add(1);
            if !c.advance() {
                break;
            }
        }
        if a == b {
            break;
        }
    }
}

/// True when some prefix of `t` is within one edit (insert, delete, substitute, swap) of `w`.
pub fn within_one(w: &[u8], t: &[u8]) -> bool {
    const MAX: usize = 48;
    let m = w.len();
    if m == 0 || m > MAX {
        return false;
    }
    let n = t.len().min(m.saturating_add(1));
    // Rows of the optimal-string-alignment distance, capped at 2.
    let mut prev2 = [0u8; MAX + 2];
    let mut prev = [0u8; MAX + 2];
    let mut cur = [0u8; MAX + 2];
    for (j, v) in prev.iter_mut().enumerate().take(n.saturating_add(1)) {
        *v = j.min(2) as u8;
    }
    for i in 1..=m {
        let wi = w.get(i.saturating_sub(1)).copied();
        if let Some(c0) = cur.get_mut(0) {
            *c0 = i.min(2) as u8;
        }
        let mut row_min = 2u8;
        for j in 1..=n {
            let tj = t.get(j.saturating_sub(1)).copied();
            let cost = u8::from(wi != tj);
            let del = prev.get(j).copied().unwrap_or(2).saturating_add(1);
            let ins = cur.get(j.saturating_sub(1)).copied().unwrap_or(2).saturating_add(1);
            let sub = prev.get(j.saturating_sub(1)).copied().unwrap_or(2).saturating_add(cost);
            let mut v = del.min(ins).min(sub);
            if i > 1 && j > 1 && wi == t.get(j.saturating_sub(2)).copied() && w.get(i.saturating_sub(2)).copied() == tj {
                v = v.min(prev2.get(j.saturating_sub(2)).copied().unwrap_or(2).saturating_add(1));
            }
            let v = v.min(2);
            if let Some(c) = cur.get_mut(j) {
                *c = v;
            }
            row_min = row_min.min(v);
        }
        if row_min > 1 && cur.first().copied().unwrap_or(2) > 1 {
            return false;
        }
        prev2 = prev;
        prev = cur;
    }
    // Distance between all of `w` and some prefix of `t` (at least `m - 1` long).
    prev.iter().take(n.saturating_add(1)).skip(m.saturating_sub(1)).any(|&v| v <= 1)
}

#[cfg(test)]
mod tests {
    use super::within_one;

    #[test]
    fn one_edit_against_prefixes() {
        assert!(within_one(b"pneumonai", b"pneumonia"));
        assert!(within_one(b"pnemonia", b"pneumonia"));
        assert!(within_one(b"fractrue", b"fracture"));
        assert!(within_one(b"diabte", b"diabete")); // "diabtes" after plural stemming
        assert!(within_one(b"fractu", b"fracture"));
        assert!(!within_one(b"frcatrue", b"fracture"));
        assert!(!within_one(b"pneumonia", b"pleurisy"));
    }
}
