//! The `code_quarters` blob section: HCPCS Level II codes and CPT code numbers valid in each
//! quarter, from the CMS I/OCE data tables (2019-07-01 on) and the newest quarterly HCPCS
//! code list. No descriptions: CPT text is the AMA's, and Level II text comes from the ANWEB file.
use crate::blob::columns::{FixedKeys, U32Col};
use crate::blob::{Blob, BlobError};
use crate::date::Date;
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "code_quarters";
pub const VERSION: u16 = 1;
/// Row source: the I/OCE data tables.
pub const FROM_IOCE: u8 = 0;
/// Row source: a quarterly HCPCS code list (codes only).
pub const FROM_CODE_LIST: u8 = 1;

/// The stored layout. Rows are sorted by code, then start date; a code has one row per
/// stretch of quarters it was valid in.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct QuartersSection<'a> {
    /// E.g. `I/OCE 20.2.27 to 27.1.0; HCPCS codes 2026 Q3`.
    #[serde(borrow)]
    pub label: &'a str,
    /// First day of the history (a row starting then may have started earlier).
    pub history_start: u32,
    /// Last day the Level II rows are known current (end of the newest quarter read).
    pub hcpcs_current_through: u32,
    /// The same for CPT numbers.
    pub cpt_current_through: u32,
    /// Last date of service answered (the calendar year of the newest quarter).
    pub valid_to: u32,
    #[serde(borrow)]
    pub codes: FixedKeys<'a>,
    /// First day of service of each row (yyyymmdd).
    #[serde(borrow)]
    pub from: U32Col<'a>,
    /// Last day of service of each row (yyyymmdd), 0 while still valid in the newest data.
    #[serde(borrow)]
    pub to: U32Col<'a>,
    /// [`FROM_IOCE`] or [`FROM_CODE_LIST`] per row.
    #[serde(borrow)]
    pub source: &'a [u8],
}

/// What the quarterly data says about a code on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuarterStatus {
    /// Valid; since `from` (or earlier when `from` is the history start), known from `source`.
    Valid { from: Date, source: u8 },
    /// Not valid yet: first valid on `from`.
    NotYet { from: Date },
    /// No longer valid: its last valid date of service before the date was `last`.
    Ended { last: Date },
}

/// A checked view of the section.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Quarters<'a> {
    pub s: QuartersSection<'a>,
}

impl<'a> Quarters<'a> {
    /// Decodes and shape-checks the section; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<Quarters<'a>>, BlobError> {
        let Some(s): Option<QuartersSection<'a>> = blob.decode(SECTION, VERSION)? else { return Ok(None) };
        let n = s.codes.len();
        let ok = s.codes.well_formed()
            && s.codes.width == 5
            && s.from.well_formed()
            && s.to.well_formed()
            && s.from.len() == n
            && s.to.len() == n
            && s.source.len() == n;
        if !ok {
            return Err(BlobError::Corrupt { what: "code_quarters section: column shapes".into() });
        }
        Ok(Some(Quarters { s }))
    }

    pub fn history_start(&self) -> Option<Date> {
        Date::from_yyyymmdd(self.s.history_start)
    }

    /// True when the code has any row.
    pub fn knows(&self, code: &str) -> bool {
        code.len() == 5 && !self.s.codes.prefix_range(code.as_bytes()).is_empty()
    }

    /// The code's status on `dos`; `None` when the code has no row, or the date lies before
    /// the history and the code was already valid at its start (the data cannot say).
    pub fn status(&self, code: &str, dos: Date) -> Option<QuarterStatus> {
        if code.len() != 5 {
            return None;
        }
        let rows: Vec<(Date, Option<Date>, u8)> = self
            .s
            .codes
            .prefix_range(code.as_bytes())
            .filter_map(|i| {
                let from = Date::from_yyyymmdd(self.s.from.get(i)?)?;
                let to = Date::from_yyyymmdd(self.s.to.get(i)?);
                Some((from, to, *self.s.source.get(i)?))
            })
            .collect();
        let first = rows.first()?;
        if let Some(&(from, _, source)) = rows.iter().find(|(f, t, _)| *f <= dos && t.is_none_or(|t| dos <= t)) {
            return Some(QuarterStatus::Valid { from, source });
        }
        if dos < first.0 {
            return (Some(first.0) != self.history_start()).then_some(QuarterStatus::NotYet { from: first.0 });
        }
        let last = rows.iter().filter_map(|(_, t, _)| *t).filter(|t| *t < dos).max()?;
        Some(QuarterStatus::Ended { last })
    }
}
