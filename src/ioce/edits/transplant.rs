//! Transplant edits: corneal tissue processing without a cornea transplant on the day (93) and
//! an allogeneic stem cell transplant without donor acquisition revenue code 0815 (100).
use super::days::{days, on};
use super::Run;
use crate::ioce::data::service_flag as S;
use crate::location::LineField;
use crate::rules::RuleId;

/// Revenue code of allogeneic stem cell acquisition services.
const ALLOGENEIC_ACQUISITION_REVENUE: &str = "0815";

/// Edit 93: corneal tissue acquisition or processing (V2785) needs a cornea transplant on the
/// same day.
pub(super) fn cornea_tissue(run: &mut Run<'_, '_>) {
    if !run.runs(93) {
        return;
    }
    for day in days(&run.lines) {
        let idx: Vec<usize> = on(&run.lines, day).into_iter().filter(|&i| run.lines.get(i).is_some_and(|l| !l.excluded())).collect();
        if idx.iter().any(|&i| run.service(i, S::CORNEA_TRANSPLANT)) {
            continue;
        }
        let tissue: Vec<usize> = idx.into_iter().filter(|&i| run.service(i, S::CORNEA_TISSUE_PROCESSING)).collect();
        for i in tissue {
            let code = run.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
            let msg = format!("{code} (corneal tissue acquisition or processing) is reported without a cornea transplant on the same day: report the keratoplasty code, or remove {code}");
            run.push_line(RuleId::IoceCorneaTissue, i, LineField::Code, msg);
        }
    }
}

/// Edit 100: an allogeneic hematopoietic stem cell transplant needs its donor acquisition
/// costs under revenue code 0815 on the claim.
pub(super) fn allogeneic(run: &mut Run<'_, '_>) {
    if !run.runs(100) {
        return;
    }
    let active: Vec<usize> = (0..run.lines.len()).filter(|&i| run.lines.get(i).is_some_and(|l| !l.excluded())).collect();
    if active.iter().any(|&i| run.lines.get(i).is_some_and(|l| l.revenue.as_deref() == Some(ALLOGENEIC_ACQUISITION_REVENUE))) {
        return;
    }
    let transplants: Vec<usize> = active.into_iter().filter(|&i| run.service(i, S::ALLOGENEIC_TRANSPLANT)).collect();
    for i in transplants {
        let code = run.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
        let msg = format!("{code} (allogeneic stem cell transplant) needs the donor acquisition charges under revenue code 0815 on the same claim: add the 0815 line");
        run.push_line(RuleId::IoceAllogeneic, i, LineField::Code, msg);
    }
}
