//! Integration with the procedure and PTP areas: per-line code, modifier, MUE and add-on
//! checks (`procedure::check_lines`) and NCCI pairs among the lines (`ptp::check_claim_pairs`).
//!
//! Both run only when their blob sections are present; their findings are relocated from
//! the index of the lines passed to the claim's own `/lines/N`.
use super::check::Ctx;
use super::model::ClaimType;
use crate::date::Date;
use crate::finding::Finding;
use crate::procedure::{self, LineInput};

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let max = ctx.claim.claim_type.max_lines();
    // (claim line index, line) for lines with a procedure code.
    let coded: Vec<(usize, &super::model::Line)> =
        ctx.claim.lines.iter().take(max).enumerate().filter(|(_, l)| !l.code.trim().is_empty()).collect();
    if coded.is_empty() {
        return;
    }
    if ctx.engine.procedures.is_some() {
        let claim_type = match ctx.claim.claim_type {
            ClaimType::Professional => procedure::ClaimType::Professional,
            ClaimType::Outpatient | ClaimType::Inpatient => procedure::ClaimType::Outpatient,
            ClaimType::Dme => procedure::ClaimType::Dme,
        };
        let inputs: Vec<LineInput> = coded
            .iter()
            .map(|(_, l)| LineInput {
                code: l.code.clone(),
                modifiers: l.modifiers.clone(),
                units: whole_units(l.units),
                date_of_service: Date::parse(&l.date_from).or(ctx.dos),
                claim_type,
            })
            .collect();
        let found = procedure::check_lines_with(ctx.engine, &inputs, ctx.stale_edits);
        ctx.out.extend(found.into_iter().map(|f| relocate(f, &coded)));
    }
    let ptp_type = match ctx.claim.claim_type {
        ClaimType::Professional => Some(crate::ptp::ClaimType::Professional),
        ClaimType::Outpatient => Some(crate::ptp::ClaimType::Outpatient),
        // NCCI PTP edits apply to practitioner and outpatient hospital claims only.
        ClaimType::Inpatient | ClaimType::Dme => None,
    };
    if let (Some(ct), Some(_)) = (ptp_type, ctx.engine.ptp.as_ref()) {
        let dated: Vec<(usize, &super::model::Line, Date)> =
            coded.iter().filter_map(|(k, l)| Some((*k, *l, Date::parse(&l.date_from)?))).collect();
        let mods: Vec<Vec<&str>> = dated.iter().map(|(_, l, _)| l.modifiers.iter().map(|m| m.trim()).collect()).collect();
        let lines: Vec<(&str, &[&str], Date)> =
            dated.iter().zip(&mods).map(|((_, l, d), m)| (l.code.trim(), m.as_slice(), *d)).collect();
        let index: Vec<(usize, &super::model::Line)> = dated.iter().map(|(k, l, _)| (*k, *l)).collect();
        let found = crate::ptp::check_claim_pairs_with(ctx.engine, &lines, ct, ctx.stale_edits);
        ctx.out.extend(found.into_iter().map(|f| relocate(f, &index)));
    }
}

/// Units as the MUE tables count them: whole units, at least one.
fn whole_units(u: Option<f64>) -> u32 {
    match u {
        Some(x) if x.is_finite() && x >= 1.0 => {
            let r = x.round();
            if r >= f64::from(u32::MAX) {
                u32::MAX
            } else {
                r as u32
            }
        }
        _ => 1,
    }
}

/// `/lines/i/...` (index into the lines passed) → `/lines/k/...` (index on the claim).
fn relocate(mut f: Finding, index: &[(usize, &super::model::Line)]) -> Finding {
    if let Some(loc) = f.location.as_deref() {
        if let Some(rest) = loc.strip_prefix("/lines/") {
            let (num, tail) = rest.split_once('/').map_or((rest, ""), |(n, t)| (n, t));
            if let Some(&(k, _)) = num.parse::<usize>().ok().and_then(|i| index.get(i)) {
                let tail = if tail.is_empty() { String::new() } else { format!("/{tail}") };
                f.location = Some(format!("/lines/{k}{tail}"));
            }
        }
    } else {
        f.location = Some(String::new());
    }
    f
}
