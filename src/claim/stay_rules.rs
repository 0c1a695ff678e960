//! Rules on the inpatient stay (837I / UB-04 header): discharge date as the date of service,
//! length of stay, and the MCE header edits — invalid age (MCE 14), invalid sex (MCE 15),
//! invalid discharge status (MCE 16) and the admitting diagnosis (MCE 1).
use super::check::Ctx;
use super::dx_rules::SEX_EDITS_END;
use super::model::{ClaimType, Sex};
use crate::date::Date;
use crate::icd10cm::dotted;
use crate::normalize::normalize_code;
use crate::rules::{finding, RuleId};

/// Oldest age the MCE accepts (MCE 14: 0 to 124 years).
pub const MAX_AGE: u32 = 124;

/// The discharge date of an inpatient stay, the date its codes are edited on.
pub(crate) fn discharge_date(ctx: &mut Ctx<'_, '_>) -> Option<Date> {
    if ctx.claim.claim_type != ClaimType::Inpatient {
        return None;
    }
    let raw = ctx.claim.stay.discharge_date.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let Some(raw) = raw else {
        let msg = "an inpatient claim needs its `dischargeDate` (the statement through date): codes are edited on it";
        ctx.push(finding(RuleId::ClaimStay, msg.into(), None).at("/dischargeDate"));
        return None;
    };
    let d = Date::parse(raw);
    if d.is_none() {
        ctx.input_error("/dischargeDate", format!("dischargeDate `{raw}` is not a date (use YYYY-MM-DD)"));
    }
    d
}

/// The length of stay: given, or the days from admission to discharge.
pub(crate) fn length_of_stay(ctx: &mut Ctx<'_, '_>) -> Option<u32> {
    if ctx.claim.claim_type != ClaimType::Inpatient {
        return None;
    }
    let stay = &ctx.claim.stay;
    let admitted = match stay.admission_date.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => {
            let d = Date::parse(raw);
            if d.is_none() {
                ctx.input_error("/admissionDate", format!("admissionDate `{raw}` is not a date (use YYYY-MM-DD)"));
            }
            d
        }
        None => None,
    };
    let derived = match (admitted, ctx.dos) {
        (Some(a), Some(d)) if a > d => {
            ctx.push(finding(RuleId::ClaimStay, format!("the admission date {a} is after the discharge date {d}"), None).at("/admissionDate"));
            None
        }
        (Some(a), Some(d)) => u32::try_from(d.days_since_epoch().saturating_sub(a.days_since_epoch())).ok(),
        _ => None,
    };
    match (ctx.claim.stay.length_of_stay, derived) {
        (Some(given), Some(days)) if given != days => {
            let msg = format!("lengthOfStay {given} does not match the {days} days from admission to discharge; the given value is used");
            ctx.push(finding(RuleId::ClaimStay, msg, None).at("/lengthOfStay"));
            Some(given)
        }
        (given, derived) => given.or(derived),
    }
}

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.claim.claim_type != ClaimType::Inpatient {
        return;
    }
    age(ctx);
    sex(ctx);
    discharge_status(ctx);
    admitting_diagnosis(ctx);
}

/// CLAIM-AGE (MCE 14): an age the MCE presumes wrong.
fn age(ctx: &mut Ctx<'_, '_>) {
    let Some(age) = ctx.age else { return };
    if age > MAX_AGE {
        let at = if ctx.claim.patient.age.is_some() && ctx.claim.patient.date_of_birth.is_none() { "/patient/age" } else { "/patient/dateOfBirth" };
        ctx.push(finding(RuleId::ClaimAge, format!("age {age} is outside 0 to {MAX_AGE} years; the MCE presumes it is wrong"), None).at(at));
    }
}

/// CLAIM-SEX (MCE 15): the sex is F, M or U; while CMS ran the sex edits (through
/// 2024-09-30) it had to be M or F.
fn sex(ctx: &mut Ctx<'_, '_>) {
    let msg = match (ctx.claim.patient.sex, ctx.dos) {
        (None, _) => "an inpatient claim needs the patient's sex: F, M or U".to_owned(),
        (Some(Sex::U), Some(on)) if on.yyyymmdd() <= SEX_EDITS_END => {
            format!("the patient's sex is unknown; discharges through 2024-09-30 (this one is {on}) need M or F for the MCE sex edits")
        }
        _ => return,
    };
    ctx.push(finding(RuleId::ClaimSex, msg, None).at("/patient/sex"));
}

/// CLAIM-DISCHARGE (MCE 16): a UB-04 patient discharge status valid on the discharge date.
fn discharge_status(ctx: &mut Ctx<'_, '_>) {
    let raw = ctx.claim.stay.discharge_status.as_deref().map(str::trim).unwrap_or("");
    let at = "/dischargeStatus";
    if raw.is_empty() {
        ctx.push(finding(RuleId::ClaimDischarge, "an inpatient claim needs the patient discharge status (UB-04 FL 17, e.g. 01 home)".into(), None).at(at));
        return;
    }
    let code = raw.parse::<u16>().ok().filter(|_| raw.len() <= 2 && raw.bytes().all(|b| b.is_ascii_digit()));
    let (Some(code), Some(on)) = (code, ctx.dos) else {
        if code.is_none() {
            ctx.push(finding(RuleId::ClaimDischarge, format!("discharge status `{raw}` is not a two-digit UB-04 code"), None).at(at));
        }
        return;
    };
    let Some(data) = ctx.data else { return };
    if data.discharge_status_valid(code, on) == Some(false) {
        let vintage = Some(data.s.mce_label.to_owned());
        ctx.push(finding(RuleId::ClaimDischarge, format!("discharge status {code:02} is not a valid UB-04 patient discharge status on {on}"), vintage).at(at));
    }
}

/// DX-ADMIT (MCE 1, INVALID_ADMIT_DX): the admitting diagnosis must be a valid, complete code.
fn admitting_diagnosis(ctx: &mut Ctx<'_, '_>) {
    let Some(raw) = ctx.claim.stay.admitting_diagnosis.as_deref().filter(|s| !s.trim().is_empty()) else { return };
    let code = normalize_code(raw).text;
    if let Some(problem) = super::dx_rules::invalid_reason(ctx, raw, &code) {
        let msg = format!("admitting diagnosis {}: {problem}", dotted(&code));
        ctx.push(finding(RuleId::DxAdmit, msg, None).at("/admittingDiagnosis"));
    }
}
