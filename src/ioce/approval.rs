//! The I/OCE's approval and termination dates of HCPCS codes (`data_hcpcs` columns
//! `mid_quarter_date_edit`, `date_approved`, `date_terminated`, `cms_mid_quarter_termination`):
//! a code valid for a whole quarter may be payable only from its FDA, NCD, marketing or ACIP
//! date, or only until a termination date. One versioned table of the `ioce` section; codes
//! without any of them are left out.
use super::data::IoceData;
use crate::date::Date;

/// Bits of a row's flags: the I/OCE edit number that applies the dates (67, 68, 69, 83, 110,
/// 134 or 136; 0 for none) in bits 0-7, [`PHE_TERMINATION`] and the termination date as days
/// since 1970-01-01 from bit [`TERMINATED_SHIFT`] on (0: none). The row's attributes are the
/// approval date as `yyyymmdd` (0: none).
pub const EDIT_MASK: u32 = 0xff;
/// The code is terminated at the end of the public health emergency (edit 124).
pub const PHE_TERMINATION: u32 = 1 << 8;
pub const TERMINATED_SHIFT: u32 = 9;

/// A code's dates in one I/OCE version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Approval {
    /// The I/OCE edit that applies the dates (0: none).
    pub edit: u16,
    pub approved: Option<Date>,
    pub terminated: Option<Date>,
    /// Terminated with the public health emergency (edit 124).
    pub phe_termination: bool,
}

/// Packs a row (compile side): `(flags, attributes)`.
pub fn pack(edit: u8, approved: u32, terminated: u32, phe_termination: bool) -> (u32, u32) {
    let days = Date::from_yyyymmdd(terminated).map_or(0, |d| u32::try_from(d.days_since_epoch()).unwrap_or(0));
    let flags = u32::from(edit) | if phe_termination { PHE_TERMINATION } else { 0 } | days << TERMINATED_SHIFT;
    (flags, approved)
}

impl IoceData<'_> {
    /// The approval and termination dates of a HCPCS code in `version`, when it has any.
    pub fn approval(&self, code: &str, version: u8) -> Option<Approval> {
        let r = self.s.approvals.get(code.as_bytes(), version)?;
        let days = r.flags >> TERMINATED_SHIFT;
        Some(Approval {
            edit: (r.flags & EDIT_MASK) as u16,
            approved: Date::from_yyyymmdd(r.attrs),
            terminated: if days == 0 { None } else { Date::from_days_since_epoch(i64::from(days)) },
            phe_termination: r.flags & PHE_TERMINATION != 0,
        })
    }
}
