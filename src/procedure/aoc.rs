//! The `aoc` blob section: NCCI add-on code edits (add-on code → eligible primary codes).
use crate::blob::columns::{FixedKeys, U32Col};
use crate::blob::{Blob, BlobError};
use crate::date::Date;
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "aoc";
pub const VERSION: u16 = 1;
/// The primary "code" CMS uses for "contractor-defined primary codes".
pub const CONTRACTOR_DEFINED: &str = "CCCCC";

/// The stored layout: rows sorted by add-on code then primary code.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct AocSection<'a> {
    #[serde(borrow)]
    pub label: &'a str,
    pub window: (u32, u32),
    /// Add-on code per row (sorted, repeated per primary), width 5.
    #[serde(borrow)]
    pub addon: FixedKeys<'a>,
    /// Primary code per row (unsorted), width 5; `CCCCC` = contractor-defined.
    #[serde(borrow)]
    pub primary: FixedKeys<'a>,
    /// Edit type 1, 2 or 3.
    #[serde(borrow)]
    pub kind: &'a [u8],
    /// Edit effective date (yyyymmdd).
    #[serde(borrow)]
    pub effective: U32Col<'a>,
    /// Edit deletion date (yyyymmdd, 0 when none).
    #[serde(borrow)]
    pub deleted: U32Col<'a>,
    /// Add-on code deletion date (yyyymmdd, 0 when none).
    #[serde(borrow)]
    pub addon_deleted: U32Col<'a>,
    /// Primary code deletion date (yyyymmdd, 0 when none).
    #[serde(borrow)]
    pub primary_deleted: U32Col<'a>,
    /// Index into `notes` (special instruction notes).
    #[serde(borrow)]
    pub note: &'a [u8],
    #[serde(borrow)]
    pub notes: Vec<&'a str>,
}

/// One add-on edit row, as the file says it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AocEdit {
    pub addon: String,
    pub primary: String,
    pub kind: u8,
    pub effective: Option<Date>,
    pub deleted: Option<Date>,
    pub addon_deleted: Option<Date>,
    pub primary_deleted: Option<Date>,
    pub note: String,
}

impl AocEdit {
    /// True when the edit applies on the date (deletion dates are the last day in force).
    pub fn in_force(&self, dos: Date) -> bool {
        self.effective.is_none_or(|e| e <= dos)
            && self.deleted.is_none_or(|d| dos <= d)
            && self.addon_deleted.is_none_or(|d| dos <= d)
    }
    /// True when the primary code itself is still current on the date.
    pub fn primary_current(&self, dos: Date) -> bool {
        self.primary_deleted.is_none_or(|d| dos <= d)
    }
    pub fn contractor_defined(&self) -> bool {
        self.primary == CONTRACTOR_DEFINED
    }
}

/// A checked view of the section.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Aoc<'a> {
    pub s: AocSection<'a>,
}

fn day(n: u32) -> Option<Date> {
    Date::from_yyyymmdd(n)
}

impl<'a> Aoc<'a> {
    /// Decodes and shape-checks the section; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<Aoc<'a>>, BlobError> {
        let Some(s): Option<AocSection<'a>> = blob.decode(SECTION, VERSION)? else { return Ok(None) };
        let n = s.addon.len();
        let ns = s.notes.len();
        let ok = s.addon.well_formed()
            && s.addon.width == 5
            && s.primary.well_formed()
            && s.primary.width == 5
            && s.primary.len() == n
            && s.kind.len() == n
            && [&s.effective, &s.deleted, &s.addon_deleted, &s.primary_deleted].iter().all(|c| c.well_formed() && c.len() == n)
            && s.note.len() == n
            && s.note.iter().all(|&x| usize::from(x) < ns);
        if !ok {
            return Err(BlobError::Corrupt { what: "aoc section: column shapes".into() });
        }
        Ok(Some(Aoc { s }))
    }
    pub fn rows(&self) -> usize {
        self.s.addon.len()
    }
    /// Row `r` in full.
    pub fn edit(&self, r: usize) -> Option<AocEdit> {
        let s = &self.s;
        Some(AocEdit {
            addon: s.addon.key_str(r)?.to_owned(),
            primary: s.primary.key_str(r)?.to_owned(),
            kind: *s.kind.get(r)?,
            effective: day(s.effective.get(r)?),
            deleted: day(s.deleted.get(r)?),
            addon_deleted: day(s.addon_deleted.get(r)?),
            primary_deleted: day(s.primary_deleted.get(r)?),
            note: s.notes.get(usize::from(*s.note.get(r)?))?.to_string(),
        })
    }
    /// Every edit row of an add-on code.
    pub fn edits_of(&self, addon: &str) -> Vec<AocEdit> {
        if addon.len() != 5 {
            return Vec::new();
        }
        self.s.addon.prefix_range(addon.as_bytes()).filter_map(|r| self.edit(r)).collect()
    }
    /// True when the code appears as an add-on code at all.
    pub fn is_addon(&self, code: &str) -> bool {
        code.len() == 5 && !self.s.addon.prefix_range(code.as_bytes()).is_empty()
    }
    pub fn vintage_name(&self) -> String {
        format!("NCCI add-on code edits {}", self.s.label)
    }
    pub fn window(&self) -> Option<(Date, Date)> {
        Some((day(self.s.window.0)?, day(self.s.window.1)?))
    }
    /// The table's window, for the data-currency policy.
    pub fn edit_window(&self) -> Option<crate::currency::EditWindow> {
        let (from, to) = self.window()?;
        Some(crate::currency::EditWindow { table: format!("{} table", self.vintage_name()), from, to })
    }
}
