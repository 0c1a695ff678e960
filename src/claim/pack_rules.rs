//! Rules a payer pack adds: code-pair denials, required modifiers, age/sex limits on codes.
use super::check::Ctx;
use super::model::Sex;
use super::pack::{any_match, fill};
use crate::icd10cm::dotted;
use crate::normalize::normalize_code;
use crate::finding::{LineField, Location};
use crate::rules::{finding_with, RuleId};

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(pack) = ctx.pack else { return };
    let vintage = Some(pack.label());
    let max = ctx.claim.claim_type.max_lines();
    let lines: Vec<(usize, String, String, Vec<String>)> = ctx
        .claim
        .lines
        .iter()
        .take(max)
        .enumerate()
        .map(|(k, l)| (k, normalize_code(&l.code).text, l.date_from.trim().to_owned(), l.modifiers.iter().map(|m| m.trim().to_ascii_uppercase()).collect()))
        .collect();
    let mut out = Vec::new();
    for d in &pack.pair_denials {
        for (kb, cb, db, _) in &lines {
            if !any_match(&d.second, cb) {
                continue;
            }
            let first = lines.iter().find(|(ka, ca, da, _)| ka != kb && any_match(&d.first, ca) && (!d.same_day || da == db));
            if let Some((_, ca, _, _)) = first {
                let codes = format!("{ca} and {cb}");
                let msg = fill(d.message, &format!("{} does not pay {cb} with {ca}", pack.name), &codes);
                out.push(finding_with(RuleId::PayerPair, d.severity, msg, vintage.clone()).at(Location::Line { line: *kb, field: LineField::Code }));
            }
        }
    }
    for m in &pack.required_modifiers {
        for (k, code, _, mods) in &lines {
            if any_match(&m.codes, code) && !mods.iter().any(|x| m.any_of.contains(&x.as_str())) {
                let need = m.any_of.join(" or ");
                let msg = fill(m.message, &format!("{} requires modifier {need} on {code}", pack.name), code);
                out.push(finding_with(RuleId::PayerModifier, m.severity, msg, vintage.clone()).at(Location::Line { line: *k, field: LineField::Modifiers }));
            }
        }
    }
    let dx: Vec<(Location, String)> = ctx.dx.iter().map(|d| (Location::Diagnosis(d.pos), d.code.clone())).collect();
    let codes = dx.into_iter().chain(lines.iter().map(|(k, c, _, _)| (Location::Line { line: *k, field: LineField::Code }, c.clone())));
    let sex = ctx.claim.patient.sex;
    for (at, code) in codes {
        for lim in pack.code_limits.iter().filter(|l| any_match(&l.codes, &code)) {
            let shown = if matches!(at, Location::Diagnosis(_)) { dotted(&code) } else { code.clone() };
            let sex_bad = matches!((lim.sex, sex), (Some("F"), Some(Sex::M)) | (Some("M"), Some(Sex::F)));
            let age_bad = ctx.age.is_some_and(|a| lim.min_age.is_some_and(|lo| a < u32::from(lo)) || lim.max_age.is_some_and(|hi| a > u32::from(hi)));
            if sex_bad || age_bad {
                let why = if sex_bad {
                    format!("{} limits {shown} to sex {}", pack.name, lim.sex.unwrap_or(""))
                } else {
                    format!(
                        "{} limits {shown} to ages {} to {}; the patient is {}",
                        pack.name,
                        lim.min_age.unwrap_or(0),
                        lim.max_age.map_or("any".to_owned(), |h| h.to_string()),
                        ctx.age.unwrap_or(0)
                    )
                };
                out.push(finding_with(RuleId::PayerLimit, lim.severity, fill(lim.message, &why, &shown), vintage.clone()).at(at.clone()));
            }
        }
    }
    ctx.out.extend(out);
}
