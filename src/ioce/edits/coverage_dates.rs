//! I/OCE edits 68 and 136: a service dated before the coverage decision that made its code
//! payable: a national coverage determination (NCD) or demonstration approval (68), or the
//! Advisory Committee on Immunization Practices (ACIP) approval of a vaccine (136). The dates
//! come from the I/OCE tables (`super::super::approval`).
use super::Run;
use crate::location::LineField;
use crate::rules::RuleId;

/// Edits 68 (a line denial) and 136 (a line rejection): the line's service date falls before
/// the approval date of a code the tables mark with that edit. Every processed type of bill
/// but 43x.
pub(super) fn before_coverage_approval(run: &mut Run<'_, '_>) {
    if !run.path.routed() || run.bill_type_is(&["43"]) {
        return;
    }
    let v = run.version();
    let mut hits = Vec::new();
    for (i, l) in run.lines.iter().enumerate() {
        let (Some(date), false) = (l.date, l.inpatient || l.row.is_none()) else { continue };
        let Some(a) = run.io.approval(&l.code, v) else { continue };
        let Some(approved) = a.approved.filter(|d| date < *d) else { continue };
        match a.edit {
            68 => hits.push((i, RuleId::IoceNcdDate, format!("{} was provided on {date}, before the national coverage determination (or demonstration) approved it on {approved}: check the date of service or the code", l.code))),
            136 => hits.push((i, RuleId::IoceAcipDate, format!("{} was provided on {date}, before ACIP approved the vaccine on {approved}: check the date of service or the code", l.code))),
            _ => {}
        }
    }
    for (i, id, msg) in hits {
        run.push_line(id, i, LineField::Code, msg);
    }
}
