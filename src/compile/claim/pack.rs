//! Payer rule packs: JSON files (schema `src/rules/schemas/payer-pack.schema.json`) read and
//! checked at compile time. Errors name the file, line and column.
use crate::claim::pack::{CodeLimit, CodeRange, ModifierRule, Pack, PairDenial, RuleSetting};
use crate::compile::sources::sha256_hex;
use crate::compile::{err, Context, Result};
use crate::finding::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PackJson {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    id: String,
    name: String,
    version: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    rules: BTreeMap<String, RuleJson>,
    #[serde(default)]
    pair_denials: Vec<PairJson>,
    #[serde(default)]
    required_modifiers: Vec<ModifierJson>,
    #[serde(default)]
    code_limits: Vec<LimitJson>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RuleJson {
    #[serde(default)]
    enabled: Option<bool>,
    #[serde(default)]
    severity: Option<Severity>,
    #[serde(default)]
    message: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PairJson {
    first: Vec<String>,
    second: Vec<String>,
    #[serde(default = "yes")]
    same_day: bool,
    #[serde(default = "error")]
    severity: Severity,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ModifierJson {
    codes: Vec<String>,
    any_of: Vec<String>,
    #[serde(default = "error")]
    severity: Severity,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LimitJson {
    codes: Vec<String>,
    #[serde(default)]
    sex: Option<String>,
    #[serde(default)]
    min_age: Option<u16>,
    #[serde(default)]
    max_age: Option<u16>,
    #[serde(default = "error")]
    severity: Severity,
    #[serde(default)]
    message: String,
}

fn yes() -> bool {
    true
}
fn error() -> Severity {
    Severity::Error
}

/// Inclusive (lo, hi) code ranges, no dots.
type Ranges = Vec<(String, String)>;
type RuleRow = (String, Option<bool>, Option<Severity>, Option<String>);
type PairRow = (Ranges, Ranges, bool, Severity, String);
type ModifierRow = (Ranges, Vec<String>, Severity, String);
type LimitRow = (Ranges, Option<String>, Option<u16>, Option<u16>, Severity, String);

/// A checked pack, owning its text; [`PackFile::view`] borrows it as the stored form.
pub struct PackFile {
    pub file: String,
    pub sha256: String,
    pub id: String,
    name: String,
    version: String,
    rules: Vec<RuleRow>,
    pairs: Vec<PairRow>,
    modifiers: Vec<ModifierRow>,
    limits: Vec<LimitRow>,
}

/// Reads and checks a pack file.
pub fn read(path: &Path) -> Result<PackFile> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).context(&file)?;
    let text = std::str::from_utf8(&bytes).context(&file)?;
    parse(text, &file).map(|mut p| {
        p.sha256 = sha256_hex(&bytes);
        p
    })
}

/// Parses pack text; `file` names it in errors (`file:line:column: message`).
pub fn parse(text: &str, file: &str) -> Result<PackFile> {
    let j: PackJson = serde_json::from_str(text).map_err(|e| err(format!("{file}:{}:{}: {e}", e.line(), e.column())))?;
    // Semantic errors point at the first occurrence of the offending text.
    let at = |needle: &str, msg: String| {
        let quoted = format!("\"{needle}\"");
        let off = text.find(&quoted).unwrap_or(0);
        let before = &text[..off];
        let line = before.matches('\n').count() + 1;
        let col = off - before.rfind('\n').map_or(0, |p| p + 1) + 1;
        err(format!("{file}:{line}:{col}: {msg}"))
    };
    if j.id.trim().is_empty() || !j.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(at(&j.id, format!("pack id `{}` must be letters, digits, - or _", j.id)));
    }
    let _ = j.description;
    let mut rules = Vec::new();
    for (id, r) in j.rules {
        if crate::rules::rule(&id).is_none() {
            return Err(at(&id, format!("`{id}` is not a rule in the edit catalogue")));
        }
        rules.push((id, r.enabled, r.severity, r.message));
    }
    let ranges = |list: &[String]| -> Result<Ranges> {
        if list.is_empty() {
            return Err(err(format!("{file}: a code list is empty")));
        }
        list.iter().map(|s| code_range(s).ok_or_else(|| at(s, format!("`{s}` is not a code, a range (27130-27447) or a prefix (N40.-)")))).collect()
    };
    let mut pairs = Vec::new();
    for p in &j.pair_denials {
        pairs.push((ranges(&p.first)?, ranges(&p.second)?, p.same_day, p.severity, p.message.clone()));
    }
    let mut modifiers = Vec::new();
    for m in &j.required_modifiers {
        if m.any_of.is_empty() {
            return Err(err(format!("{file}: requiredModifiers entry for {:?} lists no modifiers", m.codes)));
        }
        let mods: Vec<String> = m.any_of.iter().map(|x| x.trim().to_ascii_uppercase()).collect();
        if let Some(bad) = mods.iter().find(|x| x.len() != 2 || !x.bytes().all(|b| b.is_ascii_alphanumeric())) {
            return Err(at(bad, format!("`{bad}` is not a two-character modifier")));
        }
        modifiers.push((ranges(&m.codes)?, mods, m.severity, m.message.clone()));
    }
    let mut limits = Vec::new();
    for l in &j.code_limits {
        let sex = l.sex.as_ref().map(|s| s.trim().to_ascii_uppercase());
        if let Some(s) = &sex {
            if s != "F" && s != "M" {
                return Err(at(l.sex.as_deref().unwrap_or(""), format!("sex `{s}` must be F or M")));
            }
        }
        if sex.is_none() && l.min_age.is_none() && l.max_age.is_none() {
            return Err(err(format!("{file}: codeLimits entry for {:?} sets no sex or age limit", l.codes)));
        }
        limits.push((ranges(&l.codes)?, sex, l.min_age, l.max_age, l.severity, l.message.clone()));
    }
    Ok(PackFile { file: file.rsplit(['/', '\\']).next().unwrap_or(file).to_owned(), sha256: String::new(), id: j.id, name: j.name, version: j.version, rules, pairs, modifiers, limits })
}

fn r(v: &[(String, String)]) -> Vec<CodeRange<'_>> {
    v.iter().map(|(lo, hi)| CodeRange { lo, hi }).collect()
}

/// `27130-27447`, `N40.-`, `Z12.31` → (lo, hi) without dots, upper case.
fn code_range(s: &str) -> Option<(String, String)> {
    let clean = |x: &str| -> Option<String> {
        let c: String = x.trim().trim_end_matches('-').replace('.', "").to_ascii_uppercase();
        (!c.is_empty() && c.len() <= 7 && c.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(c)
    };
    let t = s.trim();
    if let Some(prefix) = t.strip_suffix(".-").or_else(|| t.strip_suffix('-')) {
        let p = clean(prefix)?;
        return Some((p.clone(), p));
    }
    match t.split_once('-') {
        Some((a, b)) => {
            let (lo, hi) = (clean(a)?, clean(b)?);
            (lo <= hi).then_some((lo, hi))
        }
        None => {
            let c = clean(t)?;
            Some((c.clone(), c))
        }
    }
}

impl PackFile {
    /// The stored form, borrowing this file's strings.
    pub fn view(&self) -> Pack<'_> {
        Pack {
            id: &self.id,
            name: &self.name,
            version: &self.version,
            rules: self.rules.iter().map(|(rule, enabled, severity, message)| RuleSetting { rule, enabled: *enabled, severity: *severity, message: message.as_deref() }).collect(),
            pair_denials: self.pairs.iter().map(|(a, b, same_day, severity, message)| PairDenial { first: r(a), second: r(b), same_day: *same_day, severity: *severity, message }).collect(),
            required_modifiers: self.modifiers.iter().map(|(c, m, severity, message)| ModifierRule { codes: r(c), any_of: m.iter().map(String::as_str).collect(), severity: *severity, message }).collect(),
            code_limits: self
                .limits
                .iter()
                .map(|(c, sex, min_age, max_age, severity, message)| CodeLimit { codes: r(c), sex: sex.as_deref(), min_age: *min_age, max_age: *max_age, severity: *severity, message })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_carry_file_line_and_column() {
        let e = parse("{\n  \"id\": \"x\",\n  \"name\": \"X\", \"version\": \"1\",\n  \"rules\": {\"DX-NOPE\": {\"enabled\": false}}\n}", "p.json").err().unwrap();
        assert!(e.0.starts_with("p.json:4:13:"), "{}", e.0);
        let e = parse("{\"id\": \"x\", \"name\": \"X\", \"version\": 1}", "p.json").err().unwrap();
        assert!(e.0.starts_with("p.json:1:"), "{}", e.0);
        let e = parse("{\"id\": \"x\", \"name\": \"X\", \"version\": \"1\", \"bogus\": 1}", "p.json").err().unwrap();
        assert!(e.0.contains("bogus"), "{}", e.0);
    }

    #[test]
    fn code_ranges() {
        assert_eq!(code_range("27130-27447"), Some(("27130".into(), "27447".into())));
        assert_eq!(code_range("N40.-"), Some(("N40".into(), "N40".into())));
        assert_eq!(code_range("Z12.31"), Some(("Z1231".into(), "Z1231".into())));
        assert_eq!(code_range("b-a"), None);
    }
}
