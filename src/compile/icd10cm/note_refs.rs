//! Every note of every edition, read and resolved once: the stored references of each note,
//! the codes each block or chapter note covers, and a report of what was read.
use super::cover::cover;
use super::model::{Edition, Scope};
use super::refs::read_note;
use super::resolve::Outline;
use crate::icd10cm::{NoteKind, NoteRef};
use std::collections::{BTreeMap, BTreeSet};

/// The kinds whose text names codes the rules use.
pub const REFERENCE_KINDS: [NoteKind; 5] =
    [NoteKind::Excludes1, NoteKind::Excludes2, NoteKind::CodeFirst, NoteKind::UseAdditionalCode, NoteKind::CodeAlso];

/// Where a note is written: under a code (index into the sorted union of codes) or a block
/// or chapter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Owner {
    Code(usize),
    Scope(Scope),
}

/// One stored note.
#[derive(Debug, Clone)]
pub struct StoredNote {
    pub owner: Owner,
    pub kind: NoteKind,
    pub text: String,
    /// Bit per edition the note appears in.
    pub editions: u8,
    pub refs: Vec<NoteRef>,
    /// For block and chapter notes, the codes below them.
    pub scope: Vec<NoteRef>,
}

/// A note whose references could not be read exactly (they are not used).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub at: String,
    pub kind: NoteKind,
    pub text: String,
    pub reason: String,
}

/// Per kind: notes whose references were all read, notes that name no code, notes not read.
#[derive(Debug, Clone, Default)]
pub struct NoteReport {
    pub read: BTreeMap<NoteKind, usize>,
    pub text_only: BTreeMap<NoteKind, usize>,
    pub unread: Vec<Unread>,
}

impl NoteReport {
    /// Manifest counts, e.g. `icd10cm.notes.excludes1.read`.
    pub fn counts(&self) -> Vec<(String, u64)> {
        let mut out = Vec::new();
        for kind in REFERENCE_KINDS {
            let unread = self.unread.iter().filter(|u| u.kind == kind).count();
            for (what, n) in [("read", self.read.get(&kind).copied().unwrap_or(0)), ("textOnly", self.text_only.get(&kind).copied().unwrap_or(0)), ("unread", unread)] {
                out.push((format!("icd10cm.notes.{}.{what}", kind.id()), n as u64));
            }
        }
        out
    }
}

/// Reads the notes of `editions` (oldest first) against `table`, the sorted union of their codes.
pub fn read_all(editions: &[Edition], table: &[&str]) -> (Vec<StoredNote>, NoteReport) {
    let outlines: Vec<Outline<'_>> = editions.iter().map(Outline::new).collect();
    // Identical notes across editions are stored once, with an edition mask.
    let mut masks: BTreeMap<(Owner, NoteKind, &str), u8> = BTreeMap::new();
    for (e, ed) in editions.iter().enumerate() {
        for note in &ed.notes {
            let owner = match &note.scope {
                Some(s) => Owner::Scope(s.clone()),
                None => match table.binary_search(&note.code.as_str()) {
                    Ok(i) => Owner::Code(i),
                    Err(_) => continue,
                },
            };
            *masks.entry((owner, note.kind, note.text.as_str())).or_default() |= 1 << e;
        }
    }
    // References are exact over the codes of the editions a note appears in: an FY2025 note
    // naming G35 must not be stretched over the G35 subcodes FY2026 added.
    let distinct: BTreeSet<u8> = masks.values().copied().collect();
    let tables: BTreeMap<u8, Vec<&str>> = distinct
        .into_iter()
        .map(|mask| {
            let codes: BTreeSet<&str> = editions.iter().enumerate().filter(|(e, _)| mask & (1 << e) != 0).flat_map(|(_, ed)| ed.codes.iter().map(|c| c.code.as_str())).collect();
            (mask, codes.into_iter().collect())
        })
        .collect();
    let mut report = NoteReport::default();
    let mut out = Vec::new();
    for ((owner, kind, text), editions_mask) in masks {
        let in_mask = |e: &usize| editions_mask & (1 << e) != 0;
        let codes: &[&str] = tables.get(&editions_mask).map(Vec::as_slice).unwrap_or_default();
        let mut refs = Vec::new();
        if REFERENCE_KINDS.contains(&kind) {
            let reading = read_note(text);
            let mut named: BTreeSet<&str> = BTreeSet::new();
            let mut failed = None;
            for (_, o) in outlines.iter().enumerate().filter(|(e, _)| in_mask(e)) {
                match o.resolve(&reading) {
                    Ok(set) => named.extend(set),
                    Err(why) => failed = failed.or(Some(why)),
                }
            }
            let stored = match failed {
                None => cover(codes, &named),
                Some(why) => Err(why),
            };
            match stored {
                Ok(r) if reading.names_codes() => {
                    *report.read.entry(kind).or_default() += 1;
                    refs = r;
                }
                Ok(_) => *report.text_only.entry(kind).or_default() += 1,
                Err(reason) => report.unread.push(Unread { at: label(&owner, table), kind, text: text.to_owned(), reason }),
            }
        }
        let mut scope = Vec::new();
        if let Owner::Scope(s) = &owner {
            let mut below: BTreeSet<&str> = BTreeSet::new();
            for (_, o) in outlines.iter().enumerate().filter(|(e, _)| in_mask(e)) {
                if let Ok(codes) = o.scope(&s.first, &s.last, s.adverse_effects) {
                    below.extend(codes.into_iter().map(|i| o.code(i)));
                }
            }
            scope = cover(codes, &below).unwrap_or_default();
        }
        out.push(StoredNote { owner, kind, text: text.to_owned(), editions: editions_mask, refs, scope });
    }
    (out, report)
}

fn label(owner: &Owner, table: &[&str]) -> String {
    match owner {
        Owner::Code(i) => crate::icd10cm::dotted(table.get(*i).copied().unwrap_or("")),
        Owner::Scope(s) => s.label.clone(),
    }
}
