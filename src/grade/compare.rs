//! Compares one entered code with one sealed expected code, level by level.
use super::levels::{self, Hasher};
use super::result::Decision;
use super::sealed::{SealedDx, SealedProcedure};
use crate::engine::Engine;

/// An entered diagnosis, hashed at every level it could match.
#[derive(Clone, Debug, Default)]
pub struct DxProbe {
    /// Cleaned (no dot) code.
    pub code: String,
    full: String,
    full_x: String,
    /// The entry read as a 7th-character code: its first six characters (X's removed).
    seventh_stem_x: Option<String>,
    /// The entry read as a code lacking its 7th character.
    as_stem_x: String,
    lateral: Vec<String>,
    /// For a T36–T65 code: its first five characters (drug or substance, before the intent).
    substance: Option<String>,
    sub: Vec<String>,
    category: String,
    block: Option<String>,
    chapter: Option<String>,
}

impl DxProbe {
    pub fn new(engine: &Engine<'_>, edition: usize, h: &Hasher, raw: &str) -> DxProbe {
        let code = levels::clean(raw);
        let facts = levels::facts(engine, edition, &code);
        let stem = facts.stem().to_owned();
        let seventh_stem_x = (code.len() == 7)
            .then(|| h.hash("basex", &levels::strip_x(code.get(..6).unwrap_or(&code))));
        let mut sub: Vec<String> = levels::sub_prefixes(&stem)
            .into_iter()
            .map(|p| h.hash("sub", p))
            .collect();
        if stem.len() >= 4 {
            sub.push(h.hash("sub", &stem));
        }
        let lateral = levels::lateral_siblings(engine, edition, &stem)
            .iter()
            .flat_map(|s| {
                [
                    h.hash("basex", &levels::strip_x(s)),
                    h.hash("fullx", &levels::strip_x(s)),
                ]
            })
            .collect();
        let substance = is_poisoning(&code)
            .then(|| code.get(..5))
            .flatten()
            .map(|p| h.hash("sub", p));
        DxProbe {
            substance,
            full: h.hash("full", &code),
            full_x: h.hash("fullx", &levels::strip_x(&code)),
            seventh_stem_x,
            as_stem_x: h.hash("basex", &levels::strip_x(&code)),
            lateral,
            sub,
            category: h.hash("cat", code.get(..3).unwrap_or(&code)),
            block: facts.block.as_deref().map(|b| h.hash("block", b)),
            chapter: facts.chapter.map(|c| h.hash("chapter", &c.to_string())),
            code,
        }
    }
}

/// Poisoning, adverse effect and underdosing (T36–T65): the 6th character is the intent.
fn is_poisoning(code: &str) -> bool {
    code.len() >= 6
        && code.starts_with('T')
        && code
            .get(1..3)
            .and_then(|n| n.parse::<u8>().ok())
            .is_some_and(|n| (36..=65).contains(&n))
}

/// The closest relation between an entry and an expected code, if any.
pub fn compare_dx(k: &SealedDx, p: &DxProbe) -> Option<Decision> {
    if p.code.is_empty() {
        return None;
    }
    if p.full == k.full {
        return Some(Decision::Exact);
    }
    if k.alternates.contains(&p.full) {
        return Some(Decision::Alternate);
    }
    if p.full_x == k.full_x {
        return Some(Decision::MissingPlaceholder);
    }
    if let Some(base) = &k.base_x {
        if p.seventh_stem_x.as_ref() == Some(base) {
            return Some(Decision::WrongSeventh);
        }
        if &p.as_stem_x == base {
            return Some(Decision::MissingSeventh);
        }
    }
    let lateral_target = k.base_x.as_ref().unwrap_or(&k.full_x);
    if p.lateral.contains(lateral_target) {
        return Some(Decision::Laterality);
    }
    if p.substance.as_ref().is_some_and(|s| k.sub.contains(s)) {
        return Some(Decision::WrongIntent);
    }
    if p.sub.iter().any(|s| k.sub.contains(s)) {
        return Some(Decision::SameSubcategory);
    }
    if p.category == k.category {
        return Some(Decision::SameCategory);
    }
    if p.block.is_some() && p.block == k.block {
        return Some(Decision::SameBlock);
    }
    if p.chapter.is_some() && p.chapter == k.chapter {
        return Some(Decision::SameChapter);
    }
    None
}

/// An entered procedure line, hashed.
#[derive(Clone, Debug, Default)]
pub struct ProcProbe {
    pub code: String,
    hash: String,
    /// Each entered modifier: (cleaned, hash as an optional modifier).
    mods: Vec<(String, String)>,
    units: String,
    h_salt: String,
}

impl ProcProbe {
    pub fn new(
        h: &Hasher,
        salt: &str,
        code: &str,
        mods: &[String],
        units: Option<u32>,
    ) -> ProcProbe {
        let code = levels::clean(code);
        let mods = mods
            .iter()
            .map(|m| levels::clean(m))
            .filter(|m| !m.is_empty())
            .map(|m| {
                let hm = h.hash("mod", &m);
                (m, hm)
            })
            .collect();
        ProcProbe {
            hash: h.hash("proc", &code),
            code,
            mods,
            units: h.hash("units", &units.unwrap_or(1).to_string()),
            h_salt: salt.to_owned(),
        }
    }
}

/// `None` when the code is wrong (no credit for right modifiers on a wrong code).
pub fn compare_proc(k: &SealedProcedure, p: &ProcProbe) -> Option<Decision> {
    if p.code.is_empty() {
        return None;
    }
    let alternate = if p.hash == k.code {
        false
    } else if k.alternates.contains(&p.hash) {
        true
    } else {
        return None;
    };
    let h = Hasher::new(&p.h_salt);
    let required = p
        .mods
        .iter()
        .filter(|(_, hm)| !k.optional_modifiers.contains(hm))
        .map(|(m, _)| m.as_str());
    let mods_ok = h.hash("mods", &levels::modifier_set(required)) == k.modifiers;
    let units_ok = p.units == k.units;
    Some(match (mods_ok, units_ok) {
        (true, true) if alternate => Decision::Alternate,
        (true, true) => Decision::Exact,
        (false, true) => Decision::Modifier,
        (true, false) => Decision::Units,
        (false, false) => Decision::ModifierAndUnits,
    })
}
