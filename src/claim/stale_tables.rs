//! Silence from a stale edit table is not a clean result: an edit table (NCCI PTP, MUE, add-on
//! codes, POA exempt list, I/OCE) a claim was checked against past its window, that found
//! nothing on it, says so in one `DATA-STALE-TABLE` note for the claim. A table that found
//! something already says it with the `DATA-STALE` warning after each finding; a table the
//! policy skipped says it with `EDIT-DATE`. Code sets need no note: past their editions they
//! answer `no_data_for_date` (DX-DATE, PX-DATE, LINE-DATE).
//!
//! One pass over the line dates and one window test per table, after every other rule.
use super::check::Ctx;
use super::model::ClaimType;
use crate::currency::{EditWindow, StaleEdits};
use crate::date::Date;
use crate::finding::Finding;
use crate::location::Location;
use crate::rules::RuleId;

const EDITS_UNKNOWN: &str = "edits added since are not checked";

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.stale_edits != StaleEdits::Apply {
        return;
    }
    drop_orphans(&mut ctx.out);
    let notes = notes(ctx);
    ctx.out.extend(notes);
}

/// Drops each `DATA-STALE` warning whose finding a later rule removed (the I/OCE's NCCI and
/// add-on edits replace the professional ones on an outpatient claim; a payer pack can turn a
/// rule off): the warning follows a finding of its table, at the same place with the same
/// vintage, and says nothing without it.
pub(crate) fn drop_orphans(out: &mut Vec<Finding>) {
    let stale = RuleId::DataStale.as_str();
    if !out.iter().any(|f| f.rule == stale) {
        return;
    }
    // Compared in place (no copies of places and vintages): a claim has few warnings.
    let keep: Vec<bool> = out
        .iter()
        .map(|f| f.rule != stale || out.iter().any(|s| s.rule != stale && s.location == f.location && s.vintage == f.vintage))
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
}

/// The notes of the claim, given the findings made so far.
struct Notes<'f> {
    found: &'f [Finding],
    out: Vec<Finding>,
}

impl Notes<'_> {
    /// A note for a table asked about `dates` (the latest counts): `nothing` says what it did
    /// not find, `unknown` what is therefore not known. None when no date is past the window
    /// or the table's findings already carry their `DATA-STALE` warnings.
    fn add(&mut self, window: Option<EditWindow>, nothing: &str, unknown: &str, dates: &[Date], vintage: Option<String>) {
        let Some(w) = window else { return };
        // Every finding of a table past its window is followed by a DATA-STALE warning that
        // carries the finding's vintage, the table's.
        let marked = || self.found.iter().any(|f| f.rule == RuleId::DataStale.as_str() && f.vintage == vintage);
        if !dates.iter().any(|d| w.days_past(*d).is_some()) || marked() {
            return;
        }
        if let Some(f) = w.silent_note(nothing, unknown, dates, vintage) {
            self.out.push(f.at(Location::Claim));
        }
    }
}

/// One note per edit table the claim's rules consulted past its window that found nothing.
fn notes(ctx: &Ctx<'_, '_>) -> Vec<Finding> {
    let engine = ctx.engine;
    let claim_type = ctx.claim.claim_type;
    let mut n = Notes { found: &ctx.out, out: Vec::new() };
    // Each coded line's own date of service, read once.
    let own: Vec<Option<Date>> = ctx
        .claim
        .lines
        .iter()
        .zip(&ctx.line_dates)
        .take(claim_type.max_lines())
        .filter(|(l, _)| !l.code.trim().is_empty())
        .map(|(_, d)| *d)
        .collect();
    // MUE and add-on facts are read on the line's own date, else the claim's.
    let line_dates: Vec<Date> = own.iter().filter_map(|d| d.or(ctx.dos)).collect();
    let latest = line_dates.iter().copied().max();
    // Names and windows are written out only for a table some line date is past.
    let past = |span: Option<(Date, Date)>| matches!((span, latest), (Some((_, to)), Some(d)) if d > to);
    // On an outpatient claim the I/OCE's add-on and NCCI edits replace the professional ones.
    let superseded = claim_type == ClaimType::Outpatient && cfg!(feature = "outpatient") && engine.ioce.is_some();
    if let Some(p) = engine.procedures.as_ref() {
        if let Some(m) = p.mue.as_ref().filter(|m| past(m.window())) {
            let w = m.edit_window(crate::procedure::mue::table_of(claim_type));
            n.add(w, "No units on the claim's lines exceed an MUE", EDITS_UNKNOWN, &line_dates, Some(m.vintage_name()));
        }
        if let Some(a) = p.aoc.as_ref().filter(|a| !superseded && past(a.window())) {
            n.add(a.edit_window(), "No add-on code edit applies to the claim's lines", EDITS_UNKNOWN, &line_dates, Some(a.vintage_name()));
        }
    }
    // On an outpatient claim the I/OCE's NCCI edits (its release's note) replace these.
    let paired = if crate::ptp::applies_to(claim_type) && !superseded { paired_dates(own) } else { Vec::new() };
    if let Some(p) = engine.ptp.as_ref().filter(|_| !paired.is_empty()) {
        let vintage = p.table(claim_type).map(|t| t.vintage.to_owned());
        n.add(p.edit_window(claim_type), "No NCCI PTP edit applies to the claim's lines", EDITS_UNKNOWN, &paired, vintage);
    }
    if let (ClaimType::Inpatient, Some(dos), Some(data)) = (claim_type, ctx.dos, ctx.data) {
        if ctx.dx.iter().any(|d| !d.code.is_empty()) {
            let nothing = "The POA indicators of the claim's diagnoses raise no finding against the exemptions";
            let unknown = "codes added to or removed from the list since are not known";
            n.add(super::dx_rules::poa_window(ctx), nothing, unknown, &[dos], Some(data.s.poa_label.to_owned()));
        }
    }
    #[cfg(feature = "outpatient")]
    ioce(ctx, &mut n);
    n.out
}

/// Dates on which two dated lines were paired against the PTP table (claims carry few
/// distinct dates: each is counted in a short list).
fn paired_dates(own: Vec<Option<Date>>) -> Vec<Date> {
    let mut seen: Vec<(Date, bool)> = Vec::new();
    for d in own.into_iter().flatten() {
        match seen.iter_mut().find(|(x, _)| *x == d) {
            Some((_, twice)) => *twice = true,
            None => seen.push((d, false)),
        }
    }
    seen.into_iter().filter(|(_, twice)| *twice).map(|(d, _)| d).collect()
}

/// The I/OCE release of an outpatient claim, asked about its statement from-date.
#[cfg(feature = "outpatient")]
fn ioce(ctx: &Ctx<'_, '_>, n: &mut Notes<'_>) {
    let Some(io) = ctx.engine.ioce.as_ref().filter(|_| ctx.claim.claim_type == ClaimType::Outpatient) else { return };
    let Some(from) = ctx.claim.facility.statement_from.as_deref().and_then(Date::parse).or(ctx.dos) else { return };
    let Some(release) = io.release_on(from) else { return };
    let (a, b) = io.window_of(release);
    let vintage = Some(format!("I/OCE {} ({a} to {b})", release.id));
    n.add(io.edit_window(), "No I/OCE edit applies to this claim", EDITS_UNKNOWN, &[from], vintage);
}
