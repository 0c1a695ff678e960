//! Readers for `checkPair` / `checkPairs`: the pair options and the lines of a pair check.
use super::line::stale_edits;
use super::{object, string, strings, Bad};
use crate::claim::Json;
use crate::currency::StaleEdits;

/// `{ on: 'YYYY-MM-DD', claimType?: 'professional'|'outpatient', modsA?: [..], modsB?: [..],
/// staleEdits?: 'apply'|'skip' }`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PairOptions {
    pub on: Option<String>,
    pub claim_type: Option<String>,
    pub mods_a: Vec<String>,
    pub mods_b: Vec<String>,
    pub stale_edits: StaleEdits,
}

/// The pair options.
pub fn pair_options(v: &Json<'_>) -> Result<PairOptions, Bad> {
    let o = object(v)?;
    Ok(PairOptions {
        on: o.opt("on", string)?,
        claim_type: o.opt("claimType", string)?,
        mods_a: o.or_default("modsA", strings)?,
        mods_b: o.or_default("modsB", strings)?,
        stale_edits: o.or_default("staleEdits", stale_edits)?,
    })
}

/// One line for `checkPairs`: `{ code, modifiers?: [..], on }`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PairLine {
    pub code: String,
    pub modifiers: Vec<String>,
    pub on: String,
}

/// A pair line.
pub fn pair_line(v: &Json<'_>) -> Result<PairLine, Bad> {
    let o = object(v)?;
    Ok(PairLine { code: o.required("code", string)?, modifiers: o.or_default("modifiers", strings)?, on: o.required("on", string)? })
}
