//! Compile side of `crate::ptp`: finds the PTP files, reads every part, encodes both tables.
//!
//! In `<data>/ncci_ptp/` (or `<data>/`): official CMS parts `ccipra*` (practitioner) and
//! `ccioph*` (outpatient hospital), zip or TXT, several parts per table; otherwise the derived
//! `ptp_practitioner*.tsv.gz` / `ptp_outpatient*.tsv.gz`. Official parts win when both exist.
//!
//! The outpatient pairs of the CMS I/OCE tables (`ioce_outpatient_ptp*.tsv.gz`), with real
//! quarterly effective and deletion dates, replace the outpatient table for every date they
//! cover (from their first quarter on), unless an official table is at least as new.
pub mod derived;
pub mod encode;
pub mod ioce;
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
    let outpatient = match read_ioce(&files, &mut rationales)? {
        Some((table, _)) if outpatient.as_ref().is_some_and(|o| !o.effective_unknown && o.release >= table.release) => outpatient,
        Some((table, file)) => Some(merge_ioce(outpatient, table, file, &mut rationales)?),
        None => outpatient,
    };
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

/// The I/OCE outpatient pairs, when the data directory has them.
fn read_ioce(files: &[PathBuf], rationales: &mut Rationales) -> Result<Option<(ioce::IoceTable, (String, String))>> {
    let Some(p) = files.iter().rfind(|p| {
        let n = file_name(p).to_ascii_lowercase();
        n.starts_with("ioce_outpatient_ptp") && n.ends_with(".tsv.gz")
    }) else {
        return Ok(None);
    };
    let name = file_name(p);
    let bytes = std::fs::read(p).context(p.display())?;
    let not_stated = rationales.intern(crate::ptp::rationale::NOT_STATED.as_bytes()).map_err(err)?;
    let table = ioce::read(&bytes, &name, not_stated)?;
    Ok(Some((table, (name, sha256_hex(&bytes)))))
}

/// The I/OCE pairs for every date from their first quarter on; before it, the older table's
/// rows (their deletions cut to the day before). Each I/OCE pair takes the CMS rationale the
/// older table gives the same pair, when it has one. An older row in force when the history
/// starts, with the indicator of the I/OCE row starting then, is the same edit: it is kept as
/// one row (start unknown, end the I/OCE's), so continuing edits are not stored twice.
fn merge_ioce(older: Option<RawTable>, table: ioce::IoceTable, file: (String, String), rationales: &mut Rationales) -> Result<RawTable> {
    let start = table.history_start;
    let day_before = Date::from_yyyymmdd(start).and_then(Date::pred).map_or(0, Date::yyyymmdd);
    let not_stated = rationales.intern(crate::ptp::rationale::NOT_STATED.as_bytes()).map_err(err)?;
    let mut t = RawTable { release: table.release, history_start: start, provenance: "I/OCE-derived".into(), ..RawTable::default() };
    let mut known: std::collections::HashMap<([u8; 5], [u8; 5]), (u32, u8)> = std::collections::HashMap::new();
    // Pair → (deletion rank, index in `t.rows`) of the older row in force on `start`.
    let mut at_start: std::collections::HashMap<([u8; 5], [u8; 5]), (u32, usize)> = std::collections::HashMap::new();
    if let Some(o) = older {
        for r in &o.rows {
            // The newest row's rationale (no deletion date = newest).
            let rank = if r.deletion == 0 { u32::MAX } else { r.deletion };
            let e = known.entry((r.column_one, r.column_two)).or_insert((rank, r.rationale));
            if rank >= e.0 {
                *e = (rank, r.rationale);
            }
        }
        for mut r in o.rows {
            if r.deletion == 0 || r.deletion >= start {
                // In force when the history starts: the row governing that day per pair is
                // the one deleted first (see `Ptp::edit_in_force`).
                if r.indicator != 9 {
                    let rank = if r.deletion == 0 { u32::MAX } else { r.deletion };
                    let e = at_start.entry((r.column_one, r.column_two)).or_insert((rank, t.rows.len()));
                    if rank < e.0 {
                        *e = (rank, t.rows.len());
                    }
                }
                r.deletion = day_before;
            }
            t.rows.push(r);
        }
        t.files = o.files;
    }
    for mut r in table.rows {
        if r.effective == start {
            if let Some((_, i)) = at_start.remove(&(r.column_one, r.column_two)) {
                if let Some(older) = t.rows.get_mut(i).filter(|o| o.indicator == r.indicator) {
                    older.deletion = r.deletion;
                    continue;
                }
            }
        }
        if r.rationale == not_stated {
            if let Some(&(_, rat)) = known.get(&(r.column_one, r.column_two)) {
                r.rationale = rat;
            }
        }
        t.rows.push(r);
    }
    t.files.push(file);
    Ok(t)
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
    let how = if t.history_start != 0 {
        let start = Date::from_yyyymmdd(t.history_start).map_or_else(String::new, |d| d.to_string());
        format!(
            "the pairs of the CMS I/OCE data tables with quarterly effective and deletion dates from {start} \
             (decoded from PyPI pyoce, not a CMS file; no rationale), and before {start} the derived 2024-07 table"
        )
    } else if t.effective_unknown {
        "derived from the andrewallenbruce/northstar pins, not a CMS file; effective dates unknown".to_owned()
    } else {
        "CMS NCCI PTP files".to_owned()
    };
    w.manifest.vintages.push(Vintage {
        system: format!("ncci_ptp_{name}"),
        label: vintage_text(t).trim_start_matches("NCCI PTP ").to_owned(),
        valid_from: if t.history_start != 0 { t.history_start } else { t.release },
        valid_to: to,
        source: format!("NCCI PTP {table} edits, {how} ({})", files.join(", ")),
    });
    for (file, sha) in &t.files {
        w.manifest.sources.push(SourceFile { name: file.clone(), sha256: sha.clone(), role: format!("ncci ptp {name}") });
    }
}
