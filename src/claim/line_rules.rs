//! Rules on each service line: dates, pointers, units, place of service, charge, NDC, NPI,
//! and the form's limits.
use super::check::Ctx;
use super::ids::{ndc_problem, npi_problem};
use super::model::{ClaimType, Line, LETTERS, MAX_MODIFIERS, MAX_POINTERS, MAX_PROCEDURES};
use crate::date::Date;
use crate::finding::{LineField, Location, Severity, Suggestion};
use crate::decimal::Shortest;
use crate::normalize::trim;
use crate::rules::{finding, finding_with, RuleId};

/// Largest unit count accepted on one line (837 SV104 allows more, but nothing real bills it).
const MAX_UNITS: f64 = 99_999.0;

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    limits(ctx);
    let claim = ctx.claim;
    let max = claim.claim_type.max_lines();
    // Lines mostly share one date: the last date read and whether an edition answers it.
    let mut last: Option<(&str, Option<(Date, bool)>)> = None;
    for (k, line) in claim.lines.iter().take(max).enumerate() {
        let at = |field| Location::Line { line: k, field };
        dates(ctx, line, &mut last, at);
        pointers(ctx, line, at);
        units(ctx, line, at);
        pos(ctx, line, at);
        charge(ctx, line, at);
        if let Some(ndc) = line.ndc.as_deref() {
            if let Some((msg, fixed)) = ndc_problem(ndc) {
                let s = fixed.map(|c| vec![Suggestion { code: c, description: None }]).unwrap_or_default();
                ctx.push(finding(RuleId::LineNdc, msg, None).with_suggestions(s).at(at(LineField::Ndc)));
            }
        }
        if let Some(npi) = line.npi.as_deref() {
            if let Some(msg) = npi_problem(npi) {
                ctx.push(finding(RuleId::LineNpi, msg, None).at(at(LineField::Npi)));
            }
        }
    }
    if let Some(npi) = ctx.claim.billing_npi.as_deref() {
        if let Some(msg) = npi_problem(npi) {
            ctx.push(finding(RuleId::LineNpi, format!("billing {msg}"), None).at("/billingNpi"));
        }
    }
}

/// CLAIM-LIMITS: 12 diagnoses (25 on facility claims), 25 procedures, 50 or 450 lines,
/// 4 modifiers, 4 pointers.
fn limits(ctx: &mut Ctx<'_, '_>) {
    let c = ctx.claim;
    let form = c.claim_type.id();
    let mut out = Vec::new();
    let max_dx = c.claim_type.max_diagnoses();
    if c.diagnoses.len() > max_dx {
        let which = if c.claim_type.is_facility() { "the principal and 24 others" } else { "A to L" };
        out.push(finding(RuleId::ClaimLimits, format!("the claim lists {} diagnoses; at most {max_dx} ({which}) fit, the rest were not checked", c.diagnoses.len()), None).at(Location::Diagnosis(max_dx)));
    }
    if !c.procedures.is_empty() && c.claim_type != ClaimType::Inpatient {
        out.push(finding(RuleId::ClaimLimits, "ICD-10-PCS procedures belong on inpatient claims only; they were not checked".into(), None).at("/procedures"));
    }
    if c.procedures.len() > MAX_PROCEDURES {
        out.push(finding(RuleId::ClaimLimits, format!("the claim lists {} procedures; at most {MAX_PROCEDURES} fit, the rest were not checked", c.procedures.len()), None).at(Location::Procedure(MAX_PROCEDURES)));
    }
    let max = c.claim_type.max_lines();
    if c.lines.len() > max {
        out.push(finding(RuleId::ClaimLimits, format!("the claim has {} lines; a {form} claim carries at most {max}; split it", c.lines.len()), None).at(Location::Line { line: max, field: LineField::Whole }));
    }
    if c.diagnoses.is_empty() {
        out.push(finding(RuleId::ClaimLimits, "the claim needs at least one diagnosis".into(), None).at("/diagnoses"));
    }
    if c.lines.is_empty() && c.claim_type != ClaimType::Inpatient {
        out.push(finding(RuleId::ClaimLimits, "the claim needs at least one service line".into(), None).at("/lines"));
    }
    for (k, l) in c.lines.iter().take(max).enumerate() {
        if l.modifiers.len() > MAX_MODIFIERS {
            out.push(finding(RuleId::ClaimLimits, format!("line {} has {} modifiers; at most {MAX_MODIFIERS} fit", k.saturating_add(1), l.modifiers.len()), None).at(Location::Line { line: k, field: LineField::Modifier(MAX_MODIFIERS) }));
        }
        if l.pointers.len() > MAX_POINTERS {
            out.push(finding(RuleId::ClaimLimits, format!("line {} has {} diagnosis pointers; at most {MAX_POINTERS} fit", k.saturating_add(1), l.pointers.len()), None).at(Location::Line { line: k, field: LineField::Pointer(MAX_POINTERS) }));
        }
    }
    ctx.out.extend(out);
}

/// LINE-DATE: format, order, not in the future, inside a loaded ICD-10-CM edition.
fn dates<'c>(ctx: &mut Ctx<'_, '_>, line: &'c Line, last: &mut Option<(&'c str, Option<(Date, bool)>)>, at: impl Fn(LineField) -> Location) {
    let from_raw = trim(&line.date_from);
    if from_raw.is_empty() {
        return; // reported by the reader
    }
    // The date, and whether a loaded ICD-10-CM edition answers it (true without ICD-10-CM).
    let read = match *last {
        Some((text, read)) if text == from_raw => read,
        _ => {
            let read = Date::parse(from_raw).map(|d| (d, ctx.engine.icd10cm.as_ref().is_none_or(|cm| cm.edition_for(d).is_some())));
            *last = Some((from_raw, read));
            read
        }
    };
    let Some((from, in_edition)) = read else {
        ctx.push(finding(RuleId::LineDate, format!("dateFrom `{from_raw}` is not a date (use YYYY-MM-DD)"), None).at(at(LineField::DateFrom)));
        return;
    };
    let to = match line.date_to.as_deref().map(trim).filter(|s| !s.is_empty()) {
        None => from,
        Some(raw) => match Date::parse(raw) {
            Some(d) => d,
            None => {
                ctx.push(finding(RuleId::LineDate, format!("dateTo `{raw}` is not a date (use YYYY-MM-DD)"), None).at(at(LineField::DateTo)));
                from
            }
        },
    };
    if to < from {
        ctx.push(finding(RuleId::LineDate, format!("dateTo {to} is before dateFrom {from}"), None).at(at(LineField::DateTo)));
    }
    if let Some(today) = ctx.today {
        if from > today || to > today {
            let (which, field, d) = if from > today { ("dateFrom", LineField::DateFrom, from) } else { ("dateTo", LineField::DateTo, to) };
            ctx.push(finding(RuleId::LineDate, format!("{which} {d} is in the future (today is {today}); services are billed after they are given"), None).at(at(field)));
        }
    }
    if let Some(cm) = ctx.engine.icd10cm.as_ref().filter(|_| !in_edition) {
        let loaded: Vec<String> = (0..cm.editions()).filter_map(|e| cm.window(e).map(|(a, b)| format!("{} ({a} to {b})", cm.label(e)))).collect();
        ctx.push(
            finding(RuleId::LineDate, format!("no code-set edition is loaded for {from}; loaded: {}", loaded.join(", ")), None).at(at(LineField::DateFrom)),
        );
    }
}

/// LINE-PTR: 1 to 4 pointers, letters A–L naming an existing diagnosis, no repeats.
fn pointers(ctx: &mut Ctx<'_, '_>, line: &Line, at: impl Fn(LineField) -> Location) {
    let n_dx = ctx.claim.diagnoses.len().min(LETTERS.len());
    if line.pointers.is_empty() {
        if !ctx.claim.claim_type.is_facility() {
            ctx.push(finding(RuleId::LinePtr, "the line needs at least one diagnosis pointer (24E), A for the first diagnosis".into(), None).at(at(LineField::Pointers)));
        }
        return;
    }
    // Diagnoses already pointed to, one bit per letter.
    let mut seen = 0u16;
    for (j, p) in line.pointers.iter().enumerate().take(MAX_POINTERS) {
        let here = || at(LineField::Pointer(j));
        let pos = match trim(p).as_bytes() {
            [c] => LETTERS.iter().position(|l| u32::from(*l) == u32::from(c.to_ascii_uppercase())),
            _ => None,
        };
        let Some(pos) = pos else {
            let shown: String = p.chars().take(16).collect();
            ctx.push(finding(RuleId::LinePtr, format!("pointer `{shown}` is not a diagnosis letter A to L"), None).at(here()));
            continue;
        };
        // The pointer's letter as a message writes it (upper case): its diagnosis's letter.
        let t = LETTERS.get(pos).copied().unwrap_or('A');
        if pos >= n_dx {
            let last = LETTERS.get(n_dx.saturating_sub(1)).copied().unwrap_or('A');
            let msg = if n_dx == 0 {
                format!("pointer {t} points to no diagnosis: the claim has none")
            } else {
                format!("pointer {t} points to no diagnosis: the claim lists A to {last}")
            };
            ctx.push(finding(RuleId::LinePtr, msg, None).at(here()));
            continue;
        }
        let bit = 1u16.checked_shl(u32::try_from(pos).unwrap_or(u32::MAX)).unwrap_or(0);
        if seen & bit != 0 {
            ctx.push(finding(RuleId::LinePtr, format!("pointer {t} is repeated on the line"), None).at(here()));
            continue;
        }
        seen |= bit;
    }
}

/// LINE-UNITS: present on professional lines, positive, below a sane ceiling.
fn units(ctx: &mut Ctx<'_, '_>, line: &Line, at: impl Fn(LineField) -> Location) {
    let here = at(LineField::Units);
    match line.units {
        None if !ctx.claim.claim_type.is_facility() => {
            ctx.push(finding(RuleId::LineUnits, "the line has no units (24G); give the number of days or units, usually 1".into(), None).at(here));
        }
        None => {}
        Some(u) if !u.is_finite() || u <= 0.0 => ctx.push(finding(RuleId::LineUnits, format!("units must be more than zero, not {}", Shortest(u)), None).at(here)),
        Some(u) if u > MAX_UNITS => ctx.push(finding(RuleId::LineUnits, format!("{} units on one line is not plausible (more than {})", Shortest(u), Shortest(MAX_UNITS)), None).at(here)),
        Some(u) if u.fract() != 0.0 => ctx.push(
            finding_with(RuleId::LineUnits, Severity::Warning, format!("units {} is not a whole number; most payers accept fractions only for anesthesia minutes or drugs", Shortest(u)), None).at(here),
        ),
        Some(_) => {}
    }
}

/// LINE-POS: a CMS place-of-service code, required on professional and DME lines.
fn pos(ctx: &mut Ctx<'_, '_>, line: &Line, at: impl Fn(LineField) -> Location) {
    let here = at(LineField::Pos);
    let Some(raw) = line.pos.as_deref().map(trim).filter(|p| !p.is_empty()) else {
        if !ctx.claim.claim_type.is_facility() {
            ctx.push(finding(RuleId::LinePos, "the line has no place of service (24B), e.g. 11 for an office".into(), None).at(here));
        }
        return;
    };
    let code: std::borrow::Cow<'_, str> = if raw.len() == 1 && raw.bytes().all(|b| b.is_ascii_digit()) { format!("0{raw}").into() } else { raw.into() };
    let Some(data) = ctx.data else { return };
    if data.s.pos.is_empty() {
        return;
    }
    match data.pos_name(&code) {
        Some(_) if code != raw => ctx.push(finding_with(RuleId::LinePos, Severity::Warning, format!("place of service `{raw}` has two digits: {code}"), Some(data.s.pos_label.to_owned())).at(here)),
        Some(_) => {}
        None => {
            let shown: String = raw.chars().take(16).collect();
            ctx.push(finding(RuleId::LinePos, format!("`{shown}` is not a CMS place-of-service code (two digits, e.g. 11 office, 22 outpatient hospital)"), Some(data.s.pos_label.to_owned())).at(here));
        }
    }
}

/// LINE-CHARGE: present, not negative, whole cents.
fn charge(ctx: &mut Ctx<'_, '_>, line: &Line, at: impl Fn(LineField) -> Location) {
    let here = at(LineField::Charge);
    match line.charge {
        None => {
            // The charge's box on the form: UB-04 FL 47 on facility claims, CMS-1500 item 24F.
            let field = if ctx.claim.claim_type.is_facility() { "UB-04 FL 47" } else { "24F" };
            ctx.push(finding(RuleId::LineCharge, format!("the line has no charge ({field})"), None).at(here))
        }
        Some(c) if !c.is_finite() || c < 0.0 => ctx.push(finding(RuleId::LineCharge, format!("charge {} is negative", Shortest(c)), None).at(here)),
        Some(c) if c >= 10_000_000.0 => ctx.push(finding(RuleId::LineCharge, format!("charge {} is larger than the 837 amount field holds on one line", Shortest(c)), None).at(here)),
        Some(c) if ((c * 100.0).round() - c * 100.0).abs() > 1e-6 => {
            ctx.push(finding(RuleId::LineCharge, format!("charge {} has fractions of a cent", Shortest(c)), None).at(here))
        }
        Some(_) => {}
    }
}
