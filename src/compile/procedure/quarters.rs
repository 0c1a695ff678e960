//! Reads HCPCS Level II and CPT code validity by quarter from the CMS I/OCE data tables
//! (`ioce/data_hcpcs.tsv.gz`, `ioce/version_range.tsv.gz`) and the codes of a newer quarterly
//! HCPCS file (`hcpcs/hcpcs_level2_codes_2026q3.txt.gz`, codes only) into `code_quarters`.
use crate::blob::columns::{build, FixedKeys, U32Col};
use crate::blob::{BlobWriter, SourceFile, Vintage};
use crate::compile::sources::sha256_hex;
use crate::compile::{err, Context, Result};
use crate::date::Date;
use crate::procedure::format::cpt_category;
use crate::procedure::quarters::{QuartersSection, FROM_CODE_LIST, FROM_IOCE, SECTION, VERSION};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// Validity stretches per code: (from, to or 0 = open, source).
pub struct CodeQuarters {
    pub rows: BTreeMap<String, Vec<(u32, u32, u8)>>,
    pub history_start: u32,
    pub hcpcs_current_through: u32,
    pub cpt_current_through: u32,
    pub label: String,
    pub files: Vec<(String, String)>,
}

impl CodeQuarters {
    /// CPT-shaped codes of the table.
    pub fn cpt_numbers(&self) -> impl Iterator<Item = &str> {
        self.rows.keys().map(String::as_str).filter(|c| cpt_category(c).is_some())
    }
}

fn gunzip(path: &Path) -> Result<(String, String, String)> {
    let bytes = std::fs::read(path).context(path.display())?;
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(bytes.as_slice()).read_to_string(&mut text).context(path.display())?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((text, name, sha256_hex(&bytes)))
}

/// Last day of the quarter starting on `start` (yyyymmdd).
fn quarter_end(start: u32) -> u32 {
    let Some(d) = Date::from_yyyymmdd(start) else { return 0 };
    let next_month = (d.month() - 1) / 3 * 3 + 4;
    let next = if next_month > 12 { Date::from_ymd(d.year() + 1, 1, 1) } else { Date::from_ymd(d.year(), next_month, 1) };
    next.and_then(Date::pred).map_or(0, Date::yyyymmdd)
}

/// Reads the tables when `<data>/ioce/data_hcpcs.tsv.gz` exists.
pub fn read(data_dir: &Path) -> Result<Option<CodeQuarters>> {
    let hcpcs_path = data_dir.join("ioce").join("data_hcpcs.tsv.gz");
    if !hcpcs_path.is_file() {
        return Ok(None);
    }
    let (text, name, sha) = gunzip(&hcpcs_path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).ok_or_else(|| err(format!("{name}: no column `{n}`")));
    let (c_code, c_from, c_to, c_hi) = (col("hcpcs")?, col("date_from")?, col("date_to")?, col("hi_version_id")?);
    let mut spans: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
    let mut newest_version = String::new();
    for (n, line) in lines.enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || err(format!("{name} line {}: malformed", n + 2));
        let code = f.get(c_code).ok_or_else(bad)?.trim();
        let from: u32 = f.get(c_from).and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let to: u32 = f.get(c_to).and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        if code.len() != 5 {
            return Err(bad());
        }
        // The newest version's open end (20360331) means "still valid".
        if to > 2035_0000 {
            newest_version = f.get(c_hi).unwrap_or(&"").to_string();
        }
        spans.entry(code.to_owned()).or_default().push((from, to));
    }
    // The newest quarter: the latest start among rows still open.
    let newest_start = spans.values().flatten().filter(|(_, t)| *t > 2035_0000).map(|(f, _)| *f).max().unwrap_or(0);
    let history_start = spans.values().flatten().map(|(f, _)| *f).min().ok_or_else(|| err(format!("{name}: no rows")))?;
    let mut rows: BTreeMap<String, Vec<(u32, u32, u8)>> = BTreeMap::new();
    for (code, mut s) in spans {
        s.sort_unstable();
        let mut merged: Vec<(u32, u32, u8)> = Vec::new();
        for (from, to) in s {
            let to = if to > 2035_0000 { 0 } else { to };
            match merged.last_mut() {
                // Adjacent stretches (flags changed between quarters) are one validity stretch.
                Some(last) if last.1 != 0 && Date::from_yyyymmdd(last.1).and_then(|d| Date::from_days_since_epoch(d.days_since_epoch() + 1)).map(Date::yyyymmdd) == Some(from) => last.1 = to,
                _ => merged.push((from, to, FROM_IOCE)),
            }
        }
        rows.insert(code, merged);
    }
    let cpt_through = quarter_end(newest_start);
    let mut q = CodeQuarters {
        rows,
        history_start,
        hcpcs_current_through: cpt_through,
        cpt_current_through: cpt_through,
        label: format!("I/OCE {newest_version}"),
        files: vec![(name, sha)],
    };
    add_code_list(&mut q, data_dir)?;
    Ok(Some(q))
}

/// Codes of the newest quarterly HCPCS code list (`hcpcs_level2_codes_YYYYqN.txt.gz`) that
/// nothing else knows are valid from that quarter on.
fn add_code_list(q: &mut CodeQuarters, data_dir: &Path) -> Result<()> {
    let dir = data_dir.join("hcpcs");
    let mut lists: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_else(|_| Vec::new());
    lists.retain(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("hcpcs_level2_codes_") && n.ends_with(".txt.gz")));
    lists.sort();
    let Some(path) = lists.pop() else { return Ok(()) };
    let (text, name, sha) = gunzip(&path)?;
    let stem = name.trim_start_matches("hcpcs_level2_codes_").trim_end_matches(".txt.gz").to_ascii_lowercase();
    let (year, quarter) = stem.split_once('q').ok_or_else(|| err(format!("{name}: expected hcpcs_level2_codes_YYYYqN.txt.gz")))?;
    let (year, quarter): (u32, u32) = (year.parse().map_err(|_| err(format!("{name}: year")))?, quarter.parse().map_err(|_| err(format!("{name}: quarter")))?);
    if !(1..=4).contains(&quarter) {
        return Err(err(format!("{name}: quarter must be 1 to 4")));
    }
    let start = year * 10_000 + ((quarter - 1) * 3 + 1) * 100 + 1;
    if start <= q.hcpcs_current_through {
        return Ok(());
    }
    let anweb = anweb_codes(data_dir);
    for code in text.lines().map(str::trim).filter(|c| c.len() == 5) {
        if !q.rows.contains_key(code) && !anweb.contains(code) {
            q.rows.insert(code.to_owned(), vec![(start, 0, FROM_CODE_LIST)]);
        }
    }
    q.hcpcs_current_through = quarter_end(start);
    q.label = format!("{}; HCPCS codes {year} Q{quarter}", q.label);
    q.files.push((name, sha));
    Ok(())
}

/// Codes of the HCPCS ANWEB file (they keep their own dates and descriptions).
fn anweb_codes(data_dir: &Path) -> std::collections::BTreeSet<String> {
    super::hcpcs::read(data_dir).ok().flatten().map(|a| a.codes.iter().map(|r| r.code.clone()).collect()).unwrap_or_default()
}

/// Adds the section, its vintages (HCPCS current-through, CPT numbers) and sources.
pub fn add_section(w: &mut BlobWriter, q: &CodeQuarters) -> Result<()> {
    let mut codes = Vec::new();
    let (mut from, mut to, mut source) = (Vec::new(), Vec::new(), Vec::new());
    for (code, rows) in &q.rows {
        for &(f, t, s) in rows {
            codes.push(code.as_str());
            from.push(f);
            to.push(t);
            source.push(s);
        }
    }
    let mut code_bytes = Vec::with_capacity(codes.len() * 5);
    for c in &codes {
        code_bytes.extend_from_slice(c.as_bytes());
    }
    let (from, to) = (build::u32s(from), build::u32s(to));
    let valid_to = (q.hcpcs_current_through.max(q.cpt_current_through) / 10_000) * 10_000 + 1231;
    let section = QuartersSection {
        label: &q.label,
        history_start: q.history_start,
        hcpcs_current_through: q.hcpcs_current_through,
        cpt_current_through: q.cpt_current_through,
        valid_to,
        codes: FixedKeys { width: 5, bytes: &code_bytes },
        from: U32Col(&from),
        to: U32Col(&to),
        source: &source,
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("code_quarters section: {e}")))?;
    let cpt = q.cpt_numbers().count();
    w.manifest.counts.push(("quarters.codes".into(), q.rows.len() as u64));
    w.manifest.counts.push(("quarters.cpt_numbers".into(), cpt as u64));
    w.manifest.counts.push(("quarters.code_list_only".into(), q.rows.values().filter(|r| r.iter().any(|x| x.2 == FROM_CODE_LIST)).count() as u64));
    let files: Vec<&str> = q.files.iter().map(|(n, _)| n.as_str()).collect();
    w.manifest.vintages.push(Vintage {
        system: "cpt".into(),
        label: format!("numbers by quarter, {}", q.label.split(';').next().unwrap_or("")),
        valid_from: q.history_start,
        valid_to,
        source: format!(
            "CPT code numbers (no descriptions) valid by quarter from the CMS I/OCE data tables, decoded from PyPI pyoce ({}); also the numbers in the MUE and add-on code tables",
            files.first().copied().unwrap_or("")
        ),
    });
    for (name, sha) in &q.files {
        w.manifest.sources.push(SourceFile { name: name.clone(), sha256: sha.clone(), role: "hcpcs and cpt validity by quarter".into() });
    }
    Ok(())
}
