//! CPT code numbers from CMS tables, and descriptions only from a user's licensed file.
//!
//! The public blob carries CPT numbers alone (AMA copyright). `CompileOptions.cpt_file`
//! (`code,description` CSV; two-character codes are CPT modifiers) makes a private blob with
//! descriptions and sets `manifest.cpt_licensed`.
//!
//! For other areas: call [`rebuild`] with extra CPT numbers (e.g. from PTP tables) to replace
//! the section with the union; it re-reads MUE and AOC and keeps the licensed descriptions.
use super::aoc::AocTable;
use super::mue::MueTables;
use crate::blob::columns::{build, FixedKeys, StrPool, U32Col};
use crate::blob::BlobWriter;
use crate::compile::{err, CompileOptions, Context, Result};
use crate::procedure::cpt::{CptSection, NO_TEXT, SECTION, SEEN_AOC, SEEN_LICENSED, SEEN_MUE, SEEN_PTP, VERSION};
use crate::procedure::format::cpt_category;
use std::collections::BTreeMap;
use std::path::Path;

/// CPT number → bit set of the tables it was seen in.
pub type CptNumbers = BTreeMap<String, u8>;

/// Collects CPT-shaped codes from MUE, AOC and any extra (PTP) codes.
pub fn numbers(mue: Option<&MueTables>, aoc: Option<&AocTable>, extra_ptp: &[String]) -> CptNumbers {
    let mut out = CptNumbers::new();
    let mut add = |c: &str, bit: u8| {
        if cpt_category(c).is_some() {
            *out.entry(c.to_owned()).or_default() |= bit;
        }
    };
    for t in mue.map(|m| m.tables.as_slice()).unwrap_or(&[]) {
        for r in t {
            add(&r.code, SEEN_MUE);
        }
    }
    for r in aoc.map(|a| a.rows.as_slice()).unwrap_or(&[]) {
        add(&r.addon, SEEN_AOC);
        add(&r.primary, SEEN_AOC);
    }
    for c in extra_ptp {
        add(c, SEEN_PTP);
    }
    out
}

/// A licensed descriptor file: codes and modifiers with descriptions.
#[derive(Debug, Default)]
pub struct Licensed {
    pub codes: BTreeMap<String, String>,
    pub modifiers: BTreeMap<String, String>,
}

/// Reads a `code,description` CSV (a header row is skipped when its first cell is not a code).
pub fn read_licensed(path: &Path) -> Result<Licensed> {
    let bytes = std::fs::read(path).context(path.display())?;
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => encoding_rs::WINDOWS_1252.decode(e.as_bytes()).0.into_owned(),
    };
    let mut rd = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut out = Licensed::default();
    for (i, rec) in rd.records().enumerate() {
        let rec = rec.context(format!("{} row {}", path.display(), i + 1))?;
        let code = rec.get(0).unwrap_or("").trim().to_ascii_uppercase();
        let desc = rec.get(1).unwrap_or("").trim().to_owned();
        if code.is_empty() || code.starts_with('#') {
            continue;
        }
        if cpt_category(&code).is_some() {
            out.codes.insert(code, desc);
        } else if code.len() == 2 && code.bytes().all(|c| c.is_ascii_alphanumeric()) {
            out.modifiers.insert(code, desc);
        } else if i > 0 {
            return Err(err(format!("{} row {}: `{code}` is neither a CPT code nor a modifier", path.display(), i + 1)));
        }
    }
    Ok(out)
}

/// Writes the `cpt` section (replacing any earlier one) and its counts.
pub fn add_section(w: &mut BlobWriter, mut numbers: CptNumbers, opts: &CompileOptions) -> Result<()> {
    let licensed = match &opts.cpt_file {
        Some(p) => Some(read_licensed(p)?),
        None => None,
    };
    if let Some(l) = &licensed {
        for c in l.codes.keys() {
            *numbers.entry(c.clone()).or_default() |= SEEN_LICENSED;
        }
    }
    if numbers.is_empty() && licensed.is_none() {
        return Ok(());
    }
    let mut pool = build::StrPoolBuilder::default();
    let codes: Vec<&str> = numbers.keys().map(String::as_str).collect();
    let desc: Vec<u32> = codes
        .iter()
        .map(|c| licensed.as_ref().and_then(|l| l.codes.get(*c)).map_or(NO_TEXT, |d| pool.intern(d)))
        .collect();
    let mods: Vec<(&String, &String)> = licensed.as_ref().map(|l| l.modifiers.iter().collect()).unwrap_or_default();
    let mod_codes = build::fixed_keys(&mods.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(), 2);
    let mod_desc = build::u32s(mods.iter().map(|(_, d)| pool.intern(d)));
    let (ends, data) = pool.finish();
    let code_bytes = build::fixed_keys(&codes, 5);
    let seen: Vec<u8> = numbers.values().copied().collect();
    let desc_bytes = build::u32s(desc);
    let section = CptSection {
        codes: FixedKeys { width: 5, bytes: &code_bytes },
        seen_in: &seen,
        descriptions: U32Col(&desc_bytes),
        modifier_codes: FixedKeys { width: 2, bytes: &mod_codes },
        modifier_descriptions: U32Col(&mod_desc),
        strings: StrPool { ends: U32Col(&ends), data: &data },
        licensed: licensed.is_some(),
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("cpt section: {e}")))?;
    w.manifest.counts.retain(|(k, _)| !k.starts_with("cpt."));
    w.manifest.counts.push(("cpt.numbers".into(), numbers.len() as u64));
    if let Some(l) = &licensed {
        w.manifest.cpt_licensed = true;
        w.manifest.counts.push(("cpt.licensed_descriptions".into(), l.codes.len() as u64));
        w.manifest.counts.push(("cpt.licensed_modifiers".into(), l.modifiers.len() as u64));
        if let Some(p) = &opts.cpt_file {
            let bytes = std::fs::read(p).context(p.display())?;
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            w.manifest.sources.retain(|s| s.role != "cpt licensed descriptors");
            w.manifest.sources.push(crate::blob::SourceFile {
                name,
                sha256: crate::compile::sources::sha256_hex(&bytes),
                role: "cpt licensed descriptors".into(),
            });
        }
    }
    Ok(())
}

/// Re-reads MUE and AOC from `data_dir`, adds `extra_ptp` numbers, and replaces the section.
pub fn rebuild(w: &mut BlobWriter, data_dir: &Path, opts: &CompileOptions, extra_ptp: &[String]) -> Result<()> {
    let mue = super::mue::read(data_dir)?;
    let aoc = super::aoc::read(data_dir)?;
    add_section(w, numbers(mue.as_ref(), aoc.as_ref(), extra_ptp), opts)
}
