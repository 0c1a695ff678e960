//! NCCI procedure-to-procedure (PTP) edits: which two procedure codes may not be billed
//! together for one patient, by one provider, on one date of service.
//!
//! Both CMS tables (practitioner `ccipra`, outpatient hospital `ccioph`) are stored with every
//! history row; see [`section`] for the layout and [`check`] for the semantics.
pub mod check;
pub mod edit;
pub mod modifiers;
pub mod rationale;
pub mod section;
pub mod table;
pub mod varint;

pub use check::{check_claim_pairs, check_claim_pairs_with, check_pair, check_pair_with, check_service_line_pairs, PairInput};
pub use edit::{Edit, ModifierIndicator};
pub use section::{PtpSection, TableSection};

use crate::blob::{Blob, BlobError};
use crate::claim::ClaimType;
use crate::date::Date;

/// Whether NCCI PTP edits apply to a claim type: practitioner and outpatient hospital
/// claims only.
pub fn applies_to(claim_type: ClaimType) -> bool {
    matches!(claim_type, ClaimType::Professional | ClaimType::Outpatient)
}

/// The name of the table a claim type's pairs are looked up in (messages, manifest counts):
/// practitioner for professional claims, outpatient for outpatient hospital claims.
pub fn table_name(claim_type: ClaimType) -> &'static str {
    match claim_type {
        ClaimType::Outpatient | ClaimType::Inpatient => "outpatient",
        ClaimType::Professional | ClaimType::Dme => "practitioner",
    }
}

/// Read-in-place view of the `ptp` section. Opening only shape-checks columns.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Ptp<'a> {
    pub s: PtpSection<'a>,
}

impl<'a> Ptp<'a> {
    /// Opens the sections; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<Ptp<'a>>, BlobError> {
        let Some(s): Option<PtpSection<'a>> = blob.decode(section::SECTION, section::VERSION)? else { return Ok(None) };
        let bad = |what: &str| Err(BlobError::Corrupt { what: format!("ptp section: {what}") });
        let codes = s.codes.len();
        if !s.codes.well_formed() || s.codes.width != section::WIDTH || codes > usize::from(u16::MAX) {
            return bad("code table");
        }
        let attrs = s.attr_meta.len();
        if !s.dates.well_formed() || s.dates.is_empty() || s.attr_effective.len() != attrs || s.attr_deletion.len() != attrs {
            return bad("attribute tables");
        }
        if s.rationales.len() > 16 {
            return bad("rationales");
        }
        for t in [&s.practitioner, &s.outpatient].into_iter().flatten() {
            if !t.well_formed(codes) {
                return bad("edit table");
            }
        }
        Ok(Some(Ptp { s }))
    }

    /// The table for a claim type, when compiled in; none for the claim types NCCI PTP edits
    /// do not apply to (inpatient, DME supplier).
    pub fn table(&self, claim_type: ClaimType) -> Option<&TableSection<'a>> {
        match claim_type {
            ClaimType::Professional => self.s.practitioner.as_ref(),
            ClaimType::Outpatient => self.s.outpatient.as_ref(),
            ClaimType::Inpatient | ClaimType::Dme => None,
        }
    }

    /// The dates of service a table's newest release answers for: its quarter, from the
    /// release date to the day before the next quarterly release.
    pub fn edit_window(&self, claim_type: ClaimType) -> Option<crate::currency::EditWindow> {
        let t = self.table(claim_type)?;
        let from = Date::from_yyyymmdd(t.release)?;
        let (y, m) = (from.year(), from.month());
        // First month of the next quarter (months 1-12, so none of this can overflow).
        let next_quarter = (m.saturating_sub(1) / 3).saturating_mul(3).saturating_add(4);
        let next = if next_quarter > 12 { Date::from_ymd(y.checked_add(1)?, 1, 1)? } else { Date::from_ymd(y, next_quarter, 1)? };
        Some(crate::currency::EditWindow { table: format!("{} {} table", t.vintage, table_name(claim_type)), from, to: next.pred()? })
    }

    /// Id of a code (exact, upper case), when any table uses it.
    #[inline]
    pub fn code_id(&self, code: &str) -> Option<u16> {
        u16::try_from(self.s.codes.find(code.as_bytes())?).ok()
    }

    /// The code text of an id.
    pub fn code(&self, id: u16) -> &'a str {
        self.s.codes.key_str(usize::from(id)).unwrap_or("")
    }

    fn date(&self, index: u16) -> Option<Date> {
        match self.s.dates.get(usize::from(index))? {
            0 => None,
            n => Date::from_yyyymmdd(n),
        }
    }

    /// Decodes an attribute tuple into an edit.
    pub fn edit(&self, column_one: u16, column_two: u16, attr: u32) -> Option<Edit<'a>> {
        let a = usize::try_from(attr).ok()?;
        let meta = *self.s.attr_meta.get(a)?;
        Some(Edit {
            column_one: self.code(column_one),
            column_two: self.code(column_two),
            effective: self.date(self.s.attr_effective.get(a)?),
            deletion: self.date(self.s.attr_deletion.get(a)?),
            modifier_indicator: ModifierIndicator::from_bits(meta & 3)?,
            rationale: self.s.rationales.get(usize::from(meta >> 2)).copied().unwrap_or(""),
        })
    }

    /// Every row (history included) with `column_one` in column 1 and `column_two` in column 2.
    pub fn edits(&self, claim_type: ClaimType, column_one: &str, column_two: &str) -> Vec<Edit<'a>> {
        let (Some(t), Some(c1), Some(c2)) = (self.table(claim_type), self.code_id(column_one), self.code_id(column_two)) else {
            return Vec::new();
        };
        self.edits_by_id(t, c1, c2).collect()
    }

    /// Same, by code ids.
    #[inline]
    pub fn edits_by_id<'t>(&'t self, t: &TableSection<'a>, c1: u16, c2: u16) -> impl Iterator<Item = Edit<'a>> + 't {
        t.pair_rows(c1, c2).filter_map(move |r| self.edit(c1, c2, r.attr))
    }

    /// The edit governing the pair on `dos`, if any: among rows in force, ignoring indicator 9
    /// rows (never enforced), the one whose deletion date comes first. With unknown effective
    /// dates this picks the history row covering the date (a re-added edit starts after the
    /// earlier row's deletion).
    pub fn edit_in_force(&self, t: &TableSection<'a>, c1: u16, c2: u16, dos: Date) -> Option<Edit<'a>> {
        self.edits_by_id(t, c1, c2)
            .filter(|e| e.modifier_indicator != ModifierIndicator::NotApplicable && e.in_force(dos))
            .min_by_key(|e| e.deletion.unwrap_or(Date::MAX))
    }

    /// [`Ptp::edit_in_force`] of `c1` with each of `c2s` (ascending, no repeats), in one walk
    /// over `c1`'s rows: the edits, by index in `c2s`.
    pub fn edits_in_force(&self, t: &TableSection<'a>, c1: u16, c2s: &[u16], dos: Date) -> Vec<Option<Edit<'a>>> {
        let mut out: Vec<Option<Edit<'a>>> = vec![None; c2s.len()];
        t.rows_with_each(c1, c2s, |i, r| {
            let (Some(slot), Some(c2)) = (out.get_mut(i), c2s.get(i)) else { return };
            let Some(e) = self.edit(c1, *c2, r.attr) else { return };
            if e.modifier_indicator == ModifierIndicator::NotApplicable || !e.in_force(dos) {
                return;
            }
            // The first of the rows whose deletion date comes first (as `min_by_key`).
            if slot.as_ref().is_none_or(|s| e.deletion.unwrap_or(Date::MAX) < s.deletion.unwrap_or(Date::MAX)) {
                *slot = Some(e);
            }
        });
        out
    }
}
