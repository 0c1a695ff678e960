//! The outpatient PTP pairs of the CMS I/OCE tables (SOURCES.md section 9) against the
//! derived 2024-07 outpatient table (section 8), and against the blob:
//! - every pair the I/OCE has in force on 2024-07-01 is in the 2024-07 table's active rows with
//!   the same modifier indicator (1,335,726 pairs; the 2024-07 table has 131 more);
//! - each I/OCE row answers in the blob with its quarters as effective and deletion dates.
//! Sources are read with the system `gzip`, independently of the compiler.
mod common;
use claimlint::claim::ClaimType;
use std::collections::HashMap;

fn gunzip(file: &str) -> String {
    let path = common::data_dir().join("ncci_ptp").join(file);
    let out = std::process::Command::new("gzip").arg("-dc").arg(&path).output().expect("gzip");
    String::from_utf8(out.stdout).expect("ascii")
}

/// (column 1, column 2, first date, last date or 0, modifier)
fn ioce() -> Vec<(String, String, u32, u32, u8)> {
    gunzip("ioce_outpatient_ptp_pyoce0.1.0_v76-v103.tsv.gz")
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].into(), f[1].into(), f[4].parse().unwrap(), if f[5].is_empty() { 0 } else { f[5].parse().unwrap() }, f[6].parse().unwrap())
        })
        .collect()
}

#[test]
fn pairs_in_force_on_2024_07_01_agree_with_the_2024_07_table() {
    let on = 2024_07_01;
    let ioce: HashMap<(String, String), u8> = ioce()
        .into_iter()
        .filter(|r| r.2 <= on && (r.3 == 0 || on <= r.3))
        .map(|r| ((r.0, r.1), r.4))
        .collect();
    // 2024-07 rows active on the release date: no deletion date (none is deleted on or after it).
    let derived: HashMap<(String, String), u8> = gunzip("ptp_outpatient_2024q3.tsv.gz")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            f[2].is_empty().then(|| ((f[0].to_owned(), f[1].to_owned()), f[3].parse().unwrap()))
        })
        .collect();
    assert_eq!(ioce.len(), 1_335_726);
    let missing: Vec<_> = ioce.keys().filter(|k| !derived.contains_key(*k)).take(5).collect();
    assert!(missing.is_empty(), "in force in the I/OCE, not in the 2024-07 table: {missing:?}");
    let disagree: Vec<_> = ioce.iter().filter(|(k, m)| derived[*k] != **m).take(5).collect();
    assert!(disagree.is_empty(), "modifier disagreements: {disagree:?}");
    assert_eq!(derived.len() - ioce.len(), 131);
}

#[test]
fn ioce_rows_answer_with_their_quarters() {
    let engine = common::engine().get();
    let p = engine.ptp.as_ref().expect("ptp section");
    let rows = ioce();
    let full = std::env::var("CLAIMLINT_FULL").is_ok_and(|v| v == "1");
    let step = if full { 1 } else { 97 };
    for r in rows.iter().step_by(step) {
        let edits = p.edits(ClaimType::Outpatient, &r.0, &r.1);
        // A row from the history's first quarter that continues a 2024-07 row is stored as that
        // row: start unknown (before 2019-07-01), end the I/OCE's.
        let found = edits.iter().any(|e| {
            let start = e.effective.map(|d| d.yyyymmdd());
            (start == Some(r.2) || (start.is_none() && r.2 == 2019_07_01))
                && e.deletion.map_or(0, |d| d.yyyymmdd()) == r.3
                && e.modifier_indicator.digit() == r.4
        });
        assert!(found, "{}/{} {} {} {} not in {edits:?}", r.0, r.1, r.2, r.3, r.4);
    }
}
