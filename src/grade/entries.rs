//! The two sides being matched: expected codes (from a sealed key) and entered codes.
use super::compare::{DxProbe, ProcProbe};
use super::levels::Hasher;
use super::model::{Answer, AnswerProcedure, Key, KeyProcedure};
use super::result::Field;
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
    /// Shown as `expected`: the code for a plain key, a position label when sealed.
    pub label: String,
    pub explanation: Option<String>,
    pub optional: bool,
    pub kind: ExpectedKind<'k>,
}

/// The expected items of a sealed key, with labels from the plain key when there is one.
pub fn expected<'k>(sealed: &'k SealedKey, plain: Option<&Key>) -> Vec<Expected<'k>> {
    let mut out = Vec::new();
    if let Some(p) = &sealed.principal {
        let k = plain.and_then(|k| k.principal.as_ref());
        out.push(Expected {
            field: Field::Principal,
            label: k.map_or_else(
                || "principal diagnosis".into(),
                |k| dotted(&super::levels::clean(&k.code)),
            ),
            explanation: k.and_then(|k| k.explanation.clone()),
            optional: p.optional,
            kind: ExpectedKind::Dx(p),
        });
    }
    for (n, d) in sealed.other_diagnoses.iter().enumerate() {
        let k = plain.and_then(|k| k.other_diagnoses.get(n));
        out.push(Expected {
            field: Field::Diagnosis,
            label: k.map_or_else(
                || format!("diagnosis {}", n.saturating_add(2)),
                |k| dotted(&super::levels::clean(&k.code)),
            ),
            explanation: k.and_then(|k| k.explanation.clone()),
            optional: d.optional,
            kind: ExpectedKind::Dx(d),
        });
    }
    for (n, p) in sealed.procedures.iter().enumerate() {
        let k = plain.and_then(|k| k.procedures.get(n));
        out.push(Expected {
            field: Field::Procedure,
            label: k.map_or_else(
                || format!("procedure {}", n.saturating_add(1)),
                key_proc_label,
            ),
            explanation: k.and_then(|k| k.explanation.clone()),
            optional: p.optional,
            kind: ExpectedKind::Proc(p),
        });
    }
    out
}

fn key_proc_label(k: &KeyProcedure) -> String {
    proc_label(&k.code, &k.modifiers, k.units)
}

/// `71046-26 ×2`: code, modifiers, and units when not 1.
pub fn proc_label(code: &str, mods: &[String], units: Option<u32>) -> String {
    let mut s = super::levels::clean(code);
    for m in mods
        .iter()
        .map(|m| super::levels::clean(m))
        .filter(|m| !m.is_empty())
    {
        s.push('-');
        s.push_str(&m);
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
            label: dotted(&probe.code),
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
            label: proc_label(code, modifiers, *units),
            kind: EntryKind::Proc(Box::new(probe)),
        });
    }
    out
}
