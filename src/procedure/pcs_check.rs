//! `check_code` for ICD-10-PCS: grammar first (specific messages per axis), then the MCE dates.
use super::check::no_data;
use super::format::{pcs_problem, PCS_AXES};
use super::pcs::Pcs;
use crate::date::Date;
use crate::engine::{CodeCheck, CodeState, CodeSummary};
use crate::normalize::Normalized;
use crate::rules::{finding, RuleId};
use crate::system::System;

/// Characters ICD-10-PCS uses, in order.
const PCS_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

pub(super) fn check(pcs: Option<&Pcs<'_>>, raw: &str, n: &Normalized, dos: Option<Date>) -> CodeCheck {
    let code = n.text.as_str();
    let Some(pcs) = pcs else {
        return no_data(System::Icd10pcs, raw, code, "this blob has no ICD-10-PCS data; compile it with the CMS MCE procedure table".into());
    };
    let Some((from, to)) = pcs.window() else { return no_data(System::Icd10pcs, raw, code, "ICD-10-PCS window unreadable".into()) };
    if let Some(d) = dos.filter(|d| *d < from || *d > to) {
        return no_data(
            System::Icd10pcs,
            raw,
            code,
            format!("the loaded {} answers for dates of service {from} to {to}, not {d}", pcs.vintage_name()),
        );
    }
    let on = dos.unwrap_or(to);
    let vintage = Some(pcs.vintage_name());
    let mut c = CodeCheck::new(System::Icd10pcs, raw, code.to_owned(), CodeState::InvalidFormat);
    c.vintage = vintage.clone();
    if let Some(msg) = pcs_problem(code, n.dot_at.is_some()) {
        c.findings.push(finding(RuleId::PxValid, msg, vintage));
        return c;
    }
    if code.len() < 7 {
        let next = next_characters(pcs, code, on);
        if !next.is_empty() {
            c.state = CodeState::Prefix;
            c.completions = next;
            return c;
        }
    } else if let Some(_row) = pcs.valid_row(code, on) {
        c.state = CodeState::Billable;
        c.billable = true;
        return c;
    } else if let Some((a, b, _)) = pcs.rows_of(code).filter_map(|r| pcs.row_range(r)).next_back() {
        c.state = CodeState::Inactive;
        let msg = if on < a {
            format!("{code} is not valid yet on {on}: it is valid from {a}")
        } else {
            format!("{code} was deleted: its last valid date of service was {b}")
        };
        c.findings.push(finding(RuleId::PxValid, msg, vintage));
        return c;
    }
    c.state = CodeState::Unknown;
    c.findings.push(finding(RuleId::PxValid, axis_message(pcs, code, on), vintage));
    c
}

/// A seven-character ICD-10-PCS code, typed in upper case, valid on the date: nothing to report.
pub fn is_clean(engine: &crate::engine::Engine<'_>, raw: &str, dos: Option<Date>) -> bool {
    let Some(pcs) = engine.procedures.as_ref().and_then(|p| p.pcs.as_ref()) else { return false };
    let Some((from, to)) = pcs.window() else { return false };
    let plain = raw.len() == 7 && raw.bytes().all(|b| PCS_ALPHABET.contains(&b));
    let on = dos.unwrap_or(to);
    plain && from <= on && on <= to && pcs.valid_row(raw, on).is_some()
}

/// Says which axis breaks the code: the longest valid beginning and the character after it.
fn axis_message(pcs: &Pcs<'_>, code: &str, on: Date) -> String {
    let mut good = 0usize;
    for k in 1..=code.len() {
        let Some(p) = code.get(..k) else { break };
        if pcs.prefix_range(p).any(|r| pcs.row_valid_on(r, on)) {
            good = k;
        } else {
            break;
        }
    }
    let axis = PCS_AXES.get(good).copied().unwrap_or("character");
    let ch = code.get(good..good.saturating_add(1)).unwrap_or("");
    if good == 0 {
        return format!("no ICD-10-PCS code valid on {on} starts with section {ch}");
    }
    let prefix = code.get(..good).unwrap_or("");
    format!(
        "{code} is not an ICD-10-PCS code on {on}: {prefix} is a valid beginning, but {ch} is not a valid {axis} (character {}) after it",
        good.saturating_add(1)
    )
}

/// The valid next characters after a partial code, as completions.
fn next_characters(pcs: &Pcs<'_>, prefix: &str, on: Date) -> Vec<CodeSummary> {
    let mut out = Vec::new();
    for &ch in PCS_ALPHABET {
        let mut p = prefix.to_owned();
        p.push(ch as char);
        if pcs.prefix_range(&p).any(|r| pcs.row_valid_on(r, on)) {
            out.push(CodeSummary { code: p.clone(), description: None, billable: p.len() == 7 });
        }
    }
    out
}
