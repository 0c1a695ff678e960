//! `claimlint compile`: official CMS files → one blob. Native only (feature `compile`).
//!
//! Compile-time code may assume well-formed build inputs where documented, but reports
//! malformed source files as [`CompileError`]s naming the file and position.
#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects, clippy::expect_used, clippy::unwrap_used, clippy::panic)]

pub mod claim;
mod error;
pub mod icd10cm;
pub mod inputs;
pub mod ioce;
pub mod procedure;
pub mod ptp;
pub mod search;
mod search_doc;
pub mod sources;
pub mod xml_tree;

pub use error::{err, CompileError, Context, Result};
pub use inputs::{compile, default_icd10cm, CompileOptions, Icd10CmInput};
pub use search_doc::SearchDoc;
