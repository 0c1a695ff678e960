//! The official CMS TXT/zip reader, end to end on small fixtures (no real data needed):
//! several parts per table, zip and bare TXT, effective and deletion date edges, history rows.
use claimlint::blob::BlobWriter;
use claimlint::compile::{ptp, CompileOptions};
use claimlint::claim::ClaimType;
use claimlint::ptp::{check_claim_pairs, check_pair, ModifierIndicator, PairInput};
use claimlint::{Date, Engine, Finding};
use std::path::PathBuf;
use std::sync::OnceLock;

fn blob() -> &'static [u8] {
    static B: OnceLock<Vec<u8>> = OnceLock::new();
    B.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ptp");
        let mut w = BlobWriter::default();
        let docs = ptp::add_sections(&mut w, &dir, &CompileOptions::default()).expect("fixtures compile");
        assert!(docs.is_empty());
        w.finish().expect("blob")
    })
}

fn d(s: &str) -> Date {
    Date::parse(s).expect("date")
}

fn pair(e: &Engine<'_>, ct: ClaimType, a: &str, b: &str, ma: &[&str], mb: &[&str], on: &str) -> Vec<Finding> {
    check_pair(e, &PairInput { a, b, mods_a: ma, mods_b: mb, dos: d(on), claim_type: ct })
}

fn rules(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| &*f.rule).collect()
}

#[test]
fn manifest_counts_vintages_and_sources() {
    let e = Engine::open(blob()).unwrap();
    let m = &e.blob.manifest;
    assert_eq!(m.count("ptp.practitioner.rows"), Some(6));
    assert_eq!(m.count("ptp.practitioner.active"), Some(4));
    assert_eq!(m.count("ptp.practitioner.pairs"), Some(5));
    assert_eq!(m.count("ptp.outpatient.rows"), Some(2));
    assert_eq!(m.count("ptp.outpatient.active"), Some(1));
    let v: Vec<_> = m.vintages.iter().filter(|v| v.system.starts_with("ncci_ptp")).collect();
    assert_eq!(v.len(), 2);
    assert_eq!((v[0].valid_from, v[0].valid_to), (2024_07_01, 2024_09_30));
    assert_eq!(v[0].label, "2024-07-01 (CMS v30.2)");
    assert_eq!(m.sources.iter().filter(|s| s.role.starts_with("ncci ptp")).count(), 3);
}

#[test]
fn rows_keep_effective_and_deletion_dates() {
    let e = Engine::open(blob()).unwrap();
    let p = e.ptp.as_ref().unwrap();
    let rows = p.edits(ClaimType::Professional, "10000", "20000");
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().any(|r| r.effective == Some(d("2020-01-01")) && r.deletion == Some(d("2022-12-31")) && r.modifier_indicator == ModifierIndicator::NotAllowed));
    assert!(rows.iter().any(|r| r.effective == Some(d("2023-04-01")) && r.deletion.is_none() && r.rationale == "Mutually exclusive procedures"));
    let nine = p.edits(ClaimType::Professional, "30000", "40000");
    assert_eq!(nine[0].modifier_indicator, ModifierIndicator::NotApplicable);
    assert!(p.edits(ClaimType::Outpatient, "10000", "20000").is_empty());
    // Part two of the practitioner table and the zip member were both read.
    assert_eq!(p.edits(ClaimType::Professional, "88888", "77777")[0].effective, Some(d("1996-01-01")));
    assert_eq!(p.edits(ClaimType::Outpatient, "55555", "66666").len(), 1);
}

#[test]
fn effective_and_deletion_edges_and_history() {
    let e = Engine::open(blob()).unwrap();
    let pr = ClaimType::Professional;
    // Before the first effective date: no edit.
    assert!(pair(&e, pr, "10000", "20000", &[], &[], "2019-12-31").is_empty());
    // First day and last day (deletion date is the last day in force): indicator 0.
    assert_eq!(rules(&pair(&e, pr, "10000", "20000", &[], &["59"], "2020-01-01")), ["PTP-0"]);
    assert_eq!(rules(&pair(&e, pr, "10000", "20000", &[], &["59"], "2022-12-31")), ["PTP-0"]);
    // Gap between deletion and re-addition: no edit.
    assert!(pair(&e, pr, "10000", "20000", &[], &[], "2023-01-01").is_empty());
    assert!(pair(&e, pr, "10000", "20000", &[], &[], "2023-03-31").is_empty());
    // Re-added with indicator 1.
    assert_eq!(rules(&pair(&e, pr, "20000", "10000", &[], &[], "2023-04-01")), ["PTP-1"]);
    assert_eq!(rules(&pair(&e, pr, "20000", "10000", &[], &["XS"], "2023-04-01")), ["PTP-BYPASS"]);
    // Indicator 9 never applies, even on its one date.
    assert!(pair(&e, pr, "30000", "40000", &[], &[], "2021-01-01").is_empty());
    // Outpatient: deleted 2023-12-31.
    let op = ClaimType::Outpatient;
    assert_eq!(rules(&pair(&e, op, "55555", "66666", &[], &[], "2023-12-31")), ["PTP-1"]);
    assert!(pair(&e, op, "55555", "66666", &[], &[], "2024-01-01").is_empty());
}

#[test]
fn messages_name_codes_roles_rationale_and_vintage() {
    let e = Engine::open(blob()).unwrap();
    let f = pair(&e, ClaimType::Professional, "10000", "20000", &[], &[], "2021-06-01");
    let m = &f[0].message;
    assert!(m.contains("10000 (column one)") && m.contains("20000 (column two)") && m.contains("mutually exclusive"), "{m}");
    assert!(m.contains("modifier indicator 0") && m.contains("effective 2020-01-01") && m.contains("in force through 2022-12-31"), "{m}");
    assert_eq!(f[0].vintage.as_deref(), Some("NCCI PTP 2024-07-01 (CMS v30.2)"));
    let g = pair(&e, ClaimType::Professional, "0600T", "52270", &[], &[], "2024-07-01");
    assert!(g[0].message.contains("mutually exclusive"), "{}", g[0].message);
    let c = pair(&e, ClaimType::Professional, "29881", "29880", &[], &[], "2024-07-01");
    assert!(c[0].message.contains("29880 (column two) is bundled into 29881 (column one)"), "{}", c[0].message);
    assert_eq!(rules(&pair(&e, ClaimType::Outpatient, "29881", "29880", &["59"], &[], "2024-07-01")), ["PTP-0"]);
}

#[test]
fn claim_pairs_locate_the_column_two_line() {
    let e = Engine::open(blob()).unwrap();
    let on = d("2024-07-01");
    let none: &[&str] = &[];
    let lines: Vec<(&str, &[&str], Date)> =
        vec![("29880", none, on), ("99213", none, on), ("29881", none, on), ("88888", none, d("2024-07-02")), ("77777", none, on)];
    let f = check_claim_pairs(&e, &lines, ClaimType::Professional);
    assert_eq!(rules(&f), ["PTP-1"]);
    assert_eq!(f[0].pointer().as_deref(), Some("/lines/0"));
}
