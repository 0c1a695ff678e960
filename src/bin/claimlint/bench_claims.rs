//! A seeded, realistic claim mix for the benchmark: professional claims with 1–12 diagnoses
//! and 1–20 lines drawn from common office, imaging, lab and drug codes.
use serde_json::{json, Value};

const DIAGNOSES: &[&str] = &[
    "J18.9", "J15.9", "I10", "E11.9", "E78.5", "N18.30", "I50.9", "J44.1", "K21.9", "M54.50", "R07.9", "Z79.4", "F41.9",
    "E66.9", "J06.9", "N39.0", "M17.11", "R51.9", "Z00.00", "G47.33", "F32.A", "E03.9", "I25.10", "K59.00", "L03.115",
    "S72.001A", "W19.XXXA", "T36.0X1A", "R10.9", "B34.9", "Z23", "M25.561", "H10.9", "J02.9", "R05.9", "E55.9",
];
const PROCEDURES: &[&str] = &[
    "99213", "99214", "99203", "71046", "93000", "85025", "80053", "36415", "83036", "81003", "94640", "J1100", "96372",
    "20610", "11102", "73560", "87880", "90471", "90686", "99396", "G0439", "82947", "84443", "80061", "97110", "97140",
];

/// A small seeded generator (xorshift64) so every benchmark input is reproducible.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `n` claims as JSON, reproducible for a given seed.
pub fn claims(n: usize, seed: u64) -> Vec<Value> {
    let mut rng = XorShift(seed);
    let mut next = move || rng.next();
    (0..n)
        .map(|_| {
            let ndx = 1 + (next() % 12) as usize;
            let nlines = 1 + (next() % 20) as usize;
            let dx: Vec<Value> = (0..ndx).map(|_| json!({"code": DIAGNOSES[(next() as usize) % DIAGNOSES.len()]})).collect();
            let letters = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];
            let lines: Vec<Value> = (0..nlines)
                .map(|i| {
                    let p = (next() as usize) % ndx.min(4);
                    json!({
                        "dateFrom": "2026-04-15", "pos": "11",
                        "code": PROCEDURES[(next() as usize) % PROCEDURES.len()],
                        "modifiers": if i % 5 == 0 { json!(["25"]) } else { json!([]) },
                        "units": 1 + next() % 2, "pointers": letters[..=p].to_vec(), "charge": 50 + next() % 400,
                    })
                })
                .collect();
            json!({"claimType": "professional", "patient": {"sex": if next() % 2 == 0 { "F" } else { "M" }, "dateOfBirth": "1961-07-04"},
                   "diagnoses": dx, "lines": lines})
        })
        .collect()
}
