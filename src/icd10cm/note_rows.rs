//! The notes that apply to a code as row handles: kinds, editions and code references read
//! in place, the text copied only for a note a finding quotes. A claim's Excludes and
//! sequencing checks test every pair of its diagnoses against these.
use super::notes::{ref_matches, NoteKind, NoteView};
use super::section::Icd10Cm;
use crate::blob::columns::CodeTable;

/// A note applying to a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// Kept to 24 bytes (row numbers as `u32`): a claim's pair checks walk every diagnosis's rows,
/// read from the memo of [`Icd10Cm::note_rows_applying`], so a smaller row is fewer cache lines.
pub struct NoteRow {
    /// The first characters of the codes its references name, as bits (see [`letter_bit`]):
    /// a code starting with another character is not named, without reading the references.
    pub letters: u64,
    /// Row in the note table.
    n: u32,
    /// The block or chapter scope it is written under (row in the scope table); `None` for a
    /// note written under a code.
    scope: Option<u32>,
    pub kind: NoteKind,
    /// Written under a chapter (see [`Icd10Cm::note_row_is_chapter`]), found once when the
    /// rows are gathered rather than from the label at every claim.
    pub chapter: bool,
}

/// A code's first character as a bit of [`NoteRow::letters`] (0 for an empty code): a row
/// whose `letters` lack it does not name the code, and neither does any of a set of rows whose
/// `letters` OR-ed together lack it.
pub fn code_letter(code: &str) -> u64 {
    code.as_bytes().first().map_or(0, |&c| letter_bit(c))
}

/// A code's first character as a bit of [`NoteRow::letters`].
fn letter_bit(c: u8) -> u64 {
    1u64.checked_shl(u32::from(c.wrapping_sub(b'0') & 63)).unwrap_or(0)
}

/// Scopes by the first byte of the codes they can hold; see [`Icd10Cm::note_rows_applying`].
#[derive(Clone, Debug, Default)]
pub struct ScopeIndex(std::sync::OnceLock<Vec<Vec<u32>>>);

/// The notes applying to codes already asked about, keyed by (code row, edition, kinds as
/// a bit set), so a code that recurs across claims walks its ancestors and scopes once.
/// Bounded: emptied when it reaches [`MEMO_CODES`] codes. Read-mostly: batch workers share it.
#[derive(Debug, Default)]
pub struct NoteMemo(std::sync::RwLock<MemoMap>);

/// (code row, edition, kinds) → the notes applying.
type MemoMap = std::collections::HashMap<(u32, u8, u16), std::sync::Arc<[NoteRow]>, std::hash::BuildHasherDefault<KeyHasher>>;

/// A multiply-and-rotate hash (as rustc's FxHash) for the memo's small integer keys: every
/// diagnosis of every claim asks the memo, and the default SipHash costs more than the answer.
#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Clone for NoteMemo {
    fn clone(&self) -> NoteMemo {
        NoteMemo::default()
    }
}

/// Most codes the memo holds (a few MB at most).
const MEMO_CODES: usize = 1 << 16;

/// Item `k`'s rows in a table of `rows` rows whose items end at `ends` (cumulative), clamped
/// so a damaged offset cannot reach past the table.
fn span(end: impl Fn(usize) -> Option<u32>, k: usize, rows: usize) -> core::ops::Range<usize> {
    let from = match k.checked_sub(1) {
        None => 0,
        Some(prev) => end(prev).map_or(rows, |e| e as usize),
    }
    .min(rows);
    let to = end(k).map_or(from, |e| e as usize).clamp(from, rows);
    from..to
}

/// Ancestors followed above a code (as [`Icd10Cm::ancestors`]).
const MAX_ANCESTORS: usize = 9;

impl<'a> Icd10Cm<'a> {
    /// The notes of `kinds` in force in `edition` that apply to code `i`, in the order of
    /// [`Icd10Cm::notes_applying`]: under the code, under each ancestor, under its block and
    /// chapter. Remembered per code (see [`NoteMemo`]) and shared, not copied, on a repeat.
    pub fn note_rows_applying(&self, i: usize, edition: usize, kinds: &[NoteKind]) -> std::sync::Arc<[NoteRow]> {
        let mask = kinds.iter().fold(0u16, |m, k| m | 1u16.checked_shl(u32::from(*k as u8)).unwrap_or(0));
        let walk = || {
            let mut rows = Vec::new();
            self.note_rows_walk(i, edition, kinds, &mut rows);
            std::sync::Arc::<[NoteRow]>::from(rows)
        };
        let (Ok(code), Ok(ed)) = (u32::try_from(i), u8::try_from(edition)) else { return walk() };
        let key = (code, ed, mask);
        if let Some(rows) = self.note_memo.0.read().ok().and_then(|memo| memo.get(&key).cloned()) {
            return rows;
        }
        let rows = walk();
        if let Ok(mut memo) = self.note_memo.0.write() {
            if memo.len() >= MEMO_CODES {
                memo.clear();
            }
            memo.insert(key, rows.clone());
        }
        rows
    }

    /// [`Icd10Cm::note_rows_applying`] without the memo.
    fn note_rows_walk(&self, i: usize, edition: usize, kinds: &[NoteKind], out: &mut Vec<NoteRow>) {
        self.rows_under(i, edition, kinds, out);
        let mut cur = self.parent(i);
        let mut seen = 0usize;
        while let Some(p) = cur {
            if seen >= MAX_ANCESTORS {
                break;
            }
            seen = seen.saturating_add(1);
            self.rows_under(p, edition, kinds, out);
            cur = self.parent(p);
        }
        self.scoped_rows(i, edition, kinds, out);
    }

    /// The kind of note row `n`, when it is one of `kinds` and in force in `edition`.
    fn wanted(&self, n: usize, edition: usize, kinds: &[NoteKind]) -> Option<NoteKind> {
        let editions = *self.s.note_editions.get(n)?;
        if edition >= 4 || editions & (1 << edition) == 0 {
            return None;
        }
        NoteKind::from_u8(*self.s.note_kind.get(n)?).filter(|k| kinds.contains(k))
    }

    fn rows_under(&self, i: usize, edition: usize, kinds: &[NoteKind], out: &mut Vec<NoteRow>) {
        let Ok(key) = u32::try_from(i) else { return };
        let mut n = self.s.note_code.lower_bound(key);
        while self.s.note_code.get(n) == Some(key) {
            if let Some(kind) = self.wanted(n, edition, kinds) {
                // `n` is a row of `note_code`, whose length is a `u32`: exact.
                out.push(NoteRow { n: n as u32, kind, scope: None, letters: self.ref_letters(n), chapter: false });
            }
            // `get(n)` was `Some`, so `n` is below the column length and this never saturates.
            n = n.saturating_add(1);
        }
    }

    /// Rows `from..to` of the scope table hold scope `k`'s code ranges.
    fn scope_rows(&self, k: usize) -> core::ops::Range<usize> {
        span(|i| self.s.scope_end.get(i), k, self.s.scope_lo.len())
    }

    /// The scopes whose ranges can hold a code starting with each byte (the ranges' first
    /// letters), so a code is tested against a few dozen scopes rather than all of them.
    fn scope_index(&self) -> &[Vec<u32>] {
        self.scopes_by_letter.0.get_or_init(|| {
            let mut by: Vec<Vec<u32>> = vec![Vec::new(); 256];
            for k in 0..self.s.scope_note.len() {
                let Ok(k32) = u32::try_from(k) else { break };
                let mut letters = [false; 256];
                for r in self.scope_rows(k) {
                    if let (Some(&a), Some(&b)) = (self.s.scope_lo.key(r).and_then(<[u8]>::first), self.s.scope_hi.key(r).and_then(<[u8]>::first)) {
                        for c in a..=b {
                            if let Some(l) = letters.get_mut(usize::from(c)) {
                                *l = true;
                            }
                        }
                    }
                }
                for (c, hit) in letters.iter().enumerate() {
                    if let (true, Some(list)) = (*hit, by.get_mut(c)) {
                        list.push(k32);
                    }
                }
            }
            by
        })
    }

    fn scoped_rows(&self, i: usize, edition: usize, kinds: &[NoteKind], out: &mut Vec<NoteRow>) {
        let code = self.code(i).as_bytes();
        let Some(first) = code.first() else { return };
        let Some(scopes) = self.scope_index().get(usize::from(*first)) else { return };
        for &k in scopes {
            let k = k as usize;
            let Some(n) = self.s.scope_note.get(k).and_then(|n| usize::try_from(n).ok()) else { continue };
            let Some(kind) = self.wanted(n, edition, kinds) else { continue };
            let inside = self.scope_rows(k).any(|r| match (self.s.scope_lo.key(r), self.s.scope_hi.key(r)) {
                (Some(lo), Some(hi)) => ref_matches(lo, hi, code),
                _ => false,
            });
            if inside {
                // `n` was read from a `u32` column and `k` from `scope_index`'s `u32` list: exact.
                out.push(NoteRow { n: n as u32, kind, scope: Some(k as u32), letters: self.ref_letters(n), chapter: self.scope_label(k).starts_with("Chapter ") });
            }
        }
    }

    /// The rows of note `n`'s code references in the reference table.
    fn ref_rows(&self, n: usize) -> core::ops::Range<usize> {
        span(|i| self.s.note_ref_end.get(i), n, self.s.ref_lo.len())
    }

    /// The first characters note `n`'s references span, as bits.
    fn ref_letters(&self, n: usize) -> u64 {
        let mut bits = 0u64;
        for r in self.ref_rows(n) {
            if let (Some(&a), Some(&b)) = (self.s.ref_lo.key(r).and_then(<[u8]>::first), self.s.ref_hi.key(r).and_then(<[u8]>::first)) {
                for c in a..=b {
                    bits |= letter_bit(c);
                }
            }
        }
        bits
    }

    /// True when `code` (no dot) falls under one of the note's code references.
    pub fn note_row_covers(&self, row: NoteRow, code: &str) -> bool {
        let Some(&first) = code.as_bytes().first() else { return false };
        if row.letters & letter_bit(first) == 0 {
            return false;
        }
        self.ref_rows(row.n as usize).any(|r| match (self.s.ref_lo.key(r), self.s.ref_hi.key(r)) {
            (Some(lo), Some(hi)) => ref_matches(lo, hi, code.as_bytes()),
            _ => false,
        })
    }

    /// The label of a block or chapter scope (`A00-A09 ...`, `Chapter 1 ...`).
    fn scope_label(&self, k: usize) -> &'a str {
        self.s.scope_label.get(k).and_then(|id| self.s.strings.get(id)).unwrap_or("")
    }

    /// True when the note is a chapter's.
    pub fn note_row_is_chapter(&self, row: NoteRow) -> bool {
        row.chapter
    }

    /// Where the note is written: the dotted code, or the block or chapter label.
    pub fn note_row_at(&self, row: NoteRow) -> String {
        match row.scope {
            Some(k) => self.scope_label(k as usize).to_owned(),
            None => self.s.note_code.get(row.n as usize).and_then(|c| usize::try_from(c).ok()).map(|c| super::dotted(self.code(c))).unwrap_or_default(),
        }
    }

    /// Where the note is written and its text, for a finding that quotes it (its references
    /// are not copied); `None` when it is not in force in `edition`.
    pub fn note_row_quote(&self, row: NoteRow, edition: usize) -> Option<(String, &'a str)> {
        let (_, code, text, _) = self.note_parts(row.n as usize, edition)?;
        let at = match row.scope {
            Some(k) => self.scope_label(k as usize).to_owned(),
            None => super::dotted(self.code(code)),
        };
        Some((at, text))
    }

    /// The note in full (text and references), for a finding that quotes it.
    pub fn note_row_view(&self, row: NoteRow, edition: usize) -> Option<NoteView> {
        let mut v = self.note(row.n as usize, edition)?;
        if let Some(k) = row.scope {
            self.scope_label(k as usize).clone_into(&mut v.at);
        }
        Some(v)
    }
}
