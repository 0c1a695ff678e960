//! Answers HCPCS Level II and CPT codes from their validity by quarter (`code_quarters`).
use super::quarters::{QuarterStatus, Quarters, FROM_CODE_LIST};
use crate::date::Date;
use crate::engine::{CodeCheck, CodeState};
use crate::rules::finding;
use crate::rules::RuleId;

/// Where the quarterly data comes from, for messages.
fn source(q: &Quarters<'_>) -> String {
    format!("CMS quarterly data: {}", q.s.label)
}

/// Sets the state from the quarterly data when it speaks for the date; `false` when it does
/// not know the code (or the date lies before its history for a code valid then).
pub(super) fn answer(q: &Quarters<'_>, code: &str, dos: Date, c: &mut CodeCheck) -> bool {
    let Some(status) = q.status(code, dos) else { return false };
    match status {
        QuarterStatus::Valid { from, source: src } => {
            c.state = CodeState::Billable;
            c.billable = true;
            if c.description.is_none() && !code.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                let known = if src == FROM_CODE_LIST { format!("listed in the HCPCS file from {from}") } else { format!("valid from {from} in the CMS I/OCE tables") };
                c.findings.push(finding(
                    RuleId::PxDesc,
                    format!("{code} is a valid HCPCS Level II code ({known}), but its description is not in the public files loaded (the January ANWEB file predates it)"),
                    c.vintage.clone(),
                ));
            }
        }
        QuarterStatus::NotYet { from } => {
            c.state = CodeState::Inactive;
            c.findings.push(finding(RuleId::PxValid, format!("{code} is not valid yet on {dos}: it is valid from {from} ({})", source(q)), c.vintage.clone()));
        }
        QuarterStatus::Ended { last } => {
            c.state = CodeState::Inactive;
            c.billable = false;
            c.findings.push(finding(
                RuleId::PxValid,
                format!("{code} was discontinued (deleted): its last valid date of service was {last} ({})", source(q)),
                c.vintage.clone(),
            ));
        }
    }
    true
}
