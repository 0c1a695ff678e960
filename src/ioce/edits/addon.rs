//! Add-on code edits 106, 107, 108. The I/OCE applies the NCCI add-on edits (type I, II, III
//! and drug administration) only on non-OPPS claims — the OPPS packages add-ons — and the
//! software-as-a-service and remote mental-health add-on edits only on OPPS claims.
use crate::location::LineField;
use super::{lines::professional_revenue, Run};
use crate::ioce::data::{addon_map as M, hcpcs_flag as H};
use crate::date::Date;
use crate::rules::RuleId;

/// Deepest chain of add-ons on add-ons followed (the I/OCE's limit).
const MAX_DEPTH: u32 = 256;

pub(super) fn check(run: &mut Run<'_, '_>) {
    if run.runs(106) {
        type1_and_3(run);
        type2(run);
        listed(run, H::ADDON_DRUG_ADMIN, M::DRUG_ADMIN, "drug administration");
    }
    if run.path.saas_addon() {
        listed(run, H::ADDON_SAAS, M::SAAS, "software-as-a-service");
    }
    if run.path.remote_mental_health_addon() {
        listed(run, H::REMOTE_MENTAL_HEALTH_ADDON, M::REMOTE_MENTAL_HEALTH, "remote mental-health");
    }
}

fn usable_primary(run: &Run<'_, '_>, j: usize) -> bool {
    run.lines.get(j).is_some_and(|p| p.row.is_some() && !p.inpatient)
}

/// True when the add-on on line `i` has a primary in the window of service dates, on or before
/// its date, whose own add-on requirement (if it is an add-on too) is met in the same window.
fn satisfied(run: &Run<'_, '_>, i: usize, window: &[Option<Date>], depth: &mut u32) -> bool {
    *depth = depth.saturating_add(1);
    if *depth >= MAX_DEPTH {
        return false;
    }
    let Some(addon) = run.lines.get(i) else { return false };
    if !addon.flag(H::ADDON_TYPE1) && !addon.flag(H::ADDON_TYPE3) {
        return true;
    }
    let v = run.version();
    let cah = run.path.critical_access();
    (0..run.lines.len()).any(|j| {
        j != i
            && usable_primary(run, j)
            && run.lines.get(j).is_some_and(|p| {
                window.contains(&p.date)
                    && !matches!((addon.date, p.date), (Some(a), Some(d)) if a < d)
                    && (!cah || professional(addon) == professional(p))
                    && run.io.addon_pair(&addon.code, &p.code, v) & (M::TYPE1 | M::TYPE3) != 0
            })
            && satisfied(run, j, window, depth)
    })
}

fn professional(l: &super::FLine<'_>) -> bool {
    professional_revenue(l.revenue.as_deref().unwrap_or(""))
}

fn type1_and_3(run: &mut Run<'_, '_>) {
    let mut dates: Vec<Option<Date>> = run.lines.iter().map(|l| l.date).collect();
    dates.sort();
    dates.dedup();
    let mut hits = Vec::new();
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient) else { continue };
        if !l.flag(H::ADDON_TYPE1) && !l.flag(H::ADDON_TYPE3) {
            continue;
        }
        // The I/OCE looks for the primary on the add-on's day and the day with services before it.
        let k = dates.iter().position(|d| *d == l.date).unwrap_or(0);
        let window = dates.get(k.saturating_sub(1)..=k).unwrap_or(&[]);
        let mut depth = 0;
        if satisfied(run, i, window, &mut depth) {
            continue;
        }
        if l.flag(H::ADDON_TYPE1) {
            hits.push((i, RuleId::IoceAddon1, format!("{} is an add-on code: report one of its primary procedures on the claim", l.code)));
        } else {
            hits.push((i, RuleId::IoceAddon3, format!("{} is an add-on code: report one of its listed primary procedures, or the primary the contractor defines", l.code)));
        }
    }
    for (i, rule, msg) in hits {
        run.push_line(rule, i, LineField::Code, msg);
    }
}

fn type2(run: &mut Run<'_, '_>) {
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        if l.flag(H::ADDON_TYPE2) && !l.excluded() && professional_revenue(l.revenue.as_deref().unwrap_or("")) {
            let msg = format!("{} is an add-on code whose primary procedures the contractor defines: make sure its primary is on the claim", l.code);
            run.push_line(RuleId::IoceAddon2, i, LineField::Code, msg);
        }
    }
}

/// Add-ons with a listed primary anywhere on the claim (drug administration, SaaS, remote
/// mental health): edit 106.
fn listed(run: &mut Run<'_, '_>, flag: u32, map: u32, what: &str) {
    let v = run.version();
    let cah = run.bill_type_is(&["85"]) && map == M::DRUG_ADMIN;
    let mut hits = Vec::new();
    for (i, l) in run.lines.iter().enumerate() {
        if !l.flag(flag) || l.inpatient {
            continue;
        }
        let found = run.lines.iter().enumerate().any(|(j, p)| {
            let same_side = !cah || professional(l) == professional(p);
            j != i && same_side && p.row.is_some() && !p.inpatient && run.io.addon_pair(&l.code, &p.code, v) & map != 0
        });
        if !found {
            hits.push((i, format!("{} is a {what} add-on code: report its primary service on the claim", l.code)));
        }
    }
    for (i, msg) in hits {
        run.push_line(RuleId::IoceAddon1, i, LineField::Code, msg);
    }
}
