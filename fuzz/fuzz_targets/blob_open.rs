//! Any bytes as a blob: opening never panics, and whatever opens survives every face.
//! Seeded with a miniature blob so mutations reach the section readers.
#![no_main]
use claimlint::blob::Blob;
use claimlint::Engine;
use claimlint_fuzz::every_face;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The checked open must not panic either; the faces run once, below.
    let _ = Engine::open(data);
    // Bypass the checksum so damage reaches the section decoders and accessors.
    if let Ok(blob) = Blob::open_unchecked_checksum(data) {
        if let Ok(engine) = Engine::open_blob(blob) {
            every_face(&engine);
        }
    }
});
