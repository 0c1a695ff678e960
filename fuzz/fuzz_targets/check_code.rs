//! Any string through normalisation and `check_code` for every system, on the real blob
//! (`CLAIMLINT_FUZZ_BLOB`, default `pkg/codesets.blob`).
#![no_main]
use claimlint::{Date, OwnedEngine, System};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> Option<&'static OwnedEngine> {
    static E: OnceLock<Option<OwnedEngine>> = OnceLock::new();
    E.get_or_init(|| {
        let path = std::env::var("CLAIMLINT_FUZZ_BLOB").unwrap_or_else(|_| "../pkg/codesets.blob".into());
        std::fs::read(path).ok().and_then(|b| OwnedEngine::open(b).ok())
    })
    .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Some(engine) = engine() else { return };
    let engine = engine.get();
    let (selector, rest) = data.split_first().unwrap_or((&0, &[]));
    let text = String::from_utf8_lossy(rest);
    let system = System::ALL[usize::from(*selector) % System::ALL.len()];
    let on = Date::parse(&text).or(Date::parse("2026-03-15"));
    let r = engine.check_code(system, &text, on);
    assert_eq!(r.system, system);
    let _ = engine.describe(system, &text, on);
    let _ = engine.children(system, &text, on);
});
