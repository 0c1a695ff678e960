//! Claim-level I/OCE edits: bill type (118), patient age (25), principal diagnosis (113).
use super::Run;
use crate::claim::check::Ctx;
use crate::ioce::data::dx_flag;
use crate::rules::RuleId;

/// Bill types (first two digits) the I/OCE processes for OPPS providers.
const OPPS_BILL_TYPES: [&str; 17] = ["12", "13", "14", "22", "23", "32", "34", "43", "71", "72", "74", "75", "76", "77", "81", "82", "87"];
/// Bill types the I/OCE processes for non-OPPS providers.
const NON_OPPS_BILL_TYPES: [&str; 22] =
    ["12", "13", "14", "22", "23", "32", "34", "43", "71", "72", "73", "74", "75", "77", "78", "81", "82", "83", "84", "85", "87", "89"];

/// Edit 118: bill type missing, not three characters, or not processed for the provider.
/// False when it fires: the I/OCE stops there.
pub(super) fn bill_type(run: &mut Run<'_, '_>) -> bool {
    let msg = match run.bill_type.as_deref() {
        None | Some("") => "the claim has no type of bill (UB-04 FL 4); give it, e.g. 0131 for a hospital outpatient claim".to_owned(),
        Some(b) if b.len() != 3 || !b.bytes().all(|c| c.is_ascii_alphanumeric()) => {
            format!("type of bill `{}` is not three characters after the leading 0 (e.g. 0131)", b.chars().take(8).collect::<String>())
        }
        Some(b) => {
            let prefix = b.get(..2).unwrap_or("");
            let cc41 = run.condition("41");
            let late = run.version() > 93;
            if late && matches!(prefix, "12" | "14") && cc41 {
                format!("type of bill {b} cannot carry condition code 41 (partial hospitalization) from I/OCE 25.0; use 13x or 76x")
            } else if late && prefix == "76" && !cc41 && !run.condition("92") {
                format!("type of bill {b} (CMHC) needs condition code 41 (PHP) or 92 (IOP)")
            } else if run.opps && !OPPS_BILL_TYPES.contains(&prefix) {
                format!("type of bill {b} is not processed by the I/OCE for an OPPS hospital; for a non-OPPS provider set opps to false")
            } else if !run.opps && !NON_OPPS_BILL_TYPES.contains(&prefix) {
                format!("type of bill {b} is not processed by the I/OCE for a non-OPPS provider")
            } else {
                return true;
            }
        }
    };
    run.push(RuleId::IoceBillType, "/billType", msg);
    false
}

/// Edit 27 (OPPS): every line is packaged (status indicator N), an invalid code (edit 6) or a
/// revenue-code-only line with an invalid revenue code (edit 41), and at least one is packaged.
/// The claim is rejected and the I/OCE stops. True when it fires.
pub(super) fn incidentals_only(run: &mut Run<'_, '_>) -> bool {
    let packaged = |l: &super::FLine<'_>| l.si() == "N" && (l.row.is_some() || l.code.is_empty());
    if !run.lines.iter().any(|l| packaged(l) && !l.rejected) {
        return false;
    }
    let only = run.lines.iter().all(|l| packaged(l) || (!l.code.is_empty() && l.row.is_none()) || (l.code.is_empty() && l.rev_row.is_none()));
    if only {
        run.push(RuleId::IoceIncidental, "/lines", "every service on the claim is packaged (incidental, status indicator N): report the procedure or visit they belong to".into());
    }
    only
}

/// Edits 25 and 26: age missing or outside 0..124; sex missing.
pub(super) fn patient(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    let p = &ctx.claim.patient;
    // Forms carry the birth date (UB-04 FL 10): point there unless an age was given.
    let at = if p.age.is_some() { "/patient/age" } else { "/patient/dateOfBirth" };
    match ctx.age {
        Some(a) if a > 124 => run.push(RuleId::IoceAge, at, format!("patient age {a} is outside 0 to 124 years; check the date of birth")),
        None => run.push(RuleId::IoceAge, at, "the claim has no patient age or date of birth (UB-04 FL 10)".into()),
        Some(_) => {}
    }
    if p.sex.is_none() {
        run.push(RuleId::IoceSex, "/patient/sex", "the claim has no patient sex (UB-04 FL 11): give F, M or U".into());
    }
}

/// Edits 1 and 2 on the patient's reasons for visit (UB-04 FL 70).
pub(super) fn reasons_for_visit(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    let Some(on) = ctx.dos else { return };
    for (i, raw) in ctx.claim.facility.reason_for_visit.iter().enumerate().take(3) {
        let at = format!("/reasonForVisit/{i}");
        let code = crate::normalize::normalize_code(raw).text;
        if let Some(why) = crate::claim::dx_rules::invalid_reason(ctx, raw, &code) {
            if run.runs(1) {
                run.out.push(crate::rules::finding(RuleId::DxValid, format!("reason for visit: {why}"), None).at(at));
            }
            continue;
        }
        let flags = ctx.data.and_then(|d| d.mce_flags(&code, on)).unwrap_or(0);
        if run.runs(2) && ctx.age.is_some_and(|a| a <= 124) {
            let label = ctx.data.map(|d| d.s.mce_label.to_owned());
            for msg in crate::claim::dx_rules::age_conflicts(ctx, flags, &crate::icd10cm::dotted(&code), on) {
                run.out.push(crate::rules::finding(RuleId::DxAge, format!("reason for visit: {msg}"), label.clone()).at(at.clone()));
            }
        }
    }
}

/// Edit 113: the principal diagnosis is on the I/OCE's unacceptable list (its own exclusions
/// honoured, except on the 12x, 22x, 81x and 82x paths, where the I/OCE ignores some).
pub(super) fn principal_dx(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    if !run.runs(113) {
        return;
    }
    let Some(pdx) = ctx.dx.first() else { return };
    if pdx.icd.is_none() {
        return; // invalid codes are edit 1
    }
    let f = run.io.dx_flags(&pdx.code, run.version());
    if f & dx_flag::UNACCEPTABLE_PDX == 0 {
        return;
    }
    let ignore_exclusion = f & dx_flag::EXCLUSION_IGNORED != 0 && run.bill_type_is(&["12", "22", "81", "82"]);
    if f & dx_flag::EXCLUSION != 0 && !ignore_exclusion {
        return;
    }
    run.push(
        RuleId::IocePdxUnacc,
        crate::location::Location::Diagnosis(0),
        format!("{} is not acceptable as the principal (first-listed) diagnosis on an outpatient claim: list the condition chiefly responsible for the visit first and this code after it", pdx.code),
    );
}

/// The diagnosis edits (1, 2, 5, 86) run on every processed type of bill but 43x: on a path
/// without them the general diagnosis rules' findings of those edits are dropped.
pub(super) fn diagnosis_edits_off_path(ctx: &mut Ctx<'_, '_>, run: &Run<'_, '_>) {
    if !run.path.routed() {
        return;
    }
    let off: Vec<&str> = [(1, RuleId::DxValid), (2, RuleId::DxAge), (5, RuleId::DxPdxEcode), (86, RuleId::DxPdxManif)]
        .into_iter()
        .filter(|(edit, _)| !run.runs(*edit))
        .map(|(_, r)| r.as_str())
        .collect();
    ctx.out.retain(|f| !off.contains(&&*f.rule));
}
