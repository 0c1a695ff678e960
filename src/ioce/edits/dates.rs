//! I/OCE edits on dates: invalid statement and service dates (23); a code's approval and
//! termination dates inside a quarter: before the FDA approval (67), the NCD approval (68) or
//! the ACIP approval (136), outside the approval period (69, 134), before the initial
//! marketing date (110); and after the end of the public health emergency (123 modifier CS,
//! 124 codes).
use super::{FLine, Run};
use crate::claim::check::Ctx;
use crate::date::Date;
use crate::location::LineField;
use crate::rules::RuleId;

/// The I/OCE's end of the COVID-19 public health emergency, unless value code Z9 gives one.
const PHE_END: u32 = 20230511;

/// True when the date edits run on the claim's path: every processed type of bill but 43x.
fn on_path(run: &Run<'_, '_>) -> bool {
    run.path.routed() && !run.bill_type_is(&["43"])
}

/// Edits 67, 68, 69, 110, 134 and 136: the line's service date falls before the code's approval date
/// or after its termination date, for the codes the I/OCE tables mark with that edit.
pub(super) fn approval_dates(run: &mut Run<'_, '_>) {
    if !on_path(run) {
        return;
    }
    let v = run.version();
    let mut hits = Vec::new();
    for (i, l) in run.lines.iter().enumerate() {
        let (Some(date), false) = (l.date, l.inpatient || l.row.is_none()) else { continue };
        let Some(a) = run.io.approval(&l.code, v) else { continue };
        let before = a.approved.is_some_and(|d| date < d);
        let after = a.terminated.is_some_and(|d| date > d);
        let hit = match a.edit {
            67 if before => Some((RuleId::IoceFdaDate, format!("{} was provided before its FDA approval on {}: check the date of service or the code", l.code, show(a.approved)))),
            110 if before => Some((RuleId::IoceMarketingDate, format!("{} was provided before its initial marketing date {}: check the date of service or the code", l.code, show(a.approved)))),
            69 if before || after => Some((RuleId::IoceApprovalPeriod, outside(l, a.approved, a.terminated))),
            134 if v > 90 && (before || after) => Some((RuleId::IoceApprovalPeriod2, outside(l, a.approved, a.terminated))),
            // ioce-fqhc: edits 68 (NCD or demonstration approval) and 136 (ACIP approval), live on 2024 claims.
            68 if before => Some((RuleId::IoceNcdDate, format!("{} was provided on {date}, before the national coverage determination (or demonstration) approved it on {}: check the date of service or the code", l.code, show(a.approved)))),
            136 if before => Some((RuleId::IoceAcipDate, format!("{} was provided on {date}, before ACIP approved the vaccine on {}: check the date of service or the code", l.code, show(a.approved)))),
            _ => None,
        };
        if let Some(h) = hit {
            hits.push((i, h));
        }
    }
    for (i, (id, msg)) in hits {
        run.push_line(id, i, LineField::Code, msg);
    }
}

/// Edits 123 and 124 (from I/OCE 23.2): modifier CS, and codes CMS terminated with the public
/// health emergency, on services after its end (value code Z9, else 2023-05-11).
pub(super) fn public_health_emergency(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    if !on_path(run) || run.version() <= 87 {
        return;
    }
    let end = phe_end(ctx);
    let v = run.version();
    let mut hits = Vec::new();
    for (i, l) in run.lines.iter().enumerate() {
        let Some(date) = l.date.filter(|d| *d > end && !l.inpatient) else { continue };
        if let Some(m) = l.modifiers.iter().position(|m| m == "CS") {
            let msg = format!("modifier CS (cost-sharing waived for COVID-19 testing) ended with the public health emergency on {end}: remove it from {}", l.code);
            hits.push((i, RuleId::IocePheModifier, LineField::Modifier(m), msg));
        }
        if !l.code.is_empty() && run.io.approval(&l.code, v).is_some_and(|a| a.phe_termination) {
            let msg = format!("{} ended with the public health emergency on {end} and cannot be billed for {date}", l.code);
            hits.push((i, RuleId::IocePheCode, LineField::Code, msg));
        }
    }
    for (i, id, field, msg) in hits {
        run.push_line(id, i, field, msg);
    }
}

/// The end of the public health emergency: value code Z9's date (as `yyyymmdd` in its amount),
/// the statement from-date when Z9 carries none, else 2023-05-11.
fn phe_end(ctx: &Ctx<'_, '_>) -> Date {
    let fallback = Date::from_yyyymmdd(PHE_END).unwrap_or(Date::MIN);
    let fac = &ctx.claim.facility;
    let Some(z9) = fac.value_codes.iter().find(|v| v.code.trim().eq_ignore_ascii_case("Z9")) else { return fallback };
    let given = z9.amount.filter(|a| a.fract() == 0.0 && *a > 0.0 && *a < 1e8).and_then(|a| Date::from_yyyymmdd(a as u32));
    given.or_else(|| fac.statement_from.as_deref().and_then(Date::parse)).unwrap_or(fallback)
}

fn show(d: Option<Date>) -> String {
    d.map_or_else(String::new, |d| d.to_string())
}

fn outside(l: &FLine<'_>, approved: Option<Date>, terminated: Option<Date>) -> String {
    let period = match (approved, terminated) {
        (Some(a), Some(t)) => format!("{a} to {t}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => String::new(),
    };
    format!("{} was provided outside the period CMS approved it for ({period}): check the date of service or the code", l.code)
}

/// Edit 23, claim part (before the bill type, 118): a statement from- or through-date given but
/// not a date, or the through-date before the from-date. The I/OCE stops: true when it fires.
pub(super) fn statement_dates(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) -> bool {
    let fac = &ctx.claim.facility;
    let given = |d: &Option<String>| d.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(|s| (s.to_owned(), Date::parse(s)));
    let (from, through) = (given(&fac.statement_from), given(&fac.statement_through));
    let problem = match (&from, &through) {
        (Some((raw, None)), _) => Some(("/statementFrom", format!("statement from-date `{raw}` is not a date (UB-04 FL 6; use YYYY-MM-DD)"))),
        (_, Some((raw, None))) => Some(("/statementThrough", format!("statement through-date `{raw}` is not a date (UB-04 FL 6; use YYYY-MM-DD)"))),
        (Some((_, Some(f))), Some((_, Some(t)))) if t < f => Some(("/statementThrough", format!("statement through-date {t} is before the from-date {f}"))),
        _ => None,
    };
    let Some((at, msg)) = problem else { return false };
    run.push(RuleId::IoceDate, at, msg);
    true
}

/// Edit 23, line part (after the bill type): a service date missing, not a date, or outside the
/// statement period (bill type 32G, and HIPPS lines (revenue code 0023) on 32x, excepted). The
/// I/OCE stops: true when it fires.
pub(super) fn service_dates(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) -> bool {
    if run.bill_type.as_deref() == Some("32G") {
        return false;
    }
    let fac = &ctx.claim.facility;
    let from = fac.statement_from.as_deref().and_then(Date::parse);
    let through = fac.statement_through.as_deref().and_then(Date::parse);
    let max = ctx.claim.claim_type.max_lines();
    let mut hits = Vec::new();
    for (k, l) in ctx.claim.lines.iter().take(max).enumerate() {
        let hipps = run.path.bill == "32" && run.lines.get(k).and_then(|f| f.revenue.as_deref()) == Some("0023");
        let raw = l.date_from.trim();
        let msg = match Date::parse(raw) {
            _ if hipps => continue,
            None if raw.is_empty() => "the line has no service date".to_owned(),
            None => format!("service date `{raw}` is not a date (use YYYY-MM-DD)"),
            Some(d) if from.is_some_and(|f| d < f) || through.is_some_and(|t| d > t) => {
                let period = match (from, through) {
                    (Some(f), Some(t)) => format!("{f} to {t}"),
                    (Some(f), None) => format!("from {f}"),
                    (None, Some(t)) => format!("to {t}"),
                    (None, None) => String::new(),
                };
                format!("service date {d} is outside the statement period ({period}): correct the date or the statement dates")
            }
            Some(_) => continue,
        };
        hits.push((k, msg));
    }
    let fired = !hits.is_empty();
    for (k, msg) in hits {
        run.push_line(RuleId::IoceDate, k, LineField::DateFrom, msg);
    }
    fired
}
