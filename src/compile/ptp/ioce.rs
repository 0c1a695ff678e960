//! Reader for the outpatient PTP pairs carried in the CMS I/OCE data tables
//! (`ioce_outpatient_ptp_pyoce0.1.0_v76-v103.tsv.gz`): one header line, then `column_1,
//! column_2, first_ioce_version, last_ioce_version, first_date, last_date, modifier_indicator`,
//! tab-separated. A row is in force from the first day of its first I/OCE quarter
//! (`first_date`) through the last day of its last (`last_date`, empty while still in force).
//! The first quarter of the history (2019-07-01) means "on or before". No rationale is given.
use super::model::{code, date, indicator, EditRow};
use crate::compile::{err, Result};
use std::io::Read;

/// Rows read, and the first and newest quarter the file covers (yyyymmdd).
pub struct IoceTable {
    pub rows: Vec<EditRow>,
    /// First quarter of the history: rows starting then may have started earlier.
    pub history_start: u32,
    /// First day of the newest I/OCE quarter in the file (the table's release).
    pub release: u32,
}

/// Decompresses and parses the file; `rationale` is the index every row gets (the I/OCE
/// carries none; the caller fills in CMS rationales it knows from another table).
pub fn read(gz: &[u8], name: &str, rationale: u8) -> Result<IoceTable> {
    let mut text = Vec::with_capacity(gz.len().saturating_mul(14));
    flate2::read::MultiGzDecoder::new(gz).read_to_end(&mut text).map_err(|e| err(format!("{name}: {e}")))?;
    parse(&text, name, rationale)
}

/// Parses the decompressed text.
pub fn parse(text: &[u8], name: &str, rationale: u8) -> Result<IoceTable> {
    let mut lines = text.split(|&b| b == b'\n').enumerate();
    match lines.next() {
        Some((_, h)) if h.starts_with(b"column_1\tcolumn_2\tfirst_ioce_version\tlast_ioce_version\tfirst_date\tlast_date\tmodifier_indicator") => {}
        _ => return Err(err(format!("{name}: not an I/OCE PTP table (header `column_1<TAB>column_2<TAB>first_ioce_version...`)"))),
    }
    let mut rows = Vec::with_capacity(text.len() / 40);
    let (mut first, mut newest) = (u32::MAX, 0u32);
    for (n, line) in lines {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        let bad = |what: &str| err(format!("{name} line {}: {what}", n + 1));
        let f: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
        if f.len() < 7 {
            return Err(bad("expected 7 tab-separated fields"));
        }
        let effective = date(f[4]).ok_or_else(|| bad("first_date is not YYYYMMDD"))?;
        let deletion = if f[5].is_empty() { 0 } else { date(f[5]).ok_or_else(|| bad("last_date is not YYYYMMDD"))? };
        first = first.min(effective);
        newest = newest.max(effective);
        rows.push(EditRow {
            column_one: code(f[0]).ok_or_else(|| bad("column 1 is not a 5-character code"))?,
            column_two: code(f[1]).ok_or_else(|| bad("column 2 is not a 5-character code"))?,
            effective,
            deletion,
            indicator: indicator(f[6]).ok_or_else(|| bad("modifier indicator is not 0, 1 or 9"))?,
            rationale,
        });
    }
    if rows.is_empty() {
        return Err(err(format!("{name}: no rows")));
    }
    Ok(IoceTable { rows, history_start: first, release: newest })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quarters_as_effective_and_deletion_dates() {
        let text = b"column_1\tcolumn_2\tfirst_ioce_version\tlast_ioce_version\tfirst_date\tlast_date\tmodifier_indicator\n\
0001A\t0591T\t23.0.17\t24.3.10\t20220101\t20231231\t1\n\
11042\t97597\t20.2.27\t27.1.0\t20190701\t\t0\n\
11043\t97597\t27.1.0\t27.1.0\t20260401\t\t1\n";
        let t = parse(text, "t", 3).unwrap();
        assert_eq!((t.history_start, t.release, t.rows.len()), (20190701, 20260401, 3));
        assert_eq!((t.rows[0].effective, t.rows[0].deletion, t.rows[0].indicator, t.rows[0].rationale), (20220101, 20231231, 1, 3));
        assert_eq!((t.rows[1].deletion, t.rows[1].indicator), (0, 0));
        assert!(parse(b"column_1\tcolumn_2\tdeletion_date\n", "t", 0).is_err());
    }
}
