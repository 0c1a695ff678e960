//! Reader for the derived PTP tables (`ptp_practitioner_2024q3.tsv.gz`): one header line, then
//! `column_1, column_2, deletion_date, modifier_indicator, rationale`, tab-separated. They
//! carry no effective dates, so rows are stored with effective = unknown.
use super::model::{code, date, indicator, EditRow, Rationales};
use crate::compile::{err, Result};
use std::io::Read;

/// Decompresses and parses one derived file.
pub fn read(gz: &[u8], name: &str, rationales: &mut Rationales) -> Result<Vec<EditRow>> {
    let mut text = Vec::with_capacity(gz.len().saturating_mul(20));
    flate2::read::MultiGzDecoder::new(gz).read_to_end(&mut text).map_err(|e| err(format!("{name}: {e}")))?;
    parse(&text, name, rationales)
}

/// Parses the decompressed text.
pub fn parse(text: &[u8], name: &str, rationales: &mut Rationales) -> Result<Vec<EditRow>> {
    let mut lines = text.split(|&b| b == b'\n').enumerate();
    match lines.next() {
        Some((_, h)) if h.starts_with(b"column_1\tcolumn_2\tdeletion_date\tmodifier_indicator\trationale") => {}
        _ => return Err(err(format!("{name}: not a derived PTP table (header `column_1<TAB>column_2<TAB>deletion_date...`)"))),
    }
    let mut rows = Vec::with_capacity(text.len() / 60);
    for (n, line) in lines {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        let bad = |what: &str| err(format!("{name} line {}: {what}", n + 1));
        let mut f = line.split(|&b| b == b'\t');
        let (Some(c1), Some(c2), Some(del), Some(ind), Some(rat)) = (f.next(), f.next(), f.next(), f.next(), f.next()) else {
            return Err(bad("expected 5 tab-separated fields"));
        };
        rows.push(EditRow {
            column_one: code(c1).ok_or_else(|| bad("column 1 is not a 5-character code"))?,
            column_two: code(c2).ok_or_else(|| bad("column 2 is not a 5-character code"))?,
            effective: 0,
            deletion: if del.is_empty() { 0 } else { date(del).ok_or_else(|| bad("deletion date is not YYYYMMDD"))? },
            indicator: indicator(ind).ok_or_else(|| bad("modifier indicator is not 0, 1 or 9"))?,
            rationale: rationales.intern(rat).map_err(|e| bad(&e))?,
        });
    }
    Ok(rows)
}

/// Release date from a name like `ptp_practitioner_2024q3.tsv.gz` (quarter start).
pub fn release_from_name(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let q = lower.rfind('q')?;
    let year: u32 = lower.get(q.checked_sub(4)?..q)?.parse().ok()?;
    let quarter: u32 = lower.get(q + 1..q + 2)?.parse().ok()?;
    (1..=4).contains(&quarter).then(|| year * 10_000 + ((quarter - 1) * 3 + 1) * 100 + 1)
}
