//! The `claim` blob section: MCE diagnosis edits with date ranges, MCE age groups, place of
//! service codes, POA-exempt codes and compiled payer rule packs, read in place.
use super::code_keys;
use super::pack::Pack;
use crate::blob::columns::{FixedKeys, U32Col};
use crate::blob::{Blob, BlobError};
use crate::date::Date;
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "claim";
pub const VERSION: u16 = 2;
/// Diagnosis code width without the dot.
pub const WIDTH: u8 = 7;

/// MCE diagnosis flags, by bit position. The compiler rejects a flag not listed here.
pub const MCE_FLAGS: [&str; 19] = [
    "adult",
    "maternity",
    "newborn",
    "pediatric",
    "male",
    "female",
    "manifestation",
    "unacceptable",
    "ecodepdx",
    "unspecified",
    "qadm",
    "wrngproc",
    "delout",
    "diabtypeI",
    "clintrial",
    "reqsdx",
    "ncov6",
    "ncov7",
    "ncov_z302",
];

/// One MCE diagnosis flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum MceFlag {
    Adult = 0,
    Maternity = 1,
    Newborn = 2,
    Pediatric = 3,
    Male = 4,
    Female = 5,
    Manifestation = 6,
    Unacceptable = 7,
    EcodePdx = 8,
    Unspecified = 9,
    /// Questionable admission as principal diagnosis (MCE 8).
    Qadm = 10,
    /// Wrong procedure performed (MCE 18).
    WrongProcedure = 11,
    /// Outcome of delivery (MCE 8B: makes a delivery procedure an expected admission).
    Delivery = 12,
    /// Type 1 diabetes diagnoses that cover a pancreas transplant alone (MCE 11B).
    DiabetesType1 = 13,
    /// Clinical trial (Z00.6; MCE 11C/17B, discontinued 2022-04-01).
    ClinicalTrial = 14,
    /// Unacceptable as principal unless a secondary diagnosis is coded (MCE 9, Z51.89).
    RequiresSecondary = 15,
    /// Leukaemia diagnoses that make autologous marrow transfusions non-covered (MCE 11D).
    Ncov6 = 16,
    /// Multiple myeloma diagnoses of MCE 11E (discontinued 2018-10-01).
    Ncov7 = 17,
    /// Encounter for sterilization (Z30.2; MCE 11G).
    NcovZ302 = 18,
}

impl MceFlag {
    pub fn bit(self) -> u32 {
        1u32 << (self as u8)
    }
    /// Bit of a flag name, as in the MCE master table.
    pub fn bit_of(name: &str) -> Option<u32> {
        MCE_FLAGS.iter().position(|f| *f == name).and_then(|p| 1u32.checked_shl(u32::try_from(p).ok()?))
    }
}

/// An MCE age group for a date range (e.g. Maternity 9–64 from 2019-10-01).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeGroup {
    /// Flag bit position (adult, maternity, newborn, pediatric).
    pub flag: u8,
    pub min: u16,
    pub max: u16,
    pub from: u32,
    pub to: u32,
}

/// The stored layout.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct ClaimSection<'a> {
    /// "MCE v43.1".
    #[serde(borrow)]
    pub mce_label: &'a str,
    /// Code × date-range rows, sorted by code then start date; a code may repeat.
    #[serde(borrow)]
    pub mce_codes: FixedKeys<'a>,
    #[serde(borrow)]
    pub mce_from: U32Col<'a>,
    #[serde(borrow)]
    pub mce_to: U32Col<'a>,
    /// Bit set of [`MCE_FLAGS`].
    #[serde(borrow)]
    pub mce_flags: U32Col<'a>,
    pub age_groups: Vec<AgeGroup>,
    /// (code, name), sorted by code.
    #[serde(borrow)]
    pub pos: Vec<(&'a str, &'a str)>,
    #[serde(borrow)]
    pub pos_label: &'a str,
    /// "POA exempt FY2025".
    #[serde(borrow)]
    pub poa_label: &'a str,
    /// Sorted, unique, no dots.
    #[serde(borrow)]
    pub poa_exempt: FixedKeys<'a>,
    #[serde(borrow)]
    pub packs: Vec<Pack<'a>>,
    /// Valid UB-04 patient discharge status codes with their date ranges (MCE 16).
    pub discharge_status: Vec<DischargeStatus>,
}

/// A discharge status code valid from one date to another (inclusive, yyyymmdd).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DischargeStatus {
    pub code: u16,
    pub from: u32,
    pub to: u32,
}

/// Read-in-place view of the section.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct ClaimData<'a> {
    pub s: ClaimSection<'a>,
}

impl<'a> ClaimData<'a> {
    /// Opens the sections; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<ClaimData<'a>>, BlobError> {
        let Some(s): Option<ClaimSection<'a>> = blob.decode(SECTION, VERSION)? else { return Ok(None) };
        let bad = |what: &str| Err(BlobError::Corrupt { what: format!("claim section: {what}") });
        let n = s.mce_codes.len();
        if (n > 0 && (!s.mce_codes.well_formed() || s.mce_codes.width != WIDTH))
            || s.mce_from.len() != n
            || s.mce_to.len() != n
            || s.mce_flags.len() != n
            || !s.mce_from.well_formed()
            || !s.mce_to.well_formed()
            || !s.mce_flags.well_formed()
        {
            return bad("MCE columns");
        }
        if !s.poa_exempt.is_empty() && (!s.poa_exempt.well_formed() || s.poa_exempt.width != WIDTH) {
            return bad("POA exempt codes");
        }
        if s.age_groups.iter().any(|g| usize::from(g.flag) >= MCE_FLAGS.len()) {
            return bad("age groups");
        }
        Ok(Some(ClaimData { s }))
    }

    /// MCE flags of a code (no dot) on a date; `None` when the MCE table lacks it then.
    pub fn mce_flags(&self, code: &str, on: Date) -> Option<u32> {
        self.mce_flags_in(self.mce_row_range(code), on)
    }

    /// The rows of a code (no dot) in the MCE diagnosis table (empty when it lacks the code).
    pub(crate) fn mce_row_range(&self, code: &str) -> core::ops::Range<usize> {
        code_keys::rows_of(&self.s.mce_codes, code.as_bytes())
    }

    /// MCE flags in force on a date among a code's `rows` ([`ClaimData::mce_row_range`]).
    pub(crate) fn mce_flags_in(&self, rows: core::ops::Range<usize>, on: Date) -> Option<u32> {
        let d = on.yyyymmdd();
        rows.map_while(|i| Some((self.s.mce_from.get(i)?, self.s.mce_to.get(i)?, self.s.mce_flags.get(i)?)))
            .find(|&(from, to, _)| from <= d && d <= to)
            .map(|(_, _, f)| f)
    }

    /// All (from, to, flags) rows of a code, oldest first.
    pub fn mce_rows<'s>(&'s self, code: &'s str) -> impl Iterator<Item = (u32, u32, u32)> + 's {
        code_keys::rows_of(&self.s.mce_codes, code.as_bytes())
            .map_while(move |i| Some((self.s.mce_from.get(i)?, self.s.mce_to.get(i)?, self.s.mce_flags.get(i)?)))
    }

    /// The latest row's sex flags of a code, whatever the date (for payers that keep sex edits).
    pub fn last_sex_flags(&self, code: &str) -> u32 {
        let sex = MceFlag::Male.bit() | MceFlag::Female.bit();
        self.mce_rows(code).filter(|r| r.2 & sex != 0).last().map_or(0, |r| r.2 & sex)
    }

    /// The age range of an MCE age flag on a date.
    pub fn age_range(&self, flag: MceFlag, on: Date) -> Option<(u16, u16)> {
        let d = on.yyyymmdd();
        self.s.age_groups.iter().find(|g| g.flag == flag as u8 && g.from <= d && d <= g.to).map(|g| (g.min, g.max))
    }

    /// Number of codes with a flag active on a date (for agreement tests and `info`).
    pub fn count_active(&self, flag_bit: u32, on: Date) -> usize {
        let d = on.yyyymmdd();
        let n = self.s.mce_codes.len();
        (0..n)
            .filter(|&i| {
                self.s.mce_from.get(i).is_some_and(|f| f <= d)
                    && self.s.mce_to.get(i).is_some_and(|t| d <= t)
                    && self.s.mce_flags.get(i).is_some_and(|f| f & flag_bit != 0)
            })
            .count()
    }

    /// True when the MCE table carries any row for discharge dates covering `on`.
    pub fn mce_covers(&self, on: Date) -> bool {
        let d = on.yyyymmdd();
        self.s.age_groups.iter().any(|g| g.from <= d && d <= g.to)
    }

    /// True when the discharge status code is valid on the date; `None` without the table.
    pub fn discharge_status_valid(&self, code: u16, on: Date) -> Option<bool> {
        if self.s.discharge_status.is_empty() {
            return None;
        }
        let d = on.yyyymmdd();
        Some(self.s.discharge_status.iter().any(|s| s.code == code && s.from <= d && d <= s.to))
    }

    /// The place-of-service name.
    pub fn pos_name(&self, code: &str) -> Option<&'a str> {
        self.s.pos.binary_search_by(|(c, _)| (*c).cmp(code)).ok().and_then(|i| self.s.pos.get(i)).map(|(_, n)| *n)
    }

    /// True when the code (no dot) or a category above it is POA exempt.
    pub fn poa_exempt(&self, code: &str) -> bool {
        let keys = &self.s.poa_exempt;
        code_keys::has_beginning_of(keys, code.as_bytes(), 3)
    }

    /// A compiled payer pack by id.
    pub fn pack(&self, id: &str) -> Option<&Pack<'a>> {
        self.s.packs.iter().find(|p| p.id.eq_ignore_ascii_case(id))
    }
}
