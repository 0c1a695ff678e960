//! Any string through normalisation and `check_code` for every system, on the real blob.
//! The first byte picks the system; a date-like input is also tried as the date of service.
#![no_main]
use claimlint::{Date, System};
use claimlint_fuzz::real_engine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(engine) = real_engine() else { return };
    let engine = engine.get();
    let (selector, rest) = data.split_first().unwrap_or((&0, &[]));
    let text = String::from_utf8_lossy(rest);
    let system = System::ALL[usize::from(*selector) % System::ALL.len()];
    let on = Date::parse(&text).or(Date::parse("2026-03-15"));
    let r = engine.check_code(system, &text, on);
    assert_eq!(r.system, system);
    let _ = engine.describe(system, &text, on);
    let _ = engine.children(system, &text, on);
    let _ = claimlint::normalize::normalize_code(&text);
});
