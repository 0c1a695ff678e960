//! Device edits: a pass-through device or brachytherapy source on a claim without any
//! implantation procedure (38), and more than two non-opioid pain management devices (137).
use super::{FLine, Run};
use crate::ioce::data::{hcpcs_flag as H, service_flag as S};
use crate::location::LineField;
use crate::rules::RuleId;

/// Status indicators of services the OPPS pays (procedures, visits, partial hospitalization,
/// conditionally packaged and comprehensive services): a drug or device needs one on the claim.
pub(super) const OPPS_PAYABLE: [&str; 9] = ["J1", "J2", "P", "Q1", "Q2", "Q3", "S", "T", "V"];

/// Status indicators a comprehensive APC does not package: not covered or not paid under
/// the OPPS, already packaged, and pass-through drugs and devices.
const CAPC_KEEPS: [&str; 12] = ["B", "C", "E", "E1", "E2", "F", "G", "H", "L", "M", "N", "U"];
/// First I/OCE version (26.0.5) in which non-opioid pain drugs and devices (K1, H1) are paid
/// outside the comprehensive APC.
const NONOPIOID_SEPARATE_FROM: u8 = 98;

/// True when the claim has a comprehensive APC (a J1 procedure or an observation stay) that
/// packages its other services. Computed once per edit: [`si_after_comprehensive`] takes it.
pub(super) fn comprehensive_packaging(run: &Run<'_, '_>) -> bool {
    run.comprehensive() || super::observation::comprehensive_stay(run)
}

/// A line's status indicator once the I/OCE has packaged the services of a comprehensive APC
/// (`packaging`, see [`comprehensive_packaging`]) into it: everything but the J1 and J2
/// services, services not paid under the OPPS, pass-through items, non-opioid pain items and
/// blood products becomes N.
pub(super) fn si_after_comprehensive<'l>(run: &Run<'_, '_>, packaging: bool, i: usize, l: &'l FLine<'_>) -> &'l str {
    let si = l.si();
    let kept = matches!(si, "J1" | "J2")
        || CAPC_KEEPS.contains(&si)
        || (run.version() >= NONOPIOID_SEPARATE_FROM && matches!(si, "H1" | "K1"))
        || (l.revenue.as_deref().is_some_and(|r| r.starts_with("038")) && run.service(i, S::PACKED_RED_CELLS | S::WHOLE_BLOOD));
    if packaging && !kept {
        "N"
    } else {
        si
    }
}

/// Edit 38: a device (status indicator H) or brachytherapy source (U) on a claim with no
/// significant procedure (S, T or J1) to implant it. A conditionally packaged code (Q1-Q3) counts
/// by the status indicator the I/OCE has given it by then (see `conditional`).
pub(super) fn without_implantation(run: &mut Run<'_, '_>) {
    if !run.runs(38) {
        return;
    }
    if run.lines.iter().any(|l| matches!(l.si(), "S" | "T" | "J1")) {
        return;
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient && matches!(l.si(), "H" | "U")) else { continue };
        let what = if l.si() == "U" { "brachytherapy source" } else { "pass-through device" };
        let msg = format!("{} is a {what} but the claim has no procedure (status indicator S, T or J1) to implant it: report the implantation procedure, or remove {}", l.code, l.code);
        run.push_line(RuleId::IoceDeviceProcedure, i, LineField::Code, msg);
    }
}

/// Edit 137: OPPS pays pass-through for at most two non-opioid pain management devices
/// (status indicator H1) per claim; lines of a third and later device code are rejected.
pub(super) fn nonopioid_limit(run: &mut Run<'_, '_>) {
    let packaging = comprehensive_packaging(run);
    if !run.runs(137) || !super::capc::payable_service(run) {
        return;
    }
    let device = |run: &Run<'_, '_>, i: usize, l: &FLine<'_>| !l.inpatient && si_after_comprehensive(run, packaging, i, l) == "H1" && !l.code.is_empty() && (l.flag(H::DEVICE) || run.service(i, S::NONOPIOID_DEVICE));
    let over = beyond_first(run, 2, device);
    for i in over {
        let code = run.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
        let msg = format!("{code} is a third or later non-opioid pain management device on the claim: pass-through payment covers two; remove the line");
        run.push_line(RuleId::IoceNonopioidDevices, i, LineField::Code, msg);
    }
}

/// Lines whose code is the `keep + 1`-th or later distinct code (in line order) among the lines
/// `counted` selects.
pub(super) fn beyond_first(run: &Run<'_, '_>, keep: usize, counted: impl Fn(&Run<'_, '_>, usize, &FLine<'_>) -> bool) -> Vec<usize> {
    let mut codes: Vec<&str> = Vec::new();
    for (i, l) in run.lines.iter().enumerate() {
        if counted(run, i, l) && !codes.contains(&l.code.as_str()) {
            codes.push(&l.code);
        }
    }
    let extra = codes.get(keep..).unwrap_or_default();
    run.lines.iter().enumerate().filter(|(i, l)| counted(run, *i, l) && extra.contains(&l.code.as_str())).map(|(i, _)| i).collect()
}
