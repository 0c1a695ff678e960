//! Practice-mode rules found from the code sets: headers, invalid codes, Excludes1 pairs
//! and add-on codes entered without their primary procedure.
use crate::blob::columns::CodeTable;
use crate::date::Date;
use crate::engine::{CodeState, Engine};
use crate::icd10cm::{dotted, NoteKind};
use crate::system::System;

/// What the code set says about an entered diagnosis that is not a reportable code, naming
/// it as the learner typed it (`typed`).
pub fn dx_entry(engine: &Engine<'_>, dos: Option<Date>, raw: &str, typed: &str) -> Option<String> {
    let c = engine.check_code(System::Icd10cm, raw, dos);
    let code = typed;
    match c.state {
        CodeState::Header => Some(format!(
            "{code} is a category or subcategory header, not a billable code: ICD-10-CM guideline I.B.2 requires the full code."
        )),
        CodeState::Unknown => Some(format!("{code} is not an ICD-10-CM code.")),
        CodeState::Inactive => Some(format!("{code} is not valid on the date of service (check the code-set year).")),
        CodeState::InvalidFormat => c
            .findings
            .first()
            .map(|f| f.message.replacen(c.code.as_str(), typed, 1)),
        _ => None,
    }
}

/// An Excludes1 note that forbids reporting `code` together with one of `others`.
pub fn excludes1(
    engine: &Engine<'_>,
    edition: usize,
    code: &str,
    others: &[String],
) -> Option<String> {
    let cm = engine.icd10cm.as_ref()?;
    let i = cm.find(code)?;
    for other in others
        .iter()
        .filter(|o| o.as_str() != code && !o.is_empty())
    {
        // Either side's note forbids the pair.
        let here = cm
            .note_covers(i, edition, NoteKind::Excludes1, other)
            .map(|n| n.at);
        let there = cm
            .find(other)
            .and_then(|j| cm.note_covers(j, edition, NoteKind::Excludes1, code))
            .map(|n| n.at);
        if let Some(at) = here.or(there) {
            return Some(format!(
                "Excludes1 at {at}: {} and {} are not reported together (ICD-10-CM guideline I.A.12.a).",
                dotted(code),
                dotted(other)
            ));
        }
    }
    None
}

/// What the code set says about an entered procedure code that is not valid.
pub fn procedure_entry(engine: &Engine<'_>, dos: Option<Date>, code: &str) -> Option<String> {
    let system = if code.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        System::Cpt
    } else {
        System::Hcpcs
    };
    let c = engine.check_code(system, code, dos);
    match c.state {
        CodeState::Unknown => Some(format!(
            "{} is not a {} code.",
            c.code,
            system.display_name()
        )),
        CodeState::Inactive => Some(format!("{} is not valid on the date of service.", c.code)),
        CodeState::InvalidFormat => c.findings.first().map(|f| f.message.clone()),
        _ => None,
    }
}

/// An add-on code entered without any of its primary procedures.
pub fn addon_without_primary(
    engine: &Engine<'_>,
    dos: Option<Date>,
    code: &str,
    entered: &[String],
) -> Option<String> {
    let aoc = engine.procedures.as_ref()?.aoc.as_ref()?;
    if !aoc.is_addon(code) {
        return None;
    }
    let edits: Vec<_> = aoc
        .edits_of(code)
        .into_iter()
        .filter(|e| dos.is_none_or(|d| e.in_force(d)))
        .collect();
    if edits.is_empty() || edits.iter().any(|e| e.contractor_defined()) {
        return None;
    }
    if edits.iter().any(|e| entered.contains(&e.primary)) {
        return None;
    }
    let primaries: Vec<&str> = edits.iter().take(5).map(|e| e.primary.as_str()).collect();
    Some(format!(
        "{code} is an add-on code: report it only with its primary procedure (NCCI add-on code edits; e.g. {}).",
        primaries.join(", ")
    ))
}
