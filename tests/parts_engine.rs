//! The data set in parts (src/blob/parts.rs, docs/parts.md) answers exactly as the whole
//! blob: the core alone checks ICD-10-CM codes (without titles), each added part brings its
//! questions, and all parts together give the same results as the whole blob.
mod common;
use claimlint::blob::parts::split;
use claimlint::claim::{check_claim_json, CheckOptions};
use claimlint::engine::Verify;
use claimlint::{CodeState, OwnedEngine, System};

const CLAIM: &str = include_str!("fixtures/claim-every-section.json");

#[test]
fn parts_answer_as_the_whole_blob_as_they_arrive() {
    let whole = common::engine();
    let (files, index) = split(common::blob()).expect("split");
    assert_eq!(files.iter().map(|f| f.name).collect::<Vec<_>>(), ["core", "titles", "claim", "outpatient", "ptp"]);
    assert_eq!(index["parts"][0]["sections"][0]["name"], "icd10cm.codes");
    // Every section of the whole blob is in exactly one part.
    let mut listed: Vec<String> = files.iter().flat_map(|f| f.sections.iter().map(|(n, _)| n.clone())).collect();
    let mut all: Vec<String> = whole.sections();
    listed.sort();
    all.sort();
    assert_eq!(listed, all);

    let dos = Some(common::date("2026-03-15"));
    let mut engine = OwnedEngine::open_part(files[0].bytes.clone().into_boxed_slice(), Verify::Checksum).expect("core opens");
    // The core alone: codes are checked, titles are not there yet.
    let j159 = engine.get().check_code(System::Icd10cm, "J15.9", dos);
    assert_eq!(j159.state, CodeState::Billable);
    assert_eq!(j159.description, None);
    assert_eq!(engine.get().check_code(System::Icd10cm, "K35.2", dos).state, CodeState::Header);
    assert_eq!(engine.get().check_code(System::Icd10cm, "J15.99", dos).state, CodeState::Unknown);
    assert!(engine.get().describe(System::Icd10cm, "J15.9", dos).is_none());

    for f in &files[1..] {
        engine.add_part(f.bytes.clone().into_boxed_slice(), Verify::Checksum).expect("part adds");
    }
    let a = engine.get();
    let b = whole.get();
    for code in ["J15.9", "K35.2", "S72.001", "T36.01A", "W21.89XA", "zz"] {
        assert_eq!(
            serde_json::to_value(a.check_code(System::Icd10cm, code, dos)).unwrap(),
            serde_json::to_value(b.check_code(System::Icd10cm, code, dos)).unwrap(),
            "{code}"
        );
    }
    for (system, code) in [(System::Hcpcs, "E0114"), (System::Cpt, "99213"), (System::Icd10pcs, "0016070"), (System::Modifier, "LT")] {
        assert_eq!(
            serde_json::to_value(a.check_code(system, code, dos)).unwrap(),
            serde_json::to_value(b.check_code(system, code, dos)).unwrap(),
            "{code}"
        );
    }
    let opts = CheckOptions::default();
    assert_eq!(
        serde_json::to_value(check_claim_json(a, CLAIM, &opts)).unwrap(),
        serde_json::to_value(check_claim_json(b, CLAIM, &opts)).unwrap()
    );
    // The same data set described (byte size and section order are the parts' own).
    let (ia, ib) = (serde_json::to_value(a.info()).unwrap(), serde_json::to_value(b.info()).unwrap());
    for key in ["tables", "vintages", "counts", "systems", "sources", "built"] {
        assert_eq!(ia[key], ib[key], "{key}");
    }
}

#[test]
fn a_damaged_or_foreign_part_leaves_the_engine_as_it_was() {
    let (files, _) = split(common::blob()).expect("split");
    let mut engine = OwnedEngine::open_part(files[0].bytes.clone().into_boxed_slice(), Verify::Checksum).expect("core opens");
    let mut damaged = files[1].bytes.clone();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0x10;
    let e = engine.add_part(damaged.into_boxed_slice(), Verify::Checksum).expect_err("damage is caught");
    assert_eq!(e.code(), "BLOB_CHECKSUM");
    // The same part twice.
    engine.add_part(files[1].bytes.clone().into_boxed_slice(), Verify::Checksum).expect("adds");
    let e = engine.add_part(files[1].bytes.clone().into_boxed_slice(), Verify::StoredVerified).expect_err("twice");
    assert_eq!(e.code(), "BLOB_MIXED_PARTS");
    // The engine still answers from what it had.
    let dos = Some(common::date("2026-03-15"));
    let c = engine.get().check_code(System::Icd10cm, "J15.9", dos);
    assert_eq!(c.state, CodeState::Billable);
    assert!(c.description.is_some_and(|d| d.contains("pneumonia")));
}
