//! I/OCE edit 45: an inpatient-only "separate procedure" on the day of a significant procedure.
use super::Run;
use crate::ioce::data::hcpcs_flag as H;
use crate::location::LineField;
use crate::rules::RuleId;

/// Edit 45 (OPPS 12x, 13x outside opioid treatment, 76x): on a day with a type T procedure (or
/// on a claim the I/OCE pays under a comprehensive APC) and no inpatient-only denial, an
/// inpatient-only code (status indicator C) on the "separate procedure" list is not paid: it is
/// part of the day's main procedure. A line rejection.
pub(super) fn inpatient_separate_procedure(run: &mut Run<'_, '_>) {
    let p = &run.path;
    if !run.opps || !(p.is12() || (p.is13() && !p.cc89) || p.bill == "76") {
        return;
    }
    let comprehensive = run.comprehensive();
    let mut hits = Vec::new();
    for day in super::days::days(&run.lines) {
        let idx = super::days::on(&run.lines, day);
        let lines = || idx.iter().filter_map(|&i| run.lines.get(i).map(|l| (i, l)));
        // A day denied for an inpatient-only procedure (edits 18, 49) is left alone.
        if lines().any(|(_, l)| l.inpatient) || !(comprehensive || lines().any(|(_, l)| l.si() == "T")) {
            continue;
        }
        hits.extend(lines().filter(|(_, l)| l.si() == "C" && l.flag(H::SEPARATE_PROCEDURE)).map(|(i, l)| (i, l.code.clone())));
    }
    for (i, code) in hits {
        let msg = format!("{code} is an inpatient-only separate procedure done with the day's main procedure: it is not paid separately; remove it or report only the main procedure");
        run.push_line(RuleId::IoceSeparateProcedure, i, LineField::Code, msg);
    }
}
