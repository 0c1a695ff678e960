//! Drug and biological edits: a service whose cost is included in the biological (111), a
//! token charge on a separately paid drug (117) and more than three non-opioid pain management
//! drugs (138).
use super::devices::{beyond_first, comprehensive_packaging, si_after_comprehensive};
use super::lines::token_charged;
use super::Run;
use crate::ioce::data::{revenue_flag as R, service_flag as S};
use crate::location::LineField;
use crate::rules::RuleId;

/// Edit 111: cell processing and the like (38225-38227, revenue codes 0870-0873) whose cost is
/// included in the payment for the biological (CAR-T).
pub(super) fn bundled_in_biological(run: &mut Run<'_, '_>) {
    if !run.runs(111) || (run.bill_type_is(&["77"]) && run.condition("65")) {
        return;
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient) else { continue };
        let by_revenue = l.code.is_empty() && l.rev_row.is_some_and(|r| r.has(R::BUNDLED_IN_BIOLOGICAL));
        if !(by_revenue || run.service(i, S::BUNDLED_IN_BIOLOGICAL)) {
            continue;
        }
        let (what, field) = if by_revenue { (format!("revenue code {}", l.revenue.as_deref().unwrap_or_default()), LineField::RevenueCode) } else { (l.code.clone(), LineField::Code) };
        let msg = format!("{what} is a service whose cost is included in the payment for the biological (CAR-T cell collection and preparation): remove the line; the cost is reported in the biological's charge");
        run.push_line(RuleId::IoceBundledBiological, i, field, msg);
    }
}

/// Edit 117: a separately paid drug or biological (status indicator G, K or K1, not packaged
/// into a comprehensive APC) billed with a token charge.
pub(super) fn token_charge(run: &mut Run<'_, '_>) {
    if !run.runs(117) {
        return;
    }
    let packaging = comprehensive_packaging(run);
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient && matches!(si_after_comprehensive(run, packaging, i, l), "G" | "K" | "K1") && token_charged(l)) else { continue };
        let msg = format!("{} is a separately paid drug or biological billed with a token charge (below $1.01): enter the drug's actual charge", l.code);
        run.push_line(RuleId::IoceTokenDrug, i, LineField::Charge, msg);
    }
}

/// Edit 138: with an OPPS-payable service on the claim, lines of a fourth and later non-opioid
/// pain management drug code (status indicator K1) are rejected. (Without one the I/OCE raises
/// edit 99 instead, which is not raised here.)
pub(super) fn nonopioid_limit(run: &mut Run<'_, '_>) {
    let packaging = comprehensive_packaging(run);
    if !run.runs(138) || !super::capc::payable_service(run) {
        return;
    }
    let k1 = |r: &Run<'_, '_>, i: usize, l: &super::FLine<'_>| !l.inpatient && !l.code.is_empty() && si_after_comprehensive(r, packaging, i, l) == "K1";
    let over = beyond_first(run, 3, k1);
    for i in over {
        let code = run.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
        let msg = format!("{code} is a fourth or later non-opioid pain management drug on the claim: pass-through payment covers three; remove the line");
        run.push_line(RuleId::IoceNonopioidDrugs, i, LineField::Code, msg);
    }
}
