//! Compile side of `crate::ptp`: finds the PTP files, reads every part, encodes both tables.
//!
//! In `<data>/ncci_ptp/` (or `<data>/`): official CMS parts `ccipra*` (practitioner) and
//! `ccioph*` (outpatient hospital), zip or TXT, several parts per table; otherwise the derived
//! `ptp_practitioner*.tsv.gz` / `ptp_outpatient*.tsv.gz`. Official parts win when both exist.
pub mod derived;
pub mod encode;
pub mod model;
pub mod official;

use crate::blob::{BlobWriter, SourceFile, Vintage};
use crate::compile::sources::sha256_hex;
use crate::compile::{err, CompileOptions, Context, Result, SearchDoc};
use crate::date::Date;
use model::{RawTable, Rationales};
use std::path::{Path, PathBuf};

/// Reads this area's CMS files from the data directory and adds its sections.
/// Returns what it contributes to the search index (nothing: PTP pairs are not searched).
pub fn add_sections(w: &mut BlobWriter, data_dir: &Path, _opts: &CompileOptions) -> Result<Vec<SearchDoc>> {
    let files = list_files(data_dir);
    let mut rationales = Rationales::default();
    let practitioner = read_table(&files, "ccipra", "ptp_practitioner", &mut rationales)?;
    let outpatient = read_table(&files, "ccioph", "ptp_outpatient", &mut rationales)?;
    if practitioner.is_none() && outpatient.is_none() {
        return Ok(Vec::new());
    }
    let bytes = encode::encode(practitioner.as_ref(), outpatient.as_ref(), &rationales.texts, vintage_text);
    w.add_section(crate::ptp::section::SECTION, crate::ptp::section::VERSION, &bytes.section())
        .map_err(|e| err(format!("PTP section: {e}")))?;
    for (name, t) in [("practitioner", &practitioner), ("outpatient", &outpatient)] {
        if let Some(t) = t {
            record(w, name, t);
        }
    }
    w.manifest.counts.push(("ptp.codes".into(), (bytes.codes.len() / 5) as u64));
    Ok(Vec::new())
}

/// The vintage text findings carry, e.g. `NCCI PTP 2024-07-01 (derived)`.
pub fn vintage_text(t: &RawTable) -> String {
    let day = Date::from_yyyymmdd(t.release).map_or_else(|| "release unknown".to_owned(), |d| d.to_string());
    format!("NCCI PTP {day} ({})", t.provenance)
}

fn list_files(data_dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [data_dir.join("ncci_ptp"), data_dir.to_path_buf()] {
        if let Ok(rd) = std::fs::read_dir(&dir) {
            out.extend(rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()));
        }
    }
    out.sort();
    out
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Reads one table: all official parts with `official` prefix, else the newest derived file.
fn read_table(files: &[PathBuf], official: &str, derived_prefix: &str, rationales: &mut Rationales) -> Result<Option<RawTable>> {
    let lower = |p: &PathBuf| file_name(p).to_ascii_lowercase();
    let parts: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            let n = lower(p);
            n.starts_with(official) && (n.ends_with(".zip") || n.ends_with(".txt"))
        })
        .collect();
    let mut t = RawTable::default();
    if !parts.is_empty() {
        for p in &parts {
            let name = file_name(p);
            let bytes = std::fs::read(p).context(p.display())?;
            t.rows.extend(official::read_part(&bytes, &name, rationales)?);
            if let Some((release, version)) = official::release_from_name(&name) {
                t.release = t.release.max(release);
                t.provenance = version;
            }
            t.files.push((name, sha256_hex(&bytes)));
        }
        if t.provenance.is_empty() {
            t.provenance = "CMS".into();
        }
        return Ok(Some(t));
    }
    let Some(p) = files.iter().rfind(|p| lower(p).starts_with(derived_prefix) && lower(p).ends_with(".tsv.gz")) else {
        return Ok(None);
    };
    let name = file_name(p);
    let bytes = std::fs::read(p).context(p.display())?;
    t.rows = derived::read(&bytes, &name, rationales)?;
    t.release = derived::release_from_name(&name).unwrap_or(0);
    t.effective_unknown = true;
    t.provenance = "derived".into();
    t.files.push((name, sha256_hex(&bytes)));
    Ok(Some(t))
}

/// Manifest counts, vintage and sources of one table.
fn record(w: &mut BlobWriter, name: &str, t: &RawTable) {
    let mut pairs: Vec<([u8; 5], [u8; 5])> = t.rows.iter().map(|r| (r.column_one, r.column_two)).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut ones: Vec<[u8; 5]> = t.rows.iter().map(|r| r.column_one).collect();
    ones.sort_unstable();
    ones.dedup();
    let active = t.rows.iter().filter(|r| r.deletion == 0).count();
    let c = &mut w.manifest.counts;
    c.push((format!("ptp.{name}.rows"), t.rows.len() as u64));
    c.push((format!("ptp.{name}.active"), active as u64));
    c.push((format!("ptp.{name}.pairs"), pairs.len() as u64));
    c.push((format!("ptp.{name}.column_one_codes"), ones.len() as u64));
    for i in [0u8, 1, 9] {
        c.push((format!("ptp.{name}.modifier_{i}"), t.rows.iter().filter(|r| r.indicator == i).count() as u64));
    }
    let from = Date::from_yyyymmdd(t.release);
    // A quarterly release answers for its quarter; later dates of service need a newer table.
    let to = from
        .and_then(|d| Date::from_ymd(d.year() + u32::from(d.month() >= 10), (d.month() + 2) % 12 + 1, 1))
        .and_then(Date::pred)
        .map_or(0, Date::yyyymmdd);
    let table = if name == "practitioner" { "practitioner (ccipra)" } else { "outpatient hospital (ccioph)" };
    let files: Vec<&str> = t.files.iter().map(|(n, _)| n.as_str()).collect();
    let how = if t.effective_unknown {
        "derived from the andrewallenbruce/northstar pins, not a CMS file; effective dates unknown"
    } else {
        "CMS NCCI PTP files"
    };
    w.manifest.vintages.push(Vintage {
        system: format!("ncci_ptp_{name}"),
        label: vintage_text(t).trim_start_matches("NCCI PTP ").to_owned(),
        valid_from: t.release,
        valid_to: to,
        source: format!("NCCI PTP {table} edits, {how} ({})", files.join(", ")),
    });
    for (file, sha) in &t.files {
        w.manifest.sources.push(SourceFile { name: file.clone(), sha256: sha.clone(), role: format!("ncci ptp {name}") });
    }
}
