//! I/OCE edit 119: the claim's receipt date. The I/OCE reads revenue codes in the quarter of the
//! date the claim was received, and stops on a receipt date that is not a date, falls before the
//! statement from-date, or lies outside every I/OCE release.
use super::Run;
use crate::claim::check::Ctx;
use crate::date::Date;
use crate::rules::RuleId;

/// The receipt date, when given and a date.
pub(super) fn given(ctx: &Ctx<'_, '_>) -> Option<Date> {
    ctx.claim.facility.receipt_date.as_deref().and_then(Date::parse)
}

/// Edit 119 (every bill type): an invalid receipt date returns the claim; the I/OCE stops, so
/// true when it fires. It runs only on a claim with a valid from-date (`from`), as the I/OCE
/// checks the from-date first.
pub(super) fn invalid(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>, from: Date) -> bool {
    let Some(raw) = ctx.claim.facility.receipt_date.as_deref().map(str::trim).filter(|s| !s.is_empty()) else { return false };
    let (first, last) = match (run.io.s.releases.iter().map(|r| r.from).min(), run.io.s.releases.iter().map(|r| r.to).max()) {
        (Some(f), Some(l)) => (f, l),
        _ => return false,
    };
    let msg = match Date::parse(raw) {
        None => format!("receipt date `{raw}` is not a date (use YYYY-MM-DD)"),
        Some(d) if d < from => format!("receipt date {d} is before the statement from-date {from}: a claim cannot be received before its services"),
        Some(d) if d.yyyymmdd() < first || d.yyyymmdd() > last => {
            let show = |n: u32| Date::from_yyyymmdd(n).map_or_else(|| n.to_string(), |d| d.to_string());
            format!("receipt date {d} is outside the I/OCE releases ({} to {}): check the date", show(first), show(last))
        }
        Some(_) => return false,
    };
    run.push(RuleId::IoceReceiptDate, "/receiptDate", msg);
    true
}
