//! Sealed answer keys: every hierarchy level of every expected code as a salted hash.
//!
//! Grading compares hashes of what the learner typed with these, so partial credit works
//! in the browser without the key being readable. Plain keys are sealed in memory before
//! grading, so a plain and a sealed exercise are graded by the same code path.
//!
//! Limit: the salt travels with the exercise, so someone who hashes every ICD-10-CM code
//! can recover the key. Sealing stops reading the key, not a determined attacker; exam
//! grading in the browser is further limited by `attempts`, and grading that must hold
//! belongs on a server.
use super::levels::{self, Hasher};
use super::model::{Exercise, Key, KeyCode, KeyProcedure, Mode};
use super::reveal;
use crate::engine::Engine;
use serde::{Deserialize, Serialize};

/// One expected diagnosis as hashes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SealedDx {
    pub optional: bool,
    pub full: String,
    /// The code with its placeholder X's removed.
    pub full_x: String,
    /// The code without its 7th character (and X's), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_x: Option<String>,
    /// Proper prefixes of 4+ characters (subcategories).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sub: Vec<String>,
    pub category: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternates: Vec<String>,
}

/// One expected procedure line as hashes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SealedProcedure {
    pub optional: bool,
    pub code: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternates: Vec<String>,
    /// The required modifiers, sorted and joined.
    pub modifiers: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub optional_modifiers: Vec<String>,
    pub units: String,
}

/// A key that can grade but not be read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SealedKey {
    pub salt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<SealedDx>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_diagnoses: Vec<SealedDx>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<SealedProcedure>,
    /// Practice only: the masked answer sheet (codes and explanations) shown when the learner
    /// asks for the answers (see `reveal`; masking, not encryption).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reveal: Option<String>,
}

/// Seals a plain key with `salt` (plus the exercise's hash binding) against the code-set
/// edition of the date of service. No answer sheet.
pub fn seal_key(
    engine: &Engine<'_>,
    edition: usize,
    key: &Key,
    salt: &str,
    binding: &str,
) -> SealedKey {
    let h = Hasher::new(&format!("{salt}{binding}"));
    SealedKey {
        salt: salt.to_owned(),
        principal: key
            .principal
            .as_ref()
            .map(|k| seal_dx(engine, edition, &h, k)),
        other_diagnoses: key
            .other_diagnoses
            .iter()
            .map(|k| seal_dx(engine, edition, &h, k))
            .collect(),
        procedures: key
            .procedures
            .iter()
            .map(|p| seal_procedure(&h, p))
            .collect(),
        reveal: None,
    }
}

fn seal_dx(engine: &Engine<'_>, edition: usize, h: &Hasher, k: &KeyCode) -> SealedDx {
    let code = levels::clean(&k.code);
    let facts = levels::facts(engine, edition, &code);
    SealedDx {
        optional: k.optional,
        full: h.hash("full", &code),
        full_x: h.hash("fullx", &levels::strip_x(&code)),
        base_x: facts
            .stem_if_seventh
            .as_deref()
            .map(|s| h.hash("basex", &levels::strip_x(s))),
        sub: levels::sub_prefixes(facts.stem())
            .into_iter()
            .map(|p| h.hash("sub", p))
            .collect(),
        category: h.hash("cat", code.get(..3).unwrap_or(&code)),
        block: facts.block.as_deref().map(|b| h.hash("block", b)),
        chapter: facts.chapter.map(|c| h.hash("chapter", &c.to_string())),
        alternates: k
            .alternates
            .iter()
            .map(|a| h.hash("full", &levels::clean(a)))
            .collect(),
    }
}

fn seal_procedure(h: &Hasher, p: &KeyProcedure) -> SealedProcedure {
    SealedProcedure {
        optional: p.optional,
        code: h.hash("proc", &levels::clean(&p.code)),
        alternates: p
            .alternates
            .iter()
            .map(|a| h.hash("proc", &levels::clean(a)))
            .collect(),
        modifiers: h.hash(
            "mods",
            &levels::modifier_set(p.modifiers.iter().map(String::as_str)),
        ),
        optional_modifiers: p
            .optional_modifiers
            .iter()
            .map(|m| h.hash("mod", &levels::clean(m)))
            .collect(),
        units: h.hash("units", &p.units.unwrap_or(1).to_string()),
    }
}

/// Why an exercise cannot be sealed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
    NoKey,
    /// The title or scenario names a key code, which sealing would leak.
    Leaks(String),
}

impl core::fmt::Display for SealError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SealError::NoKey => write!(f, "the exercise has no plain `key` to seal"),
            SealError::Leaks(c) => write!(
                f,
                "the title or scenario contains the key code {c}; remove it before sealing"
            ),
        }
    }
}

/// Turns a plain exercise into a sealed one: the key and its explanations are removed.
/// Practice exercises keep them as a masked answer sheet; exams get none.
pub fn seal(engine: &Engine<'_>, ex: &Exercise, salt: &str) -> Result<Exercise, SealError> {
    let key = ex.key.as_ref().ok_or(SealError::NoKey)?;
    let text = format!("{} {}", ex.title, ex.scenario).to_ascii_uppercase();
    for code in key_codes(key) {
        let plain = levels::clean(&code);
        let dotted = crate::icd10cm::dotted(&plain);
        if plain.len() >= 3 && (text.contains(&plain) || text.contains(&dotted)) {
            return Err(SealError::Leaks(code));
        }
    }
    let edition = super::edition(engine, ex);
    let mut out = ex.clone();
    let mut sealed = seal_key(engine, edition, key, salt, &ex.hash_binding());
    if ex.mode == Mode::Practice {
        sealed.reveal = Some(reveal::mask(&super::entries::sheet(key), salt));
    }
    out.sealed = Some(sealed);
    out.key = None;
    Ok(out)
}

/// Every code string a key names (codes and alternates).
pub fn key_codes(key: &Key) -> Vec<String> {
    let dx = key.principal.iter().chain(key.other_diagnoses.iter());
    let mut out: Vec<String> = dx
        .flat_map(|k| core::iter::once(k.code.clone()).chain(k.alternates.iter().cloned()))
        .collect();
    for p in &key.procedures {
        out.push(p.code.clone());
        out.extend(p.alternates.iter().cloned());
    }
    out
}
