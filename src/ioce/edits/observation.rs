//! Observation edits: hourly observation (G0378) and direct referral for observation (G0379)
//! on hospital outpatient claims, and the observation revenue code 0762.
use super::days::{days, on};
use super::Run;
use crate::ioce::data::{hcpcs_flag as H, service_flag as S};
use crate::location::LineField;
use crate::rules::RuleId;

/// The observation room revenue code.
const OBSERVATION_REVENUE: &str = "0762";

/// Edit 53: observation codes are billed only on hospital outpatient (13x) and critical access
/// hospital (85x) claims.
pub(super) fn bill_type(run: &mut Run<'_, '_>) {
    if !run.runs(53) {
        return;
    }
    let bill = run.bill_type.clone().unwrap_or_default();
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient) else { continue };
        if l.flag(H::OBSERVATION_HOURLY) || run.service(i, S::OBSERVATION_HOSPITAL_ONLY) {
            let msg = format!("{} is billed only on hospital outpatient (13x) or critical access hospital (85x) claims, not on bill type {bill}: remove the line or bill it on the outpatient claim", l.code);
            run.push_line(RuleId::IoceObsBillType, i, LineField::Code, msg);
        }
    }
}

/// Edit 44: a line with revenue code 0762 (observation room) and a code that is not an
/// observation code.
pub(super) fn revenue_code(run: &mut Run<'_, '_>) {
    if !run.runs(44) {
        return;
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient && !l.code.is_empty()) else { continue };
        if l.revenue.as_deref() == Some(OBSERVATION_REVENUE) && !run.service(i, S::OBSERVATION) {
            let msg = format!("revenue code 0762 (observation room) is reported with {}, which is not an observation code: report observation as G0378 (hours) under 0762, or use the revenue code of the service", l.code);
            run.push_line(RuleId::IoceObsRevenue, i, LineField::RevenueCode, msg);
        }
    }
}

/// Edit 51: hourly observation (G0378) is reported once per claim, with all its hours as units;
/// every line after the first (in date order) gets the edit.
pub(super) fn hourly_once(run: &mut Run<'_, '_>) {
    if !run.runs(51) {
        return;
    }
    let mut first = true;
    for day in days(&run.lines) {
        for i in on(&run.lines, day) {
            let Some(l) = run.lines.get(i).filter(|l| !l.inpatient && l.flag(H::OBSERVATION_HOURLY)) else { continue };
            if first {
                first = false;
                continue;
            }
            let msg = format!("{} (hourly observation) is reported more than once on the claim: report it on one line with the total hours as units", l.code);
            run.push_line(RuleId::IoceObsMultiple, i, LineField::Code, msg);
        }
    }
}

/// Edit 58: a direct referral for observation (G0379) needs hourly observation (G0378) on the
/// same day.
pub(super) fn direct_referral(run: &mut Run<'_, '_>) {
    if !run.runs(58) {
        return;
    }
    for day in days(&run.lines) {
        let idx = on(&run.lines, day);
        if idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| !l.inpatient && l.flag(H::OBSERVATION_HOURLY))) {
            continue;
        }
        for i in idx {
            let Some(l) = run.lines.get(i).filter(|l| !l.excluded() && l.flag(H::OBSERVATION_DIRECT_ADMIT)) else { continue };
            let msg = format!("{} (direct referral for observation) is reported without hourly observation G0378 on {}: add the G0378 line with the observation hours, or remove {}", l.code, day.map_or_else(|| "the same day".to_owned(), |d| d.to_string()), l.code);
            run.push_line(RuleId::IoceObsDirect, i, LineField::Code, msg);
        }
    }
}

/// Hours of observation from which the I/OCE pays observation as a comprehensive APC.
const COMPREHENSIVE_HOURS: f64 = 8.0;

/// True when the I/OCE makes the claim a comprehensive observation stay (APC 8011): on its
/// comprehensive path, without a J1 procedure or any T procedure on the claim, the first hourly
/// observation line (G0378) has 8 hours or more and its day (or the claim's day before) has a
/// comprehensive visit (J2) or, on its day, a direct referral (G0379). The stay then packages the
/// claim's other services as a J1 procedure does.
pub(super) fn comprehensive_stay(run: &Run<'_, '_>) -> bool {
    if !run.comprehensive_path() || run.comprehensive() || run.lines.iter().any(|l| l.si() == "T") {
        return false;
    }
    // Most claims have no hourly observation: no need to group their lines by day.
    if !run.lines.iter().any(|l| !l.inpatient && l.flag(H::OBSERVATION_HOURLY)) {
        return false;
    }
    let all = days(&run.lines);
    let hourly = all.iter().enumerate().find_map(|(d, day)| {
        on(&run.lines, *day).into_iter().find(|&i| run.lines.get(i).is_some_and(|l| !l.inpatient && l.flag(H::OBSERVATION_HOURLY))).map(|i| (d, i))
    });
    let Some((d, _)) = hourly.filter(|(_, i)| run.lines.get(*i).is_some_and(|l| l.units >= COMPREHENSIVE_HOURS)) else { return false };
    let visit_on = |day: Option<&Option<crate::date::Date>>, referral: bool| {
        day.is_some_and(|day| on(&run.lines, *day).into_iter().any(|j| run.lines.get(j).is_some_and(|l| (l.si() == "J2" && !l.flag(H::OBSERVATION_DIRECT_ADMIT)) || (referral && l.flag(H::OBSERVATION_DIRECT_ADMIT)))))
    };
    visit_on(all.get(d), true) || d.checked_sub(1).is_some_and(|p| visit_on(all.get(p), false))
}
