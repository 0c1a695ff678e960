//! The edit tables over the claim's service lines: per-line code, modifier, MUE and add-on
//! checks (`procedure::check_service_lines`) and NCCI pairs among the lines
//! (`ptp::check_service_line_pairs`).
//!
//! Each line with a code is normalised once into a [`ServiceLine`] that knows its index on
//! the claim, so every check locates its findings on the claim directly. Each check runs
//! only when its blob sections are present.
use super::check::Ctx;
use super::service_line::ServiceLine;
use crate::finding::Location;

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let claim_type = ctx.claim.claim_type;
    let lines: Vec<ServiceLine<'_>> = ctx
        .claim
        .lines
        .iter()
        .take(claim_type.max_lines())
        .enumerate()
        .filter(|(_, l)| !crate::normalize::trim(&l.code).is_empty())
        .map(|(k, l)| ServiceLine::of_claim(k, l, ctx.line_dates.get(k).copied().flatten(), ctx.dos))
        .collect();
    if lines.is_empty() {
        return;
    }
    if ctx.engine.procedures.is_some() {
        let found = crate::procedure::check_service_lines(ctx.engine, &lines, claim_type, ctx.stale_edits);
        ctx.out.extend(found);
    }
    if crate::ptp::applies_to(claim_type) && ctx.engine.ptp.is_some() {
        let found = crate::ptp::check_service_line_pairs(ctx.engine, &lines, claim_type, ctx.stale_edits);
        // Notes about the table as a whole (no data, skipped as stale) concern the claim.
        ctx.out.extend(found.into_iter().map(|f| if f.location.is_some() { f } else { f.at(Location::Claim) }));
    }
}
