//! Pass-through items without the service they go with (ioce-c): a pass-through device with no
//! procedure that pairs it, or a non-opioid pain device with no OPPS-payable service (98); a
//! drug or biological with no OPPS-payable service (99). Both need the tables extracted from
//! pyoce (`IoceData::has_pyoce_tables`); without them they are not checked.
use super::days::{days, on};
use super::devices::si_after_comprehensive;
use super::{capc, FLine, Run};
use crate::ioce::data::{hcpcs_flag as H, service_flag as S};
use crate::location::{LineField, Location};
use crate::rules::RuleId;

/// Status indicators of drugs and biologicals paid separately: pass-through (G), non-pass-through
/// (K) and non-opioid pain management (K1).
const SEPARATE_DRUG: [&str; 3] = ["G", "K", "K1"];

/// True when line `i` already has a finding of `id` (the I/OCE sets an edit on a line once).
fn raised(run: &Run<'_, '_>, id: RuleId, i: usize) -> bool {
    let k = run.lines.get(i).map(|l| l.k);
    run.out.iter().any(|f| f.rule == id.as_str() && matches!(f.location, Some(Location::Line { line, .. }) if Some(line) == k))
}

fn push_once(run: &mut Run<'_, '_>, id: RuleId, i: usize, message: String) {
    if !raised(run, id, i) {
        run.push_line(id, i, LineField::Code, message);
    }
}

/// Edit 99, first part: on an OPPS claim where no line has an OPPS-payable status indicator
/// (before any packaging), every separately paid drug or biological (G, K, K1) is returned.
pub(super) fn drug_without_service(run: &mut Run<'_, '_>) {
    if !run.runs(99) || !run.io.has_pyoce_tables() || run.lines.iter().any(|l| super::devices::OPPS_PAYABLE.contains(&l.si())) {
        return;
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient && SEPARATE_DRUG.contains(&l.si())) else { continue };
        if run.service(i, S::BYPASS_E99) {
            continue;
        }
        let msg = drug_message(l);
        push_once(run, RuleId::IocePassthroughDrug, i, msg);
    }
}

/// Edit 99, second part (the I/OCE's non-opioid drug limit): when, after the comprehensive APC
/// has packaged the claim's services into its primary J1 procedure, no line left unrejected is
/// OPPS-payable, every non-opioid pain management drug (K1) is returned.
pub(super) fn nonopioid_drug_without_service(run: &mut Run<'_, '_>) {
    if !run.runs(138) || !run.io.has_pyoce_tables() || capc::payable_service(run) {
        return;
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient && l.si() == "K1") else { continue };
        let msg = drug_message(l);
        push_once(run, RuleId::IocePassthroughDrug, i, msg);
    }
}

fn drug_message(l: &FLine<'_>) -> String {
    format!("{} is a separately paid drug or biological but the claim has no service the OPPS pays (status indicator J1, J2, P, Q1-Q3, S, T or V) to go with it: report the procedure or visit it was given for, or bill the drug on the claim that has it", l.code)
}

/// Edit 98, first part: a pass-through device with no procedure on its day that the I/OCE's
/// device offset pairs (`offset_codepair`) match with it.
pub(super) fn device_without_procedure(run: &mut Run<'_, '_>) {
    if !run.runs(98) || !run.io.has_pyoce_tables() {
        return;
    }
    let version = run.version();
    for day in days(&run.lines) {
        let lines = on(&run.lines, day);
        let mut devices: Vec<String> = Vec::new();
        for &i in &lines {
            let Some(l) = run.lines.get(i).filter(|l| !l.inpatient) else { continue };
            if run.service(i, S::PASSTHROUGH_DEVICE) && !devices.contains(&l.code) {
                devices.push(l.code.clone());
            }
        }
        for device in devices {
            let paired = lines.iter().any(|&j| run.lines.get(j).is_some_and(|p| !p.inpatient && p.row.is_some() && run.io.device_offset(&device, &p.code, version).is_some()));
            if paired {
                continue;
            }
            for &i in &lines {
                if run.lines.get(i).is_some_and(|l| !l.inpatient && l.code == device) {
                    let msg = format!("{device} is a pass-through device but no procedure on its day is one the device is paid with: report the procedure that implanted it on the same date, or remove {device}");
                    push_once(run, RuleId::IocePassthroughDevice, i, msg);
                }
            }
        }
    }
}

/// Edit 98, second part (the I/OCE's non-opioid device limit): when, after the comprehensive
/// APC's packaging, no line left unrejected is OPPS-payable, every non-opioid pain management
/// device (H1) is returned.
pub(super) fn nonopioid_device_without_service(run: &mut Run<'_, '_>) {
    if !run.runs(137) || !run.io.has_pyoce_tables() || capc::payable_service(run) {
        return;
    }
    let packaging = super::devices::comprehensive_packaging(run);
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        let h1 = !l.inpatient && si_after_comprehensive(run, packaging, i, l) == "H1" && (l.flag(H::DEVICE) || run.service(i, S::NONOPIOID_DEVICE));
        if h1 {
            let msg = format!("{} is a non-opioid pain management device but the claim has no service the OPPS pays (status indicator J1, J2, P, Q1-Q3, S, T or V) to go with it: report the procedure it was used in", l.code);
            push_once(run, RuleId::IocePassthroughDevice, i, msg);
        }
    }
}
