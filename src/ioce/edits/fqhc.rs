//! I/OCE edits 88, 89, 90: the visit payment codes of a federally qualified health center claim
//! (77x but 770). An FQHC is paid per visit: each day's visit is billed with a payment code
//! (G0466..G0470) beside the service that makes it a visit, under a visit revenue code.
use super::{FLine, Run};
use crate::date::Date;
use crate::ioce::fqhc::PaymentCode;
use crate::ioce::programs::program_flag as P;
use crate::location::{LineField, Location};
use crate::rules::RuleId;

/// A service on the day that may qualify a payment code: a code, and its units on the day.
struct Qualifying<'l> {
    code: &'l str,
    units: f64,
    /// The day's payment-code lines (positions in the ranked list) it qualifies.
    visits: Vec<usize>,
}

/// A day's payment codes, by [`PaymentCode`] order (claim order among equals): (line, code).
type Visits = Vec<(usize, PaymentCode)>;

/// Edits 88 (a day without a payment code), 89 (a payment code without a service that
/// qualifies it) and 90 (a payment code under a revenue code that is not a visit's). All
/// return the claim to the provider.
pub(super) fn payment_codes(run: &mut Run<'_, '_>) {
    let p = &run.path;
    if !p.routed() || p.bill != "77" || run.bill_type.as_deref() == Some("770") || (run.version() <= 80 && run.condition("65")) {
        return;
    }
    let non_covered = lines_with(run, RuleId::IoceFqhcNoncov);
    let composite_days = iop_composite_days(run);
    let mut missing_visit = false;
    let mut hits: Vec<(usize, RuleId, LineField, String)> = Vec::new();
    for day in super::days::days(&run.lines) {
        let on_day = super::days::on(&run.lines, day);
        let composite = composite_days.contains(&day);
        // Lines the I/OCE leaves out: invalid codes and inpatient days.
        let lines: Vec<(usize, &FLine<'_>)> = on_day.iter().filter_map(|&i| Some((i, run.lines.get(i)?))).filter(|(_, l)| !l.inpatient && (l.code.is_empty() || l.row.is_some())).collect();
        let visits = ranked_visits(&lines);
        if visits.is_empty() {
            let only_non_covered = on_day.iter().all(|i| non_covered.contains(i));
            if !composite && needs_visit(run, &lines, only_non_covered) {
                missing_visit = true;
            }
            continue;
        }
        for k in unqualified(run, &lines, &visits) {
            let Some(&(i, pc)) = visits.get(k) else { continue };
            let code = run.lines.get(i).map_or("", |l| l.code.as_str());
            let what = if pc.mental_health() { "mental-health" } else { "medical" };
            hits.push((i, RuleId::IoceFqhcQualifyingVisit, LineField::Code, format!("FQHC payment code {code} has no {what} service on its day that qualifies it as a visit: report the visit's service (E/M or other qualifying code) on the same day, or remove the payment code")));
        }
        for &(i, pc) in &visits {
            let Some(l) = run.lines.get(i) else { continue };
            let revenue = l.revenue.as_deref().and_then(|r| r.parse::<u16>().ok()).filter(|_| l.rev_row.is_some());
            let Some(r) = revenue else { continue };
            if (pc.mental_health() && composite) || pc.revenue_fits(r) {
                continue;
            }
            let want = if pc.mental_health() { "0900 or 0519" } else { "0519 to 0529 (052x)" };
            hits.push((i, RuleId::IoceFqhcVisitRevenue, LineField::RevenueCode, format!("FQHC payment code {} is billed under revenue code {r:04}: bill it under revenue code {want}", l.code)));
        }
    }
    if missing_visit {
        run.push(
            RuleId::IoceFqhcNoPaymentCode,
            Location::Claim,
            "FQHC claim with services on a day without a visit payment code (G0466, G0467, G0468, G0469 or G0470): add the payment code of the day's visit".to_owned(),
        );
    }
    hits.sort_by_key(|h| h.0);
    for (i, rule, field, msg) in hits {
        run.push_line(rule, i, field, msg);
    }
}

/// The payment-code lines of a day in the I/OCE's order of choice.
fn ranked_visits(lines: &[(usize, &FLine<'_>)]) -> Visits {
    let mut visits: Visits = lines.iter().filter_map(|(i, l)| Some((*i, PaymentCode::of(&l.code)?))).collect();
    // A stable sort: claim order among equal payment codes.
    visits.sort_by_key(|v| v.1);
    visits
}

/// True when a day without a payment code must have one (edit 88): it has a service the FQHC
/// is paid for per visit. Days of only non-covered services, telehealth originating-site fees,
/// chronic care, digital mental-health treatment, non-packaged preventive services or an
/// opioid-treatment bundle (G2172, unless office treatment G2086..G2088 is billed with it) do not.
fn needs_visit(run: &Run<'_, '_>, lines: &[(usize, &FLine<'_>)], only_non_covered: bool) -> bool {
    let has = |codes: &[&str]| lines.iter().any(|(_, l)| codes.contains(&l.code.as_str()));
    let flagged = |f: u32| lines.iter().any(|(_, l)| run.program_flags(l) & f != 0);
    let opioid_bundle = has(&["G2172"]);
    let office_opioid = has(&["G2086", "G2087", "G2088"]);
    let exempt = has(&["Q3014", "G2025"]) || flagged(P::FQHC_CHRONIC_CARE | P::FQHC_DCAPS | P::FQHC_NON_PACKAGED_PREVENTIVE) || only_non_covered || opioid_bundle;
    !exempt || (opioid_bundle && office_opioid)
}

/// The positions (in `visits`) of payment codes no service of the day qualifies (edit 89). Each
/// qualifying code pays as many visits as its units; the I/OCE pairs first the services that can
/// qualify the fewest visits still unpaired.
fn unqualified(run: &Run<'_, '_>, lines: &[(usize, &FLine<'_>)], visits: &Visits) -> Vec<usize> {
    let v = run.version();
    // The other services of the day, one entry per code with its units summed.
    let mut services: Vec<Qualifying<'_>> = Vec::new();
    for (_, l) in lines.iter().filter(|(_, l)| PaymentCode::of(&l.code).is_none() && l.code != "G2172") {
        let units = l.units.trunc();
        match services.iter_mut().find(|s| s.code == l.code) {
            Some(s) => s.units += units,
            None => services.push(Qualifying { code: &l.code, units, visits: Vec::new() }),
        }
    }
    let code_of = |k: usize| visits.get(k).and_then(|(i, _)| run.lines.get(*i)).map_or("", |l| l.code.as_str());
    for s in &mut services {
        s.visits = (0..visits.len()).filter(|&k| run.io.qualifies_fqhc_visit(code_of(k), s.code, v)).collect();
    }
    services.retain(|s| !s.visits.is_empty());
    let mut owner: Vec<bool> = vec![false; visits.len()];
    let open = |s: &Qualifying<'_>, owner: &[bool]| s.visits.iter().filter(|&&k| !owner.get(k).copied().unwrap_or(true)).count();
    while !services.is_empty() {
        services.sort_by_key(|s| open(s, &owner));
        let mut s = services.remove(0);
        for &k in &s.visits {
            if owner.get(k) == Some(&false) && s.units >= 1.0 {
                if let Some(o) = owner.get_mut(k) {
                    *o = true;
                }
                s.units -= 1.0;
            }
            if owner.iter().all(|o| *o) {
                break;
            }
        }
    }
    owner.iter().enumerate().filter(|(_, o)| !**o).map(|(k, _)| k).collect()
}

/// The days of an FQHC intensive outpatient composite (OPPS, condition code 92, from I/OCE
/// 25.0): an IOP primary service under revenue code 0905 or 0519.
fn iop_composite_days(run: &Run<'_, '_>) -> Vec<Option<Date>> {
    let v = run.version();
    if !(run.opps && run.path.cc92 && v > 93 && !run.condition("65")) {
        return Vec::new();
    }
    run.lines
        .iter()
        .filter(|l| !l.excluded() && matches!(l.revenue.as_deref(), Some("0905" | "0519")) && run.program_flags(l) & P::IOP_PRIMARY != 0)
        .map(|l| l.date)
        .collect()
}

/// Lines a finding of `rule` points at.
fn lines_with(run: &Run<'_, '_>, rule: RuleId) -> Vec<usize> {
    run.out
        .iter()
        .filter(|f| f.rule == rule.as_str())
        .filter_map(|f| match f.location {
            Some(Location::Line { line, .. }) => Some(line),
            _ => None,
        })
        .collect()
}
