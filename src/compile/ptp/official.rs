//! Reader for the official CMS PTP files (`ccipra-v302r0-f1.zip`, `ccioph-...`): a zip per part
//! holding a tab-delimited `.TXT` with a copyright line, blank lines, the header
//! `Column 1, Column 2, *=in existence prior to 1996, Effective Date, Deletion Date *=no data,
//! Modifier 0=not allowed 1=allowed 9=not applicable, PTP Edit Rationale`, then rows.
//! Deletion `*` means none. A part may also be the bare `.TXT`.
//!
//! CMS also posts the same rows as `.xlsx` with a six-row header block; that form is not read:
//! convert it to tab-separated text (or use the `.TXT` inside the same zip).
use super::model::{code, date, indicator, EditRow, Rationales};
use crate::compile::{err, Context, Result};
use std::io::Read;

/// Reads one part: a zip (every `.txt` member) or a bare TXT file.
pub fn read_part(bytes: &[u8], name: &str, rationales: &mut Rationales) -> Result<Vec<EditRow>> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return parse_txt(bytes, name, rationales);
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).context(name)?;
    let mut rows = Vec::new();
    let mut found = false;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).context(name)?;
        let member = f.name().to_owned();
        if !member.to_ascii_lowercase().ends_with(".txt") {
            continue;
        }
        let mut text = Vec::new();
        f.read_to_end(&mut text).context(format!("{name}:{member}"))?;
        rows.extend(parse_txt(&text, &format!("{name}:{member}"), rationales)?);
        found = true;
    }
    if !found {
        return Err(err(format!("{name}: no .TXT member (the xlsx form is not read; use the TXT)")));
    }
    Ok(rows)
}

/// Parses the tab-delimited TXT: rows start after the `Column 1` header line.
pub fn parse_txt(text: &[u8], name: &str, rationales: &mut Rationales) -> Result<Vec<EditRow>> {
    let mut rows = Vec::new();
    let mut in_rows = false;
    for (n, line) in text.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if !in_rows {
            in_rows = line.len() >= 8 && line[..8].eq_ignore_ascii_case(b"column 1");
            continue;
        }
        if line.trim_ascii().is_empty() {
            continue;
        }
        let bad = |what: &str| err(format!("{name} line {}: {what}", n + 1));
        let f: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
        if f.len() < 7 {
            return Err(bad("expected 7 tab-separated fields"));
        }
        let deletion = match f[4].trim_ascii() {
            b"*" | b"" => 0,
            d => date(d).ok_or_else(|| bad("deletion date is not YYYYMMDD or *"))?,
        };
        rows.push(EditRow {
            column_one: code(f[0]).ok_or_else(|| bad("column 1 is not a 5-character code"))?,
            column_two: code(f[1]).ok_or_else(|| bad("column 2 is not a 5-character code"))?,
            effective: date(f[3]).ok_or_else(|| bad("effective date is not YYYYMMDD"))?,
            deletion,
            indicator: indicator(f[5]).ok_or_else(|| bad("modifier indicator is not 0, 1 or 9"))?,
            rationale: rationales.intern(f[6]).map_err(|e| bad(&e))?,
        });
    }
    if !in_rows {
        return Err(err(format!("{name}: no `Column 1` header line; not a CMS PTP TXT file")));
    }
    Ok(rows)
}

/// Release date and version from a CMS part name: `ccipra-v302r0-f1` is version 30.2, i.e.
/// quarter 2 (counting from 0) of 1994 + 30 = 2024, released 2024-07-01.
pub fn release_from_name(name: &str) -> Option<(u32, String)> {
    let lower = name.to_ascii_lowercase();
    let v = lower.find("-v")?.checked_add(2)?;
    let digits = lower.get(v..v + 3)?;
    let major: u32 = digits.get(..2)?.parse().ok()?;
    let minor: u32 = digits.get(2..3)?.parse().ok()?;
    (minor <= 3).then(|| ((1994 + major) * 10_000 + (minor * 3 + 1) * 100 + 1, format!("CMS v{major}.{minor}")))
}
