//! Any text as a claim: JSON parsing, the lenient claim reader and every claim rule on the
//! real blob. Input errors and findings are the only outcomes; a panic is a bug. The text
//! after the first NUL byte, when present, names a payer pack and a "today" date.
#![no_main]
use claimlint::claim::{check_claim_json, CheckOptions};
use claimlint::Date;
use claimlint_fuzz::{parts, real_engine};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(engine) = real_engine() else { return };
    let p = parts(data, 3);
    let opts = CheckOptions { today: Date::parse(&p[2]), payer: Some(p[1].clone()).filter(|s| !s.is_empty()) };
    let result = check_claim_json(engine.get(), &p[0], &opts);
    for f in result.findings.iter().chain(&result.input_errors) {
        assert!(claimlint::rules::rule(&f.rule).is_some(), "finding with a rule id outside the catalogue: {}", f.rule);
    }
});
