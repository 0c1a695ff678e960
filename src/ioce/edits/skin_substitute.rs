//! Edit 87: a skin substitute application procedure needs its skin substitute product on the
//! same day. From I/OCE 27.0.1 (2026) the product is any code with status indicator S1; before,
//! the low-cost and high-cost application codes each need a product of their own group.
use super::days::{days, on};
use super::lines::professional_revenue;
use super::Run;
use crate::ioce::data::service_flag as S;
use crate::location::LineField;
use crate::rules::RuleId;

/// First I/OCE version (27.0.1) where any S1 product satisfies the application procedure.
const S1_PRODUCTS_FROM: u8 = 102;

pub(super) fn application_without_product(run: &mut Run<'_, '_>) {
    if !run.runs(87) {
        return;
    }
    let s1 = run.version() >= S1_PRODUCTS_FROM;
    let cah = run.path.critical_access();
    let mut found = Vec::new();
    for day in days(&run.lines) {
        let idx = on(&run.lines, day);
        let has = |flag: u32| idx.iter().any(|&i| run.service(i, flag));
        // On 85x a day with professional services (096x-098x) is left to the professional side.
        if cah && idx.iter().any(|&i| run.lines.get(i).is_some_and(|l| professional_revenue(l.revenue.as_deref().unwrap_or("")))) {
            continue;
        }
        for &i in &idx {
            if run.lines.get(i).is_none_or(|l| l.inpatient) {
                continue;
            }
            let missing = if s1 {
                run.service(i, S::SKIN_SUBSTITUTE_APPLICATION) && !idx.iter().any(|&j| run.lines.get(j).is_some_and(|l| l.si() == "S1"))
            } else {
                (run.service(i, S::SKIN_SUBSTITUTE_SG_LO) && !has(S::SKIN_SUBSTITUTE_LO)) || (run.service(i, S::SKIN_SUBSTITUTE_SG_HI) && !has(S::SKIN_SUBSTITUTE_HI))
            };
            if missing {
                found.push(i);
            }
        }
    }
    for i in found {
        let code = run.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
        let msg = format!("{code} is a skin substitute application but no skin substitute product of its kind is reported on the same day: add the product's HCPCS code (Q41xx/A2xxx) on the day of the application");
        run.push_line(RuleId::IoceSkinSubstitute, i, LineField::Code, msg);
    }
}
