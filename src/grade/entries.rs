//! The two sides being matched: expected codes (from a sealed key) and entered codes.
use super::compare::{DxProbe, ProcProbe};
use super::levels::Hasher;
use super::model::{Answer, AnswerProcedure, Key, KeyProcedure};
use super::result::Field;
use super::reveal::Shown;
use super::sealed::{SealedDx, SealedKey, SealedProcedure};
use crate::engine::Engine;
use crate::icd10cm::dotted;

/// What an expected item is compared by.
pub enum ExpectedKind<'k> {
    Dx(&'k SealedDx),
    Proc(&'k SealedProcedure),
}

/// One expected code.
pub struct Expected<'k> {
    pub field: Field,
    /// Shown as `expected`: the code, when a plain key or an answer sheet gives it.
    pub label: Option<String>,
    pub explanation: Option<String>,
    pub optional: bool,
    pub kind: ExpectedKind<'k>,
}

/// What a plain key shows per expected code, in the order of [`expected`]: principal,
/// other diagnoses, procedures.
pub fn sheet(key: &Key) -> Vec<Shown> {
    let dx = key
        .principal
        .iter()
        .chain(key.other_diagnoses.iter())
        .map(|k| Shown {
            label: dotted(&super::levels::clean(&k.code)),
            explanation: k.explanation.clone(),
        });
    let px = key.procedures.iter().map(|k| Shown {
        label: key_proc_label(k),
        explanation: k.explanation.clone(),
    });
    dx.chain(px).collect()
}

/// The expected items of a sealed key, labelled from the answer sheet when there is one.
pub fn expected<'k>(sealed: &'k SealedKey, sheet: Option<&[Shown]>) -> Vec<Expected<'k>> {
    let dx = sealed
        .principal
        .iter()
        .map(|d| (Field::Principal, ExpectedKind::Dx(d), d.optional))
        .chain(
            sealed
                .other_diagnoses
                .iter()
                .map(|d| (Field::Diagnosis, ExpectedKind::Dx(d), d.optional)),
        );
    let px = sealed
        .procedures
        .iter()
        .map(|p| (Field::Procedure, ExpectedKind::Proc(p), p.optional));
    dx.chain(px)
        .enumerate()
        .map(|(n, (field, kind, optional))| {
            let shown = sheet.and_then(|s| s.get(n));
            Expected {
                field,
                label: shown.map(|s| s.label.clone()),
                explanation: shown.and_then(|s| s.explanation.clone()),
                optional,
                kind,
            }
        })
        .collect()
}

fn key_proc_label(k: &KeyProcedure) -> String {
    let clean = super::levels::clean;
    let mods: Vec<String> = k.modifiers.iter().map(|m| clean(m)).collect();
    line_label(&clean(&k.code), &mods, k.units)
}

/// `71046-26 ×2`: code, modifiers joined by `-`, and units when not 1. The learner's own
/// lines are labelled as typed (only surrounding spaces dropped), key lines in standard form.
pub fn line_label(code: &str, mods: &[String], units: Option<u32>) -> String {
    let mut s = code.trim().to_owned();
    for m in mods.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
        s.push('-');
        s.push_str(m);
    }
    if let Some(u) = units.filter(|u| *u != 1) {
        s.push_str(&format!(" ×{u}"));
    }
    s
}

/// How an entered item is compared.
pub enum EntryKind {
    Dx(Box<DxProbe>),
    Proc(Box<ProcProbe>),
}

/// One code the learner entered.
pub struct Entry {
    pub field: Field,
    pub label: String,
    pub kind: EntryKind,
}

impl Entry {
    pub fn code(&self) -> &str {
        match &self.kind {
            EntryKind::Dx(p) => &p.code,
            EntryKind::Proc(p) => &p.code,
        }
    }
}

/// The non-empty entries of an answer, principal first; repeated codes count once.
pub fn entries(engine: &Engine<'_>, edition: usize, salt: &str, a: &Answer) -> Vec<Entry> {
    let h = Hasher::new(salt);
    let mut out: Vec<Entry> = Vec::new();
    let dx = a
        .principal
        .iter()
        .map(|c| (Field::Principal, c))
        .chain(a.other_diagnoses.iter().map(|c| (Field::Diagnosis, c)));
    for (field, raw) in dx {
        let probe = DxProbe::new(engine, edition, &h, raw);
        if probe.code.is_empty()
            || out
                .iter()
                .any(|e| matches!(e.kind, EntryKind::Dx(_)) && e.code() == probe.code)
        {
            continue;
        }
        out.push(Entry {
            field,
            label: raw.trim().to_owned(),
            kind: EntryKind::Dx(Box::new(probe)),
        });
    }
    for p in &a.procedures {
        let AnswerProcedure {
            code,
            modifiers,
            units,
        } = p;
        let probe = ProcProbe::new(&h, salt, code, modifiers, *units);
        if probe.code.is_empty() {
            continue;
        }
        out.push(Entry {
            field: Field::Procedure,
            label: line_label(code, modifiers, *units),
            kind: EntryKind::Proc(Box::new(probe)),
        });
    }
    out
}
