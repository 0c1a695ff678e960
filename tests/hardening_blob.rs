//! Damaged blobs never panic: truncation at every section boundary and at seeded random
//! offsets, single bit flips (with the checksum check bypassed, so damage reaches every
//! section reader and accessor), wrong magic, other format versions.
mod common;
use claimlint::blob::Blob;
use claimlint::{BlobError, Date, Engine, System};

/// Exercises every public accessor of an opened engine.
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
fn hostile_strings_are_findings_not_panics() {
    let engine = common::engine().get();
    let big = "J".repeat(1 << 20);
    let nul = "J15\u{0}9";
    let controls: String = (0u8..32).map(char::from).collect();
    let inputs = [big.as_str(), nul, controls.as_str(), "J15\u{202e}9", "🤒🤒", "Ｊ１５．９", "ꓲ10", "<script>alert(1)</script>", "'; DROP TABLE codes; --", ".....", "-", "J15.9-", "\u{feff}J15.9"];
    for system in System::ALL {
        for s in inputs {
            let t = std::time::Instant::now();
            let r = engine.check_code(system, s, Date::parse("2026-03-15"));
            assert!(t.elapsed().as_millis() < 50, "{system} {:?} took {:?}", s.get(..20), t.elapsed());
            assert_eq!(r.system, system);
        }
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
