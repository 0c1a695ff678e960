//! Modifier edits: PT without a colorectal screening on the day (120), a code reported with an
//! IMRT planning code that includes it (125), a telehealth modifier on a code not on the
//! telehealth list (126), modifier CA (patient died before inpatient admission) reported
//! more than once (60) or without a died or transferred patient status (70), and modifier PN
//! (non-excepted off-campus department) on a service paid only under the OPPS (101).
use super::days::{days, on};
use super::{FLine, Run};
use crate::claim::check::Ctx;
use crate::ioce::data::{hcpcs_flag as H, modifier_flag as M, service_flag as S};
use crate::location::LineField;
use crate::rules::RuleId;

/// Edit 120: modifier PT (colorectal screening that became diagnostic) needs a colorectal
/// screening code on the same day.
pub(super) fn pt_without_screening(run: &mut Run<'_, '_>) {
    if !run.runs(120) {
        return;
    }
    for day in days(&run.lines) {
        let idx = on(&run.lines, day);
        if !idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| l.has_modifier(&["PT"]))) {
            continue;
        }
        if idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| !l.inpatient) && run.service(i, S::COLORECTAL_SCREENING)) {
            continue;
        }
        for i in idx {
            let Some(l) = run.lines.get(i).filter(|l| !l.inpatient && l.has_modifier(&["PT"])) else { continue };
            let j = l.modifiers.iter().position(|m| m == "PT").unwrap_or_default();
            let msg = format!("modifier PT (colorectal screening converted to a diagnostic service) is reported on {} without a colorectal screening code on the same day: add the screening code or remove PT", l.code);
            run.push_line(RuleId::IocePtModifier, i, LineField::Modifier(j), msg);
        }
    }
}

/// Edit 125: a code the IMRT planning code on the claim already includes (map_imrt).
pub(super) fn imrt_planning(run: &mut Run<'_, '_>) {
    if !run.runs(125) {
        return;
    }
    let valid = |i: usize| run.lines.get(i).is_some_and(|l| !l.inpatient && l.row.is_some());
    let planning: Vec<usize> = (0..run.lines.len()).filter(|&i| valid(i) && run.service(i, S::IMRT)).collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    for &p in &planning {
        let Some(plan) = run.lines.get(p).map(|l| l.code.clone()) else { continue };
        for (i, l) in run.lines.iter().enumerate() {
            if i == p || !valid(i) || !run.io.imrt_pair(&plan, &l.code, run.version()) || found.iter().any(|(k, _)| *k == i) {
                continue;
            }
            found.push((i, format!("{} is included in IMRT planning {plan} on the claim: remove {}", l.code, l.code)));
        }
    }
    for (i, msg) in found {
        run.push_line(RuleId::IoceImrt, i, LineField::Code, msg);
    }
}

/// Edit 126: a telehealth modifier (95, GQ, GT) on a code that is not on the telehealth list.
pub(super) fn telehealth(run: &mut Run<'_, '_>) {
    if !run.runs(126) {
        return;
    }
    let v = run.version();
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient) else { continue };
        if run.service(i, S::TELEHEALTH) {
            continue;
        }
        let Some(j) = l.modifiers.iter().position(|m| run.io.modifier_flags(m, v) & M::TELEHEALTH != 0) else { continue };
        let code = if l.code.is_empty() { "a line without a HCPCS code".to_owned() } else { l.code.clone() };
        let msg = format!("telehealth modifier {} is reported on {code}, which is not on the Medicare telehealth list: remove the modifier, or bill the service as furnished in person", l.modifiers.get(j).map_or("", String::as_str));
        run.push_line(RuleId::IoceTelehealth, i, LineField::Modifier(j), msg);
    }
}

/// Patient discharge statuses (UB-04 FL 17) of a patient who died or was transferred.
const DIED_OR_TRANSFERRED: [u16; 13] = [2, 5, 20, 62, 63, 65, 66, 82, 85, 90, 91, 93, 94];

/// Edits 60 and 70 on the I/OCE's comprehensive path: an inpatient-only procedure (C) with
/// modifier CA is paid once per claim, for a patient who died or was transferred before
/// admission. A separate procedure on a day with a T procedure (or any comprehensive APC) does
/// not count, as for edit 18.
pub(super) fn patient_died(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    if !run.comprehensive_path() {
        return;
    }
    let comprehensive = run.comprehensive();
    let mut ca: Vec<usize> = Vec::new();
    for day in days(&run.lines) {
        let idx = on(&run.lines, day);
        let t = comprehensive || idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| l.si() == "T"));
        let counts = |l: &FLine<'_>| l.has_modifier(&["CA"]) && l.si() == "C" && !(l.flag(H::SEPARATE_PROCEDURE) && t);
        ca.extend(idx.into_iter().filter(|&i| run.lines.get(i).is_some_and(counts)));
    }
    let units: f64 = ca.iter().filter_map(|&i| run.lines.get(i)).map(|l| l.units.floor()).sum();
    let status = ctx.claim.stay.discharge_status.as_deref().and_then(|s| s.trim().parse::<u16>().ok());
    let died = status.is_some_and(|s| DIED_OR_TRANSFERRED.contains(&s));
    for i in ca {
        let Some(l) = run.lines.get(i) else { continue };
        let j = l.modifiers.iter().position(|m| m == "CA").unwrap_or_default();
        let code = l.code.clone();
        if units > 1.0 {
            let msg = format!("modifier CA (patient died before admission) is reported on more than one unit or line of the claim ({code}): report CA once, on the inpatient-only procedure performed");
            run.push_line(RuleId::IoceCaMultiple, i, LineField::Modifier(j), msg);
        }
        if !died {
            let msg = format!("modifier CA on {code} says the patient died before admission, but the patient discharge status is not died or transferred (20, 02, 05, ...): correct the discharge status (UB-04 FL 17) or remove CA");
            run.push_line(RuleId::IoceCaStatus, i, LineField::Modifier(j), msg);
        }
    }
}

/// The clinic visit (G0463), which non-excepted off-campus departments bill with PN: not edited
/// by 101.
const CLINIC_VISIT: &str = "G0463";

/// Edit 101: modifier PN (non-excepted off-campus provider-based department, paid at the PFS
/// equivalent) on a comprehensive service (status indicator J2 in the tables) outside an
/// observation stay on 13x, or on a partial hospitalization service (P) on 76x.
pub(super) fn pn_not_payable(run: &mut Run<'_, '_>) {
    if !run.runs(101) {
        return;
    }
    let cmhc = run.bill_type_is(&["76"]);
    let stay = !cmhc && super::observation::comprehensive_stay(run);
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        let Some(j) = l.modifiers.iter().position(|m| m == "PN") else { continue };
        let hit = if cmhc { l.si() == "P" } else { !stay && l.row.is_some_and(|r| r.status_indicator == "J2") && l.code != CLINIC_VISIT };
        if !hit {
            continue;
        }
        let msg = format!("modifier PN (non-excepted off-campus department) is reported on {}, a service not payable to such a department: bill it from an excepted department, or remove it", l.code);
        run.push_line(RuleId::IocePnNotPayable, i, LineField::Modifier(j), msg);
    }
}
