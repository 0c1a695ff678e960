//! Any text as a payer rule pack: the compile-time reader returns a pack or an error naming
//! line and column, never a panic. A pack that compiles is stored and read back like the
//! blob does, then drives a claim check on the real blob with the pack in force.
#![no_main]
use claimlint::claim::pack::Pack;
use claimlint::claim::{check_claim_json, CheckOptions};
use claimlint::compile::claim::pack::parse;
use claimlint_fuzz::real_engine;
use libfuzzer_sys::fuzz_target;

/// A claim with lines a pack can match: an E/M visit, an add-on, a drug, two diagnoses.
const CLAIM: &str = r#"{"claimType":"professional","patient":{"sex":"F","dateOfBirth":"1960-02-01"},
"diagnoses":[{"code":"E11.9"},{"code":"I10"}],"billingNpi":"1234567893",
"lines":[{"dateFrom":"2026-03-02","pos":"11","code":"99214","modifiers":["25"],"units":1,"pointers":["A","B"],"charge":150},
{"dateFrom":"2026-03-02","pos":"11","code":"96372","units":1,"pointers":["A"],"charge":40},
{"dateFrom":"2026-03-02","pos":"11","code":"J1100","units":3,"pointers":["A"],"charge":12}]}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = match parse(text, "fuzz.json") {
        Ok(f) => f,
        Err(e) => {
            assert!(e.to_string().starts_with("fuzz.json:"), "a pack error must name the file: {e}");
            return;
        }
    };
    let stored = postcard::to_allocvec(&file.view()).expect("a compiled pack serialises");
    let pack: Pack<'_> = postcard::from_bytes(&stored).expect("a stored pack reads back");
    assert_eq!(pack, file.view());
    let _ = pack.label();
    let Some(owned) = real_engine() else { return };
    let mut engine = owned.get().clone();
    let Some(claim) = engine.claim.as_mut() else { return };
    claim.s.packs = vec![pack.clone()];
    let opts = CheckOptions { today: None, payer: Some(pack.id.to_owned()) };
    let result = check_claim_json(&engine, CLAIM, &opts);
    assert!(result.input_errors.is_empty(), "the fixed claim reads cleanly: {:?}", result.input_errors);
});
