//! Damaged blobs never panic: truncation at every section boundary and at seeded random
//! offsets, single bit flips (with the checksum check bypassed, so damage reaches every
//! section reader and accessor), wrong magic, other format versions, sections from a
//! different build.
mod common;
use claimlint::blob::{Blob, BlobWriter};
use claimlint::claim::{check_claim_json, CheckOptions};
use claimlint::search::{search, SearchOptions};
use claimlint::{BlobError, Date, Engine, System};

/// A claim reaching every claim-time section: MCE edits, MUE, add-on codes, PTP pairs,
/// modifiers, place of service (shared with the fuzz targets).
const CLAIM: &str = include_str!("fixtures/claim-every-section.json");

/// Exercises every face of an opened engine: code checks, descriptions, children, info,
/// a claim and search.
fn touch_everything(engine: &Engine<'_>) {
    let dos = Date::parse("2026-03-15");
    for system in System::ALL {
        for code in ["J15.9", "K35.2", "S72.001", "T36.01A", "W21.89XA", "99213", "J1100", "0016070", "LT", "", "zz"] {
            let _ = engine.check_code(system, code, dos);
            let _ = engine.describe(system, code, dos);
            let _ = engine.children(system, code, dos);
        }
    }
    let _ = engine.info();
    let _ = check_claim_json(engine, CLAIM, &CheckOptions::default());
    for query in ["pneumonia", "fx femur nck", "J11", "wheelchair"] {
        let _ = search(engine, query, &SearchOptions::default());
    }
}

/// The blob re-packed section by section, `change` deciding each (name, version, bytes).
fn repack(blob: &[u8], change: impl Fn(&str, u16, Vec<u8>) -> (String, u16, Vec<u8>)) -> Vec<u8> {
    let opened = Blob::open(blob).expect("intact blob opens");
    let mut w = BlobWriter::default();
    w.manifest = opened.manifest.clone();
    for s in &opened.manifest.sections {
        let bytes = blob[s.offset as usize..(s.offset + s.len) as usize].to_vec();
        let (name, version, bytes) = change(&s.name, s.version, bytes);
        w.add_raw_section(&name, version, bytes);
    }
    w.finish().expect("re-packed blob")
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn truncation_at_every_section_boundary_and_random_offsets() {
    let blob = common::blob();
    let opened = Blob::open(blob).expect("intact blob opens");
    let mut cuts: Vec<usize> = vec![0, 1, 7, 8, 15, 16, blob.len() - 4, blob.len() - 1];
    for s in &opened.manifest.sections {
        for d in [0i64, -1, 1] {
            cuts.push((s.offset as i64 + d) as usize);
            cuts.push((s.offset as i64 + s.len as i64 + d) as usize);
        }
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    cuts.extend((0..200).map(|_| (rng.next() % blob.len() as u64) as usize));
    for cut in cuts.into_iter().filter(|&c| c < blob.len()) {
        let e = Engine::open(&blob[..cut]).expect_err("a truncated blob never opens");
        assert!(matches!(e, BlobError::Truncated { .. } | BlobError::BadMagic | BlobError::Checksum { .. } | BlobError::Corrupt { .. }), "cut {cut}: {e:?}");
        assert!(!e.to_string().is_empty() && e.code().starts_with("BLOB_"));
    }
}

#[test]
fn bit_flips_are_caught_by_the_checksum() {
    let blob = common::blob();
    let mut rng = Rng(7);
    for _ in 0..64 {
        let mut b = blob.to_vec();
        let at = (rng.next() % b.len() as u64) as usize;
        b[at] ^= 1 << (rng.next() % 8);
        assert!(Engine::open(&b).is_err(), "flip at {at} went unnoticed");
    }
}

#[test]
fn damaged_sections_behind_a_bypassed_checksum_never_panic() {
    let blob = common::blob();
    let opened = Blob::open(blob).expect("intact blob opens");
    let mut rng = Rng(0xdead_beef);
    let mut opened_ok = 0;
    for round in 0..300 {
        let mut b = blob.to_vec();
        // Damage inside one section: flips, zeroed runs or 0xFF runs.
        let s = &opened.manifest.sections[round % opened.manifest.sections.len()];
        let start = s.offset as usize;
        let len = s.len as usize;
        for _ in 0..1 + rng.next() % 8 {
            // Half the rounds hit section headers, half anywhere in the section.
            let span = if round % 2 == 0 { len.min(4096) } else { len };
            let at = start + (rng.next() as usize % span.max(1));
            match rng.next() % 3 {
                0 => b[at] ^= 1 << (rng.next() % 8),
                1 => b[at..(at + 8).min(start + len)].fill(0),
                _ => b[at..(at + 8).min(start + len)].fill(0xff),
            }
        }
        if let Ok(blob) = Blob::open_unchecked_checksum(&b) {
            if let Ok(engine) = Engine::open_blob(blob) {
                opened_ok += 1;
                touch_everything(&engine);
            }
        }
    }
    // Most single-section damage still decodes structurally; the point is that accessors survive.
    assert!(opened_ok > 0, "no damaged blob reached the accessors");
}

#[test]
fn wrong_magic_and_other_versions_say_what_to_do() {
    let blob = common::blob();
    let mut b = blob.to_vec();
    b[0] = b'X';
    assert_eq!(Engine::open(&b).unwrap_err(), BlobError::BadMagic);
    for v in [0u16, 2, 99] {
        let mut b = blob.to_vec();
        b[8..10].copy_from_slice(&v.to_le_bytes());
        let e = Engine::open(&b).unwrap_err();
        assert_eq!(e, BlobError::UnsupportedVersion { found: v, supported: 1 });
        assert!(e.to_string().contains("claimlint compile"), "{e}");
    }
}

#[test]
fn sections_from_a_different_build_are_typed_errors_naming_the_fix() {
    let blob = common::blob();
    // Re-packing unchanged gives a blob that opens: the harness itself is sound.
    Engine::open(&repack(blob, |n, v, b| (n.to_owned(), v, b))).expect("re-packed unchanged blob opens");
    let names: Vec<String> = Blob::open(blob).expect("opens").manifest.sections.iter().map(|s| s.name.clone()).collect();
    for target in &names {
        // Same format version, newer layout of one section.
        let b = repack(blob, |n, v, bytes| (n.to_owned(), if n == target { v + 1 } else { v }, bytes));
        let e = Engine::open(&b).expect_err("a newer section layout never opens");
        assert_eq!(e.code(), "BLOB_SECTION_VERSION", "{target}: {e}");
        assert!(e.to_string().contains(target.as_str()) && e.to_string().contains("claimlint compile"), "{e}");
    }
    // Same versions, contents from another section: the section readers reject the layout
    // (or, where it happens to decode, every face still answers without a panic).
    let mut rejected = 0;
    for (i, target) in names.iter().enumerate() {
        let donor = names[(i + 1) % names.len()].clone();
        let donor_bytes = {
            let o = Blob::open(blob).expect("opens");
            let s = o.manifest.sections.iter().find(|s| s.name == donor).expect("donor").clone();
            blob[s.offset as usize..(s.offset + s.len) as usize].to_vec()
        };
        let b = repack(blob, |n, v, bytes| (n.to_owned(), v, if n == target { donor_bytes.clone() } else { bytes }));
        match Engine::open(&b) {
            Err(e) => {
                assert!(e.code().starts_with("BLOB_") && e.to_string().contains("claimlint compile"), "{target}: {e}");
                rejected += 1;
            }
            Ok(engine) => touch_everything(&engine),
        }
    }
    assert!(rejected >= names.len() - 1, "only {rejected} of {} swapped sections were rejected", names.len());
}

/// A ceiling on work that grows faster than its input, not a speed budget: the hostile strings
/// reach 1 MB, where a linear pass takes milliseconds (tens in a debug build on a busy machine)
/// and a quadratic one minutes. Over 1 s twice in a row fails; one slow run can be the machine.
/// Speed itself is measured by the benchmarks (scripts/bench.sh), not here.
const CEILING_MS: u128 = 1000;

/// Runs `f`, failing when it takes `CEILING_MS` or more twice in a row.
fn quick<T>(what: &str, s: &str, f: impl Fn() -> T) -> T {
    let t = std::time::Instant::now();
    let r = f();
    let first = t.elapsed();
    if first.as_millis() >= CEILING_MS {
        let again = std::time::Instant::now();
        let r = f();
        assert!(again.elapsed().as_millis() < CEILING_MS, "{what} {:?} took {first:?}, then {:?}", s.get(..20).unwrap_or(s), again.elapsed());
        return r;
    }
    r
}

#[test]
fn hostile_strings_are_findings_not_panics() {
    let engine = common::engine().get();
    let dos = Date::parse("2026-03-15");
    for s in &common::hostile() {
        for system in System::ALL {
            let r = quick("check_code", s, || engine.check_code(system, s, dos));
            assert_eq!(r.system, system);
            if !s.trim().is_empty() && !matches!(r.state, claimlint::CodeState::Billable) {
                assert!(!r.findings.is_empty() || r.state == claimlint::CodeState::Empty, "{system} {:?}: {:?} without a finding", s.get(..20), r.state);
            }
            quick("describe", s, || engine.describe(system, s, dos));
            quick("children", s, || engine.children(system, s, dos));
        }
        quick("search", s, || search(engine, s, &SearchOptions::default()));
        let claim = serde_json::json!({
            "claimType": "professional",
            "patient": {"sex": s, "dateOfBirth": s},
            "diagnoses": [{"code": s}, {"code": "J44.1"}],
            "lines": [{"dateFrom": "2026-03-02", "pos": s, "code": s, "modifiers": [s], "units": 1, "pointers": ["A"], "charge": 10}],
            "billingNpi": s
        });
        let r = quick("claim", s, || check_claim_json(engine, &claim.to_string(), &CheckOptions::default()));
        assert!(!r.findings.is_empty() || !r.input_errors.is_empty(), "a hostile claim passed clean: {:?}", s.get(..20));
        let exercise: claimlint::grade::Exercise = serde_json::from_str(
            r#"{"id":"x","title":"t","scenario":"s","dateOfService":"2026-03-15","rubric":"aapc","mode":"practice","key":{"principal":{"code":"J44.1"}}}"#,
        )
        .expect("exercise");
        let answer = claimlint::grade::Answer { principal: Some(s.clone()), other_diagnoses: vec![s.clone()], ..Default::default() };
        let g = quick("grade", s, || claimlint::grade::grade(engine, &exercise, &answer));
        assert!(g.score < g.max_score, "a hostile answer scored full marks: {:?}", s.get(..20));
    }
}

/// Inputs the fuzzer once found slow or crashing (fuzz/regressions/blob_open) stay harmless:
/// each opens (or fails to) and survives every accessor. The bound only guards termination.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = common::root().join("fuzz/regressions/blob_open");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/blob_open") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("read");
        let t = std::time::Instant::now();
        let _ = Engine::open(&bytes);
        if let Ok(blob) = Blob::open_unchecked_checksum(&bytes) {
            if let Ok(engine) = Engine::open_blob(blob) {
                touch_everything(&engine);
            }
        }
        assert!(t.elapsed().as_secs() < 5, "regression input took {:?}", t.elapsed());
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs found");
}
