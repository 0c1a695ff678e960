//! Rules on the ICD-10-PCS procedures of an inpatient claim: validity (MCE 1, complete codes
//! only), sex conflict (MCE 5, through 2024-09-30), non-covered (MCE 11), limited coverage
//! (MCE 17), questionable obstetric admission (MCE 8B) and ventilation against the length of
//! stay (MCE 19). The flags come from the MCE procedure master row in force on the discharge date.
use super::check::{Ctx, Dx, Px};
use super::data::MceFlag;
use super::dx_rules::SEX_EDITS_END;
use super::model::Sex;
use crate::date::Date;
use crate::finding::{Finding, Location};
use crate::procedure::pcs::PcsFlag;
use crate::rules::{finding, RuleId};
use crate::system::System;

/// Shortest stay (days) that fits ventilation for more than 96 consecutive hours (MCE 19).
const VENTILATION_MIN_STAY: u32 = 5;
/// Age above which the MCE 11F procedures are non-covered.
const NCOV_AGE_OVER: u32 = 60;

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.px.is_empty() {
        return;
    }
    let pxs = std::mem::take(&mut ctx.px);
    let any_dx = dx_flags(&ctx.dx, 0);
    let secondary_dx = dx_flags(&ctx.dx, 1);
    let any_px = pxs.iter().fold(0u32, |acc, p| acc | p.flags);
    let vintage = ctx.engine.procedures.as_ref().and_then(|p| p.pcs.as_ref()).map(|p| p.vintage_name());
    for px in &pxs {
        let at = Location::Procedure(px.pos);
        validity(ctx, px, &at);
        date(ctx, px);
        let Some(on) = ctx.dos else { continue };
        if px.flags == 0 {
            continue;
        }
        let has = |f: PcsFlag| px.flags & f.bit() != 0;
        sex(ctx, px, &at, on, &vintage);
        let mut noncovered = Vec::new();
        if has(PcsFlag::NonCovered) {
            noncovered.push("Medicare does not cover it".to_owned());
        }
        if has(PcsFlag::NonCoveredOver60) && ctx.age.is_some_and(|a| a > NCOV_AGE_OVER) {
            noncovered.push(format!("Medicare does not cover it for a patient over {NCOV_AGE_OVER}"));
        }
        let pancreas_alone = has(PcsFlag::PancreasTransplant)
            && any_px & PcsFlag::KidneyTransplant.bit() == 0
            && any_dx & MceFlag::DiabetesType1.bit() == 0;
        if pancreas_alone {
            noncovered.push("a pancreas transplant alone is covered only with a kidney transplant or a listed type 1 diabetes diagnosis".into());
        }
        for (flag, dx_flag, why) in [
            (PcsFlag::NonCoveredLeukaemia, MceFlag::Ncov6, "with the acute leukaemia diagnosis on this claim"),
            (PcsFlag::NonCoveredMyeloma, MceFlag::Ncov7, "with the multiple myeloma diagnosis on this claim"),
            (PcsFlag::NonCoveredSterilization, MceFlag::NcovZ302, "with Z30.2 (encounter for sterilization) on this claim"),
        ] {
            if has(flag) && any_dx & dx_flag.bit() != 0 {
                noncovered.push(format!("Medicare does not cover it {why}"));
            }
        }
        if let Some(why) = noncovered.first() {
            ctx.push(finding(RuleId::PxNoncov, format!("{} is a non-covered procedure: {why}", px.code), vintage.clone()).at(&at));
        }
        let limited = px.flags & (PcsFlag::LimitedCoverage.bit() | PcsFlag::ArtificialHeartA.bit() | PcsFlag::ArtificialHeartB.bit()) != 0;
        if limited && !pancreas_alone {
            let msg = format!("{} has limited Medicare coverage (transplant or heart assist): payment covers only part of the cost", px.code);
            ctx.push(finding(RuleId::PxLimited, msg, vintage.clone()).at(&at));
        }
        if (has(PcsFlag::Cesarean) || has(PcsFlag::VaginalDelivery)) && secondary_dx & MceFlag::Delivery.bit() == 0 {
            let msg = format!("{} is a delivery without an outcome-of-delivery code (Z37.-) as a secondary diagnosis; the admission is questionable", px.code);
            ctx.push(finding(RuleId::PxObAdmit, msg, vintage.clone()).at(&at));
        }
        if has(PcsFlag::LengthOfStay) {
            if let Some(los) = ctx.los.filter(|&d| d < VENTILATION_MIN_STAY) {
                let msg = format!("{} (ventilation over 96 consecutive hours) needs a stay of more than four days; this stay is {los}", px.code);
                ctx.push(finding(RuleId::PxLos, msg, vintage.clone()).at(&at));
            }
        }
    }
    ctx.px = pxs;
}

/// Union of the MCE flags of the diagnoses from position `from` on.
fn dx_flags(dx: &[Dx], from: usize) -> u32 {
    dx.iter().filter(|d| d.pos >= from).fold(0u32, |acc, d| acc | d.mce.unwrap_or(0))
}

/// PX-VALID / PX-DATE from the code check; a beginning of a code is incomplete.
fn validity(ctx: &mut Ctx<'_, '_>, px: &Px, at: &Location) {
    let raw = ctx.claim.procedures.get(px.pos).map(|p| p.code.as_str()).unwrap_or("");
    if raw.trim().is_empty() {
        ctx.push(finding(RuleId::PxValid, format!("procedure {} is empty", px.pos.saturating_add(1)), None).at(at));
        return;
    }
    for f in code_findings(ctx, raw) {
        ctx.push(f.at(at));
    }
}

fn code_findings(ctx: &Ctx<'_, '_>, raw: &str) -> Vec<Finding> {
    if ctx.engine.is_clean_code(System::Icd10pcs, raw, ctx.dos) {
        return Vec::new();
    }
    ctx.engine.check_code(System::Icd10pcs, raw, ctx.dos).into_claim_findings()
}

/// The procedure date must be a date.
fn date(ctx: &mut Ctx<'_, '_>, px: &Px) {
    let Some(raw) = ctx.claim.procedures.get(px.pos).and_then(|p| p.date.as_deref()).map(str::trim) else { return };
    if raw.is_empty() {
        return;
    }
    match Date::parse(raw) {
        None => ctx.input_error(Location::ProcedureDate(px.pos), format!("procedure date `{raw}` is not a date (use YYYY-MM-DD)")),
        Some(d) if ctx.dos.is_some_and(|dis| d > dis) => {
            let msg = format!("procedure {} is dated {d}, after the discharge date", px.code);
            ctx.push(finding(RuleId::ClaimStay, msg, None).at(Location::ProcedureDate(px.pos)));
        }
        Some(_) => {}
    }
}

/// PX-SEX (MCE 5): a sex-specific procedure for a patient of the other (or unknown) sex,
/// through 2024-09-30.
fn sex(ctx: &mut Ctx<'_, '_>, px: &Px, at: &Location, on: Date, vintage: &Option<String>) {
    if on.yyyymmdd() > SEX_EDITS_END {
        return;
    }
    let male = px.flags & PcsFlag::Male.bit() != 0;
    let female = px.flags & PcsFlag::Female.bit() != 0;
    let conflict = match ctx.claim.patient.sex {
        Some(Sex::F) => male && !female,
        Some(Sex::M) => female && !male,
        _ => male || female,
    };
    if conflict {
        let (code_sex, pat) = match ctx.claim.patient.sex {
            Some(Sex::F) => ("male", "female"),
            Some(Sex::M) => ("female", "male"),
            _ => (if male { "male" } else { "female" }, "of unknown sex"),
        };
        let msg = format!("{} is a {code_sex}-only procedure; the patient is {pat} (MCE sex edits ran through 2024-09-30)", px.code);
        ctx.push(finding(RuleId::PxSex, msg, vintage.clone()).at(at));
    }
}
