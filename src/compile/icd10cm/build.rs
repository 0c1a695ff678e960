//! Packs ICD-10-CM editions into the `icd10cm` section, storing shared content once.
use super::model::Edition;
use super::note_refs::{read_all, NoteReport, Owner};
use crate::blob::columns::{build, DeltaCol, FixedKeys, NulStrs, U32Col};
use crate::compile::{err, Result};
use crate::icd10cm::{Icd10CmCodes, Icd10CmSection, TitleChanges, CODES_SECTION, CODES_VERSION, SECTION, VERSION};
use std::collections::{BTreeMap, BTreeSet};

/// Owned column bytes, borrowed by the section struct when writing.
struct Columns {
    codes: Vec<u8>,
    flags: Vec<u8>,
    kinds: Vec<u8>,
    titles: (u32, Vec<u8>),
    title_changes: Vec<(Vec<u8>, Vec<u8>)>,
    notes_unavailable: Vec<u8>,
    notes_unavailable_editions: Vec<u8>,
    pool_data: String,
    block_first: Vec<u8>,
    block_last: Vec<u8>,
    block_title: Vec<u8>,
    block_chapter: Vec<u8>,
    chapters: Vec<(u8, u32)>,
    note_code: (u32, Vec<u8>),
    note_kind: Vec<u8>,
    note_editions: Vec<u8>,
    note_text: (u32, Vec<u8>),
    note_ref_end: (u32, Vec<u8>),
    ref_lo: Vec<u8>,
    ref_hi: Vec<u8>,
    scope_note: Vec<u8>,
    scope_label: Vec<u8>,
    scope_end: Vec<u8>,
    scope_lo: Vec<u8>,
    scope_hi: Vec<u8>,
    report: NoteReport,
}

/// Adds the section for `editions` (oldest first) to the blob writer.
pub fn add_section(w: &mut crate::blob::BlobWriter, editions: &[Edition]) -> Result<()> {
    if editions.is_empty() || editions.len() > 4 {
        return Err(err("ICD-10-CM: between one and four editions are supported"));
    }
    let c = columns(editions)?;
    let labels: Vec<&str> = editions.iter().map(|e| e.label.as_str()).collect();
    let codes = Icd10CmCodes {
        labels,
        windows: editions.iter().map(|e| (e.valid_from, e.valid_to)).collect(),
        codes: FixedKeys { width: 7, bytes: &c.codes },
        flags: &c.flags,
        kinds: &c.kinds,
    };
    w.add_section(CODES_SECTION, CODES_VERSION, &codes).map_err(|e| err(format!("ICD-10-CM codes section: {e}")))?;
    let section = Icd10CmSection {
        titles: DeltaCol::new(c.titles.0, &c.titles.1),
        title_changes: c.title_changes.iter().map(|(codes, ids)| TitleChanges { codes: U32Col(codes), titles: U32Col(ids) }).collect(),
        notes_unavailable: U32Col(&c.notes_unavailable),
        notes_unavailable_editions: &c.notes_unavailable_editions,
        strings: NulStrs::new(&c.pool_data),
        block_first: FixedKeys { width: 3, bytes: &c.block_first },
        block_last: FixedKeys { width: 3, bytes: &c.block_last },
        block_title: U32Col(&c.block_title),
        block_chapter: &c.block_chapter,
        chapters: c.chapters.clone(),
        note_code: DeltaCol::new(c.note_code.0, &c.note_code.1),
        note_kind: &c.note_kind,
        note_editions: &c.note_editions,
        note_text: DeltaCol::new(c.note_text.0, &c.note_text.1),
        note_ref_end: DeltaCol::new(c.note_ref_end.0, &c.note_ref_end.1),
        ref_lo: FixedKeys { width: 7, bytes: &c.ref_lo },
        ref_hi: FixedKeys { width: 7, bytes: &c.ref_hi },
        scope_note: U32Col(&c.scope_note),
        scope_label: U32Col(&c.scope_label),
        scope_end: U32Col(&c.scope_end),
        scope_lo: FixedKeys { width: 7, bytes: &c.scope_lo },
        scope_hi: FixedKeys { width: 7, bytes: &c.scope_hi },
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("ICD-10-CM section: {e}")))?;
    for e in editions {
        let l = &e.label;
        w.manifest.counts.push((format!("icd10cm.{l}.codes"), e.codes.len() as u64));
        w.manifest.counts.push((format!("icd10cm.{l}.billable"), e.billable_count() as u64));
        w.manifest.counts.push((format!("icd10cm.{l}.headers"), e.header_count() as u64));
        w.manifest.counts.push((format!("icd10cm.{l}.notes"), e.notes.len() as u64));
    }
    w.manifest.counts.extend(c.report.counts());
    Ok(())
}

fn columns(editions: &[Edition]) -> Result<Columns> {
    let all: BTreeSet<&str> = editions.iter().flat_map(|e| e.codes.iter().map(|c| c.code.as_str())).collect();
    let index: BTreeMap<&str, usize> = all.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let n = all.len();
    let mut pool = build::StrPoolBuilder::default();
    let mut flags = vec![0u8; n];
    let mut kinds = vec![0u8; n];
    let mut titles = vec![vec![u32::MAX; n]; editions.len()];
    // Newest edition first, so pool ids follow the edition most people use.
    for (e, ed) in editions.iter().enumerate().rev() {
        for c in &ed.codes {
            let i = index[c.code.as_str()];
            flags[i] |= 1 << e;
            if c.billable {
                flags[i] |= 1 << (e + 4);
            }
            kinds[i] |= u8::from(c.extension) | (u8::from(c.needs_seventh) << 1);
            titles[e][i] = pool.intern(&c.title);
        }
    }
    // One title per code (from the newest edition holding it); other editions store only
    // the titles they changed, so an unchanged code costs nothing twice.
    let base: Vec<u32> = (0..n).map(|i| titles.iter().rev().map(|t| t[i]).find(|&id| id != u32::MAX).unwrap_or(u32::MAX)).collect();
    let title_changes: Vec<(Vec<u8>, Vec<u8>)> = titles
        .iter()
        .map(|t| {
            let changed: Vec<u32> = (0..n).filter(|&i| t[i] != u32::MAX && t[i] != base[i]).map(|i| i as u32).collect();
            (build::u32s(changed.iter().copied()), build::u32s(changed.iter().map(|&i| t[i as usize])))
        })
        .collect();
    let mut unavailable: BTreeMap<usize, u8> = BTreeMap::new();
    for (e, ed) in editions.iter().enumerate() {
        for code in &ed.notes_unavailable {
            if let Some(&i) = index.get(code.as_str()) {
                *unavailable.entry(i).or_default() |= 1 << e;
            }
        }
    }
    // Blocks and chapters from the newest edition.
    let newest = editions.last().ok_or_else(|| err("no edition"))?;
    let mut blocks: Vec<(&str, &str, u32, u8)> = Vec::new();
    let mut chapters = Vec::new();
    for ch in &newest.chapters {
        chapters.push((ch.number, pool.intern(&ch.title)));
        for b in &ch.blocks {
            blocks.push((b.first.as_str(), b.last.as_str(), pool.intern(&b.title), ch.number));
        }
    }
    blocks.sort_by(|a, b| a.0.cmp(b.0));
    blocks.dedup_by(|a, b| a.0 == b.0);
    let strays = stray_categories(newest, &blocks);
    blocks.extend(strays);
    blocks.sort_by(|a, b| a.0.cmp(b.0));
    // Notes: identical (owner, kind, text) across editions are stored once with an edition
    // mask; code notes sorted by code, then block and chapter notes (code `u32::MAX`).
    let codes: Vec<&str> = all.iter().copied().collect();
    let (notes, report) = read_all(editions, &codes);
    let mut note_code = Vec::new();
    let mut note_kind = Vec::new();
    let mut note_editions = Vec::new();
    let mut note_text = Vec::new();
    let mut note_ref_end = Vec::new();
    let mut ref_lo: Vec<String> = Vec::new();
    let mut ref_hi: Vec<String> = Vec::new();
    let (mut scope_note, mut scope_label, mut scope_end) = (Vec::new(), Vec::new(), Vec::new());
    let (mut scope_lo, mut scope_hi): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for (n, note) in notes.iter().enumerate() {
        note_code.push(match &note.owner {
            Owner::Code(i) => *i as u32,
            Owner::Scope(s) => {
                scope_note.push(n as u32);
                scope_label.push(pool.intern(&s.label));
                for r in &note.scope {
                    scope_lo.push(r.lo.clone());
                    scope_hi.push(r.hi.clone());
                }
                scope_end.push(scope_lo.len() as u32);
                u32::MAX
            }
        });
        note_kind.push(note.kind as u8);
        note_editions.push(note.editions);
        note_text.push(pool.intern(&note.text));
        for r in &note.refs {
            ref_lo.push(r.lo.clone());
            ref_hi.push(r.hi.clone());
        }
        note_ref_end.push(ref_lo.len() as u32);
    }
    let pool_data = pool.finish_nul();
    Ok(Columns {
        codes: build::fixed_keys(&codes, 7),
        flags,
        kinds,
        titles: deltas(base),
        title_changes,
        notes_unavailable: build::u32s(unavailable.keys().map(|&i| i as u32)),
        notes_unavailable_editions: unavailable.values().copied().collect(),
        pool_data,
        block_first: pad_unsorted(blocks.iter().map(|b| b.0), 3),
        block_last: pad_unsorted(blocks.iter().map(|b| b.1), 3),
        block_title: build::u32s(blocks.iter().map(|b| b.2)),
        block_chapter: blocks.iter().map(|b| b.3).collect(),
        chapters,
        note_code: deltas(note_code),
        note_kind,
        note_editions,
        note_text: deltas(note_text),
        note_ref_end: deltas(note_ref_end),
        ref_lo: pad_unsorted(ref_lo.iter().map(String::as_str), 7),
        ref_hi: pad_unsorted(ref_hi.iter().map(String::as_str), 7),
        scope_note: build::u32s(scope_note),
        scope_label: build::u32s(scope_label),
        scope_end: build::u32s(scope_end),
        scope_lo: pad_unsorted(scope_lo.iter().map(String::as_str), 7),
        scope_hi: pad_unsorted(scope_hi.iter().map(String::as_str), 7),
        report,
    })
}

type BlockRow<'e> = (&'e str, &'e str, u32, u8);

/// The block a category stands in, by Tabular order: a block starts at its first category
/// and runs until the next block starts, so a category the addenda adds (K6A after K68) or
/// one whose name sorts outside its block's label (C4A in C43-C44, M1A in M05-M14) is placed
/// where the Tabular List puts it.
fn tabular_block<'b, 'e>(ed: &'e Edition, blocks: &'b [BlockRow<'e>]) -> Vec<(&'e str, &'b BlockRow<'e>)> {
    let sorted: Vec<&str> = ed.codes.iter().map(|c| c.code.as_str()).filter(|c| c.len() == 3).collect();
    let mut tab: Vec<&str> = Vec::new();
    for c in ed.tabular_order.iter().map(String::as_str).filter(|c| c.len() == 3) {
        if !tab.contains(&c) && sorted.binary_search(&c).is_ok() {
            tab.push(c);
        }
    }
    for (i, c) in sorted.iter().enumerate() {
        if !tab.contains(c) {
            let at = i.checked_sub(1).and_then(|p| tab.iter().position(|t| *t == sorted[p])).map_or(0, |p| p + 1);
            tab.insert(at, c);
        }
    }
    let mut out = Vec::new();
    let mut current: Option<&BlockRow> = None;
    for c in tab {
        // The narrowest block starting here (a heading block such as T20-T32 spans others).
        if let Some(b) = blocks.iter().filter(|b| b.0 == c).min_by_key(|b| b.1) {
            current = Some(b);
        }
        if let Some(b) = current {
            out.push((c, b));
        }
    }
    out
}

/// Rows that place categories the label ranges miss: the reader takes the block starting
/// latest among those whose label range holds the category, so a category that would be
/// missed or misplaced gets a row of its own (first = last = the category) with its block's
/// title and chapter.
fn stray_categories<'e>(ed: &'e Edition, blocks: &[BlockRow<'e>]) -> Vec<BlockRow<'e>> {
    let mut out = Vec::new();
    for (cat, b) in tabular_block(ed, blocks) {
        let found = blocks.iter().filter(|r| r.0 <= cat && cat <= r.1).max_by_key(|r| r.0);
        if found.is_none_or(|r| r.0 != b.0) {
            out.push((cat, cat, b.2, b.3));
        }
    }
    out
}

/// Fixed-width, space-padded keys in the given order (truncating anything over width).
fn pad_unsorted<'s>(keys: impl Iterator<Item = &'s str>, width: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for k in keys {
        let k = k.as_bytes();
        let k = k.get(..width.min(k.len())).unwrap_or(k);
        out.extend_from_slice(k);
        out.resize(out.len() + (width - k.len()), b' ');
    }
    out
}

/// A column stored as a [`DeltaCol`]: its length and its delta bytes.
fn deltas(values: Vec<u32>) -> (u32, Vec<u8>) {
    (values.len() as u32, build::deltas(values))
}
