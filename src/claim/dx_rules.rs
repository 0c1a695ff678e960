//! Rules on each diagnosis alone: validity (from `check_code`), MCE age, sex, first-listed
//! edits, unspecified codes, and POA indicators.
use crate::blob::columns::CodeTable;
use super::check::{Ctx, Dx};
use super::data::MceFlag;
use super::model::{ClaimType, Sex, LETTERS};
use crate::date::Date;
use crate::finding::{Severity, Suggestion};
use crate::icd10cm::dotted;
use crate::rules::{finding, finding_with};
use crate::system::System;

/// Last date of service on which CMS ran the MCE sex edits.
pub const SEX_EDITS_END: u32 = 2024_0930;

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let dxs = ctx.dx.clone();
    for dx in &dxs {
        let at = format!("/diagnoses/{}", dx.pos);
        validity(ctx, dx, &at);
        poa(ctx, dx, &at);
        if let Some(on) = ctx.dos {
            mce(ctx, dx, &at, on);
        }
    }
}

fn letter(pos: usize) -> char {
    LETTERS.get(pos).copied().unwrap_or('?')
}

/// DX-VALID / DX-HEADER / DX-7TH / DX-DATE / DX-LOOKALIKE from the code check, relocated.
fn validity(ctx: &mut Ctx<'_, '_>, dx: &Dx, at: &str) {
    let raw = ctx.claim.diagnoses.get(dx.pos).map(|d| d.code.as_str()).unwrap_or("");
    if raw.trim().is_empty() {
        ctx.push(finding("DX-VALID", format!("diagnosis {} is empty", letter(dx.pos)), None).at(at));
        return;
    }
    let c = ctx.engine.check_code(System::Icd10cm, raw, ctx.dos);
    for f in c.findings {
        ctx.push(f.at(at));
    }
}

fn mce(ctx: &mut Ctx<'_, '_>, dx: &Dx, at: &str, on: Date) {
    let Some(data) = ctx.data else { return };
    let Some(flags) = data.mce_flags(&dx.code, on) else { return };
    let vintage = Some(data.s.mce_label.to_owned());
    let shown = dotted(&dx.code);
    if let Some(age) = ctx.age {
        for (flag, name) in [
            (MceFlag::Newborn, "newborn"),
            (MceFlag::Pediatric, "pediatric"),
            (MceFlag::Maternity, "maternity"),
            (MceFlag::Adult, "adult"),
        ] {
            if flags & flag.bit() == 0 {
                continue;
            }
            let Some((lo, hi)) = data.age_range(flag, on) else { continue };
            if age < u32::from(lo) || age > u32::from(hi) {
                ctx.push(
                    finding(
                        "DX-AGE",
                        format!("{shown} is a {name} diagnosis (ages {lo} to {hi}); the patient is {age} on {on}"),
                        vintage.clone(),
                    )
                    .at(at),
                );
            }
        }
    }
    sex(ctx, dx, at, on, flags, &shown);
    if dx.pos == 0 {
        let first = [
            (MceFlag::EcodePdx, "DX-PDX-ECODE", "is an external cause code; it explains how an injury happened and cannot be the first-listed diagnosis. List the injury first"),
            (MceFlag::Manifestation, "DX-PDX-MANIF", "is a manifestation code; it cannot be the first-listed diagnosis. List the underlying condition first"),
            (MceFlag::Unacceptable, "DX-PDX-UNACC", "is not acceptable as the principal or first-listed diagnosis; list the condition chiefly responsible for the visit first"),
        ];
        for (flag, rule, text) in first {
            if flags & flag.bit() != 0 {
                ctx.push(finding(rule, format!("{shown} {text}"), vintage.clone()).at(at));
            }
        }
    }
    if flags & MceFlag::Unspecified.bit() != 0 {
        let suggestions = specific_siblings(ctx, dx);
        let tail = if suggestions.is_empty() { "" } else { "; consider a more specific code if the record supports one" };
        ctx.push(
            finding("DX-UNSPEC", format!("{shown} is an unspecified code{tail}"), vintage).with_suggestions(suggestions).at(at),
        );
    }
}

/// DX-SEX: on through 2024-09-30 (the MCE table carries the flags until then); after that only
/// when a payer pack switches it on, using the last flags CMS published for the code.
fn sex(ctx: &mut Ctx<'_, '_>, dx: &Dx, at: &str, on: Date, flags: u32, shown: &str) {
    let Some(data) = ctx.data else { return };
    let patient = match ctx.claim.patient.sex {
        Some(Sex::F) => Sex::F,
        Some(Sex::M) => Sex::M,
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
        Sex::U => false,
    };
    if conflict {
        let (code_sex, pat) = if patient == Sex::F { ("male", "female") } else { ("female", "male") };
        ctx.push(
            finding("DX-SEX", format!("{shown} is a {code_sex}-only diagnosis; the patient is {pat}{note}"), Some(data.s.mce_label.to_owned()))
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
fn poa(ctx: &mut Ctx<'_, '_>, dx: &Dx, at: &str) {
    let given = ctx.claim.diagnoses.get(dx.pos).and_then(|d| d.poa.as_deref()).map(|p| p.trim().to_ascii_uppercase());
    let here = format!("{at}/poa");
    let shown = dotted(&dx.code);
    let vintage = ctx.data.map(|d| d.s.poa_label.to_owned());
    if let Some(p) = given.as_deref() {
        if !matches!(p, "Y" | "N" | "U" | "W" | "1" | "") {
            ctx.push(finding("CLAIM-POA", format!("POA indicator `{p}` for {shown} is not Y, N, U, W or 1 (blank)"), None).at(here));
            return;
        }
    }
    if ctx.claim.claim_type != ClaimType::Inpatient || dx.code.is_empty() {
        return;
    }
    let exempt = ctx.data.is_some_and(|d| d.poa_exempt(&dx.code));
    let found = match given.as_deref() {
        None | Some("") | Some("1") if !exempt => vec![finding(
            "CLAIM-POA",
            format!("{shown} needs a present-on-admission indicator (Y, N, U or W); it is not POA exempt"),
            vintage.clone(),
        )
        .at(&here)],
        Some("Y" | "N" | "U" | "W") if exempt => vec![finding_with(
            "CLAIM-POA",
            Severity::Info,
            format!("{shown} is POA exempt; report the indicator blank (or 1) rather than {}", given.as_deref().unwrap_or("")),
            vintage.clone(),
        )
        .at(&here)],
        _ => Vec::new(),
    };
    // The exempt list is an edit table: past its fiscal year it applies under the stale-edit policy.
    let window = poa_window(ctx);
    let what = format!("The POA exempt status of {shown} was");
    for f in crate::procedure::stale::under_policy(window.as_ref(), ctx.dos, ctx.stale_edits, (&what, &here, vintage), || found) {
        ctx.push(f);
    }
}

/// The POA-exempt list's fiscal-year window, from the blob's vintages.
fn poa_window(ctx: &Ctx<'_, '_>) -> Option<crate::currency::EditWindow> {
    let v = ctx.engine.blob.manifest.vintages.iter().find(|v| v.system == "poa")?;
    let (from, to) = (Date::from_yyyymmdd(v.valid_from)?, Date::from_yyyymmdd(v.valid_to)?);
    Some(crate::currency::EditWindow { table: format!("CMS POA exempt {} list", v.label), from, to })
}
