//! Readers for `checkLine` / `checkLines`: a claim line and the line options.
use super::{object, one_of, string, strings, whole_u32, Bad};
use crate::claim::{ClaimType, Json};
use crate::currency::StaleEdits;
use crate::date::Date;
use crate::procedure::LineInput;

/// `{ staleEdits: 'apply'|'skip' }` (optional): edit tables past their window.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LineOptions {
    pub stale_edits: StaleEdits,
}

/// The line options.
pub fn line_options(v: &Json<'_>) -> Result<LineOptions, Bad> {
    Ok(LineOptions { stale_edits: object(v)?.or_default("staleEdits", stale_edits)? })
}

/// `apply` or `skip`, as the API writes [`StaleEdits`].
pub fn stale_edits(v: &Json<'_>) -> Result<StaleEdits, Bad> {
    one_of(v, &[("apply", StaleEdits::Apply), ("skip", StaleEdits::Skip)])
}

/// One service line: `{code, modifiers?, units? (1), dateOfService?, claimType?}`.
pub fn line_input(v: &Json<'_>) -> Result<LineInput, Bad> {
    let o = object(v)?;
    Ok(LineInput {
        code: o.required("code", string)?,
        modifiers: o.or_default("modifiers", strings)?,
        units: o.get("units", whole_u32)?.unwrap_or(1),
        date_of_service: o.opt("dateOfService", date)?.flatten(),
        claim_type: o.or_default("claimType", claim_type)?,
    })
}

/// A date of service `YYYY-MM-DD`; blank is none.
fn date(v: &Json<'_>) -> Result<Option<Date>, Bad> {
    let s = string(v)?;
    match s.trim() {
        "" => Ok(None),
        t => Date::parse(t).map(Some).ok_or_else(|| Bad::new(format!("`{t}` is not a date (use YYYY-MM-DD)"))),
    }
}

/// The claim form, as the API writes [`ClaimType`].
fn claim_type(v: &Json<'_>) -> Result<ClaimType, Bad> {
    one_of(v, &[("professional", ClaimType::Professional), ("outpatient", ClaimType::Outpatient), ("inpatient", ClaimType::Inpatient), ("dme", ClaimType::Dme)])
}
