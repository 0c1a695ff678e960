//! Reads the CMS NCCI add-on code edit workbook (`AOC_V2026Q2-MCR.xlsx`): a copyright row, a
//! header row, then `type, add-on, add-on deletion, primary, primary deletion, edit effective,
//! edit deletion, notes` with dates in CMS Julian `YYYYDDD` form.
use super::files::{self, Source};
use crate::blob::columns::{build, FixedKeys, U32Col};
use crate::blob::{BlobWriter, Vintage};
use crate::compile::{err, Result};
use crate::date::Date;
use crate::procedure::aoc::{AocSection, SECTION, VERSION};
use calamine::{Data, Reader, Xlsx};
use std::path::Path;

/// One edit row (dates as yyyymmdd, 0 when blank).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: u8,
    pub addon: String,
    pub addon_deleted: u32,
    pub primary: String,
    pub primary_deleted: u32,
    pub effective: u32,
    pub deleted: u32,
    pub note: String,
}

/// The parsed workbook.
#[derive(Debug, Clone)]
pub struct AocTable {
    pub rows: Vec<Row>,
    /// e.g. `2026 Q2`.
    pub label: String,
    /// First day of the release quarter (yyyymmdd).
    pub release: u32,
    pub source: Source,
}

/// A cell as text (numbers written without a fraction).
pub fn cell_text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.trim().to_owned(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 => format!("{}", *f as i64),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string().trim().to_owned(),
    }
}

fn julian(s: &str, what: &str, row: usize) -> Result<u32> {
    if s.is_empty() {
        return Ok(0);
    }
    Date::from_julian(s).map(Date::yyyymmdd).ok_or_else(|| err(format!("AOC row {row}: bad {what} `{s}`")))
}

/// Parses the workbook bytes.
pub fn parse(bytes: &[u8], name: &str) -> Result<Vec<Row>> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| err(format!("{name}: {e}")))?;
    let range = wb.worksheet_range_at(0).ok_or_else(|| err(format!("{name}: no sheet")))?.map_err(|e| err(format!("{name}: {e}")))?;
    let mut rows = Vec::new();
    let mut in_data = false;
    for (i, r) in range.rows().enumerate() {
        let c = |k: usize| cell_text(r.get(k));
        if !in_data {
            in_data = c(0) == "AOC_Edit_Type";
            continue;
        }
        if c(1).is_empty() {
            continue;
        }
        let n = i + 1;
        let kind = match c(0).as_str() {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            other => return Err(err(format!("{name}: row {n}: edit type `{other}`"))),
        };
        rows.push(Row {
            kind,
            addon: c(1),
            addon_deleted: julian(&c(2), "add-on deletion date", n)?,
            primary: c(3),
            primary_deleted: julian(&c(4), "primary deletion date", n)?,
            effective: julian(&c(5), "edit effective date", n)?,
            deleted: julian(&c(6), "edit deletion date", n)?,
            note: c(7),
        });
    }
    if !in_data {
        return Err(err(format!("{name}: no `AOC_Edit_Type` header row")));
    }
    Ok(rows)
}

/// `AOC_V2026Q2-MCR.xlsx` → (`2026 Q2`, 20260401).
fn release_of(name: &str) -> Option<(String, u32)> {
    let upper = name.to_ascii_uppercase();
    let i = upper.find("_V")?;
    let y: u32 = upper.get(i + 2..i + 6)?.parse().ok()?;
    let q: u32 = upper.get(i + 7..i + 8)?.parse().ok()?;
    if upper.get(i + 6..i + 7)? != "Q" || !(1..=4).contains(&q) {
        return None;
    }
    Some((format!("{y} Q{q}"), y * 10_000 + ((q - 1) * 3 + 1) * 100 + 1))
}

/// Finds and parses the AOC workbook.
pub fn read(data_dir: &Path) -> Result<Option<AocTable>> {
    let dir = data_dir.join("ncci_aoc");
    let Some(source) = files::find(&dir, |n| n.starts_with("aoc") && n.ends_with(".xlsx"))? else { return Ok(None) };
    let rows = parse(&source.bytes, &source.name)?;
    let (label, release) = release_of(&source.name).ok_or_else(|| err(format!("{}: no `_VyyyyQn` in the name", source.name)))?;
    Ok(Some(AocTable { rows, label, release, source }))
}

/// Adds the `aoc` section.
pub fn add_section(w: &mut BlobWriter, a: &AocTable) -> Result<()> {
    let mut rows: Vec<&Row> = a.rows.iter().collect();
    rows.sort_by(|x, y| (&x.addon, &x.primary, x.effective).cmp(&(&y.addon, &y.primary, y.effective)));
    let mut notes: Vec<String> = Vec::new();
    let mut note_ids = Vec::with_capacity(rows.len());
    for r in &rows {
        let id = match notes.iter().position(|n| *n == r.note) {
            Some(i) => i,
            None => {
                notes.push(r.note.clone());
                notes.len() - 1
            }
        };
        note_ids.push(u8::try_from(id).map_err(|_| err("AOC: more than 255 distinct notes"))?);
    }
    let addon = build::fixed_keys(&rows.iter().map(|r| r.addon.as_str()).collect::<Vec<_>>(), 5);
    let primary = build::fixed_keys(&rows.iter().map(|r| r.primary.as_str()).collect::<Vec<_>>(), 5);
    let kind: Vec<u8> = rows.iter().map(|r| r.kind).collect();
    let eff = build::u32s(rows.iter().map(|r| r.effective));
    let del = build::u32s(rows.iter().map(|r| r.deleted));
    let adel = build::u32s(rows.iter().map(|r| r.addon_deleted));
    let pdel = build::u32s(rows.iter().map(|r| r.primary_deleted));
    let end = files::quarter_end(a.release);
    let section = AocSection {
        label: &a.label,
        window: (a.release, end),
        addon: FixedKeys { width: 5, bytes: &addon },
        primary: FixedKeys { width: 5, bytes: &primary },
        kind: &kind,
        effective: U32Col(&eff),
        deleted: U32Col(&del),
        addon_deleted: U32Col(&adel),
        primary_deleted: U32Col(&pdel),
        note: &note_ids,
        notes: notes.iter().map(String::as_str).collect(),
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("aoc section: {e}")))?;
    let addons: std::collections::BTreeSet<&str> = a.rows.iter().map(|r| r.addon.as_str()).collect();
    w.manifest.counts.push(("aoc.edits".into(), a.rows.len() as u64));
    w.manifest.counts.push(("aoc.addon_codes".into(), addons.len() as u64));
    w.manifest.vintages.push(Vintage {
        system: "aoc".into(),
        label: a.label.clone(),
        valid_from: a.release,
        valid_to: end,
        source: format!("CMS NCCI add-on code edits {} ({}); earlier dates answered from each edit's dates", a.label, a.source.name),
    });
    a.source.record(w, &format!("aoc {} add-on code edits", a.label));
    Ok(())
}
