//! Conditionally packaged codes (status indicators Q1, Q2, Q3; ioce-21): the status indicator the
//! I/OCE gives each before the edits that ask "is this line a procedure" (21, 38, 137, 138). A
//! code it does not package is paid in its own APC and takes that APC's status indicator
//! ([`IoceData::conditional_status_indicator`](crate::ioce::data::IoceData::conditional_status_indicator));
//! one it packages becomes N.
//!
//! In the I/OCE's order ([`before_device_edits`]): on a PHP or IOP claim a day with a primary
//! program service is paid as the program's composite, which packages the day's program
//! services; mental-health services outside a composite are paid in their own APCs. Then, over
//! the whole claim, Q1 codes ("STV-packaged") are packaged when the claim has a payable S, T or
//! V service and Q2 codes ("T-packaged") when it has a T procedure, otherwise one of them is
//! paid; critical care ancillaries are packaged with trauma critical care; imaging codes of one
//! family and day beyond one unit are paid as the family's composite. After edit 38 every
//! conditionally packaged line still unpaid takes its APC's status indicator ([`standard`]).
//!
//! Where the I/OCE decides by payment amounts, which the tables here do not carry, the first
//! line stands in: the one Q1 (or Q2) line paid when several are left, Q1 over Q2 when both are,
//! and no mental-health composite outside a program day (its line is paid as an S service too,
//! so the day keeps an S service either way).
use super::programs::Program;
use super::{FLine, Run};
use crate::ioce::data::{hcpcs_flag as H, service_flag as S};
use crate::ioce::programs::program_flag as P;
use crate::rules::RuleId;

/// The APC of a mental-health composite paid outside a program composite (MH_APC_2016).
const MENTAL_HEALTH_APC: &str = "08010";

/// True when the line's own status indicator is a conditionally packaged one.
fn conditional(l: &FLine<'_>) -> bool {
    matches!(l.si(), "Q1" | "Q2" | "Q3")
}

/// The status indicator of the APC line `l`'s code is paid in when not packaged.
fn apc_si<'a>(run: &Run<'_, 'a>, l: &FLine<'a>) -> Option<&'a str> {
    run.services(l).1
}

/// A daily or remote (not add-on) mental-health service of the mental-health composite.
fn mental_health(run: &Run<'_, '_>, i: usize, l: &FLine<'_>) -> bool {
    run.service(i, S::DAILY_MENTAL_HEALTH) || (run.service(i, S::REMOTE_MENTAL_HEALTH) && !l.flag(H::REMOTE_MENTAL_HEALTH_ADDON))
}

/// The program composites, the mental-health services and the claim's Q1 and Q2 codes, in the
/// I/OCE's order, before its device edits (38).
pub(super) fn before_device_edits(run: &mut Run<'_, '_>) {
    if !run.opps || run.path.cc89 {
        return;
    }
    let (twelve, thirteen) = (run.path.is12(), run.path.is13());
    match run.program() {
        Some(program) => program_days(run, program),
        None if twelve || thirteen => {
            let idx: Vec<usize> = (0..run.lines.len()).collect();
            paid_mental_health(run, &idx);
        }
        None => {}
    }
    if twelve || thirteen || run.path.bill == "76" {
        claim(run);
    }
    if twelve || thirteen {
        critical_care_ancillaries(run);
        imaging_composites(run);
    }
}

/// PHP and IOP days: a day with a primary program service is paid as the composite (its first
/// primary line, status indicator P), which packages the day's program services; on 13x the first
/// other mental-health service of the day is paid as the mental-health composite (S) and
/// packages the rest. A day without one packages the codes only reportable in the program, and on
/// 13x its mental-health services are paid in their own APCs.
fn program_days(run: &mut Run<'_, '_>, program: Program) {
    // The I/OCE builds no composite once an inpatient-only procedure was found (edit 18).
    let inpatient = run.out.iter().any(|f| f.rule == RuleId::IoceInpatientOnly.as_str());
    let (primary, service, composite_apc) = match (program, run.path.bill.as_str()) {
        (Program::Php, "76") => (P::PH_PRIMARY, P::PH_SERVICE, "05853"),
        (Program::Php, _) => (P::PH_PRIMARY, P::PH_SERVICE, "05863"),
        (Program::Iop, "76") => (P::IOP_PRIMARY, P::IOP_SERVICE, "05851"),
        (Program::Iop, _) => (P::IOP_PRIMARY, P::IOP_SERVICE, "05861"),
    };
    let composite_si = run.io.apc_status_indicator(composite_apc, run.version()).unwrap_or("P");
    let mental_health_si = run.io.apc_status_indicator(MENTAL_HEALTH_APC, run.version()).unwrap_or("S");
    // The CMHC path (76x) has no mental-health composite.
    let mental = run.path.is13();
    for day in super::days::days(&run.lines) {
        let idx = super::days::on(&run.lines, day);
        let flags = |run: &Run<'_, '_>, i: usize| run.lines.get(i).map_or(0, |l| run.program_flags(l));
        let composite = if inpatient { None } else { idx.iter().copied().find(|&i| flags(run, i) & primary != 0 && run.lines.get(i).is_some_and(|l| !l.excluded())) };
        let Some(c) = composite else {
            for &i in &idx {
                if run.service(i, S::PHP_IOP_REPORTABLE) {
                    package(run, i);
                }
            }
            if mental {
                paid_mental_health(run, &idx);
            }
            continue;
        };
        assign(run, c, composite_si);
        for &i in &idx {
            let program_line = run.service(i, S::PHP_IOP_REPORTABLE) || flags(run, i) & service != 0;
            if i != c && program_line && run.lines.get(i).is_some_and(|l| !l.excluded()) {
                package(run, i);
            }
        }
        let mut paid = false;
        for &i in &idx {
            let Some(l) = run.lines.get(i) else { continue };
            if !mental || flags(run, i) & (primary | service) != 0 || l.excluded() || !mental_health(run, i, l) {
                continue;
            }
            if paid {
                package(run, i);
            } else {
                assign(run, i, mental_health_si);
                paid = true;
            }
        }
    }
}

/// The conditionally packaged mental-health services of lines `idx` not packaged: paid in their
/// own APCs.
fn paid_mental_health(run: &mut Run<'_, '_>, idx: &[usize]) {
    for &i in idx {
        let Some(l) = run.lines.get(i) else { continue };
        if conditional(l) && !l.packaged && !l.excluded() && mental_health(run, i, l) {
            if let Some(si) = apc_si(run, l) {
                assign(run, i, si);
            }
        }
    }
}

/// The claim-wide Q1 and Q2 decision (the I/OCE's conditional claim logic).
fn claim(run: &mut Run<'_, '_>) {
    let candidate = |l: &FLine<'_>| l.row.is_some() && !l.packaged && !l.excluded();
    let (mut q1, mut q2) = (Vec::new(), Vec::new());
    let (mut t, mut stv) = (false, false);
    let comprehensive_path = run.comprehensive_path();
    for (i, l) in run.lines.iter().enumerate() {
        if !candidate(l) {
            continue;
        }
        if run.service(i, S::STV_PACKAGED) {
            if l.si() == "Q1" {
                q1.push(i);
            }
            continue;
        }
        if run.service(i, S::T_PACKAGED) {
            if l.si() == "Q2" {
                q2.push(i);
            }
            continue;
        }
        // On the comprehensive path the I/OCE has already paid a J2 code in its APC (a visit or
        // critical care) unless it is a comprehensive observation, decided later.
        let paid_first = conditional(l) || (comprehensive_path && l.si() == "J2");
        let si = if paid_first { apc_si(run, l).unwrap_or("") } else { l.si() };
        t |= si == "T";
        stv |= matches!(si, "S" | "T" | "V");
    }
    let q1_paid = if stv { None } else { q1.first().copied() };
    let q2_paid = if t { None } else { q2.first().copied() };
    // Of a Q1 and a Q2 line left, the I/OCE pays the higher-paying one; on equal payments the Q1.
    let q2_paid = q2_paid.filter(|_| q1_paid.is_none());
    for i in q1.into_iter().chain(q2) {
        if Some(i) == q1_paid || Some(i) == q2_paid {
            if let Some(si) = run.lines.get(i).and_then(|l| apc_si(run, l)) {
                assign(run, i, si);
            }
        } else {
            package(run, i);
        }
    }
}

/// Critical care ancillary services (chest X-ray, ventilation, oximetry...): packaged on a claim
/// with trauma critical care, unless the claim has a distinct-procedure modifier and the code is
/// not a Q1 code; otherwise paid in their own APCs.
fn critical_care_ancillaries(run: &mut Run<'_, '_>) {
    let trauma = run.lines.iter().any(|l| !l.excluded() && l.flag(H::TRAUMA_CRITICAL_CARE));
    let distinct = run.lines.iter().any(|l| l.has_modifier(&["59", "XE", "XP", "XS", "XU"]));
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.excluded() && run.service(i, S::CRITICAL_CARE_ANCILLARY)) else { continue };
        let kept = distinct && !run.service(i, S::STV_PACKAGED);
        if trauma && !kept {
            package(run, i);
        } else if let Some(si) = apc_si(run, l) {
            assign(run, i, si);
        }
    }
}

/// Imaging composites: per day and family (ultrasound, CT, MRI), more than one unit of the
/// family's codes is paid as the composite on the first line not terminated (52, 73), which
/// packages the others but the terminated ones; one unit is paid in its own APC.
fn imaging_composites(run: &mut Run<'_, '_>) {
    for day in super::days::days(&run.lines) {
        let idx = super::days::on(&run.lines, day);
        for (family, composite_apc) in S::IMAGING_FAMILIES {
            let group: Vec<usize> = idx
                .iter()
                .copied()
                .filter(|&i| run.lines.get(i).is_some_and(|l| l.row.is_some() && !l.excluded() && !l.packaged) && run.service(i, family))
                .collect();
            let terminated = |run: &Run<'_, '_>, i: usize| run.lines.get(i).is_some_and(|l| l.has_modifier(&["52", "73"]));
            let prime = group.iter().copied().find(|&i| !terminated(run, i));
            let units: f64 = group.iter().filter_map(|&i| run.lines.get(i)).map(|l| l.units).sum();
            let composite = prime.filter(|_| units > 1.0);
            for &i in &group {
                if composite == Some(i) {
                    assign(run, i, run.io.apc_status_indicator(composite_apc, run.version()).unwrap_or("S"));
                } else if composite.is_some() && !terminated(run, i) {
                    package(run, i);
                } else if let Some(si) = run.lines.get(i).and_then(|l| apc_si(run, l)) {
                    assign(run, i, si);
                }
            }
        }
    }
}

/// After edit 38: every conditionally packaged line not packaged, rejected or denied takes its
/// APC's status indicator (the I/OCE's standard APC assignment), on 12x and 13x claims.
pub(super) fn standard(run: &mut Run<'_, '_>) {
    if run.path.cc89 || !(run.path.is12() || run.path.is13()) {
        return;
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        if conditional(l) && !l.packaged && !l.excluded() {
            if let Some(si) = apc_si(run, l) {
                assign(run, i, si);
            }
        }
    }
}

fn assign<'a>(run: &mut Run<'_, 'a>, i: usize, si: &'a str) {
    if let Some(l) = run.lines.get_mut(i) {
        l.assigned = Some(si);
        l.packaged = si == "N";
    }
}

fn package(run: &mut Run<'_, '_>, i: usize) {
    if let Some(l) = run.lines.get_mut(i) {
        l.packaged = true;
    }
}
