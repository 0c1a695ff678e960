//! Reads the three CMS MUE CSVs (Windows-1252; a multi-line copyright cell, then a header whose
//! first cell holds a newline, then `code, value, "N text", rationale` rows).
use super::files::{self, Source};
use crate::blob::columns::{build, FixedKeys, U32Col};
use crate::blob::{BlobWriter, Vintage};
use crate::compile::{err, Result};
use crate::claim::ClaimType;
use crate::procedure::mue::{MueSection, MueTable, SECTION, TABLES, VERSION};
use std::path::Path;

/// One MUE row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub code: String,
    pub value: u32,
    pub mai: u8,
    pub rationale: String,
}

/// The three tables, in [`TABLES`] order.
#[derive(Debug, Clone, Default)]
pub struct MueTables {
    pub tables: Vec<Vec<Row>>,
    /// Effective date (yyyymmdd).
    pub effective: u32,
    pub sources: Vec<Source>,
}

/// Parses one MUE CSV.
pub fn parse(bytes: &[u8], name: &str) -> Result<Vec<Row>> {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    let mut rd = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut in_data = false;
    for (i, rec) in rd.records().enumerate() {
        let rec = rec.map_err(|e| err(format!("{name}: record {}: {e}", i + 1)))?;
        let cell = |k: usize| rec.get(k).unwrap_or("").trim();
        if !in_data {
            in_data = cell(0).starts_with("HCPCS");
            continue;
        }
        if cell(0).is_empty() {
            continue;
        }
        let value = cell(1).parse().map_err(|_| err(format!("{name}: record {}: MUE value `{}`", i + 1, cell(1))))?;
        let mai = match cell(2).as_bytes().first() {
            Some(c @ b'1'..=b'3') => c - b'0',
            _ => return Err(err(format!("{name}: record {}: MAI `{}`", i + 1, cell(2)))),
        };
        rows.push(Row { code: cell(0).to_owned(), value, mai, rationale: cell(3).to_owned() });
    }
    if !in_data {
        return Err(err(format!("{name}: no `HCPCS/CPT Code` header row")));
    }
    Ok(rows)
}

/// `Eff_04-01-2026` → 20260401.
fn effective_of(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let i = lower.find("eff_")?;
    let d = lower.get(i + 4..i + 14)?;
    let (m, rest) = d.split_once('-')?;
    let (day, y) = rest.split_once('-')?;
    Some(y.parse::<u32>().ok()? * 10_000 + m.parse::<u32>().ok()? * 100 + day.parse::<u32>().ok()?)
}

/// Finds the practitioner, outpatient hospital and DME CSVs; `None` unless all three exist.
pub fn read(data_dir: &Path) -> Result<Option<MueTables>> {
    let dir = data_dir.join("ncci_mue");
    let keys = ["practitioner", "outpatienthospital", "dme"];
    let mut out = MueTables::default();
    for key in keys {
        let Some(src) = files::find(&dir, |n| n.contains(key) && n.ends_with(".csv"))? else { return Ok(None) };
        out.tables.push(parse(&src.bytes, &src.name)?);
        let eff = effective_of(&src.name).ok_or_else(|| err(format!("{}: no `Eff_MM-DD-YYYY` in the name", src.name)))?;
        if out.effective != 0 && out.effective != eff {
            return Err(err("MUE tables have different effective dates"));
        }
        out.effective = eff;
        out.sources.push(src);
    }
    Ok(Some(out))
}

struct Bytes {
    codes: Vec<u8>,
    values: Vec<u8>,
    mai: Vec<u8>,
    rationale: Vec<u8>,
}

/// Adds the `mue` section.
pub fn add_section(w: &mut BlobWriter, m: &MueTables) -> Result<()> {
    let mut rationales: Vec<String> = Vec::new();
    let mut bytes = Vec::new();
    for rows in &m.tables {
        let mut sorted: Vec<&Row> = rows.iter().collect();
        sorted.sort_by(|a, b| a.code.cmp(&b.code));
        if sorted.windows(2).any(|p| p[0].code == p[1].code) {
            return Err(err("MUE: duplicate code in a table"));
        }
        let mut rid = Vec::with_capacity(sorted.len());
        for r in &sorted {
            let id = match rationales.iter().position(|x| *x == r.rationale) {
                Some(i) => i,
                None => {
                    rationales.push(r.rationale.clone());
                    rationales.len() - 1
                }
            };
            rid.push(u8::try_from(id).map_err(|_| err("MUE: more than 255 distinct rationales"))?);
        }
        bytes.push(Bytes {
            codes: build::fixed_keys(&sorted.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), 5),
            values: build::u32s(sorted.iter().map(|r| r.value)),
            mai: sorted.iter().map(|r| r.mai).collect(),
            rationale: rid,
        });
    }
    let label = crate::date::Date::from_yyyymmdd(m.effective).map(|d| format!("effective {d}")).unwrap_or_default();
    let end = files::quarter_end(m.effective);
    let section = MueSection {
        label: &label,
        window: (m.effective, end),
        tables: bytes
            .iter()
            .map(|b| MueTable { codes: FixedKeys { width: 5, bytes: &b.codes }, values: U32Col(&b.values), mai: &b.mai, rationale: &b.rationale })
            .collect(),
        rationales: rationales.iter().map(String::as_str).collect(),
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("mue section: {e}")))?;
    for (t, rows) in TABLES.iter().zip(&m.tables) {
        let key = match t {
            ClaimType::Professional => "mue.practitioner",
            ClaimType::Outpatient | ClaimType::Inpatient => "mue.outpatient_hospital",
            ClaimType::Dme => "mue.dme_supplier",
        };
        w.manifest.counts.push((key.into(), rows.len() as u64));
    }
    w.manifest.vintages.push(Vintage {
        system: "mue".into(),
        label: label.clone(),
        valid_from: m.effective,
        valid_to: end,
        source: "CMS NCCI Medically Unlikely Edits: practitioner, outpatient hospital and DME supplier tables".into(),
    });
    for (s, t) in m.sources.iter().zip(TABLES) {
        s.record(w, &format!("mue {} table", crate::procedure::mue::table_name(t)));
    }
    Ok(())
}
