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
pub(super) fn bill_type(run: &mut Run<'_, '_>) {
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
                return;
            }
        }
    };
    run.push(RuleId::IoceBillType, "/billType".into(), msg);
}

/// Edit 25: age outside 0..124 (the I/OCE passes a missing age silently).
pub(super) fn age(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    if let Some(a) = ctx.age.filter(|a| *a > 124) {
        let at = if ctx.claim.patient.age.is_some() { "/patient/age" } else { "/patient/dateOfBirth" };
        run.push(RuleId::IoceAge, at.into(), format!("patient age {a} is outside 0 to 124 years; check the date of birth"));
    }
}

/// Edit 113: the principal diagnosis is on the I/OCE's unacceptable list (its own exclusions
/// honoured, except on the 12x, 22x, 81x and 82x paths, where the I/OCE ignores some).
pub(super) fn principal_dx(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    if run.version() < 77 {
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
        crate::claim::model::dx_pointer(0).into_owned(),
        format!("{} is not acceptable as the principal (first-listed) diagnosis on an outpatient claim: list the condition chiefly responsible for the visit first and this code after it", pdx.code),
    );
}
