//! Rules on each diagnosis alone: validity (from `check_code`), MCE age, sex, first-listed
//! edits, unspecified codes, and POA indicators.
use crate::blob::columns::CodeTable;
use super::check::{Ctx, Dx};
use super::data::MceFlag;
use super::model::{dx_label, ClaimType, Sex};
use crate::finding::Location;
use crate::date::Date;
use crate::engine::CodeState;
use crate::finding::{Finding, Severity, Suggestion};
use crate::icd10cm::dotted;
use crate::rules::{finding, finding_with, RuleId};
use crate::system::System;

/// Last date of service on which CMS ran the MCE sex edits.
pub const SEX_EDITS_END: u32 = 2024_0930;
/// First discharge date coded in ICD-10.
const ICD10_START: u32 = 2015_1001;

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let dxs = std::mem::take(&mut ctx.dx);
    // The POA exempt list's window, read once per claim (only inpatient claims need it).
    let poa_window = if ctx.claim.claim_type == ClaimType::Inpatient { poa_window(ctx) } else { None };
    for dx in &dxs {
        let at = Location::Diagnosis(dx.pos);
        validity(ctx, dx, &at);
        poa(ctx, dx, poa_window.as_ref());
        if let Some(on) = ctx.dos {
            mce(ctx, dx, &at, on);
        }
    }
    ctx.dx = dxs;
}

fn letter(pos: usize) -> String {
    dx_label(pos)
}

/// DX-VALID / DX-HEADER / DX-7TH / DX-DATE / DX-LOOKALIKE from the code check, relocated.
fn validity(ctx: &mut Ctx<'_, '_>, dx: &Dx, at: &Location) {
    let raw = ctx.claim.diagnoses.get(dx.pos).map(|d| d.code.as_str()).unwrap_or("");
    if raw.trim().is_empty() {
        ctx.push(finding(RuleId::DxValid, format!("diagnosis {} is empty", letter(dx.pos)), None).at(at));
        return;
    }
    // Typed as stored and billable in the edition (found once, by `prepare_dx`): clean.
    if dx.icd.is_some() && raw == dx.code {
        return;
    }
    for f in code_findings(ctx, raw, &dx.code, false, Some(dx)) {
        ctx.push(f.at(at));
    }
}

/// Why a diagnosis cannot go on a claim, or `None` when it can (the message only: the check
/// skips the descriptions its findings would carry).
pub(crate) fn invalid_reason(ctx: &Ctx<'_, '_>, raw: &str, code: &str) -> Option<String> {
    code_findings(ctx, raw, code, true, None).into_iter().find(|f| f.severity == Severity::Error).map(|f| f.message)
}

/// The code check's findings for a diagnosis on the claim's date. A claim takes complete codes
/// only: a beginning of a code (`S64.12X`, `B8`) is DX-VALID, with its completions. When no
/// ICD-10-CM edition covers an inpatient discharge date, the MCE diagnosis table (dated from
/// 2015-10-01) answers validity instead. `messages_only` leaves out descriptions; `known`: the
/// diagnosis `code` is, as `prepare_dx` found it (its row and MCE flags), for a claim's own code.
fn code_findings(ctx: &Ctx<'_, '_>, raw: &str, code: &str, messages_only: bool, known: Option<&Dx>) -> Vec<Finding> {
    // Not billable in the claim's edition (`prepare_dx` looked): the plain-form shortcut of
    // the code check cannot find it clean, so it is not asked.
    let unclean = known.is_some_and(|d| d.icd.is_none()) && ctx.edition.is_some();
    let mce = known.map(|d| d.mce);
    // No edition for the date: the code check would say only that (its state is "no data for
    // the date" for any code that is not blank once normalized), so the MCE table answers at once.
    if ctx.edition.is_none() && !code.is_empty() {
        if let Some(found) = mce_validity(ctx, code, mce) {
            return found;
        }
    }
    if !unclean && ctx.engine.is_clean_code(System::Icd10cm, raw, ctx.dos) {
        return Vec::new();
    }
    let c = if messages_only {
        ctx.engine.check_code_messages(System::Icd10cm, raw, ctx.dos)
    } else {
        ctx.engine.check_code(System::Icd10cm, raw, ctx.dos)
    };
    if c.state == CodeState::NoDataForDate {
        if let Some(found) = mce_validity(ctx, code, mce) {
            return found;
        }
    }
    c.into_claim_findings()
}

/// Validity from the MCE diagnosis table, for an inpatient discharge date no ICD-10-CM edition
/// covers; `None` when the table does not cover the date either (or the claim is not inpatient).
/// `known`: the code's MCE flags on the claim's date when already looked up.
fn mce_validity(ctx: &Ctx<'_, '_>, code: &str, known: Option<Option<u32>>) -> Option<Vec<Finding>> {
    if ctx.claim.claim_type != ClaimType::Inpatient {
        return None;
    }
    let (Some(data), Some(on)) = (ctx.data, ctx.dos) else { return None };
    if on.yyyymmdd() < ICD10_START || !data.mce_covers(on) {
        return None;
    }
    if known.unwrap_or_else(|| data.mce_flags(code, on)).is_some() {
        return Some(Vec::new());
    }
    let msg = format!("{} is not a valid ICD-10-CM code for a discharge on {on}", dotted(code));
    Some(vec![finding(RuleId::DxValid, msg, Some(data.s.mce_label.to_owned()))])
}

fn mce(ctx: &mut Ctx<'_, '_>, dx: &Dx, at: &Location, on: Date) {
    let Some(data) = ctx.data else { return };
    let Some(flags) = dx.mce else { return };
    // Most codes carry no MCE flag: nothing to build for them.
    if flags == 0 && !ctx.pack_enables("DX-SEX") {
        return;
    }
    let vintage = Some(data.s.mce_label.to_owned());
    let shown = dotted(&dx.code);
    for msg in age_conflicts(ctx, flags, &shown, on) {
        ctx.push(finding(RuleId::DxAge, msg, vintage.clone()).at(at));
    }
    sex(ctx, dx, at, on, flags, &shown);
    if flags & MceFlag::WrongProcedure.bit() != 0 {
        let msg = format!("{shown} says the wrong procedure was performed (or on the wrong patient or side); the claim goes to review");
        ctx.push(finding(RuleId::DxWrongPx, msg, vintage.clone()).at(at));
    }
    if dx.pos == 0 {
        principal(ctx, flags, &shown, at, &vintage);
    }
    if flags & MceFlag::Unspecified.bit() != 0 {
        let suggestions = specific_siblings(ctx, dx);
        let tail = if suggestions.is_empty() { "" } else { "; consider a more specific code if the record supports one" };
        ctx.push(
            finding(RuleId::DxUnspec, format!("{shown} is an unspecified code{tail}"), vintage).with_suggestions(suggestions).at(at),
        );
    }
}

/// DX-AGE messages for a diagnosis with MCE `flags` and the patient's age on `on`.
pub(crate) fn age_conflicts(ctx: &Ctx<'_, '_>, flags: u32, shown: &str, on: Date) -> Vec<String> {
    let (Some(data), Some(age)) = (ctx.data, ctx.age) else { return Vec::new() };
    let mut out = Vec::new();
    for (flag, name) in [(MceFlag::Newborn, "newborn"), (MceFlag::Pediatric, "pediatric"), (MceFlag::Maternity, "maternity"), (MceFlag::Adult, "adult")] {
        if flags & flag.bit() == 0 {
            continue;
        }
        let Some((lo, hi)) = data.age_range(flag, on) else { continue };
        if age < u32::from(lo) || age > u32::from(hi) {
            out.push(format!("{shown} is a {name} diagnosis (ages {lo} to {hi}); the patient is {age} on {on}"));
        }
    }
    out
}

/// Edits on the principal (first-listed) diagnosis: MCE 2, 6, 8 and 9.
fn principal(ctx: &mut Ctx<'_, '_>, flags: u32, shown: &str, at: &Location, vintage: &Option<String>) {
    {
        let first = [
            (MceFlag::EcodePdx, RuleId::DxPdxEcode, "is an external cause code; it explains how an injury happened and cannot be the first-listed diagnosis. List the injury first"),
            (MceFlag::Manifestation, RuleId::DxPdxManif, "is a manifestation code; it cannot be the first-listed diagnosis. List the underlying condition first"),
            (MceFlag::Unacceptable, RuleId::DxPdxUnacc, "is not acceptable as the principal or first-listed diagnosis; list the condition chiefly responsible for the visit first"),
        ];
        // Z51.89 is acceptable as principal once a secondary diagnosis is coded (MCE 9).
        let needs_secondary = flags & MceFlag::RequiresSecondary.bit() != 0;
        let has_secondary = ctx.claim.diagnoses.iter().skip(1).any(|d| !d.code.trim().is_empty());
        for (flag, rule, text) in first {
            if flags & flag.bit() == 0 || (flag == MceFlag::Unacceptable && needs_secondary) {
                continue;
            }
            ctx.push(finding(rule, format!("{shown} {text}"), vintage.clone()).at(at));
        }
        if needs_secondary && !has_secondary {
            let msg = format!("{shown} is acceptable as the principal diagnosis only with a secondary diagnosis; add the condition treated");
            ctx.push(finding(RuleId::DxPdxSdx, msg, vintage.clone()).at(at));
        }
    }
    if flags & MceFlag::Qadm.bit() != 0 && ctx.claim.claim_type == ClaimType::Inpatient {
        let msg = format!("{shown} is not usually enough to justify an inpatient admission as the principal diagnosis; the claim goes to review");
        ctx.push(finding(RuleId::DxPdxQadm, msg, vintage.clone()).at(at));
    }
}

/// DX-SEX: on through 2024-09-30 (the MCE table carries the flags until then); after that only
/// when a payer pack switches it on, using the last flags CMS published for the code.
fn sex(ctx: &mut Ctx<'_, '_>, dx: &Dx, at: &Location, on: Date, flags: u32, shown: &str) {
    let Some(data) = ctx.data else { return };
    // Through 2024-09-30 the inpatient MCE edits an unknown sex against every sex-specific code.
    let inpatient = ctx.claim.claim_type == ClaimType::Inpatient;
    let patient = match ctx.claim.patient.sex {
        Some(Sex::F) => Sex::F,
        Some(Sex::M) => Sex::M,
        _ if inpatient => Sex::U,
        _ => return,
    };
    let sex_bits = MceFlag::Male.bit() | MceFlag::Female.bit();
    let (bits, note) = if on.yyyymmdd() <= SEX_EDITS_END {
        (flags & sex_bits, String::new())
    } else if ctx.pack_enables("DX-SEX") {
        (data.last_sex_flags(&dx.code), " (CMS retired the MCE sex edits on 2024-10-01; this payer keeps them)".to_owned())
    } else {
        return;
    };
    let conflict = match patient {
        Sex::F => bits & MceFlag::Male.bit() != 0 && bits & MceFlag::Female.bit() == 0,
        Sex::M => bits & MceFlag::Female.bit() != 0 && bits & MceFlag::Male.bit() == 0,
        Sex::U => bits != 0 && on.yyyymmdd() <= SEX_EDITS_END,
    };
    if conflict {
        let code_sex = if bits & MceFlag::Male.bit() != 0 { "male" } else { "female" };
        let pat = match patient {
            Sex::F => "female",
            Sex::M => "male",
            Sex::U => "of unknown sex",
        };
        ctx.push(
            finding(RuleId::DxSex, format!("{shown} is a {code_sex}-only diagnosis; the patient is {pat}{note}"), Some(data.s.mce_label.to_owned()))
                .at(at),
        );
    }
}

/// Billable codes next to an unspecified one (same parent), as suggestions.
fn specific_siblings(ctx: &Ctx<'_, '_>, dx: &Dx) -> Vec<Suggestion> {
    let (Some(cm), Some(e), Some(i)) = (ctx.engine.icd10cm.as_ref(), ctx.edition, dx.icd) else { return Vec::new() };
    let Some(parent) = cm.parent(i) else { return Vec::new() };
    cm.billable_descendants(parent, e, 6)
        .into_iter()
        .filter(|&j| j != i)
        .take(5)
        .map(|j| Suggestion { code: dotted(cm.code(j)), description: cm.description(j, e) })
        .collect()
}

/// CLAIM-POA: indicator values; required on inpatient claims unless the code is exempt.
fn poa(ctx: &mut Ctx<'_, '_>, dx: &Dx, window: Option<&crate::currency::EditWindow>) {
    let raw = ctx.claim.diagnoses.get(dx.pos).and_then(|d| d.poa.as_deref()).map(str::trim);
    // The indicator as one upper-case byte; anything longer is not an indicator.
    let given: Option<&str> = match raw.map(str::as_bytes) {
        None => None,
        Some([]) => Some(""),
        Some([b]) => match b.to_ascii_uppercase() {
            b'Y' => Some("Y"),
            b'N' => Some("N"),
            b'U' => Some("U"),
            b'W' => Some("W"),
            b'1' => Some("1"),
            _ => Some("?"),
        },
        Some(_) => Some("?"),
    };
    if given == Some("?") {
        let p = raw.unwrap_or("").to_ascii_uppercase();
        let msg = format!("POA indicator `{p}` for {} is not Y, N, U, W or 1 (blank)", dotted(&dx.code));
        ctx.push(finding(RuleId::ClaimPoa, msg, None).at(Location::DiagnosisPoa(dx.pos)));
        return;
    }
    if ctx.claim.claim_type != ClaimType::Inpatient || dx.code.is_empty() {
        return;
    }
    let memo = super::dx_facts::memo(ctx.engine.icd10cm.as_ref(), dx.row);
    let exempt = ctx.data.is_some_and(|d| super::dx_facts::poa_exempt(d, memo, &dx.code));
    let here = Location::DiagnosisPoa(dx.pos);
    // Texts are built only for a finding (most diagnoses have none).
    let vintage = || ctx.data.map(|d| d.s.poa_label.to_owned());
    let found = || match given {
        None | Some("") | Some("1") if !exempt => vec![finding(
            RuleId::ClaimPoa,
            format!("{} needs a present-on-admission indicator (Y, N, U or W); it is not POA exempt", dotted(&dx.code)),
            vintage(),
        )
        .at(&here)],
        Some("Y" | "N" | "U" | "W") if exempt => vec![finding_with(
            RuleId::ClaimPoa,
            Severity::Info,
            format!("{} is POA exempt; report the indicator blank (or 1) rather than {}", dotted(&dx.code), given.unwrap_or("")),
            vintage(),
        )
        .at(&here)],
        _ => Vec::new(),
    };
    // The exempt list is an edit table: past its fiscal year it applies under the stale-edit policy.
    let what = std::cell::OnceCell::new();
    let skipped = || (what.get_or_init(|| format!("The POA exempt status of {} was", dotted(&dx.code))).as_str(), here.clone(), vintage());
    for f in crate::procedure::stale::under_policy(window, ctx.dos, ctx.stale_edits, skipped, found) {
        ctx.push(f);
    }
}

/// The POA-exempt list's fiscal-year window, from the blob's vintages.
pub(super) fn poa_window(ctx: &Ctx<'_, '_>) -> Option<crate::currency::EditWindow> {
    let v = ctx.engine.blob.manifest.vintages.iter().find(|v| v.system == "poa")?;
    let (from, to) = (Date::from_yyyymmdd(v.valid_from)?, Date::from_yyyymmdd(v.valid_to)?);
    Some(crate::currency::EditWindow { table: format!("CMS POA exempt {} list", v.label), from, to })
}
