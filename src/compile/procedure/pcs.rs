//! Reads the MCE ICD-10-PCS master (`mce_i10sg_master_vNN.N.csv`: code, start, end, flags).
//! It is a decode of CMS's MCE tables, not a CMS-published file; its end date 20270331 means open.
use super::files::{self, Source};
use crate::blob::columns::{build, FixedKeys};
use crate::blob::{BlobWriter, Vintage};
use crate::compile::{err, Result};
use crate::procedure::pcs::{PcsSection, PCS_FLAGS, SECTION, VERSION};
use std::collections::BTreeSet;
use std::path::Path;

/// One code × date-range row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    pub code: String,
    pub start: u32,
    pub end: u32,
    pub flags: String,
}

/// The parsed table.
#[derive(Debug, Clone)]
pub struct PcsTable {
    pub rows: Vec<Row>,
    /// e.g. `MCE v43.1`.
    pub label: String,
    /// Release effective date and last date of service it answers for.
    pub release: u32,
    pub window_end: u32,
    pub source: Source,
}

/// Parses the CSV.
pub fn parse(bytes: &[u8], name: &str) -> Result<Vec<Row>> {
    let mut rd = csv::ReaderBuilder::new().has_headers(true).from_reader(bytes);
    let mut rows = Vec::new();
    for (i, rec) in rd.records().enumerate() {
        let rec = rec.map_err(|e| err(format!("{name}: row {}: {e}", i + 2)))?;
        let f = |k: usize| rec.get(k).unwrap_or("").trim();
        let num = |k: usize| f(k).parse::<u32>().map_err(|_| err(format!("{name}: row {}: bad date `{}`", i + 2, f(k))));
        let code = f(0).to_owned();
        if code.len() != 7 {
            return Err(err(format!("{name}: row {}: `{code}` is not 7 characters", i + 2)));
        }
        let flags = f(3).to_owned();
        if let Some(bad) = flags.split('|').map(str::trim).find(|x| !x.is_empty() && !PCS_FLAGS.contains(x)) {
            return Err(err(format!("{name}: row {}: unknown MCE procedure flag `{bad}` (known: {})", i + 2, PCS_FLAGS.join(", "))));
        }
        rows.push(Row { code, start: num(1)?, end: num(2)?, flags });
    }
    Ok(rows)
}

/// `..._v43.1.csv` → (`MCE v43.1`, release date, end of that fiscal year).
fn release_of(name: &str) -> Option<(String, u32, u32)> {
    let lower = name.to_ascii_lowercase();
    let i = lower.rfind("_v")?;
    let ver = lower.get(i + 2..)?.trim_end_matches(".csv");
    let (major, minor) = ver.split_once('.')?;
    let major: u32 = major.parse().ok()?;
    let minor: u32 = minor.parse().ok()?;
    // MCE v43 is FY2026 (October 2025 to September 2026); .1 is the April update.
    let fy = major + 1983;
    let release = if minor == 0 { (fy - 1) * 10_000 + 1001 } else { fy * 10_000 + 401 };
    Some((format!("MCE v{major}.{minor}, FY{fy}"), release, fy * 10_000 + 930))
}

/// Last day (yyyymmdd) of the federal fiscal year holding a date.
pub fn fiscal_year_end(d: u32) -> u32 {
    let (y, m) = (d / 10_000, d / 100 % 100);
    let fy = if m >= 10 { y + 1 } else { y };
    fy * 10_000 + 930
}

/// Finds and parses the MCE procedure master.
pub fn read(data_dir: &Path) -> Result<Option<PcsTable>> {
    let dir = data_dir.join("mce");
    let Some(source) = files::find(&dir, |n| n.starts_with("mce_i10sg_master") && n.ends_with(".csv"))? else { return Ok(None) };
    let rows = parse(&source.bytes, &source.name)?;
    let (mut label, release, mut window_end) =
        release_of(&source.name).ok_or_else(|| err(format!("{}: no `_vNN.N` version in the name", source.name)))?;
    // The decoded master may already carry a newer fiscal year than its name says (the v43.1
    // files hold FY2027 rows starting 2026-10-01): answer through the end of that year.
    let newest_start = rows.iter().map(|r| r.start).max().unwrap_or(0);
    let newest_fy_end = fiscal_year_end(newest_start);
    if newest_fy_end > window_end {
        label = format!("{label} with FY{} rows", newest_fy_end / 10_000);
        window_end = newest_fy_end;
    }
    // The newest end date means "still valid": valid through the window.
    let open = rows.iter().map(|r| r.end).max().unwrap_or(0);
    let mut rows = rows;
    for r in rows.iter_mut().filter(|r| r.end == open && open < window_end) {
        r.end = window_end;
    }
    Ok(Some(PcsTable { rows, label, release, window_end, source }))
}

/// Distinct codes valid on a date.
pub fn count_valid_on(rows: &[Row], d: u32) -> usize {
    rows.iter().filter(|r| r.start <= d && d <= r.end).map(|r| r.code.as_str()).collect::<BTreeSet<_>>().len()
}

/// Adds the `icd10pcs` section.
pub fn add_section(w: &mut BlobWriter, t: &PcsTable) -> Result<()> {
    let mut rows: Vec<&Row> = t.rows.iter().collect();
    rows.sort();
    let mut variants: Vec<(u32, u32, &str)> = Vec::new();
    let mut ids = Vec::with_capacity(rows.len());
    for r in &rows {
        let v = (r.start, r.end, r.flags.as_str());
        let id = match variants.iter().position(|x| *x == v) {
            Some(i) => i,
            None => {
                variants.push(v);
                variants.len() - 1
            }
        };
        ids.push(u8::try_from(id).map_err(|_| err("ICD-10-PCS: more than 255 distinct (dates, flags) combinations"))?);
    }
    let codes = build::fixed_keys(&rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), 7);
    let section = PcsSection {
        label: &t.label,
        window: (20151001, t.window_end),
        codes: FixedKeys { width: 7, bytes: &codes },
        variant: &ids,
        variants,
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("icd10pcs section: {e}")))?;
    let distinct: BTreeSet<&str> = t.rows.iter().map(|r| r.code.as_str()).collect();
    w.manifest.counts.push(("icd10pcs.rows".into(), t.rows.len() as u64));
    w.manifest.counts.push(("icd10pcs.codes".into(), distinct.len() as u64));
    w.manifest.counts.push(("icd10pcs.valid_on_release".into(), count_valid_on(&t.rows, t.release) as u64));
    w.manifest.vintages.push(Vintage {
        system: "icd10pcs".into(),
        label: t.label.clone(),
        valid_from: 20151001,
        valid_to: t.window_end,
        source: format!("CMS Medicare Code Editor {} procedure master, decoded to CSV ({}); validity dates per code", t.label, t.source.name),
    });
    t.source.record(w, &format!("icd10pcs {} valid codes", t.label));
    Ok(())
}
