//! The MCE diagnosis master table (`code,start_date,end_date,flags`) and age groups.
use crate::claim::data::{AgeGroup, DischargeStatus, MceFlag, MCE_FLAGS};
use crate::compile::{err, Context, Result};
use std::path::Path;

pub struct Row {
    pub code: String,
    pub from: u32,
    pub to: u32,
    pub flags: u32,
}

pub struct Mce {
    /// "v43.1".
    pub version: String,
    /// "MCE v43.1".
    pub label: String,
    pub name: String,
    pub rows: Vec<Row>,
    pub ages: Vec<AgeGroup>,
    pub discharge_status: Vec<DischargeStatus>,
    pub valid_from: u32,
    /// End of the newest fiscal year the master has rows starting in (its own end date,
    /// 20270331, only marks rows as open).
    pub valid_to: u32,
    /// That fiscal year (2027: the FY2027 table set).
    pub fiscal_year: u32,
    /// (file name, bytes, role) for provenance.
    pub sources: Vec<(String, Vec<u8>, String)>,
}

pub fn read(master: &Path, dir: &Path) -> Result<Mce> {
    let name = master.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let version = name.trim_start_matches("mce_i10dx_master_").trim_end_matches(".csv").to_owned();
    let bytes = std::fs::read(master).context(master.display())?;
    let text = std::str::from_utf8(&bytes).context(&name)?;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let at = || format!("{name}:{}", n + 1);
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 4 {
            return Err(err(format!("{}: expected 4 columns, found {}", at(), f.len())));
        }
        let code = f[0].trim().replace('.', "").to_ascii_uppercase();
        if code.is_empty() || code.len() > 7 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(err(format!("{}: bad code `{}`", at(), f[0])));
        }
        let date = |s: &str| s.trim().parse::<u32>().ok().filter(|d| crate::date::Date::from_yyyymmdd(*d).is_some());
        let (Some(from), Some(to)) = (date(f[1]), date(f[2])) else {
            return Err(err(format!("{}: bad dates `{}`, `{}`", at(), f[1], f[2])));
        };
        let mut flags = 0u32;
        for flag in f[3].split('|').map(str::trim).filter(|s| !s.is_empty()) {
            flags |= MceFlag::bit_of(flag).ok_or_else(|| err(format!("{}: unknown MCE flag `{flag}` (known: {})", at(), MCE_FLAGS.join(", "))))?;
        }
        rows.push(Row { code, from, to, flags });
    }
    rows.sort_by(|a, b| (a.code.as_str(), a.from).cmp(&(b.code.as_str(), b.from)));
    let valid_from = rows.iter().map(|r| r.from).min().unwrap_or(0);
    // The newest start date (20261001) opens the newest fiscal year the tables cover.
    let newest = rows.iter().map(|r| r.from).max().unwrap_or(0);
    let fiscal_year = if newest % 10_000 >= 1001 { newest / 10_000 + 1 } else { newest / 10_000 };
    let valid_to = crate::compile::icd10cm::fiscal_year_window(fiscal_year.max(1)).1;
    // The newest end date (20270331 in the decoded tables) only marks rows as still valid:
    // they run through the end of that fiscal year.
    let open = rows.iter().map(|r| r.to).max().unwrap_or(0);
    let reopen = |to: u32| if to == open { valid_to.max(open) } else { to };
    for r in &mut rows {
        r.to = reopen(r.to);
    }
    let ages_path = dir.join(format!("mce_age_ranges_{version}.csv"));
    let (mut ages, age_bytes) = read_ages(&ages_path)?;
    for g in &mut ages {
        g.to = reopen(g.to);
    }
    let ages_name = ages_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let status_path = dir.join(format!("mce_discharge_status_{version}.csv"));
    let (mut discharge_status, status_bytes) = read_discharge_status(&status_path)?;
    for s in &mut discharge_status {
        s.to = reopen(s.to);
    }
    let status_name = status_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Mce {
        label: format!("MCE {version}"),
        version: version.clone(),
        name: name.clone(),
        rows,
        ages,
        discharge_status,
        valid_from,
        valid_to,
        fiscal_year,
        sources: vec![
            (name, bytes, format!("MCE {version} diagnosis edits")),
            (ages_name, age_bytes, format!("MCE {version} age groups")),
            (status_name, status_bytes, format!("MCE {version} discharge status codes")),
        ],
    })
}

/// One CSV row: its position for messages ("file:line") and its trimmed fields.
type CsvRow = (String, Vec<String>);

/// The rows of a small CSV after its header, and the file's bytes (for provenance).
fn small_csv(path: &Path) -> Result<(Vec<CsvRow>, Vec<u8>)> {
    let bytes = std::fs::read(path).context(path.display())?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let rows = text
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| (format!("{}:{}", path.display(), n + 1), l.trim().split(',').map(|f| f.trim().to_owned()).collect()))
        .collect();
    Ok((rows, bytes))
}

fn number(at: &str, s: &str) -> Result<u32> {
    s.parse::<u32>().map_err(|_| err(format!("{at}: bad number `{s}`")))
}

/// `age_group,start_age,end_age,start_date,end_date`.
fn read_ages(path: &Path) -> Result<(Vec<AgeGroup>, Vec<u8>)> {
    let (rows, bytes) = small_csv(path)?;
    let mut out = Vec::new();
    for (at, f) in rows {
        let [group, min, max, from, to] = f.as_slice() else { return Err(err(format!("{at}: expected 5 columns"))) };
        let flag = MceFlag::bit_of(&group.to_ascii_lowercase()).ok_or_else(|| err(format!("{at}: unknown age group `{group}`")))?;
        out.push(AgeGroup {
            flag: flag.trailing_zeros() as u8,
            min: number(&at, min)? as u16,
            max: number(&at, max)? as u16,
            from: number(&at, from)?,
            to: number(&at, to)?,
        });
    }
    Ok((out, bytes))
}

/// `discharge_status,start_date,end_date`.
fn read_discharge_status(path: &Path) -> Result<(Vec<DischargeStatus>, Vec<u8>)> {
    let (rows, bytes) = small_csv(path)?;
    let mut out = Vec::new();
    for (at, f) in rows {
        let [code, from, to] = f.as_slice() else { return Err(err(format!("{at}: expected 3 columns"))) };
        let code = u16::try_from(number(&at, code)?).map_err(|_| err(format!("{at}: discharge status out of range")))?;
        out.push(DischargeStatus { code, from: number(&at, from)?, to: number(&at, to)? });
    }
    Ok((out, bytes))
}
