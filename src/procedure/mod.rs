//! HCPCS Level II, CPT code numbers, ICD-10-PCS, modifiers, MUE and add-on codes.
//!
//! Each code set or edit table is its own blob section (`hcpcs`, `cpt`, `icd10pcs`, `mue`,
//! `aoc`), read in place; any of them may be absent and the checks say so.
pub mod aoc;
mod check;
pub mod cpt;
pub mod format;
pub mod hcpcs;
mod line;
pub mod modifiers;
pub mod mue;
pub mod pcs;
mod pcs_check;
mod quarter_check;
pub mod quarters;
pub(crate) mod stale;

pub use aoc::{Aoc, AocEdit};
pub use check::check_code;
pub use cpt::Cpt;
pub use hcpcs::{Hcpcs, HcpcsRecord, Table};
pub use line::{check_line, check_line_with, check_lines, check_lines_with, check_service_lines, LineCheck, LineInput};
pub use modifiers::{is_ptp_modifier, ptp_modifier_family, PtpModifierFamily};
pub use mue::{Mue, MueEntry};
pub use pcs::Pcs;
pub use pcs_check::is_clean as pcs_is_clean;

use crate::blob::{Blob, BlobError};

/// Read-in-place view of this area's blob sections.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Procedures<'a> {
    pub hcpcs: Option<Hcpcs<'a>>,
    pub cpt: Option<Cpt<'a>>,
    pub pcs: Option<Pcs<'a>>,
    pub mue: Option<Mue<'a>>,
    pub aoc: Option<Aoc<'a>>,
    pub quarters: Option<quarters::Quarters<'a>>,
}

impl<'a> Procedures<'a> {
    /// Opens the sections; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<Procedures<'a>>, BlobError> {
        let p = Procedures {
            hcpcs: Hcpcs::open(blob)?,
            cpt: Cpt::open(blob)?,
            pcs: Pcs::open(blob)?,
            mue: Mue::open(blob)?,
            aoc: Aoc::open(blob)?,
            quarters: quarters::Quarters::open(blob)?,
        };
        let any = p.hcpcs.is_some() || p.cpt.is_some() || p.pcs.is_some() || p.mue.is_some() || p.aoc.is_some() || p.quarters.is_some();
        Ok(any.then_some(p))
    }
}
