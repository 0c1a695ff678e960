//! Silence from a stale edit table is not a clean result: an edit table (NCCI PTP, MUE, add-on
//! codes, POA exempt list, I/OCE) a claim was checked against past its window, that found
//! nothing on it, says so in one `DATA-STALE-TABLE` note for the claim. A table that found
//! something already says it with the `DATA-STALE` warning after each finding; a table the
//! policy skipped says it with `EDIT-DATE`. Code sets need no note: past their editions they
//! answer `no_data_for_date` (DX-DATE, PX-DATE, LINE-DATE).
//!
//! One pass over the line dates and one window test per table, after every other rule.
use super::check::Ctx;
use super::model::{ClaimType, Line};
use crate::currency::{EditWindow, StaleEdits};
use crate::date::Date;
use crate::finding::Finding;
use crate::location::Location;

/// A table the claim was checked against: its window, what silence from it means, the dates
/// it was asked about and its vintage.
struct Consulted {
    window: EditWindow,
    nothing: &'static str,
    unknown: &'static str,
    dates: Vec<Date>,
    vintage: Option<String>,
}

const EDITS_UNKNOWN: &str = "edits added since are not checked";

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.stale_edits != StaleEdits::Apply {
        return;
    }
    let notes: Vec<Finding> = consulted(ctx)
        .into_iter()
        .filter(|c| !c.window.marked_in(&ctx.out))
        .filter_map(|c| c.window.silent_note(c.nothing, c.unknown, &c.dates, c.vintage))
        .map(|f| f.at(Location::Claim))
        .collect();
    ctx.out.extend(notes);
}

/// The edit tables the claim's rules consulted, each with the dates it answered for.
fn consulted(ctx: &Ctx<'_, '_>) -> Vec<Consulted> {
    let engine = ctx.engine;
    let claim_type = ctx.claim.claim_type;
    let coded: Vec<&Line> = ctx.claim.lines.iter().take(claim_type.max_lines()).filter(|l| !l.code.trim().is_empty()).collect();
    let mut out = Vec::new();
    // Each coded line's MUE and add-on facts are read on its own date, else the claim's.
    let line_dates: Vec<Date> = coded.iter().filter_map(|l| Date::parse(&l.date_from).or(ctx.dos)).collect();
    if let Some(p) = engine.procedures.as_ref().filter(|_| !line_dates.is_empty()) {
        let mue = p.mue.as_ref().and_then(|m| Some((m.edit_window(crate::procedure::mue::table_of(claim_type))?, m.vintage_name())));
        if let Some((window, vintage)) = mue {
            let nothing = "No units on the claim's lines exceed an MUE";
            out.push(Consulted { window, nothing, unknown: EDITS_UNKNOWN, dates: line_dates.clone(), vintage: Some(vintage) });
        }
        // On an outpatient claim the I/OCE's add-on edits replace these.
        let superseded = claim_type == ClaimType::Outpatient && cfg!(feature = "outpatient") && engine.ioce.is_some();
        let aoc = p.aoc.as_ref().filter(|_| !superseded).and_then(|a| Some((a.edit_window()?, a.vintage_name())));
        if let Some((window, vintage)) = aoc {
            let nothing = "No add-on code edit applies to the claim's lines";
            out.push(Consulted { window, nothing, unknown: EDITS_UNKNOWN, dates: line_dates, vintage: Some(vintage) });
        }
    }
    if crate::ptp::applies_to(claim_type) {
        let ptp = engine.ptp.as_ref().and_then(|p| Some((p.edit_window(claim_type)?, p.table(claim_type)?.vintage.to_owned())));
        if let Some((window, vintage)) = ptp {
            let dates = paired_dates(&coded);
            let nothing = "No NCCI PTP edit applies to the claim's lines";
            out.push(Consulted { window, nothing, unknown: EDITS_UNKNOWN, dates, vintage: Some(vintage) });
        }
    }
    if claim_type == ClaimType::Inpatient && ctx.dx.iter().any(|d| !d.code.is_empty()) {
        let poa = super::dx_rules::poa_window(ctx).zip(ctx.data.map(|d| d.s.poa_label.to_owned()));
        if let (Some((window, vintage)), Some(dos)) = (poa, ctx.dos) {
            let nothing = "The POA indicators of the claim's diagnoses raise no finding against the exemptions";
            let unknown = "codes added to or removed from the list since are not known";
            out.push(Consulted { window, nothing, unknown, dates: vec![dos], vintage: Some(vintage) });
        }
    }
    if let Some(c) = ioce(ctx) {
        out.push(c);
    }
    out
}

/// Dates on which two dated lines were paired against the PTP table.
fn paired_dates(coded: &[&Line]) -> Vec<Date> {
    let mut own: Vec<Date> = coded.iter().filter_map(|l| Date::parse(&l.date_from)).collect();
    own.sort_unstable();
    own.windows(2).filter_map(|w| match w {
        [a, b] if a == b => Some(*a),
        _ => None,
    })
    .collect()
}

/// The I/OCE release of an outpatient claim, asked about its statement from-date.
fn ioce(ctx: &Ctx<'_, '_>) -> Option<Consulted> {
    if ctx.claim.claim_type != ClaimType::Outpatient || !cfg!(feature = "outpatient") {
        return None;
    }
    let io = ctx.engine.ioce.as_ref()?;
    let from = ctx.claim.facility.statement_from.as_deref().and_then(Date::parse).or(ctx.dos)?;
    let release = io.release_on(from)?;
    let window = io.edit_window()?;
    let (a, b) = io.window_of(release);
    let vintage = Some(format!("I/OCE {} ({a} to {b})", release.id));
    Some(Consulted { window, nothing: "No I/OCE edit applies to this claim", unknown: EDITS_UNKNOWN, dates: vec![from], vintage })
}
