//! I/OCE edits of rural health clinic (71x) and federally qualified health center (77x)
//! claims: services not covered there (91) and code + modifier pairs an RHC may not bill (104).
use super::{FLine, Run};
use crate::ioce::programs::program_flag as P;
use crate::location::LineField;
use crate::rules::RuleId;

/// Edit 104 (71x): a code the RHC may not bill with one of its modifiers (CG: the service is
/// outside the all-inclusive rate). A line rejection.
pub(super) fn rhc_modifier_conflict(run: &mut Run<'_, '_>) {
    if !run.path.routed() || run.path.bill != "71" {
        return;
    }
    let v = run.version();
    let mut hits = Vec::new();
    for (i, l) in run.lines.iter().enumerate() {
        if l.excluded() || run.program_flags(l) & P::RHC_MODIFIER_CONFLICT == 0 {
            continue;
        }
        if let Some(m) = l.modifiers.iter().find(|m| run.io.rhc_conflict(&l.code, m, v)) {
            hits.push((i, format!("{} with modifier {m} is not eligible for the RHC all-inclusive rate: remove the modifier or bill the service outside the RHC claim", l.code)));
        }
    }
    for (i, msg) in hits {
        run.push_line(RuleId::IoceRhcModifier, i, LineField::Modifiers, msg);
    }
}

/// Edit 91 (71x outside IOP from I/OCE 25.0, 77x but 770): a service not covered under the
/// FQHC PPS or for RHCs, by code or by revenue code (029x, 054x). IOP services of a day the
/// FQHC bills as an IOP composite are spared. A line rejection.
pub(super) fn fqhc_non_covered(run: &mut Run<'_, '_>) {
    let p = &run.path;
    let v = run.version();
    let rhc = p.bill == "71" && (v < 94 || !p.cc92);
    let fqhc = p.bill == "77" && run.bill_type.as_deref() != Some("770") && (v > 80 || !run.condition("65"));
    if !p.routed() || !(rhc || fqhc) {
        return;
    }
    let iop_path = fqhc && run.opps && p.cc92 && v > 93 && !run.condition("65");
    let iop_revenue = |l: &FLine<'_>| matches!(l.revenue.as_deref(), Some("0905" | "0519"));
    let flags = |l: &FLine<'_>| run.program_flags(l);
    // Days with an IOP composite: an IOP primary service under revenue code 0905 or 0519.
    let composite_days: Vec<_> = run.lines.iter().filter(|l| iop_path && !l.excluded() && iop_revenue(l) && flags(l) & P::IOP_PRIMARY != 0).map(|l| l.date).collect();
    let mut hits = Vec::new();
    for (i, l) in run.lines.iter().enumerate() {
        if l.inpatient {
            continue;
        }
        let revenue_not_covered = l.revenue.as_deref().and_then(|r| r.parse::<u16>().ok()).is_some_and(|r| (290..=299).contains(&r) || (540..=549).contains(&r));
        if flags(l) & P::FQHC_NON_COVERED == 0 && !revenue_not_covered {
            continue;
        }
        if composite_days.contains(&l.date) && flags(l) & P::IOP_SERVICE != 0 && iop_revenue(l) {
            continue;
        }
        let (what, field) = if l.code.is_empty() { (format!("revenue code {}", l.revenue.as_deref().unwrap_or("")), LineField::RevenueCode) } else { (l.code.clone(), LineField::Code) };
        hits.push((i, field, format!("{what} is not covered under the FQHC PPS or for an RHC: bill it to the MAC on another claim type, or remove it")));
    }
    for (i, field, msg) in hits {
        run.push_line(RuleId::IoceFqhcNoncov, i, field, msg);
    }
}
