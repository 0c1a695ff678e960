//! NCCI procedure-to-procedure edits as the I/OCE raises them (20 and 40, line rejections): on
//! each day, the column-two code of an outpatient-hospital NCCI pair in force in the claim's
//! I/OCE release is rejected, unless the pair allows a modifier (indicator 1) and either line
//! carries an NCCI-associated modifier. The column-one line is not edited (the I/OCE's edits
//! 19 and 39 for it are not raised). On 85x claims professional lines (096x-098x) pair only
//! with professional lines and facility lines only with facility lines.
//!
//! On an outpatient claim these replace the professional PTP-0 / PTP-1 findings.
use super::lines::professional_revenue;
use super::{FLine, Run};
use crate::claim::check::Ctx;
use crate::claim::ClaimType;
use crate::date::Date;
use crate::location::LineField;
use crate::ptp::{modifiers::first_bypass, ModifierIndicator};
use crate::rules::RuleId;

pub(super) fn check(ctx: &mut Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    let replaced = [RuleId::Ptp0.as_str(), RuleId::Ptp1.as_str()];
    ctx.out.retain(|f| !replaced.contains(&&*f.rule));
    if !run.runs(20) {
        return;
    }
    let Some((ptp, table)) = ctx.engine.ptp.as_ref().and_then(|p| Some((p, p.table(ClaimType::Outpatient)?))) else { return };
    // The I/OCE reads the pairs of its release, the quarter of the claim's from-date.
    let Some(quarter) = Date::from_yyyymmdd(run.release.from) else { return };
    let cah = run.path.critical_access();
    let side = |l: &FLine<'_>| professional_revenue(l.revenue.as_deref().unwrap_or(""));
    // Codes valid in the release and known to the pair table, by line.
    let ids: Vec<Option<u16>> = run.lines.iter().map(|l| l.row.and_then(|_| ptp.code_id(&l.code))).collect();
    let mut found: Vec<(usize, RuleId, String)> = Vec::new();
    for (i, two) in run.lines.iter().enumerate() {
        let Some(id_two) = ids.get(i).copied().flatten().filter(|_| !two.inpatient && two.date.is_some()) else { continue };
        for (j, one) in run.lines.iter().enumerate() {
            if i == j || one.inpatient || one.date != two.date || (cah && side(one) != side(two)) {
                continue;
            }
            let Some(edit) = ids.get(j).copied().flatten().and_then(|id_one| ptp.edit_in_force(table, id_one, id_two, quarter)) else { continue };
            let hit = match edit.modifier_indicator {
                ModifierIndicator::NotAllowed => Some(RuleId::IoceNcci),
                ModifierIndicator::Allowed if first_bypass(&one.modifiers).is_none() && first_bypass(&two.modifiers).is_none() => Some(RuleId::IoceNcciMod),
                _ => None,
            };
            let Some(rule) = hit.filter(|r| !found.iter().any(|(k, q, _)| *k == i && q == r)) else { continue };
            let msg = match rule {
                RuleId::IoceNcci => format!("{} is column two of an NCCI pair with {} on the same day that no modifier allows: remove {}", two.code, one.code, two.code),
                _ => format!(
                    "{} is column two of an NCCI pair with {} on the same day: remove it, or, when it was a distinct service (other site, session or encounter), add an NCCI-associated modifier (59, XE, XS, XP, XU or an anatomic modifier)",
                    two.code, one.code
                ),
            };
            found.push((i, rule, msg));
        }
    }
    for (i, rule, msg) in found {
        run.push_line(rule, i, LineField::Code, msg);
    }
}
