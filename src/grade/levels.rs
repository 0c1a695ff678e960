//! The ICD-10-CM hierarchy levels of one code, and the salted hash used to compare them.
use super::sha256;
use crate::blob::columns::CodeTable;
use crate::engine::Engine;
use crate::normalize::normalize_code;

/// Hex characters kept per hash (80 bits): short JSON, no accidental matches.
const HASH_BYTES: usize = 10;

/// Salted, level-tagged hashing: the same code hashes differently at each level.
pub struct Hasher {
    salt: String,
}

impl Hasher {
    pub fn new(salt: &str) -> Hasher {
        Hasher {
            salt: salt.to_owned(),
        }
    }
    pub fn hash(&self, tag: &str, value: &str) -> String {
        let input = format!("claimlint-grade\u{1f}{}\u{1f}{tag}\u{1f}{value}", self.salt);
        sha256::hex_prefix(&sha256::digest(input.as_bytes()), HASH_BYTES)
    }
}

/// Upper-case letters and digits only (dots, spaces and look-alikes removed).
pub fn clean(raw: &str) -> String {
    normalize_code(raw).text
}

/// Drops placeholder X's (positions 4–6; no real character sits there as X).
pub fn strip_x(code: &str) -> String {
    code.char_indices()
        .filter(|&(i, c)| !((3..6).contains(&i) && c == 'X'))
        .map(|(_, c)| c)
        .collect()
}

/// Proper prefixes of a stem from 4 characters on, shortest first.
pub fn sub_prefixes(stem: &str) -> Vec<&str> {
    (4..stem.len()).filter_map(|n| stem.get(..n)).collect()
}

/// Modifiers as one order-free string.
pub fn modifier_set<'a>(mods: impl Iterator<Item = &'a str>) -> String {
    let cleaned: Vec<String> = mods.map(clean).filter(|m| !m.is_empty()).collect();
    // Sorted as `&str`, the one string sort the module carries (see `sides` below).
    let mut v: Vec<&str> = cleaned.iter().map(String::as_str).collect();
    v.sort_unstable();
    v.dedup();
    v.join(",")
}

/// What the code tree says about one code.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub code: String,
    /// The code without its 7th character, when it is a 7th-character code.
    pub stem_if_seventh: Option<String>,
    pub block: Option<String>,
    pub chapter: Option<u8>,
}

impl Facts {
    /// The code without any 7th character.
    pub fn stem(&self) -> &str {
        self.stem_if_seventh.as_deref().unwrap_or(&self.code)
    }
}

/// Looks up a cleaned code (unknown codes still get block and chapter from their category).
pub fn facts(engine: &Engine<'_>, _edition: usize, code: &str) -> Facts {
    let cm = engine.icd10cm.as_ref();
    let is_ext = match cm.and_then(|cm| cm.find(code).map(|i| cm.is_extension(i))) {
        Some(ext) => ext,
        None => code.len() == 7,
    };
    let stem_if_seventh =
        (is_ext && code.len() == 7).then(|| code.get(..6).unwrap_or(code).to_owned());
    let bc = cm.and_then(|cm| cm.block_and_chapter(code));
    Facts {
        code: code.to_owned(),
        stem_if_seventh,
        block: bc.as_ref().map(|b| b.0.clone()),
        chapter: bc.map(|b| b.2),
    }
}

/// Words that mark laterality in a title.
const SIDES: [&str; 4] = ["right", "left", "bilateral", "unspecified"];

/// A title with its laterality words taken out, and the words it had.
fn side_split(title: &str) -> (String, Vec<&'static str>) {
    let lower = crate::search::text::lowercase(title);
    let mut rest = Vec::new();
    let mut sides = Vec::new();
    for w in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        match SIDES.iter().find(|s| **s == w) {
            Some(s) => {
                if !sides.contains(s) {
                    sides.push(*s);
                }
            }
            None => rest.push(w.to_owned()),
        }
    }
    sides.sort_unstable();
    (rest.join(" "), sides)
}

/// Siblings of `stem` that differ from it only by right / left / bilateral / unspecified.
pub fn lateral_siblings(engine: &Engine<'_>, edition: usize, stem: &str) -> Vec<String> {
    let Some(cm) = engine.icd10cm.as_ref() else {
        return Vec::new();
    };
    let Some(i) = cm
        .find(stem)
        .or_else(|| cm.find(stem.trim_end_matches('X')))
    else {
        return Vec::new();
    };
    let Some(title) = cm.description(i, edition) else {
        return Vec::new();
    };
    let (rest, sides) = side_split(&title);
    let Some(parent) = cm.parent(i) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for j in cm.children(parent, edition) {
        if j == i {
            continue;
        }
        let Some(t) = cm.description(j, edition) else {
            continue;
        };
        let (r, s) = side_split(&t);
        let sided = |v: &[&str]| v.iter().any(|w| *w != "unspecified");
        if r == rest && s != sides && (sided(&s) || sided(&sides)) {
            out.push(cm.code(j).to_owned());
        }
    }
    out
}
