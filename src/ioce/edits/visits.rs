//! I/OCE edit 42: more than one medical visit on a day under one revenue code.
use super::{FLine, Run};
use crate::ioce::data::hcpcs_flag as H;
use crate::location::LineField;
use crate::rules::RuleId;

/// Edit 42 (OPPS 13x outside PHP, IOP and opioid treatment, without condition code G0): a day's
/// medical visits (status indicator V) under one revenue code add up to more than one unit. A
/// comprehensive APC packages the visits first, so it does not apply then. A comprehensive
/// observation code (J2) counts as a visit, as for edit 21, unless it is critical care.
pub(super) fn multiple_visits(run: &mut Run<'_, '_>) {
    let p = &run.path;
    if !(run.opps && p.is13() && !p.cc89 && !p.cc41 && !p.cc92) || run.condition("G0") || run.comprehensive() {
        return;
    }
    let visit = |l: &FLine<'_>| l.si() == "V" || (l.si() == "J2" && !l.flag(H::CRITICAL_CARE_APC));
    let mut hits = Vec::new();
    for day in super::days::days(&run.lines) {
        let visits: Vec<usize> = super::days::on(&run.lines, day).into_iter().filter(|&i| run.lines.get(i).is_some_and(|l| !l.inpatient && l.revenue.is_some() && visit(l))).collect();
        for &i in &visits {
            let Some(l) = run.lines.get(i) else { continue };
            let units: f64 = visits.iter().filter_map(|&j| run.lines.get(j)).filter(|o| o.revenue == l.revenue).map(|o| o.units).sum();
            if units > 1.0 {
                let rev = l.revenue.clone().unwrap_or_default();
                hits.push((i, format!("{} is one of several medical visits on {} under revenue code {rev}: if they were distinct visits for unrelated problems add condition code G0, otherwise report one visit", l.code, day.map_or_else(String::new, |d| d.to_string()))));
            }
        }
    }
    for (i, msg) in hits {
        run.push_line(RuleId::IoceMultipleVisits, i, LineField::Code, msg);
    }
}
