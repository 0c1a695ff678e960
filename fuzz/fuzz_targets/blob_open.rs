//! Any bytes as a blob: opening never panics, and whatever opens survives every accessor.
//! Seeded with a miniature blob so mutations reach the section readers.
#![no_main]
use claimlint::blob::Blob;
use claimlint::{Date, Engine, System};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Engine::open(data);
    // Bypass the checksum so damage reaches the section decoders and accessors.
    if let Ok(blob) = Blob::open_unchecked_checksum(data) {
        if let Ok(engine) = Engine::open_blob(blob) {
            let on = Date::parse("2026-01-10");
            for system in System::ALL {
                for code in ["J15.9", "J15", "S72.001A", "T36.01A", "S7", "99213", ""] {
                    let _ = engine.check_code(system, code, on);
                    let _ = engine.describe(system, code, on);
                    let _ = engine.children(system, code, on);
                }
            }
            let _ = engine.info();
        }
    }
});
