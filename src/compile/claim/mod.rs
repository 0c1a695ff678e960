//! Compile side of `crate::claim`: MCE diagnosis edits and age groups, place-of-service codes,
//! POA-exempt codes and payer rule packs → the `claim` section.
mod mce;
pub mod pack;
mod poa;
mod pos;

use crate::blob::columns::{build, FixedKeys, U32Col};
use crate::blob::{BlobWriter, SourceFile, Vintage};
use crate::claim::data::{ClaimSection, SECTION, VERSION, WIDTH};
use crate::compile::sources::sha256_hex;
use crate::compile::{err, CompileOptions, Result, SearchDoc};
use std::path::{Path, PathBuf};

/// Reads this area's CMS files from the data directory and adds its sections.
/// Returns what it contributes to the search index (nothing: diagnoses come from ICD-10-CM).
pub fn add_sections(w: &mut BlobWriter, data_dir: &Path, opts: &CompileOptions) -> Result<Vec<SearchDoc>> {
    let mce = match newest(&data_dir.join("mce"), "mce_i10dx_master_v", ".csv") {
        Some(p) => Some(mce::read(&p, &data_dir.join("mce"))?),
        None => None,
    };
    let pos_path = data_dir.join("pos").join("pos_codes.json");
    let pos = if pos_path.is_file() { Some(pos::read(&pos_path)?) } else { None };
    let poa = match newest(&data_dir.join("poa"), "", "poa-exempt-codes.zip") {
        Some(p) => Some(poa::read(&p)?),
        None => None,
    };
    let packs = opts.rule_packs.iter().map(|p| pack::read(p)).collect::<Result<Vec<_>>>()?;

    let rows = mce.as_ref().map(|m| m.rows.as_slice()).unwrap_or(&[]);
    let codes: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let code_bytes = fixed_keys_dup(&codes);
    let from = build::u32s(rows.iter().map(|r| r.from));
    let to = build::u32s(rows.iter().map(|r| r.to));
    let flags = build::u32s(rows.iter().map(|r| r.flags));
    let exempt = poa.as_ref().map(|p| build::fixed_keys(&p.codes, WIDTH)).unwrap_or_default();
    let pos_rows: Vec<(&str, &str)> = pos.as_ref().map(|p| p.codes.iter().map(|(c, n)| (c.as_str(), n.as_str())).collect()).unwrap_or_default();
    let section = ClaimSection {
        mce_label: mce.as_ref().map_or("", |m| m.label.as_str()),
        mce_codes: FixedKeys { width: WIDTH, bytes: &code_bytes },
        mce_from: U32Col(&from),
        mce_to: U32Col(&to),
        mce_flags: U32Col(&flags),
        age_groups: mce.as_ref().map(|m| m.ages.clone()).unwrap_or_default(),
        pos: pos_rows,
        pos_label: pos.as_ref().map_or("", |p| p.label.as_str()),
        poa_label: poa.as_ref().map_or("", |p| p.label.as_str()),
        poa_exempt: FixedKeys { width: WIDTH, bytes: &exempt },
        packs: packs.iter().map(pack::PackFile::view).collect(),
        discharge_status: mce.as_ref().map(|m| m.discharge_status.clone()).unwrap_or_default(),
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("claim section: {e}")))?;

    if let Some(m) = &mce {
        w.manifest.vintages.push(Vintage {
            system: "mce".into(),
            label: format!("{}, FY{} tables", m.version, m.fiscal_year),
            valid_from: m.valid_from,
            valid_to: m.valid_to,
            source: format!("CMS Medicare Code Editor {} diagnosis master table, the FY{} table set ({})", m.version, m.fiscal_year, m.name),
        });
        for (name, bytes, role) in &m.sources {
            w.manifest.sources.push(SourceFile { name: name.clone(), sha256: sha256_hex(bytes), role: role.clone() });
        }
        w.manifest.counts.push(("claim.mce.rows".into(), rows.len() as u64));
    }
    if let Some(p) = &pos {
        w.manifest.sources.push(SourceFile { name: p.name.clone(), sha256: p.sha256.clone(), role: "place of service codes".into() });
        w.manifest.counts.push(("claim.pos.codes".into(), p.codes.len() as u64));
    }
    if let Some(p) = &poa {
        w.manifest.sources.push(SourceFile { name: p.name.clone(), sha256: p.sha256.clone(), role: format!("{} codes", p.label) });
        let (from, to) = p.window;
        w.manifest.vintages.push(Vintage {
            system: "poa".into(),
            label: p.label.trim_start_matches("POA exempt ").to_owned(),
            valid_from: from,
            valid_to: to,
            source: format!("CMS {} list ({})", p.label, p.name),
        });
        w.manifest.counts.push(("claim.poa.exempt".into(), p.codes.len() as u64));
    }
    for p in &packs {
        w.manifest.sources.push(SourceFile { name: p.file.clone(), sha256: p.sha256.clone(), role: format!("payer rule pack {}", p.id) });
    }
    w.manifest.counts.push(("claim.packs".into(), packs.len() as u64));
    Ok(Vec::new())
}

/// The last file (by name) in `dir` starting with `prefix` and ending with `suffix`.
fn newest(dir: &Path, prefix: &str, suffix: &str) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix) && n.ends_with(suffix)))
        .collect();
    found.sort();
    found.pop()
}

/// Sorted keys that may repeat (one row per date range), padded to the width.
fn fixed_keys_dup(keys: &[&str]) -> Vec<u8> {
    let w = usize::from(WIDTH);
    let mut out = Vec::with_capacity(keys.len() * w);
    for k in keys {
        assert!(k.len() <= w, "MCE code {k} is longer than {w}");
        out.extend_from_slice(k.as_bytes());
        out.resize(out.len() + (w - k.len()), b' ');
    }
    out
}
