//! I/OCE edits over the lines of one day: inpatient-only procedures (18, 49), devices (92,
//! 135), bilateral procedures (17, 37, 74), a visit with a procedure (21).
use crate::location::LineField;
use super::{FLine, Run};
use crate::date::Date;
use crate::ioce::data::hcpcs_flag as H;
use crate::rules::RuleId;

/// Modifiers of a terminated or discontinued procedure.
const TERMINATED: [&str; 3] = ["52", "73", "74"];

/// The distinct service dates of the lines, in order.
pub(super) fn days(lines: &[FLine<'_>]) -> Vec<Option<Date>> {
    let mut d: Vec<Option<Date>> = lines.iter().map(|l| l.date).collect();
    d.sort();
    d.dedup();
    d
}

pub(super) fn on(lines: &[FLine<'_>], day: Option<Date>) -> Vec<usize> {
    lines.iter().enumerate().filter(|(_, l)| l.date == day).map(|(i, _)| i).collect()
}

/// Edits 18 and 49 (OPPS): an inpatient-only procedure (status indicator C) denies itself and
/// every other service that day; a "separate procedure" on the list is spared when a type T
/// procedure is on the day or a comprehensive APC is chosen. An inpatient-only procedure with
/// modifier CA (patient died before admission) puts the whole claim under the inpatient APC
/// instead: no day is denied, and every line leaves the outpatient edits that follow.
pub(super) fn inpatient_only(run: &mut Run<'_, '_>) {
    let comprehensive = run.comprehensive();
    let t_present = |run: &Run<'_, '_>, idx: &[usize]| comprehensive || idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| l.si() == "T"));
    let counts = |l: &FLine<'_>, t: bool| l.si() == "C" && !(l.flag(H::SEPARATE_PROCEDURE) && t);
    let expired = run.comprehensive_path()
        && days(&run.lines).into_iter().any(|day| {
            let idx = on(&run.lines, day);
            let t = t_present(run, &idx);
            idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| l.has_modifier(&["CA"]) && counts(l, t)))
        });
    if expired {
        for l in &mut run.lines {
            l.inpatient = true;
        }
        return;
    }
    for day in days(&run.lines) {
        let idx = on(&run.lines, day);
        let t_present = t_present(run, &idx);
        let mut denied = false;
        for &i in &idx {
            let Some(l) = run.lines.get(i) else { continue };
            if !counts(l, t_present) {
                continue;
            }
            let msg = format!("{} is an inpatient-only procedure (status indicator C): Medicare pays it only on an inpatient claim; the other services of the day are denied with it", l.code);
            run.push_line(RuleId::IoceInpatientOnly, i, LineField::Code, msg);
            if let Some(l) = run.lines.get_mut(i) {
                l.inpatient = true;
            }
            denied = true;
        }
        if !denied {
            continue;
        }
        for &i in &idx {
            let Some(l) = run.lines.get(i).filter(|l| !l.inpatient) else { continue };
            let what = if l.code.is_empty() { format!("revenue code {}", l.revenue.as_deref().unwrap_or("")) } else { l.code.clone() };
            run.push_line(RuleId::IoceInpatientDay, i, LineField::Whole, format!("{what} is on the day of an inpatient-only procedure and is denied with it"));
            if let Some(l) = run.lines.get_mut(i) {
                l.inpatient = true;
            }
        }
    }
}

/// Edits 92 and 135 (OPPS): a device-intensive procedure needs a device code on its day, and a
/// device-dependent procedure its specific device.
pub(super) fn device(run: &mut Run<'_, '_>) {
    let (any_edit, pair_edit) = (run.runs(92), run.runs(135));
    if !any_edit && !pair_edit {
        return;
    }
    let v = run.version();
    for day in days(&run.lines) {
        let idx = on(&run.lines, day);
        let any_device = idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| l.flag(H::DEVICE)));
        for &i in &idx {
            let Some(l) = run.lines.get(i).filter(|l| !l.inpatient && !l.has_modifier(&TERMINATED)) else { continue };
            let cg_bypass = l.flag(H::BYPASS_E92_MODIFIER) && l.has_modifier(&["CG"]) && v >= 74;
            let need_any = any_edit && !any_device && l.flag(H::DEVICE_PROCEDURE) && !cg_bypass;
            let need_pair = pair_edit
                && l.flag(H::DEVICE_DEPENDENT_PROCEDURE)
                && !idx.iter().any(|&j| {
                    j != i && run.lines.get(j).is_some_and(|d| d.row.is_some() && !d.inpatient && run.io.device_pair(&l.code, &d.code, v))
                });
            let code = l.code.clone();
            if need_any {
                run.push_line(RuleId::IoceDevice, i, LineField::Code, format!("{code} is a device-intensive procedure: report the device's C code (or the device HCPCS) on the same day"));
            }
            if need_pair {
                run.push_line(RuleId::IoceDeviceDay, i, LineField::Code, format!("{code} needs its required device code on the same day"));
            }
        }
    }
}

/// Edits 37 (OPPS), 74 and 17.
pub(super) fn bilateral(run: &mut Run<'_, '_>) {
    let (e37, e74) = (run.runs(37), run.runs(74));
    let cah = run.path.critical_access();
    if e74 && cah {
        bilateral_units_cah(run);
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient) else { continue };
        let two_sided = l.flag(H::BILATERAL_CONDITIONAL) || l.flag(H::BILATERAL_INDEPENDENT);
        let code = l.code.clone();
        let terminated_bilateral = e37 && l.has_modifier(&["52", "73"]) && (l.units > 1.0 || (two_sided && l.has_modifier(&["50"])));
        let units_50 = e74 && !cah && two_sided && l.has_modifier(&["50"]) && l.units > 1.0;
        if terminated_bilateral {
            run.push_line(RuleId::IoceBilatTerminated, i, LineField::Modifiers, format!("{code} is reported as terminated (52/73) and bilateral or with more than one unit; report one unit without modifier 50"));
        }
        if units_50 {
            run.push_line(RuleId::IoceBilatUnits, i, LineField::Units, format!("{code} with modifier 50 is one bilateral service: report 1 unit"));
        }
    }
    if !run.runs(17) {
        return;
    }
    let cah = run.path.critical_access();
    for day in days(&run.lines) {
        let idx: Vec<usize> = on(&run.lines, day)
            .into_iter()
            .filter(|&i| run.lines.get(i).is_some_and(|l| !l.inpatient && l.row.is_some() && l.flag(H::BILATERAL_INHERENT)))
            .collect();
        let mut codes: Vec<&str> = idx.iter().filter_map(|&i| run.lines.get(i).map(|l| l.code.as_str())).collect();
        codes.sort_unstable();
        codes.dedup();
        let mut hits: Vec<usize> = Vec::new();
        for code in codes {
            let same: Vec<usize> = idx.iter().copied().filter(|&i| run.lines.get(i).is_some_and(|l| l.code == code)).collect();
            let first_units = same.first().and_then(|&i| run.lines.get(i)).map_or(1.0, |l| l.units);
            let duplicate = same.len() > 1 || first_units > 1.0;
            let units: f64 = same.iter().filter_map(|&i| run.lines.get(i)).filter(|l| !l.has_modifier(&["76", "77"])).map(|l| l.units).sum();
            if duplicate && units > 1.0 && !(cah && cah_bypass(run, &on(&run.lines, day), code)) {
                hits.extend(same.iter().copied().filter(|&i| run.lines.get(i).is_some_and(|l| !(l.si() == "V" && run.condition("G0")))));
            }
        }
        for i in hits {
            let code = run.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
            run.push_line(RuleId::IoceBilatInherent, i, LineField::Units, format!("{code} is bilateral by definition: report it once, 1 unit, for the day"));
        }
    }
}

/// Edit 74 on 85x: professional lines (096x-098x) of a two-sided code with modifier 50 alone
/// (or none), grouped by code and revenue code: modifier 50 with more than one unit in total.
fn bilateral_units_cah(run: &mut Run<'_, '_>) {
    for day in days(&run.lines) {
        let idx: Vec<usize> = on(&run.lines, day)
            .into_iter()
            .filter(|&i| {
                run.lines.get(i).is_some_and(|l| {
                    !l.inpatient
                        && l.row.is_some()
                        && l.rev_row.is_some()
                        && (l.flag(H::BILATERAL_CONDITIONAL) || l.flag(H::BILATERAL_INDEPENDENT))
                        && super::lines::professional_revenue(l.revenue.as_deref().unwrap_or(""))
                        && (l.modifiers.is_empty() || l.modifiers == ["50"])
                })
            })
            .collect();
        let mut keys: Vec<(String, String)> = idx.iter().filter_map(|&i| run.lines.get(i).map(|l| (l.code.clone(), l.revenue.clone().unwrap_or_default()))).collect();
        keys.sort();
        keys.dedup();
        for (code, rev) in keys {
            let group: Vec<usize> = idx.iter().copied().filter(|&i| run.lines.get(i).is_some_and(|l| l.code == code && l.revenue.as_deref() == Some(rev.as_str()))).collect();
            let with_50 = group.iter().any(|&i| run.lines.get(i).is_some_and(|l| l.has_modifier(&["50"])));
            let units: f64 = group.iter().filter_map(|&i| run.lines.get(i)).map(|l| l.units).sum();
            if with_50 && units > 1.0 {
                for i in group {
                    run.push_line(RuleId::IoceBilatUnits, i, LineField::Units, format!("{code} with modifier 50 is one bilateral service: report 1 unit"));
                }
            }
        }
    }
}

/// Edit 17 on 85x is bypassed for a code billed on a professional and a facility line of the
/// day with 2 units in all, or 3 with an assistant-at-surgery modifier on a professional line.
fn cah_bypass(run: &Run<'_, '_>, day: &[usize], code: &str) -> bool {
    let lines: Vec<&FLine<'_>> = day.iter().filter_map(|&i| run.lines.get(i)).filter(|l| l.code == code).collect();
    let professional = |l: &&FLine<'_>| super::lines::professional_revenue(l.revenue.as_deref().unwrap_or(""));
    let units: f64 = lines.iter().map(|l| l.units).sum();
    let facility = lines.iter().any(|l| !professional(l));
    let pro: Vec<&&FLine<'_>> = lines.iter().filter(|l| professional(l)).collect();
    let assistant = pro.iter().any(|l| l.has_modifier(&["62", "66", "80", "81", "82", "AS"]));
    facility && ((!pro.is_empty() && units == 2.0) || (pro.len() >= 2 && units == 3.0 && assistant))
}

/// Edit 21 (OPPS): a medical visit (status indicator V) on the day of a type S or T procedure
/// needs modifier 25.
pub(super) fn visit_with_procedure(run: &mut Run<'_, '_>) {
    // A comprehensive APC (a J1 procedure or an observation stay) packages the day's
    // procedures: no visit conflict is left.
    if !run.runs(21) || run.comprehensive() || super::observation::comprehensive_stay(run) {
        return;
    }
    // On 85x (critical access) comprehensive visits (J2) count as visits too.
    // A J2 visit is a comprehensive observation only with enough observation hours; the
    // I/OCE treats it as a visit here (and on 85x always).
    // On OPPS claims a J2 code takes its APC's status indicator first: critical care (APC
    // 05041) is S, a procedure of the day, not a visit.
    let cah = run.path.critical_access();
    fn si<'l>(l: &'l FLine<'_>, cah: bool) -> &'l str {
        if !cah && l.si() == "J2" && l.flag(H::CRITICAL_CARE_APC) { "S" } else { l.si() }
    }
    let visit = |l: &FLine<'_>| matches!(si(l, cah), "V" | "J2");
    direct_referral_packaging(run);
    for day in days(&run.lines) {
        let idx: Vec<usize> = on(&run.lines, day).into_iter().filter(|&i| run.lines.get(i).is_some_and(|l| !l.excluded())).collect();
        let procedure = idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| matches!(si(l, cah), "S" | "T")));
        let visits = idx.iter().any(|&i| run.lines.get(i).is_some_and(visit));
        if !procedure || !visits {
            continue;
        }
        for &i in &idx {
            let Some(l) = run.lines.get(i).filter(|l| visit(l) && !l.has_modifier(&["25"])) else { continue };
            let msg = format!("{} is a visit on the day of a significant procedure: add modifier 25 if the visit was separately identifiable, otherwise remove it", l.code);
            run.push_line(RuleId::IoceVisit25, i, LineField::Modifiers, msg);
        }
    }
}

/// Before edit 21 the I/OCE packages a direct referral for observation (G0379) on a day
/// without hourly observation (G0378), and, unless a comprehensive APC is chosen, on a day with
/// a type T procedure or a visit: a packaged referral is no visit. (Its edit 58 for the first
/// case is not raised here.)
fn direct_referral_packaging(run: &mut Run<'_, '_>) {
    let comprehensive = run.comprehensive() || super::observation::comprehensive_stay(run);
    for day in days(&run.lines) {
        let idx = on(&run.lines, day);
        let with = |f: u32| idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| !l.inpatient && l.flag(f)));
        if !with(H::OBSERVATION_DIRECT_ADMIT) {
            continue;
        }
        let hourly = with(H::OBSERVATION_HOURLY);
        let t_or_v = !comprehensive
            && idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| (matches!(l.si(), "T" | "V") || (run.opps && l.flag(H::CRITICAL_CARE_APC))) && !l.inpatient && !l.rejected && !l.flag(H::OBSERVATION_DIRECT_ADMIT)));
        for &i in &idx {
            let Some(l) = run.lines.get_mut(i).filter(|l| l.flag(H::OBSERVATION_DIRECT_ADMIT) && !l.inpatient) else { continue };
            if (!hourly && !l.rejected) || t_or_v {
                l.packaged = true;
            }
        }
    }
}

/// Edit 76: a trauma response code (G0390) needs, on its day, a trauma revenue code (the
/// I/OCE's range 0580-0689) and critical care (99291).
pub(super) fn trauma_response(run: &mut Run<'_, '_>) {
    let trauma_revenue = |l: &FLine<'_>| l.revenue.as_deref().and_then(|r| r.parse::<u16>().ok()).is_some_and(|r| (580..=689).contains(&r));
    for day in days(&run.lines) {
        let idx: Vec<usize> = on(&run.lines, day).into_iter().filter(|&i| run.lines.get(i).is_some_and(|l| !l.inpatient)).collect();
        let any = |f: &dyn Fn(&FLine<'_>) -> bool| idx.iter().any(|&i| run.lines.get(i).is_some_and(f));
        if !any(&|l| l.flag(H::TRAUMA_RESPONSE)) || (any(&trauma_revenue) && any(&|l| l.flag(H::TRAUMA_CRITICAL_CARE))) {
            continue;
        }
        for &i in &idx {
            let Some(l) = run.lines.get(i).filter(|l| l.flag(H::TRAUMA_RESPONSE)) else { continue };
            let msg = format!("{} is a trauma response: report it with a trauma revenue code (068x) and critical care (99291) on the same day", l.code);
            run.push_line(RuleId::IoceTrauma, i, LineField::Code, msg);
        }
    }
}
