//! The claim engine: a CMS-1500/837P or 837I claim in, findings with JSON pointers out.
//!
//! [`check_claim`] takes a typed [`Claim`]; [`check_claim_value`] reads any JSON leniently so
//! wrong types, missing and unknown fields become input errors instead of failures. The
//! `claim` blob section ([`ClaimData`]) carries the MCE diagnosis edits, place-of-service
//! codes, POA-exempt codes and compiled payer rule packs.
pub(crate) mod check;
mod code_keys;
pub mod data;
mod dx_facts;
mod dx_pairs;
pub(crate) mod dx_rules;
mod dx_sequence;
mod facility_rules;
pub mod ids;
mod integrate;
pub mod json;
pub mod json_text;
mod line_rules;
pub mod model;
pub mod pack;
mod pack_rules;
pub mod parse;
mod px_rules;
pub mod result;
mod result_json;
pub mod service_line;
pub mod source;
mod stale_tables;
mod stay_rules;
mod text;

#[cfg(feature = "compile")]
pub use check::check_claim_json;
pub use check::{check_claim, check_claim_text, check_claim_value, unreadable_claim, CheckOptions};
pub use data::{ClaimData, ClaimSection, MceFlag};
pub use dx_rules::SEX_EDITS_END;
pub use json::Json;
pub use model::{Claim, ClaimType, Diagnosis, Excludes1Override, Facility, Line, Occurrence, Patient, Procedure, Sex, Stay, Text, ValueCode};
pub use result::ClaimResult;
pub use service_line::ServiceLine;
