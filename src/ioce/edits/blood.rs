//! Blood edits: transfusions without a blood product (43), blood products billed without their
//! matching 038x / 039x lines (73), and revenue codes 0381 / 0382 with another product (79).
use super::days::{days, on};
use super::{FLine, Run};
use crate::ioce::data::service_flag as S;
use crate::location::LineField;
use crate::rules::RuleId;
use std::collections::BTreeSet;

/// Revenue code 038x (blood products) or 039x (blood storage and processing).
fn revenue_in(l: &FLine<'_>, centre: &str) -> bool {
    l.revenue.as_deref().is_some_and(|r| r.len() == 4 && r.starts_with(centre))
}

/// Edit 43: a transfusion or exchange (blood service) on a claim without any blood product.
pub(super) fn service_without_product(run: &mut Run<'_, '_>) {
    if !run.runs(43) || (0..run.lines.len()).any(|i| run.service(i, S::BLOOD_PRODUCT)) {
        return;
    }
    for i in 0..run.lines.len() {
        if !run.service(i, S::BLOOD_SERVICE) || run.lines.get(i).is_none_or(|l| l.inpatient) {
            continue;
        }
        let code = run.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
        let msg = format!("{code} is a transfusion or blood exchange but the claim reports no blood product: add the blood product line (P-code under revenue code 038x or 039x)");
        run.push_line(RuleId::IoceBloodProduct, i, LineField::Code, msg);
    }
}

/// Edit 79: revenue code 0381 is for packed red cells and 0382 for whole blood only.
pub(super) fn revenue_code(run: &mut Run<'_, '_>) {
    if !run.runs(79) {
        return;
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient) else { continue };
        let wrong = match l.revenue.as_deref() {
            Some("0381") => (!run.service(i, S::PACKED_RED_CELLS)).then_some("packed red cells"),
            Some("0382") => (!run.service(i, S::WHOLE_BLOOD)).then_some("whole blood"),
            _ => None,
        };
        let (Some(what), Some(rev)) = (wrong, l.revenue.clone()) else { continue };
        let code = if l.code.is_empty() { "no HCPCS code".to_owned() } else { l.code.clone() };
        let msg = format!("revenue code {rev} is for {what}, reported here with {code}: report the {what} HCPCS code, or use revenue code 0380 or 0390 for other blood products");
        run.push_line(RuleId::IoceBloodRevenue, i, LineField::RevenueCode, msg);
    }
}

/// Edit 73: on a day with a blood product, each product line must be billed as the I/OCE
/// expects: under revenue code 038x with a matching 039x line of the same code, or under 039x
/// with modifier BL and matching 038x lines (also with BL) of the same code and total units,
/// or under 039x without BL and no 038x line of the same code.
pub(super) fn product_billing(run: &mut Run<'_, '_>) {
    if !run.runs(73) {
        return;
    }
    let mut flagged: BTreeSet<usize> = BTreeSet::new();
    for day in days(&run.lines) {
        let idx: Vec<usize> = on(&run.lines, day).into_iter().filter(|&i| run.service(i, S::BLOOD_PRODUCT)).collect();
        let line = |i: &usize| run.lines.get(*i);
        let product = |centre: &'static str| idx.iter().copied().filter(move |i| line(i).is_some_and(|l| revenue_in(l, centre))).collect::<Vec<usize>>();
        let (r38, r39) = (product("038"), product("039"));
        let same = |a: usize, b: &usize| line(&a).zip(line(b)).is_some_and(|(x, y)| x.code == y.code);
        let bl = |i: &usize| line(i).is_some_and(|l| l.has_modifier(&["BL"]));
        let units = |set: &[usize]| set.iter().filter_map(&line).map(|l| l.units.max(1.0).floor()).sum::<f64>();
        for &i in idx.iter().filter(|&&i| line(&i).is_some_and(|l| !l.inpatient)) {
            if r39.contains(&i) {
                let matches: Vec<usize> = r38.iter().copied().filter(|j| same(i, j)).collect();
                if !bl(&i) {
                    if !matches.is_empty() {
                        flagged.insert(i);
                        flagged.extend(matches);
                    }
                    continue;
                }
                if matches.is_empty() {
                    flagged.insert(i);
                    continue;
                }
                let without_bl: Vec<usize> = matches.iter().copied().filter(|j| !bl(j)).collect();
                if !without_bl.is_empty() {
                    flagged.insert(i);
                    flagged.extend(without_bl);
                    continue;
                }
                let with_bl_39: Vec<usize> = r39.iter().copied().filter(|j| same(i, j) && bl(j)).collect();
                if units(&matches) != units(&with_bl_39) {
                    flagged.extend(matches);
                    flagged.extend(with_bl_39);
                }
            } else if r38.contains(&i) {
                if !r39.iter().any(|j| same(i, j)) {
                    flagged.insert(i);
                }
            } else {
                flagged.insert(i);
            }
        }
    }
    for i in flagged {
        let Some(l) = run.lines.get(i) else { continue };
        let msg = format!(
            "blood product {} is not billed as a pair: report it once under revenue code 038x and once under 039x (storage and processing) with the same code, units and modifier BL",
            l.code
        );
        run.push_line(RuleId::IoceBloodBilling, i, LineField::Code, msg);
    }
}
