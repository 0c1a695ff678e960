//! Modifier edits: PT without a colorectal screening on the day (120), a code reported with an
//! IMRT planning code that includes it (125), and a telehealth modifier on a code not on the
//! telehealth list (126).
use super::days::{days, on};
use super::observation::service;
use super::Run;
use crate::ioce::data::{modifier_flag as M, service_flag as S};
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
        if idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| !l.inpatient) && service(run, i, S::COLORECTAL_SCREENING)) {
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
    let planning: Vec<usize> = (0..run.lines.len()).filter(|&i| valid(i) && service(run, i, S::IMRT)).collect();
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
        if service(run, i, S::TELEHEALTH) {
            continue;
        }
        let Some(j) = l.modifiers.iter().position(|m| run.io.modifier_flags(m, v) & M::TELEHEALTH != 0) else { continue };
        let code = if l.code.is_empty() { "a line without a HCPCS code".to_owned() } else { l.code.clone() };
        let msg = format!("telehealth modifier {} is reported on {code}, which is not on the Medicare telehealth list: remove the modifier, or bill the service as furnished in person", l.modifiers.get(j).map_or("", String::as_str));
        run.push_line(RuleId::IoceTelehealth, i, LineField::Modifier(j), msg);
    }
}
