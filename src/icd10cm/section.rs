//! The `icd10cm` blob section and its read-in-place view.
use crate::blob::columns::CodeTable;
use super::notes::{ref_matches, NoteKind, NoteRef, NoteView};
use crate::blob::columns::{DeltaCol, FixedKeys, NulStrs, U32Col};
use crate::blob::{Blob, BlobError};
use crate::date::Date;
use serde::{Deserialize, Serialize};

/// Titles, notes, blocks and chapters (the codes themselves are in [`CODES_SECTION`]).
pub const SECTION: &str = "icd10cm";
/// Version 2: one title column plus per-edition title changes; codes whose own notes are unavailable.
/// Version 3: block and chapter notes, with the codes below them.
/// Version 4: the codes, their flags and the editions moved to [`CODES_SECTION`].
/// Version 5: the strings NUL-terminated, without an offset column ([`NulStrs`]); title ids
/// and the note columns as [`DeltaCol`]s.
pub const VERSION: u16 = 5;
/// The validity core: editions, codes, billable and header flags. Enough to answer a check
/// before the titles have arrived (the browser fetches it first, see `crate::blob::parts`).
pub const CODES_SECTION: &str = "icd10cm.codes";
pub const CODES_VERSION: u16 = 1;
/// Code width without the dot.
pub const WIDTH: u8 = 7;
const ABSENT: u32 = u32::MAX;
const KIND_EXTENSION: u8 = 1;
const KIND_NEEDS_SEVENTH: u8 = 2;

/// The stored layout of [`CODES_SECTION`]. Every column is indexed by code position.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct Icd10CmCodes<'a> {
    /// Edition labels, oldest first (`FY2025`, `FY2026`); at most four.
    #[serde(borrow)]
    pub labels: Vec<&'a str>,
    /// Date-of-service windows per edition, inclusive `yyyymmdd` pairs.
    pub windows: Vec<(u32, u32)>,
    /// All codes of all editions, sorted, no dots.
    #[serde(borrow)]
    pub codes: FixedKeys<'a>,
    /// Bit `v`: exists in edition `v`; bit `4 + v`: billable in edition `v`.
    #[serde(borrow)]
    pub flags: &'a [u8],
    /// Bit 0: a 7th-character code; bit 1: a header that needs a 7th character.
    #[serde(borrow)]
    pub kinds: &'a [u8],
}

/// The stored layout of [`SECTION`]. Columns are indexed by code position (of
/// [`Icd10CmCodes::codes`]) unless said otherwise. `Default` is the section not (yet) loaded.
#[derive(Debug, Clone, Default, Serialize, Deserialize, yoke::Yokeable)]
pub struct Icd10CmSection<'a> {
    /// Title string id per code, as in the newest edition holding the code.
    #[serde(borrow)]
    pub titles: DeltaCol<'a>,
    /// Per edition: the codes whose title there differs from `titles` (sorted), with that title.
    #[serde(borrow)]
    pub title_changes: Vec<TitleChanges<'a>>,
    /// Codes (sorted positions) whose own tabular notes are not in the sources of some edition
    /// (codes added by an addenda file), with the editions concerned (bit per edition).
    #[serde(borrow)]
    pub notes_unavailable: U32Col<'a>,
    #[serde(borrow)]
    pub notes_unavailable_editions: &'a [u8],
    #[serde(borrow)]
    pub strings: NulStrs<'a>,
    /// Blocks (e.g. A00-A09) sorted by first category.
    #[serde(borrow)]
    pub block_first: FixedKeys<'a>,
    #[serde(borrow)]
    pub block_last: FixedKeys<'a>,
    #[serde(borrow)]
    pub block_title: U32Col<'a>,
    #[serde(borrow)]
    pub block_chapter: &'a [u8],
    /// (chapter number, title string id).
    pub chapters: Vec<(u8, u32)>,
    /// Notes sorted by the code they are written under.
    #[serde(borrow)]
    pub note_code: DeltaCol<'a>,
    #[serde(borrow)]
    pub note_kind: &'a [u8],
    /// Editions the note appears in (bit per edition).
    #[serde(borrow)]
    pub note_editions: &'a [u8],
    #[serde(borrow)]
    pub note_text: DeltaCol<'a>,
    /// End index into the reference columns, per note.
    #[serde(borrow)]
    pub note_ref_end: DeltaCol<'a>,
    #[serde(borrow)]
    pub ref_lo: FixedKeys<'a>,
    #[serde(borrow)]
    pub ref_hi: FixedKeys<'a>,
    /// Block and chapter notes: the note (its `note_code` is `u32::MAX`), the block or chapter
    /// label, and the codes it covers as ranges (end index into `scope_lo`/`scope_hi`).
    #[serde(borrow)]
    pub scope_note: U32Col<'a>,
    #[serde(borrow)]
    pub scope_label: U32Col<'a>,
    #[serde(borrow)]
    pub scope_end: U32Col<'a>,
    #[serde(borrow)]
    pub scope_lo: FixedKeys<'a>,
    #[serde(borrow)]
    pub scope_hi: FixedKeys<'a>,
}

/// The titles one edition changed, relative to [`Icd10CmSection::titles`].
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, yoke::Yokeable)]
pub struct TitleChanges<'a> {
    /// Code positions, sorted.
    #[serde(borrow)]
    pub codes: U32Col<'a>,
    /// Title string id per listed code.
    #[serde(borrow)]
    pub titles: U32Col<'a>,
}

/// A checked view of the two sections. Without the titles section (still downloading), codes
/// are checked and titles, notes, blocks and chapters are absent.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Icd10Cm<'a> {
    pub c: Icd10CmCodes<'a>,
    pub s: Icd10CmSection<'a>,
    titled: bool,
    /// Block and chapter scopes by the first letter they cover, built on first use.
    pub(super) scopes_by_letter: super::note_rows::ScopeIndex,
    /// Notes applying to codes already asked about, by code, edition and kinds.
    pub(super) note_memo: super::note_rows::NoteMemo,
    /// Facts derived from each code alone, remembered per code row (native builds).
    pub(super) row_memo: super::row_memo::RowMemo,
    /// Near misses found for codes not in an edition, by the code typed (native builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) near_memo: super::near_memo::NearMemo,
}

impl<'a> Icd10Cm<'a> {
    /// Decodes and shape-checks the sections; `Ok(None)` when the blob has no ICD-10-CM codes.
    pub fn open(blob: &Blob<'a>) -> Result<Option<Icd10Cm<'a>>, BlobError> {
        let Some(c): Option<Icd10CmCodes<'a>> = blob.decode(CODES_SECTION, CODES_VERSION)? else { return Ok(None) };
        let n = c.codes.len();
        let bad = |what: &str| Err(BlobError::Corrupt { what: format!("icd10cm section: {what}") });
        let editions = c.labels.len();
        if editions == 0 || editions > 4 || c.windows.len() != editions {
            return bad("edition tables");
        }
        if !c.codes.well_formed() || c.codes.width != WIDTH || c.flags.len() != n || c.kinds.len() != n {
            return bad("code columns");
        }
        let Some(s): Option<Icd10CmSection<'a>> = blob.decode(SECTION, VERSION)? else {
            return Ok(Some(Icd10Cm {
                c,
                s: Icd10CmSection::default(),
                titled: false,
                scopes_by_letter: Default::default(),
                note_memo: Default::default(),
                row_memo: Default::default(),
                #[cfg(not(target_arch = "wasm32"))]
                near_memo: Default::default(),
            }));
        };
        if s.title_changes.len() != editions {
            return bad("edition tables");
        }
        let changes_ok = s.title_changes.iter().all(|t| t.codes.well_formed() && t.titles.well_formed() && t.codes.len() == t.titles.len());
        if s.titles.len() != n || !changes_ok || !s.strings.well_formed() {
            return bad("titles");
        }
        if !s.notes_unavailable.well_formed() || s.notes_unavailable.len() != s.notes_unavailable_editions.len() {
            return bad("notes availability");
        }
        let b = s.block_first.len();
        if s.block_last.len() != b || s.block_title.len() != b || s.block_chapter.len() != b {
            return bad("blocks");
        }
        let m = s.note_code.len();
        if s.note_kind.len() != m || s.note_editions.len() != m || s.note_text.len() != m || s.note_ref_end.len() != m {
            return bad("notes");
        }
        if s.ref_lo.len() != s.ref_hi.len() {
            return bad("note references");
        }
        let k = s.scope_note.len();
        if s.scope_label.len() != k || s.scope_end.len() != k || s.scope_lo.len() != s.scope_hi.len() {
            return bad("block and chapter notes");
        }
        Ok(Some(Icd10Cm {
            c,
            s,
            titled: true,
            scopes_by_letter: Default::default(),
            note_memo: Default::default(),
            row_memo: Default::default(),
            #[cfg(not(target_arch = "wasm32"))]
            near_memo: Default::default(),
        }))
    }

    /// True once the titles section is present (titles, notes, blocks, chapters).
    pub fn has_titles(&self) -> bool {
        self.titled
    }

    /// Number of editions.
    pub fn editions(&self) -> usize {
        self.c.labels.len()
    }
    pub fn label(&self, edition: usize) -> &'a str {
        self.c.labels.get(edition).copied().unwrap_or("")
    }
    /// "ICD-10-CM FY2026".
    pub fn vintage_name(&self, edition: usize) -> String {
        format!("ICD-10-CM {}", self.label(edition))
    }
    pub fn window(&self, edition: usize) -> Option<(Date, Date)> {
        let (a, b) = *self.c.windows.get(edition)?;
        Some((Date::from_yyyymmdd(a)?, Date::from_yyyymmdd(b)?))
    }
    /// The edition whose window holds the date of service.
    pub fn edition_for(&self, dos: Date) -> Option<usize> {
        (0..self.editions()).find(|&e| self.window(e).is_some_and(|(a, b)| a <= dos && dos <= b))
    }
    /// The newest edition (used when no date is given).
    pub fn latest(&self) -> usize {
        self.editions().saturating_sub(1)
    }

    fn flags(&self, i: usize) -> u8 {
        self.c.flags.get(i).copied().unwrap_or(0)
    }
    pub fn exists(&self, i: usize, edition: usize) -> bool {
        edition < 4 && self.flags(i) & (1 << edition) != 0
    }
    pub fn billable(&self, i: usize, edition: usize) -> bool {
        // `edition < 4` is checked first, so the shift is at most 7 and the add never saturates.
        edition < 4 && self.flags(i) & (1 << edition.saturating_add(4)) != 0
    }
    /// Editions in which the code exists.
    pub fn editions_of(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.editions()).filter(move |&e| self.exists(i, e))
    }
    pub fn is_extension(&self, i: usize) -> bool {
        self.c.kinds.get(i).is_some_and(|k| k & KIND_EXTENSION != 0)
    }
    pub fn needs_seventh(&self, i: usize) -> bool {
        self.c.kinds.get(i).is_some_and(|k| k & KIND_NEEDS_SEVENTH != 0)
    }
    /// The interned title id of code `i` in an edition (`None` when absent there).
    pub fn title_id(&self, i: usize, edition: usize) -> Option<u32> {
        if !self.exists(i, edition) {
            return None;
        }
        let key = u32::try_from(i).ok()?;
        let changed = self.s.title_changes.get(edition).and_then(|t| {
            let k = t.codes.lower_bound(key);
            (t.codes.get(k) == Some(key)).then(|| t.titles.get(k)).flatten()
        });
        changed.or_else(|| self.s.titles.get(i)).filter(|&id| id != ABSENT)
    }
    fn title(&self, i: usize, edition: usize) -> Option<&'a str> {
        self.s.strings.get(self.title_id(i, edition)?)
    }

    /// True when the code's own tabular notes are not in the sources of the edition (a code
    /// added by an addenda file): notes of its ancestors still apply, its own may exist at CMS.
    pub fn own_notes_unavailable(&self, i: usize, edition: usize) -> bool {
        let Ok(key) = u32::try_from(i) else { return false };
        let k = self.s.notes_unavailable.lower_bound(key);
        self.s.notes_unavailable.get(k) == Some(key)
            && edition < 4
            && self.s.notes_unavailable_editions.get(k).is_some_and(|m| m & (1 << edition) != 0)
    }

    /// Full description in an edition (7th-character codes get the parent's title prefixed).
    pub fn description(&self, i: usize, edition: usize) -> Option<String> {
        let own = self.title(i, edition)?;
        if !self.is_extension(i) {
            return Some(own.to_owned());
        }
        let code = self.code(i);
        let base = code.get(..6).unwrap_or(code).trim_end_matches('X');
        let parent = self.find(base)?;
        let head = self.title(parent, edition)?;
        Some(format!("{head}, {own}"))
    }

    /// The nearest existing ancestor (drops characters and placeholder X's).
    pub fn parent(&self, i: usize) -> Option<usize> {
        let code = self.code(i);
        let mut p = code.get(..code.len().checked_sub(1)?)?;
        loop {
            if p.len() < 3 {
                return None;
            }
            if let Some(j) = self.find(p) {
                return Some(j);
            }
            p = p.get(..p.len().checked_sub(1)?)?;
            p = p.trim_end_matches('X');
        }
    }

    /// Ancestors from the code's parent up to its category.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = self.parent(i);
        while let Some(p) = cur {
            if out.len() > 8 {
                break;
            }
            out.push(p);
            cur = self.parent(p);
        }
        out
    }

    /// Direct children existing in the edition.
    pub fn children(&self, i: usize, edition: usize) -> Vec<usize> {
        let code = self.code(i);
        let r = self.prefix_range(code);
        r.filter(|&j| j != i && self.exists(j, edition) && self.parent(j) == Some(i)).collect()
    }

    /// Billable descendants existing in the edition, in code order.
    pub fn billable_descendants(&self, i: usize, edition: usize, limit: usize) -> Vec<usize> {
        let code = self.code(i);
        let mut r = self.prefix_range(code);
        // Placeholder-padded extensions (W21.8 -> W21.89XA) share the plain prefix.
        let mut out = Vec::new();
        for j in r.by_ref() {
            if out.len() >= limit {
                break;
            }
            if j != i && self.billable(j, edition) {
                out.push(j);
            }
        }
        out
    }

    /// The block (e.g. `A00-A09`, title) and chapter (number, title) of a code.
    ///
    /// Of the blocks whose label range holds the category, the one starting latest (D3A, a
    /// block of its own, stands inside D37-D48 by name). A category the label ranges miss or
    /// misplace (K6A, C4A) has a row of its own from the compiler; it shows the range of
    /// the block it shares its title and chapter with.
    pub fn block_and_chapter(&self, code: &str) -> Option<(String, &'a str, u8, &'a str)> {
        let cat = code.get(..3)?;
        let rows = self.s.block_first.len();
        let row = |i: usize| Some((self.s.block_first.key_str(i)?, self.s.block_last.key_str(i)?, self.s.block_title.get(i)?, *self.s.block_chapter.get(i)?));
        let (first, last, title_id, ch) = (0..rows).filter_map(row).filter(|r| r.0 <= cat && cat <= r.1).max_by_key(|r| r.0)?;
        let (first, last) = if first == last {
            (0..rows).filter_map(row).find(|r| r.2 == title_id && r.3 == ch && r.0 != r.1).map_or((first, last), |r| (r.0, r.1))
        } else {
            (first, last)
        };
        let title = self.s.strings.get(title_id)?;
        let ch_title = self.s.chapters.iter().find(|(n, _)| *n == ch).and_then(|(_, t)| self.s.strings.get(*t)).unwrap_or("");
        let range = if first == last { first.to_owned() } else { format!("{first}-{last}") };
        Some((range, title, ch, ch_title))
    }

    /// Notes written directly under code `i` in an edition.
    pub fn notes_at(&self, i: usize, edition: usize) -> Vec<NoteView> {
        let Ok(key) = u32::try_from(i) else { return Vec::new() };
        let mut out = Vec::new();
        let mut n = self.s.note_code.lower_bound(key);
        while self.s.note_code.get(n) == Some(key) {
            if let Some(v) = self.note(n, edition) {
                out.push(v);
            }
            // `get(n)` was `Some`, so `n` is below the column length and this never saturates.
            n = n.saturating_add(1);
        }
        out
    }

    /// Notes of the given kinds written directly under code `i` (other kinds are skipped
    /// before any text is copied: inclusion terms and plain notes are most of the table).
    pub fn notes_of_kinds(&self, i: usize, edition: usize, kinds: &[NoteKind]) -> Vec<NoteView> {
        let Ok(key) = u32::try_from(i) else { return Vec::new() };
        let mut out = Vec::new();
        let mut n = self.s.note_code.lower_bound(key);
        while self.s.note_code.get(n) == Some(key) {
            let wanted = self.s.note_kind.get(n).and_then(|k| NoteKind::from_u8(*k)).is_some_and(|k| kinds.contains(&k));
            if wanted {
                if let Some(v) = self.note(n, edition) {
                    out.push(v);
                }
            }
            // `get(n)` was `Some`, so `n` is below the column length and this never saturates.
            n = n.saturating_add(1);
        }
        out
    }

    /// Block and chapter notes of the given kinds whose block or chapter holds code `i`.
    pub fn scoped_notes(&self, i: usize, edition: usize, kinds: &[NoteKind]) -> Vec<NoteView> {
        let code = self.code(i).as_bytes();
        let mut out = Vec::new();
        let mut start = 0usize;
        for k in 0..self.s.scope_note.len() {
            let end = (self.s.scope_end.get(k).unwrap_or(0) as usize).clamp(start, self.s.scope_lo.len());
            let (from, to) = (start, end);
            start = end;
            let Some(n) = self.s.scope_note.get(k).and_then(|n| usize::try_from(n).ok()) else { continue };
            let wanted = self.s.note_kind.get(n).and_then(|k| NoteKind::from_u8(*k)).is_some_and(|k| kinds.contains(&k));
            let inside = (from..to).any(|r| match (self.s.scope_lo.key_str(r), self.s.scope_hi.key_str(r)) {
                (Some(lo), Some(hi)) => ref_matches(lo.as_bytes(), hi.as_bytes(), code),
                _ => false,
            });
            if wanted && inside {
                if let Some(mut v) = self.note(n, edition) {
                    v.at = self.s.scope_label.get(k).and_then(|id| self.s.strings.get(id)).unwrap_or("").to_owned();
                    out.push(v);
                }
            }
        }
        out
    }

    /// Every block and chapter note of an edition, with the code ranges below it.
    pub fn block_notes(&self, edition: usize) -> Vec<(NoteView, Vec<NoteRef>)> {
        let mut out = Vec::new();
        let mut start = 0usize;
        for k in 0..self.s.scope_note.len() {
            let end = (self.s.scope_end.get(k).unwrap_or(0) as usize).clamp(start, self.s.scope_lo.len());
            let scope: Vec<NoteRef> = (start..end)
                .filter_map(|r| Some(NoteRef { lo: self.s.scope_lo.key_str(r)?.to_owned(), hi: self.s.scope_hi.key_str(r)?.to_owned() }))
                .collect();
            start = end;
            let Some(n) = self.s.scope_note.get(k).and_then(|n| usize::try_from(n).ok()) else { continue };
            if let Some(mut v) = self.note(n, edition) {
                v.at = self.s.scope_label.get(k).and_then(|id| self.s.strings.get(id)).unwrap_or("").to_owned();
                out.push((v, scope));
            }
        }
        out
    }

    /// Every note of the given kinds that applies to code `i`: written under it, under an
    /// ancestor, or under its block or chapter.
    pub fn notes_applying(&self, i: usize, edition: usize, kinds: &[NoteKind]) -> Vec<NoteView> {
        let mut out = self.notes_of_kinds(i, edition, kinds);
        for a in self.ancestors(i) {
            out.extend(self.notes_of_kinds(a, edition, kinds));
        }
        out.extend(self.scoped_notes(i, edition, kinds));
        out
    }

    pub(super) fn note(&self, n: usize, edition: usize) -> Option<NoteView> {
        let (kind, at, text, refs) = self.note_parts(n, edition)?;
        let refs = refs
            .filter_map(|r| {
                Some(NoteRef { lo: self.s.ref_lo.key_str(r)?.to_owned(), hi: self.s.ref_hi.key_str(r)?.to_owned() })
            })
            .collect();
        Some(NoteView { kind, at: super::dotted(self.code(at)), text: text.to_owned(), refs })
    }

    /// Note `n` when in force in `edition`: its kind, the code row it is written under, its text
    /// and its rows in the reference table.
    pub(super) fn note_parts(&self, n: usize, edition: usize) -> Option<(NoteKind, usize, &'a str, core::ops::Range<usize>)> {
        let editions = *self.s.note_editions.get(n)?;
        if edition >= 4 || editions & (1 << edition) == 0 {
            return None;
        }
        let kind = NoteKind::from_u8(*self.s.note_kind.get(n)?)?;
        let at = usize::try_from(self.s.note_code.get(n)?).ok()?;
        let text = self.s.strings.get(self.s.note_text.get(n)?)?;
        // Clamp to the reference table: a damaged end offset must not become a long loop.
        let refs_len = self.s.ref_lo.len();
        let start = match n.checked_sub(1) {
            None => 0,
            Some(prev) => self.s.note_ref_end.get(prev)? as usize,
        }
        .min(refs_len);
        let end = (self.s.note_ref_end.get(n)? as usize).clamp(start, refs_len);
        Some((kind, at, text, start..end))
    }

    /// Notes of one kind that apply to code `i` (under it, an ancestor, its block or chapter).
    pub fn applicable_notes(&self, i: usize, edition: usize, kind: NoteKind) -> Vec<NoteView> {
        self.notes_applying(i, edition, &[kind])
    }

    /// True when `other` (no dot) falls under a reference of a `kind` note applying to `i`.
    pub fn note_covers(&self, i: usize, edition: usize, kind: NoteKind, other: &str) -> Option<NoteView> {
        self.applicable_notes(i, edition, kind)
            .into_iter()
            .find(|n| n.refs.iter().any(|r| ref_matches(r.lo.as_bytes(), r.hi.as_bytes(), other.as_bytes())))
    }
}

impl<'a> crate::blob::columns::CodeTable<'a> for Icd10Cm<'a> {
    fn codes(&self) -> &crate::blob::columns::FixedKeys<'a> {
        &self.c.codes
    }
}
