//! `check_code` for HCPCS Level II, CPT numbers and modifiers (ICD-10-PCS is in `pcs_check`).
use crate::blob::columns::CodeTable;
use super::format::{cpt_category, is_cpt_modifier, is_level2, level2_prefix, looks_like_icd10cm, looks_like_pcs};
use super::hcpcs::{Hcpcs, Table};
use super::Procedures;
use crate::date::Date;
use crate::engine::{CodeCheck, CodeState, CodeSummary, Engine};
use crate::finding::{Severity, Suggestion};
use crate::normalize::{normalize_code, Normalized};
use crate::rules::{finding, finding_with, RuleId};
use crate::system::System;

/// How many completions a prefix lists.
pub(super) const COMPLETIONS: usize = 12;

/// Checks one procedure code or modifier of `system` on a date of service.
pub fn check_code(engine: &Engine<'_>, system: System, raw: &str, dos: Option<Date>) -> CodeCheck {
    check(engine, system, raw, dos, Notes::Field)
}

/// [`check_code`] for a code on a claim line: the note that a CPT description is not shown
/// (CPT-DESC) belongs to a code field, so it is not written.
pub(crate) fn check_line_code(engine: &Engine<'_>, system: System, raw: &str, dos: Option<Date>) -> CodeCheck {
    check(engine, system, raw, dos, Notes::Line)
}

/// Where a code is checked: in a code field, which gets every note, or on a claim line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Notes {
    Field,
    Line,
}

fn check(engine: &Engine<'_>, system: System, raw: &str, dos: Option<Date>, notes: Notes) -> CodeCheck {
    let n = normalize_code(raw);
    let p = engine.procedures.as_ref();
    if n.text.is_empty() && n.bad_char.is_none() && !n.too_long {
        return CodeCheck::new(system, raw, String::new(), CodeState::Empty);
    }
    let rule = if system == System::Modifier { RuleId::ModValid } else { RuleId::PxValid };
    if let Some(msg) = char_problem(&n, system) {
        let mut c = CodeCheck::new(system, raw, n.text.clone(), CodeState::InvalidFormat);
        c.findings.push(finding(rule, msg, None));
        return c;
    }
    let mut c = match system {
        System::Hcpcs => hcpcs(p, raw, &n, dos),
        System::Cpt => cpt(p, raw, &n, dos, notes),
        System::Icd10pcs => super::pcs_check::check(p.and_then(|p| p.pcs.as_ref()), raw, &n, dos),
        System::Modifier | System::Icd10cm => modifier(p, raw, &n, dos, notes),
    };
    if n.converted_lookalikes {
        c.findings.push(finding(
            RuleId::DxLookalike,
            format!("look-alike characters in \"{}\" were read as {}", raw.trim(), c.code),
            c.vintage.clone(),
        ));
    }
    c
}

fn char_problem(n: &Normalized, system: System) -> Option<String> {
    if n.too_long {
        return Some(format!("that is far longer than any {} code", system.display_name()));
    }
    let ch = n.bad_char?;
    let shown = if ch.is_control() || !ch.is_alphanumeric() && !ch.is_ascii_punctuation() {
        format!("U+{:04X}", u32::from(ch))
    } else {
        ch.to_string()
    };
    Some(format!("\"{shown}\" cannot appear in a {} code; codes use letters and digits only", system.display_name()))
}

/// A result saying the blob has no data for this system or date.
pub(super) fn no_data(system: System, raw: &str, code: &str, msg: String) -> CodeCheck {
    let mut c = CodeCheck::new(system, raw, code.to_owned(), CodeState::NoDataForDate);
    c.findings.push(finding(RuleId::PxDate, msg, None));
    c
}

/// The code as typed when it had a dot (so `J15.9` is echoed as such), else the cleaned code.
fn shown<'a>(raw: &str, n: &'a Normalized) -> std::borrow::Cow<'a, str> {
    if n.dot_at.is_some() { raw.trim().to_ascii_uppercase().into() } else { n.text.as_str().into() }
}

/// Wrong-system hints shared by HCPCS and CPT fields.
/// `code` is the shown code: without a dot it is the normalised code, so the ICD-10-CM shape is
/// judged on it as it is (a typed dot already says ICD-10-CM).
fn other_system_hint(code: &str, had_dot: bool, field: &str) -> Option<String> {
    if had_dot || (looks_like_icd10cm(code, had_dot) && code.len() != 5 && code.len() != 7) {
        return Some(format!("{code} looks like an ICD-10-CM diagnosis code; this field takes a {field} code"));
    }
    if looks_like_pcs(code) {
        return Some(format!("{code} looks like an ICD-10-PCS inpatient procedure code; this field takes a {field} code"));
    }
    if code.len() == 2 {
        return Some(format!("{code} looks like a modifier; this field takes a {field} code"));
    }
    None
}

fn hcpcs(p: Option<&Procedures<'_>>, raw: &str, n: &Normalized, dos: Option<Date>) -> CodeCheck {
    let code = n.text.as_str();
    let Some(h) = p.and_then(|p| p.hcpcs.as_ref()) else {
        return no_data(System::Hcpcs, raw, code, "this blob has no HCPCS Level II data; compile it with the CMS HCPCS file".into());
    };
    let Some((from, to)) = h.window() else { return no_data(System::Hcpcs, raw, code, "HCPCS window unreadable".into()) };
    if let Some(d) = dos.filter(|d| *d > to) {
        return no_data(
            System::Hcpcs,
            raw,
            code,
            format!("the loaded {} release answers for dates of service up to {to}, not {d}; load a newer HCPCS release", h.vintage_name()),
        );
    }
    let vintage = Some(h.vintage_name());
    let mut c = CodeCheck::new(System::Hcpcs, raw, code.to_owned(), CodeState::InvalidFormat);
    c.vintage = vintage.clone();
    if let Some(cat) = cpt_category(code) {
        c.findings.push(finding(
            RuleId::PxValid,
            format!("{code} has the shape of a {} code, not HCPCS Level II (one letter and four digits); check it as CPT", cat.name()),
            vintage,
        ));
        return c;
    }
    if level2_prefix(code) && n.dot_at.is_none() {
        let on = dos.unwrap_or(from);
        c.completions = h
            .prefix_range(Table::Codes, code)
            .filter(|&i| h.valid_on(Table::Codes, i, on))
            .take(COMPLETIONS)
            .map(|i| summary(h, Table::Codes, i))
            .collect();
        if !c.completions.is_empty() {
            c.state = CodeState::Prefix;
            return c;
        }
    }
    if let Some(msg) = other_system_hint(&shown(raw, n), n.dot_at.is_some(), "HCPCS Level II") {
        c.findings.push(finding(RuleId::PxValid, msg, vintage));
        return c;
    }
    if level2_prefix(code) {
        c.state = CodeState::Unknown;
        c.findings.push(finding(RuleId::PxValid, format!("no HCPCS Level II code starts with {code}"), vintage));
        return c;
    }
    if !is_level2(code) {
        c.findings.push(finding(
            RuleId::PxValid,
            format!("{code} is not the shape of a HCPCS Level II code: one letter followed by four digits, e.g. J1100"),
            vintage,
        ));
        return c;
    }
    let on = dos.unwrap_or(from);
    let quarters = p.and_then(|p| p.quarters.as_ref());
    let anweb = h.find(Table::Codes, code);
    if let Some(i) = anweb {
        c.code = code.to_owned();
        c.description = h.long(Table::Codes, i).map(str::to_owned);
    }
    // Validity by quarter (CMS I/OCE, newer code lists) wins where it speaks for the date.
    if let Some(q) = quarters {
        // Without a date: the newest quarter the data knows.
        let q_on = dos.or_else(|| Date::from_yyyymmdd(q.s.hcpcs_current_through)).unwrap_or(on);
        if super::quarter_check::answer(q, code, q_on, &mut c) {
            return c;
        }
    }
    match anweb {
        Some(i) => dated(h, Table::Codes, i, c, on, RuleId::PxValid),
        None => {
            c.state = CodeState::Unknown;
            let through = quarters.and_then(|q| Date::from_yyyymmdd(q.s.hcpcs_current_through));
            let later = match through {
                Some(t) if on > t => format!("; codes added after {t} are not in this blob"),
                None if on > Date::from_ymd(2026, 3, 31).unwrap_or(Date::MAX) && h.s.label.contains("January") => {
                    "; codes added in later quarterly updates are not in this blob".to_owned()
                }
                _ => String::new(),
            };
            let near: Vec<Suggestion> = code
                .get(..4)
                .map(|p| h.prefix_range(Table::Codes, p).filter(|&i| h.valid_on(Table::Codes, i, on)).take(5).map(|i| suggestion(h, Table::Codes, i)).collect())
                .unwrap_or_default();
            c.findings.push(
                finding(RuleId::PxValid, format!("{code} is not a HCPCS Level II code in the {} release{later}", h.s.label), vintage)
                    .with_suggestions(near),
            );
            c
        }
    }
}

/// Answers a known HCPCS code or Level II modifier from its added and termination dates.
fn dated(h: &Hcpcs<'_>, t: Table, i: usize, mut c: CodeCheck, on: Date, rule: RuleId) -> CodeCheck {
    let code = h.code(t, i).to_owned();
    c.code = code.clone();
    c.description = h.long(t, i).map(str::to_owned);
    if h.valid_on(t, i, on) {
        c.state = CodeState::Billable;
        c.billable = true;
        return c;
    }
    c.state = CodeState::Inactive;
    let msg = match (h.added(t, i), h.terminated(t, i)) {
        (Some(a), _) if on < a => format!("{code} is not valid yet on {on}: it was added effective {a}"),
        (_, Some(e)) => format!("{code} was discontinued: its last valid date of service was {e}"),
        _ => format!("{code} is not valid on {on}"),
    };
    let xref: Vec<Suggestion> = if t == Table::Codes {
        h.cross_reference(t, i)
            .into_iter()
            .map(|x| {
                let description = h.find(t, &x).and_then(|j| h.long(t, j)).map(str::to_owned);
                Suggestion { code: x, description }
            })
            .collect()
    } else {
        Vec::new()
    };
    let msg = if xref.is_empty() { msg } else { format!("{msg}; see its cross-reference") };
    c.findings.push(finding(rule, msg, c.vintage.clone()).with_suggestions(xref));
    c
}

fn summary(h: &Hcpcs<'_>, t: Table, i: usize) -> CodeSummary {
    CodeSummary { code: h.code(t, i).to_owned(), description: h.short(t, i).map(str::to_owned), billable: true }
}

fn suggestion(h: &Hcpcs<'_>, t: Table, i: usize) -> Suggestion {
    Suggestion { code: h.code(t, i).to_owned(), description: h.long(t, i).map(str::to_owned) }
}

/// The licence note attached when a CPT description cannot be shown.
pub(super) fn licence_note(code: &str, seen: &str, vintage: Option<String>) -> crate::finding::Finding {
    finding(
        RuleId::CptDesc,
        format!(
            "no description shown for {code}: CPT descriptions are copyrighted by the AMA and this public blob carries none{seen}. \
             Compile with a licensed CPT file (claimlint compile --cpt FILE) to show them"
        ),
        vintage,
    )
}

fn cpt(p: Option<&Procedures<'_>>, raw: &str, n: &Normalized, dos: Option<Date>, notes: Notes) -> CodeCheck {
    let code = n.text.as_str();
    let Some(t) = p.and_then(|p| p.cpt.as_ref()) else {
        return no_data(System::Cpt, raw, code, "this blob has no CPT code numbers; compile it with the CMS MUE and add-on code files".into());
    };
    let vintage = Some(if t.licensed() { "CPT (licensed file) and CMS NCCI tables".to_owned() } else { "CPT numbers from CMS NCCI tables".to_owned() });
    let mut c = CodeCheck::new(System::Cpt, raw, code.to_owned(), CodeState::InvalidFormat);
    c.vintage = vintage.clone();
    if is_level2(code) {
        c.findings.push(finding(RuleId::PxValid, format!("{code} is a HCPCS Level II code (one letter and four digits), not CPT; check it as hcpcs"), vintage));
        return c;
    }
    // Digits on the way to a CPT number: "71" is the start of 71045, not a modifier.
    let b = code.as_bytes();
    let typing = b.len() < 5 && b.iter().all(u8::is_ascii_digit) && n.dot_at.is_none();
    let completions: Vec<CodeSummary> = if typing {
        t.prefix_range(code)
            .take(COMPLETIONS)
            .map(|i| CodeSummary { code: t.code(i).to_owned(), description: t.description(i).map(str::to_owned), billable: true })
            .collect()
    } else {
        Vec::new()
    };
    if !completions.is_empty() {
        c.state = CodeState::Prefix;
        c.completions = completions;
        return c;
    }
    if let Some(msg) = other_system_hint(&shown(raw, n), n.dot_at.is_some(), "CPT") {
        c.findings.push(finding(RuleId::PxValid, msg, vintage));
        return c;
    }
    if typing {
        // No CPT number starts with these digits (yet): still a beginning, with nothing to offer.
        c.state = CodeState::Prefix;
        return c;
    }
    let Some(cat) = cpt_category(code) else {
        c.findings.push(finding(
            RuleId::PxValid,
            format!("{code} is not the shape of a CPT code: five digits (Category I), or four digits followed by F, T, U or M"),
            vintage,
        ));
        return c;
    };
    let quarters = p.and_then(|p| p.quarters.as_ref());
    if let (Some(q), Some(d)) = (quarters, dos) {
        let to = Date::from_yyyymmdd(q.s.valid_to).unwrap_or(Date::MAX);
        if d > to {
            return no_data(System::Cpt, raw, code, format!("the loaded CPT numbers ({}) answer dates of service up to {to}, not {d}", q.s.label));
        }
    }
    match t.find(code) {
        Some(i) => {
            c.description = t.description(i).map(str::to_owned);
            if let (Some(q), Some(d)) = (quarters, dos) {
                if super::quarter_check::answer(q, code, d, &mut c) && c.state == CodeState::Inactive {
                    return c;
                }
            }
            c.state = CodeState::Billable;
            c.billable = true;
            if c.description.is_none() && notes == Notes::Field {
                let seen = format!(" (it is known as a {} number from the CMS {})", cat.name(), t.seen_names(i).join(" and "));
                c.findings.push(licence_note(code, &seen, vintage));
            }
            c
        }
        None => {
            c.state = CodeState::Unknown;
            if t.licensed() {
                c.findings.push(finding(RuleId::PxValid, format!("{code} is not in the licensed CPT file nor in the CMS NCCI tables"), vintage));
            } else {
                c.findings.push(finding_with(
                    RuleId::PxValid,
                    Severity::Warning,
                    format!(
                        "{code} has the shape of a {} code but is not in any loaded CMS table (MUE, add-on code edits); this public blob \
                         knows CPT numbers only from those tables, so check it against your licensed CPT code set",
                        cat.name()
                    ),
                    vintage,
                ));
            }
            c
        }
    }
}

fn modifier(p: Option<&Procedures<'_>>, raw: &str, n: &Normalized, dos: Option<Date>, notes: Notes) -> CodeCheck {
    let m = n.text.as_str();
    let h = p.and_then(|p| p.hcpcs.as_ref());
    let cpt = p.and_then(|p| p.cpt.as_ref());
    let mut c = CodeCheck::new(System::Modifier, raw, m.to_owned(), CodeState::InvalidFormat);
    c.vintage = h.map(Hcpcs::vintage_name);
    if n.dot_at.is_some() || m.len() > 2 {
        let what = if m.len() == 5 { format!("{m} looks like a procedure code; ") } else { String::new() };
        c.findings.push(finding(RuleId::ModValid, format!("{what}modifiers are two characters, e.g. 25, 59 or LT"), c.vintage.clone()));
        return c;
    }
    let Some(h) = h else {
        return no_data(System::Modifier, raw, m, "this blob has no HCPCS modifier table; compile it with the CMS HCPCS file".into());
    };
    let Some((from, to)) = h.window() else { return no_data(System::Modifier, raw, m, "HCPCS window unreadable".into()) };
    if let Some(d) = dos.filter(|d| *d > to) {
        return no_data(System::Modifier, raw, m, format!("the loaded {} release answers for dates of service up to {to}, not {d}", h.vintage_name()));
    }
    let on = dos.unwrap_or(from);
    if m.len() == 1 {
        c.state = CodeState::Prefix;
        c.completions = h
            .prefix_range(Table::Modifiers, m)
            .filter(|&i| h.valid_on(Table::Modifiers, i, on))
            .take(COMPLETIONS)
            .map(|i| summary(h, Table::Modifiers, i))
            .chain(super::format::CPT_MODIFIERS.iter().filter(|x| x.starts_with(m)).map(|x| CodeSummary {
                code: (*x).to_owned(),
                description: cpt.and_then(|t| t.modifier_description(x)).map(str::to_owned),
                billable: true,
            }))
            .collect();
        return c;
    }
    if let Some(i) = h.find(Table::Modifiers, m) {
        return dated(h, Table::Modifiers, i, c, on, RuleId::ModValid);
    }
    if is_cpt_modifier(m) {
        c.state = CodeState::Billable;
        c.billable = true;
        c.vintage = Some("CPT modifier numbers".into());
        c.description = cpt.and_then(|t| t.modifier_description(m)).map(str::to_owned);
        if c.description.is_none() && notes == Notes::Field {
            c.findings.push(licence_note(m, " (it is a CPT modifier)", c.vintage.clone()));
        }
        return c;
    }
    c.state = CodeState::Unknown;
    c.findings.push(finding(
        RuleId::ModValid,
        format!("{m} is not a HCPCS Level II modifier in the {} release nor a known CPT modifier", h.s.label),
        c.vintage.clone(),
    ));
    c
}
