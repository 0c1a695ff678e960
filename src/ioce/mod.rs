//! The CMS Integrated Outpatient Code Editor (I/OCE) for outpatient facility claims: its
//! tables by quarter ([`data`]), the scope of its 151 edits ([`scope`]) and the in-scope
//! edits as claim rules ([`edits`]).
pub mod approval;
pub mod data;
#[cfg(feature = "outpatient")]
pub(crate) mod edits;
// I/OCE edits 88, 89, 90.
pub mod fqhc;
pub mod programs;
pub mod scope;

pub use data::IoceData;
