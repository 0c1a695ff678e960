//! The `ptp` blob section: both NCCI PTP tables, every history row, read in place.
//!
//! Codes of both tables are interned once into a sorted 5-character key table, so a code is a
//! `u16` id. Each table groups its edit rows by column-one code; a group is cut into blocks of
//! about [`BLOCK_ROWS`] rows (never splitting the rows of one column-two code), and each block
//! is a run of varint-coded rows, so a lookup is two bisections plus a short linear decode.
//!
//! Row coding inside a block: `header = (column-two id delta << 1) | explicit`, then, when
//! `explicit`, the varint index of the row's attributes (effective date, deletion date, modifier
//! indicator, rationale). The first row of a block is explicit and its delta is from 0.
use crate::blob::columns::{FixedKeys, U16Col, U32Col};
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "ptp";
/// Version 2: `history_start` per table.
pub const VERSION: u16 = 2;
/// Code width (CPT/HCPCS codes are 5 characters).
pub const WIDTH: u8 = 5;
/// Target rows per block (a block may hold more to keep one column-two code's rows together).
pub const BLOCK_ROWS: usize = 32;

/// One table (practitioner or outpatient hospital).
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct TableSection<'a> {
    /// Vintage text for findings, e.g. `NCCI PTP 2024-07-01 (derived)`.
    #[serde(borrow)]
    pub vintage: &'a str,
    /// Release date of the table (yyyymmdd).
    pub release: u32,
    /// True when effective dates are unknown (derived tables); stored effective is then 0.
    pub effective_unknown: bool,
    /// First day of a dated history merged into the table (yyyymmdd, 0 when none): a row
    /// effective that day may have started earlier; rows without an effective date end before it.
    pub history_start: u32,
    /// Column-one code ids, sorted, one per group.
    #[serde(borrow)]
    pub column_one: U16Col<'a>,
    /// First block of each group; `groups + 1` entries.
    #[serde(borrow)]
    pub group_block: U32Col<'a>,
    /// Byte offset of each block in `rows`; `blocks + 1` entries.
    #[serde(borrow)]
    pub block_offset: U32Col<'a>,
    /// Varint-coded rows.
    #[serde(borrow)]
    pub rows: &'a [u8],
}

/// The stored layout.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct PtpSection<'a> {
    /// Every code of both tables, sorted.
    #[serde(borrow)]
    pub codes: FixedKeys<'a>,
    /// Distinct dates (yyyymmdd); index 0 holds 0 = "none" (unknown effective, no deletion).
    #[serde(borrow)]
    pub dates: U32Col<'a>,
    /// Attribute tuples, most frequent first: effective and deletion date indexes...
    #[serde(borrow)]
    pub attr_effective: U16Col<'a>,
    #[serde(borrow)]
    pub attr_deletion: U16Col<'a>,
    /// ...and `modifier indicator | rationale << 2`.
    #[serde(borrow)]
    pub attr_meta: &'a [u8],
    /// CMS rationale texts (at most 16).
    #[serde(borrow)]
    pub rationales: Vec<&'a str>,
    #[serde(borrow)]
    pub practitioner: Option<TableSection<'a>>,
    #[serde(borrow)]
    pub outpatient: Option<TableSection<'a>>,
}
