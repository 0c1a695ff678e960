//! Per-line I/OCE edits driven by the code, revenue code and modifier tables.
use crate::location::LineField;
use super::Run;
use crate::claim::check::Ctx;
use crate::ioce::data::{hcpcs_flag as H, revenue_flag as R};
use crate::rules::RuleId;

/// Revenue code of non-covered services billed without a HCPCS code (edit 9).
const NON_COVERED_REVENUE: &str = "0760";
/// Ambulance revenue code: its modifiers are origin/destination codes, not checked (edit 22).
const AMBULANCE_REVENUE: &str = "0540";
/// Physician services on a hospice claim (81x, 82x): not edited by 72.
const PHYSICIAN_SERVICES_REVENUE: &str = "0657";
/// The I/OCE's token charge: a token-charge-only code must be billed below it (edit 82).
const TOKEN_CHARGE: f64 = 1.01;

/// Edits 6 (code), 41 (revenue code), 22 (modifiers).
pub(super) fn validity(run: &mut Run<'_, '_>) {
    let (v, id) = (run.version(), run.release.id.clone());
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        let mut found: Vec<(RuleId, LineField, String)> = Vec::new();
        if run.runs(6) && !l.code.is_empty() && l.row.is_none() {
            // The code's rows read once (not a table search per release).
            let rows: Vec<_> = run.io.s.hcpcs.rows(l.code.as_bytes()).collect();
            let valid_in = |r: &&crate::ioce::data::Release| rows.iter().any(|row| row.lo <= r.version && r.version <= row.hi);
            let later = run.io.s.releases.iter().filter(|r| r.version > v).find(valid_in);
            let earlier = run.io.s.releases.iter().rev().filter(|r| r.version < v).find(valid_in);
            let why = match (later, earlier) {
                (Some(r), _) => format!("; it becomes valid with I/OCE {} ({})", r.id, super::fmt(r.from)),
                (None, Some(r)) => format!("; it was last valid in I/OCE {} (to {}): use its replacement code", r.id, super::fmt(r.to)),
                _ => String::new(),
            };
            found.push((RuleId::IoceHcpcsValid, LineField::Code, format!("{} is not a valid HCPCS/CPT code in I/OCE {id}{why}", l.code)));
        }
        if run.runs(41) && l.rev_row.is_none() {
            let msg = match &l.revenue {
                None => "the line has no valid revenue code (UB-04 FL 42, four digits such as 0450)".to_owned(),
                Some(r) => format!("revenue code {r} is not valid in the I/OCE; check the UB-04 revenue code list"),
            };
            found.push((RuleId::IoceRevValid, LineField::RevenueCode, msg));
        }
        let cc65 = run.bill_type_is(&["77"]) && run.condition("65");
        if run.runs(22) && !cc65 && l.revenue.as_deref() != Some(AMBULANCE_REVENUE) {
            for (j, m) in l.modifiers.iter().enumerate() {
                if !m.starts_with('@') && !run.io.modifier_valid(m, v) {
                    found.push((RuleId::IoceModValid, LineField::Modifier(j), format!("modifier {m} is not valid in I/OCE {id}")));
                }
            }
        }
        for (rule, field, msg) in found {
            run.push_line(rule, i, field, msg);
        }
    }
}

/// Edit 7: the code's age range (skipped when the age is missing or invalid, as the I/OCE does).
pub(super) fn age(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    let Some(age) = ctx.age.filter(|a| *a <= 124 && run.runs(7)) else { return };
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        let Some(row) = l.row.filter(|_| !l.inpatient) else { continue };
        if age < u32::from(row.lo_age) || age > u32::from(row.hi_age) {
            let msg = format!("{} is reported for patients aged {} to {}; the patient is {age}: check the code or the date of birth", l.code, row.lo_age, row.hi_age);
            run.push_line(RuleId::IoceHcpcsAge, i, LineField::Code, msg);
        }
    }
}

/// Edits 112, 9, 50, 48, 65, 28, 13, 12, 72: what Medicare covers and pays on this claim.
pub(super) fn coverage(run: &mut Run<'_, '_>) {
    let professional_cah = run.bill_type_is(&["85"]);
    let fqhc_rhc = run.version() > 70 && run.bill_type_is(&["71", "77"]);
    let hospice = run.bill_type_is(&["81", "82"]);
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        if l.inpatient {
            continue;
        }
        let code = l.code.clone();
        let rev = l.revenue.clone().unwrap_or_default();
        let info_only = run.runs(112) && l.flag(H::INFORMATION_ONLY) && !l.excluded();
        if info_only {
            run.push_line(RuleId::IoceInfoOnly, i, LineField::Code, format!("{code} is reported for information only and is not paid; keep it if the quality program asks for it"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(9) && l.code.is_empty() && rev == NON_COVERED_REVENUE && !l.excluded() {
            run.push_line(RuleId::IoceNoncov, i, LineField::RevenueCode, format!("revenue code {rev} is non-covered under every Medicare outpatient benefit"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(9) && l.flag(H::NON_COVERED) && !info_only {
            run.push_line(RuleId::IoceNoncov, i, LineField::Code, format!("{code} is non-covered under every Medicare outpatient benefit (not a statutory exclusion); bill the patient with an ABN if one was signed"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(50) && !l.excluded() && l.rev_row.is_some_and(|r| r.has(R::STATUTORY_EXCLUSION)) {
            run.push_line(RuleId::IoceStatutory, i, LineField::RevenueCode, format!("revenue code {rev} is statutorily excluded from Medicare"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(50) && !l.excluded() && l.flag(H::STATUTORY_EXCLUSION) {
            run.push_line(RuleId::IoceStatutory, i, LineField::Code, format!("{code} is statutorily excluded from Medicare (no benefit category)"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(48) && l.code.is_empty() && l.rev_row.is_some_and(|r| !r.has(R::BYPASS_E48) && !matches!(r.status_indicator, "N" | "F")) {
            run.push_line(RuleId::IoceRevHcpcs, i, LineField::Code, format!("revenue code {rev} needs a HCPCS/CPT code on the line"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(65) && l.rev_row.is_some_and(|r| r.has(R::NOT_RECOGNIZED)) {
            run.push_line(RuleId::IoceRevNotrec, i, LineField::RevenueCode, format!("revenue code {rev} is not recognised by Medicare"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(28) && !l.excluded() && l.flag(H::NOT_RECOGNIZED_MCARE) {
            run.push_line(RuleId::IoceNotrecMcare, i, LineField::Code, format!("{code} is not recognised by Medicare on outpatient claims; an alternate code for the same service may exist"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(13) && l.row.is_some_and(|r| r.status_indicator == "E2") {
            run.push_line(RuleId::IoceNotpaid, i, LineField::Code, format!("{code} (status indicator E2) is not paid by Medicare when billed on an outpatient claim"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(12) && !l.excluded() && l.flag(H::QUESTIONABLE) {
            run.push_line(RuleId::IoceQuestionable, i, LineField::Code, format!("{code} is a questionable covered service: the claim is suspended for review; keep the documentation ready"));
        }
        let Some(l) = run.lines.get(i) else { continue };
        if run.runs(72) && l.flag(H::NON_BILLABLE_MAC) {
            let bypass = (fqhc_rhc && (l.flag(H::BYPASS_E72_FQHC_RHC) || l.si() == "M"))
                || (hospice && rev == PHYSICIAN_SERVICES_REVENUE)
                || (professional_cah && professional_revenue(&rev));
            if !bypass {
                run.push_line(RuleId::IoceNotMac, i, LineField::Code, format!("{code} is not billable to the Medicare Administrative Contractor on this claim (status indicator M)"));
            }
        }
    }
}

/// Edit 127: a Part B inpatient (12x) claim takes only services payable there (by HCPCS or by
/// revenue code; status indicator L passes; 0240 and 0636 together pass from I/OCE 26.1).
pub(super) fn part_b_inpatient(run: &mut Run<'_, '_>) {
    let has = |r: &str| run.lines.iter().any(|l| l.revenue.as_deref() == Some(r));
    let drug_bypass = run.version() > 97 && has("0240") && has("0636");
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        let Some(row) = l.row else { continue };
        let revenue_ok = l.rev_row.is_some_and(|r| r.has(R::PART_B_BILLABLE_INPATIENT));
        let bypass = drug_bypass && matches!(l.revenue.as_deref(), Some("0240" | "0636"));
        if !revenue_ok && !row.has(H::PART_B_BILLABLE) && row.status_indicator != "L" && !bypass {
            let msg = format!("{} is not payable on a Part B inpatient claim (type of bill 12x)", l.code);
            run.push_line(RuleId::IocePartBInpatient, i, LineField::Code, msg);
        }
    }
}

/// Edit 102: two modifiers the I/OCE does not allow on one line (CT/FX/FY, ER/PN/PO).
pub(super) fn modifier_pairs(run: &mut Run<'_, '_>) {
    let (v, cc65) = (run.version(), run.bill_type_is(&["77"]) && run.condition("65"));
    if cc65 {
        return;
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i).filter(|l| !l.inpatient) else { continue };
        let m = &l.modifiers;
        let pair = m.iter().enumerate().find_map(|(j, a)| m.iter().skip(j.saturating_add(1)).find(|b| run.io.modifiers_conflict(a, b, v)).map(|b| (a.clone(), b.clone())));
        if let Some((a, b)) = pair {
            run.push_line(RuleId::IoceModPair, i, LineField::Modifiers, format!("modifiers {a} and {b} may not be reported on the same line: keep the one that applies"));
        }
    }
}

/// Edits 55 (non-13x bill types), 61 and 62.
pub(super) fn site(run: &mut Run<'_, '_>) {
    // The I/OCE skips edit 61 when a comprehensive APC is chosen (a J1 procedure on an OPPS claim).
    let comprehensive = run.comprehensive();
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        if l.inpatient {
            continue;
        }
        let code = l.code.clone();
        let mut found = Vec::new();
        if run.runs(55) && l.flag(H::NON_REPORTABLE_SITE) {
            found.push((RuleId::IoceSite, format!("{code} is not reportable for this site of service (type of bill)")));
        }
        if run.runs(61) && !comprehensive && l.flag(H::DMERC_BILLABLE_ONLY) {
            found.push((RuleId::IoceDme, format!("{code} is billable only to the DME MAC; bill it on a DME claim")));
        }
        if run.runs(62) && l.flag(H::NOT_RECOGNIZED_OPPS) {
            found.push((RuleId::IoceNotrecOpps, format!("{code} is not recognised by the OPPS; an alternate code for the same service may exist (often a G or C code)")));
        }
        for (rule, msg) in found {
            run.push_line(rule, i, LineField::Code, msg);
        }
    }
}

/// Edit 82: a token-charge-only code billed at $1.01 or more (or with no charge).
pub(super) fn token_charge(run: &mut Run<'_, '_>) {
    if !run.runs(82) {
        return;
    }
    for i in 0..run.lines.len() {
        let Some(l) = run.lines.get(i) else { continue };
        if !l.inpatient && l.flag(H::TOKEN_CHARGE_ONLY) && !token_charged(l) {
            let msg = format!("{} is billed with a token charge only: enter a charge below ${TOKEN_CHARGE:.2}", l.code);
            run.push_line(RuleId::IoceToken, i, LineField::Charge, msg);
        }
    }
}

/// True when the line's charge is a token charge: above zero, below the I/OCE's token amount.
pub(super) fn token_charged(l: &super::FLine<'_>) -> bool {
    l.charge.is_some_and(|c| c > 0.0 && c < TOKEN_CHARGE)
}

/// Revenue codes 096x to 098x: professional services.
pub(super) fn professional_revenue(rev: &str) -> bool {
    rev.parse::<u16>().is_ok_and(|r| (960..=989).contains(&r))
}
