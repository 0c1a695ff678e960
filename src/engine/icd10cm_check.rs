//! `check_code` for ICD-10-CM: one state per keystroke, with findings that say why.
use crate::blob::columns::CodeTable;
use super::check::{CodeCheck, CodeState};
use super::describe::summary;
use super::suggest;
use super::Engine;
use crate::date::Date;
use crate::finding::Suggestion;
use crate::icd10cm::{dotted, Icd10Cm};
use crate::normalize::{normalize_code, Normalized};
use crate::rules::{finding, RuleId};
use crate::system::System;

/// How many completions a header or prefix lists.
const COMPLETIONS: usize = 12;

/// What a check looks up beside its findings' messages: everything (`Full`), or only what the
/// messages need (`Brief`: no descriptions of the code, its suggestions or completions), for a
/// caller that reads the first problem's message and drops the rest.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Detail {
    Full,
    Brief,
}

impl Detail {
    fn description(self, cm: &Icd10Cm<'_>, i: usize, e: usize) -> Option<String> {
        if self == Detail::Full {
            cm.description(i, e)
        } else {
            None
        }
    }
    fn summary(self, cm: &Icd10Cm<'_>, i: usize, e: usize) -> super::check::CodeSummary {
        if self == Detail::Full {
            summary(cm, i, e)
        } else {
            super::check::CodeSummary { code: dotted(cm.code(i)), description: None, billable: cm.billable(i, e) }
        }
    }
}

pub(super) fn check(engine: &Engine<'_>, raw: &str, dos: Option<Date>, detail: Detail) -> CodeCheck {
    let n = normalize_code(raw);
    let Some(cm) = engine.icd10cm.as_ref() else {
        let mut c = CodeCheck::new(System::Icd10cm, raw, n.text, CodeState::NoDataForDate);
        c.findings.push(finding(RuleId::DxDate, "this blob has no ICD-10-CM data; compile it with ICD-10-CM sources".into(), None));
        return c;
    };
    let mut c = base(cm, raw, &n, dos, detail);
    if n.converted_lookalikes && c.state != CodeState::Empty {
        c.findings.push(finding(
            RuleId::DxLookalike,
            format!("look-alike characters in \"{}\" were read as {}", raw.trim(), c.code),
            c.vintage.clone(),
        ));
    }
    c
}

/// A billable code in the edition for the date, typed as letters and digits with at most a
/// dot after the third character: nothing to report.
pub(super) fn is_clean(engine: &Engine<'_>, raw: &str, dos: Option<Date>) -> bool {
    let t = raw.as_bytes();
    let plain = |b: &[u8]| !b.is_empty() && b.len() <= 7 && b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let mut key = [0u8; 7];
    let code: &[u8] = match t {
        [a, b, c, b'.', rest @ ..] if plain(&[*a, *b, *c]) && plain(rest) && rest.len() <= 4 => {
            let n = 3usize.saturating_add(rest.len());
            for (k, v) in key.iter_mut().zip([a, b, c].into_iter().chain(rest)) {
                *k = *v;
            }
            key.get(..n).unwrap_or(&[])
        }
        _ if plain(t) => t,
        _ => return false,
    };
    let (Some(cm), Ok(code)) = (engine.icd10cm.as_ref(), core::str::from_utf8(code)) else { return false };
    let e = match dos {
        None => cm.latest(),
        Some(d) => match cm.edition_for(d) {
            Some(e) => e,
            None => return false,
        },
    };
    cm.find(code).is_some_and(|i| cm.billable(i, e))
}

fn base(cm: &Icd10Cm<'_>, raw: &str, n: &Normalized, dos: Option<Date>, detail: Detail) -> CodeCheck {
    let shown = display(n);
    if n.text.is_empty() && n.bad_char.is_none() && !n.too_long {
        return CodeCheck::new(System::Icd10cm, raw, String::new(), CodeState::Empty);
    }
    let e = match dos {
        None => cm.latest(),
        Some(d) => match cm.edition_for(d) {
            Some(e) => e,
            None => return no_data(cm, raw, shown, d),
        },
    };
    let vintage = Some(cm.vintage_name(e));
    let mut c = CodeCheck::new(System::Icd10cm, raw, shown.clone(), CodeState::InvalidFormat);
    c.vintage = vintage.clone();
    let code = n.text.as_str();
    let found = cm.find(code);
    // Letter O typed as zero (or I as one) first: "010.02" is O10.02, not a CPT code.
    let swaps = if found.is_none() { suggest::lookalike_digits(cm, code, e) } else { Vec::new() };
    if let Some(&first) = swaps.first() {
        let first = dotted(cm.code(first));
        c.findings.push(
            finding(RuleId::DxValid, format!("{shown} mixes up the letter O or I with the digit 0 or 1; did you mean {first}?"), vintage)
                .with_suggestions(suggestions(cm, &swaps, e, detail)),
        );
        return c;
    }
    if let Some(msg) = format_problem(n) {
        c.findings.push(finding(RuleId::DxValid, msg, vintage));
        return c;
    }
    if let Some(i) = found {
        return known(cm, c, i, e, detail);
    }
    // Not a code. A valid beginning while typing?
    let range = cm.prefix_range(code);
    let in_edition: Vec<usize> = range.clone().filter(|&j| cm.exists(j, e)).take(COMPLETIONS * 4).collect();
    if !in_edition.is_empty() && code.len() < 7 && n.dot_at.is_none_or(|d| d == 3) {
        c.state = CodeState::Prefix;
        c.completions = next_level(cm, &in_edition, code.len(), e, detail);
        return c;
    }
    // Placeholder X missing, with the 7th character typed (T36.01A) or without it (T36.01)?
    let with_seventh = suggest::placeholder_x(cm, code, e);
    let (fixes, what) = if with_seventh.is_empty() {
        (suggest::placeholder_x_seventh(cm, code, e, 5), "the placeholder X and a 7th character; did you mean")
    } else {
        (with_seventh, "the placeholder X: the 7th character must be in position 7, so use")
    };
    if let Some(&first) = fixes.first() {
        let first = dotted(cm.code(first));
        let tail = if fixes.len() > 1 && what.ends_with("mean") { " or one of these?" } else { "" };
        c.findings.push(finding(RuleId::Dx7th, format!("{shown} is missing {what} {first}{tail}"), vintage).with_suggestions(suggestions(cm, &fixes, e, detail)));
        return c;
    }
    // Well formed but unknown: in another edition?
    c.state = CodeState::Unknown;
    let near = suggest::near_misses(cm, code, e, 5);
    c.findings.push(
        finding(
            RuleId::DxValid,
            if near.is_empty() {
                format!("{shown} is not an ICD-10-CM code in {}", cm.label(e))
            } else {
                format!("{shown} is not an ICD-10-CM code in {}; did you mean one of these?", cm.label(e))
            },
            vintage,
        )
        .with_suggestions(suggestions(cm, &near, e, detail)),
    );
    c
}

fn known(cm: &Icd10Cm<'_>, mut c: CodeCheck, i: usize, e: usize, detail: Detail) -> CodeCheck {
    let code = dotted(cm.code(i));
    c.code = code.clone();
    let vintage = c.vintage.clone();
    if !cm.exists(i, e) {
        return inactive(cm, c, i, e, detail);
    }
    c.description = detail.description(cm, i, e);
    if cm.billable(i, e) {
        c.state = CodeState::Billable;
        c.billable = true;
        return c;
    }
    c.state = CodeState::Header;
    let desc = cm.billable_descendants(i, e, COMPLETIONS);
    c.completions = desc.iter().map(|&j| detail.summary(cm, j, e)).collect();
    // The same codes as suggestions, copied rather than looked up again.
    let suggested: Vec<Suggestion> = c.completions.iter().map(|s| Suggestion { code: s.code.clone(), description: s.description.clone() }).collect();
    if cm.needs_seventh(i) {
        c.findings.push(
            finding(
                RuleId::Dx7th,
                format!("{code} needs a 7th character (for example the encounter: initial, subsequent or sequela); choose one of its 7-character codes"),
                vintage,
            )
            .with_suggestions(suggested),
        );
    } else {
        c.findings.push(
            finding(RuleId::DxHeader, format!("{code} is a header, not a billable code; report one of its more specific codes"), vintage)
                .with_suggestions(suggested),
        );
    }
    c
}

fn inactive(cm: &Icd10Cm<'_>, mut c: CodeCheck, i: usize, e: usize, detail: Detail) -> CodeCheck {
    c.state = CodeState::Inactive;
    let editions: Vec<usize> = cm.editions_of(i).collect();
    // The nearest edition holding the code: the last one before (deleted since), else the
    // first one after (not valid yet).
    let other = editions.iter().rev().find(|&&x| x < e).or_else(|| editions.iter().find(|&&x| x > e)).copied().unwrap_or(0);
    c.description = detail.description(cm, i, other);
    let code = c.code.clone();
    let window = |ed: usize| cm.window(ed).map(|(a, b)| format!("{a} to {b}")).unwrap_or_default();
    let msg = if other < e {
        let last_day = cm.window(other).map(|(_, b)| b.to_string()).unwrap_or_default();
        format!(
            "{code} was deleted: it was valid in {} ({}), last date of service {last_day}; it is not in {}",
            cm.label(other),
            window(other),
            cm.label(e)
        )
    } else {
        let first_day = cm.window(other).map(|(a, _)| a.to_string()).unwrap_or_default();
        format!("{code} is not valid yet on this date: it was added in {}, valid from {first_day}", cm.label(other))
    };
    let near = {
        let parent = cm.parent(i);
        parent.map(|p| cm.billable_descendants(p, e, 5)).unwrap_or_default()
    };
    c.findings.push(finding(RuleId::DxValid, msg, c.vintage.clone()).with_suggestions(suggestions(cm, &near, e, detail)));
    c
}

fn no_data(cm: &Icd10Cm<'_>, raw: &str, shown: String, d: Date) -> CodeCheck {
    let loaded: Vec<String> = (0..cm.editions())
        .filter_map(|e| cm.window(e).map(|(a, b)| format!("{} ({a} to {b})", cm.label(e))))
        .collect();
    let mut c = CodeCheck::new(System::Icd10cm, raw, shown, CodeState::NoDataForDate);
    c.findings.push(finding(
        RuleId::DxDate,
        format!(
            "no ICD-10-CM edition is loaded for the date of service {d}; loaded: {}. Load the blob for that fiscal year rather than validate against the wrong year",
            loaded.join(", ")
        ),
        None,
    ));
    c
}

/// Shape problems that no lookup can fix, in words a coder understands.
fn format_problem(n: &Normalized) -> Option<String> {
    if n.too_long {
        return Some("that is far longer than any ICD-10-CM code (3 to 7 characters)".into());
    }
    if let Some(ch) = n.bad_char {
        let shown: String = if ch.is_control() || !ch.is_alphanumeric() && !ch.is_ascii_punctuation() {
            format!("U+{:04X}", u32::from(ch))
        } else {
            ch.to_string()
        };
        return Some(format!("\"{shown}\" cannot appear in an ICD-10-CM code; codes use letters, digits and one dot"));
    }
    let t = n.text.as_str();
    let b = t.as_bytes();
    if t.len() > 7 {
        return Some(format!("{t} has {} characters; ICD-10-CM codes have at most 7", t.len()));
    }
    if let Some(d) = n.dot_at {
        if d != 3 {
            return Some("the dot in an ICD-10-CM code goes after the third character (e.g. J15.9)".into());
        }
    }
    let all_digits = b.iter().all(u8::is_ascii_digit);
    if t.len() == 5 && (all_digits || (b.iter().take(4).all(u8::is_ascii_digit) && matches!(b.get(4), Some(b'F' | b'T' | b'U' | b'M')))) {
        return Some(format!("{t} looks like a CPT procedure code; this field takes an ICD-10-CM diagnosis code"));
    }
    if t.len() == 2 && b.iter().all(u8::is_ascii_alphanumeric) && !b.first().is_some_and(u8::is_ascii_uppercase) {
        return Some(format!("{t} looks like a modifier; this field takes an ICD-10-CM diagnosis code"));
    }
    if t.len() == 7 && b.iter().all(u8::is_ascii_alphanumeric) && b.first().is_some_and(|c| c.is_ascii_digit() || b"BCDFGHX".contains(c)) && b.get(1).is_some_and(|c| c.is_ascii_alphabetic()) {
        return Some(format!("{t} looks like an ICD-10-PCS procedure code; this field takes an ICD-10-CM diagnosis code"));
    }
    match b.first() {
        Some(c) if c.is_ascii_digit() && *c != b'0' && *c != b'1' => {
            return Some("ICD-10-CM codes start with a letter (A to Z), e.g. J15.9".into());
        }
        _ => {}
    }
    None
}

/// Typed text in dotted form for messages (only when it starts like a diagnosis code).
fn display(n: &Normalized) -> String {
    if n.text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        dotted(&n.text)
    } else {
        n.text.clone()
    }
}

fn suggestions(cm: &Icd10Cm<'_>, idx: &[usize], e: usize, detail: Detail) -> Vec<Suggestion> {
    idx.iter().map(|&j| Suggestion { code: dotted(cm.code(j)), description: detail.description(cm, j, e) }).collect()
}

/// For a prefix, the codes one level further (categories for "J1", subcategories for "J15").
fn next_level(cm: &Icd10Cm<'_>, in_edition: &[usize], typed_len: usize, e: usize, detail: Detail) -> Vec<super::check::CodeSummary> {
    let target = if typed_len < 3 { 3 } else { typed_len.saturating_add(1) };
    let mut out: Vec<_> = in_edition.iter().filter(|&&j| cm.code(j).len() == target).take(COMPLETIONS).map(|&j| detail.summary(cm, j, e)).collect();
    if out.is_empty() {
        out = in_edition.iter().take(COMPLETIONS).map(|&j| detail.summary(cm, j, e)).collect();
    }
    out
}
