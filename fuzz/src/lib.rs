//! Shared set-up for the fuzz targets: the real blob, opened once per process.
use claimlint::claim::{check_claim_json, CheckOptions};
use claimlint::search::{search, SearchOptions};
use claimlint::{Date, Engine, OwnedEngine, System};
use std::sync::OnceLock;

/// The compiled blob the data-driven targets run against: `CLAIMLINT_FUZZ_BLOB`, else
/// `../pkg/codesets.blob` (run from `fuzz/`). `None` when it cannot be read or opened, so a
/// machine without a built blob fuzzes nothing rather than failing.
pub fn real_engine() -> Option<&'static OwnedEngine> {
    static ENGINE: OnceLock<Option<OwnedEngine>> = OnceLock::new();
    ENGINE.get_or_init(|| OwnedEngine::open(real_blob_bytes()?).ok()).as_ref()
}

/// The bytes of the real blob, read fresh.
pub fn real_blob_bytes() -> Option<Vec<u8>> {
    let path = std::env::var("CLAIMLINT_FUZZ_BLOB").unwrap_or_else(|_| "../pkg/codesets.blob".into());
    std::fs::read(path).ok()
}

/// Splits fuzz input into `n` parts at NUL bytes (missing parts are empty), lossily as text.
pub fn parts(data: &[u8], n: usize) -> Vec<String> {
    let mut out: Vec<String> = data.splitn(n, |&b| b == 0).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    out.resize(n, String::new());
    out
}

/// A claim reaching every claim-time section: two same-day procedures with a PTP edit, an
/// add-on with its primary, units over MUE, a bad modifier, diagnoses with MCE edits.
const CLAIM: &str = include_str!("../../tests/fixtures/claim-every-section.json");

const CODES: [(System, &str); 9] = [
    (System::Icd10cm, "J15.9"),
    (System::Icd10cm, "S72.001"),
    (System::Icd10cm, "E11"),
    (System::Icd10pcs, "0016070"),
    (System::Icd10pcs, "0DTJ4ZZ"),
    (System::Hcpcs, "J1100"),
    (System::Hcpcs, "A0425"),
    (System::Cpt, "99213"),
    (System::Modifier, "LT"),
];

/// Every face of an opened engine on a fixed workload; results are ignored, only a panic,
/// hang or runaway allocation counts.
pub fn every_face(engine: &Engine<'_>) {
    let on = Date::parse("2026-03-02");
    for (system, code) in CODES {
        let _ = engine.check_code(system, code, on);
        let _ = engine.describe(system, code, on);
        let _ = engine.children(system, code, on);
    }
    let _ = engine.info();
    let _ = check_claim_json(engine, CLAIM, &CheckOptions::default());
    for query in ["pneumonia", "fx femur nck", "J11"] {
        let _ = search(engine, query, &SearchOptions::default());
    }
}
