//! claimlint: validate US medical billing codes and claim lines against official CMS code sets.
//!
//! `claimlint compile` (feature `compile`) turns the CMS source files into one versioned blob;
//! [`Engine`] opens that blob in place (no decompression, no index building) and answers
//! code checks in microseconds, natively and in the browser through the wasm face.
//!
//! Runtime modules never panic on any input: bad blobs and bad strings become typed errors
//! or findings. The lints below enforce that outside tests, including
//! `clippy::arithmetic_side_effects`: arithmetic on values read from a blob or from input
//! uses checked or saturating operations (wrapping only where wrap-around is the algorithm).
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

#[cfg(feature = "parallel")]
pub mod batch;
pub mod blob;
pub mod claim;
pub mod currency;
pub mod date;
pub mod decimal;
pub mod engine;
pub mod finding;
pub mod grade;
pub mod icd10cm;
// The API inputs as the wasm module reads them (natively: only their tests).
#[cfg(any(test, target_arch = "wasm32"))]
pub mod input;
pub mod ioce;
pub mod location;
pub mod normalize;
pub mod procedure;
pub mod ptp;
pub mod rules;
pub mod search;
pub mod system;

#[cfg(feature = "compile")]
pub mod compile;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use blob::columns::CodeTable;
pub use blob::{Blob, BlobError};
pub use date::Date;
pub use engine::{CodeCheck, CodeState, Engine, OwnedEngine, Verify};
pub use finding::{Finding, Severity};
pub use system::System;
