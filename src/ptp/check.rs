//! PTP checks: one pair of codes, or all pairs among a claim's lines.
//!
//! CMS semantics (NCCI Policy Manual, Chapter I): an edit applies when both codes are billed
//! for the same patient by the same provider on the same date of service and the edit is in
//! force on that date (see [`super::edit::Edit::in_force`]). Then the column-two code is
//! denied, except under modifier indicator 1 when an NCCI-associated modifier is on either code
//! of the pair. Indicator 9 edits never apply. A code paired with itself is not a PTP edit.
use super::edit::{Edit, ModifierIndicator};
use super::modifiers::{first_bypass, ModifierFamily};
use super::rationale::{kind, EditKind};
use super::{table_name, Ptp, TableSection};
use crate::claim::service_line::ServiceLine;
use crate::claim::ClaimType;
use crate::currency::{mark_stale, StaleEdits};
use crate::date::Date;
use crate::engine::Engine;
use crate::finding::{Finding, LineField, Location};
use crate::normalize::normalize_code;
use crate::rules::{finding, RuleId};

/// Two codes billed by one provider for one patient on one date of service.
#[derive(Clone, Copy, Debug)]
pub struct PairInput<'s> {
    pub a: &'s str,
    pub b: &'s str,
    pub mods_a: &'s [&'s str],
    pub mods_b: &'s [&'s str],
    pub dos: Date,
    pub claim_type: ClaimType,
}

/// Findings for one pair (either code may be column one). A table past its window is
/// applied and its findings marked `DATA-STALE` ([`check_pair_with`] chooses).
pub fn check_pair(engine: &Engine<'_>, input: &PairInput<'_>) -> Vec<Finding> {
    check_pair_with(engine, input, StaleEdits::Apply)
}

/// [`check_pair`] with a choice for a table past its window.
pub fn check_pair_with(engine: &Engine<'_>, input: &PairInput<'_>, stale: StaleEdits) -> Vec<Finding> {
    let mut out = Vec::new();
    let (a, b) = (normalize_code(input.a).text, normalize_code(input.b).text);
    if a == b {
        return out;
    }
    let Some((ptp, table)) = table_for(engine, input.claim_type, &mut out) else { return out };
    if let Some(note) = skipped_note(ptp, input.claim_type, input.dos, stale) {
        out.push(note);
        return out;
    }
    let (Some(ia), Some(ib)) = (ptp.code_id(&a), ptp.code_id(&b)) else { return out };
    let la = Line { id: ia, mods: input.mods_a, at: None };
    let lb = Line { id: ib, mods: input.mods_b, at: None };
    check_ids(ptp, table, &la, &lb, input.dos, input.claim_type, &mut out);
    match ptp.edit_window(input.claim_type) {
        Some(w) => mark_stale(out, &w, input.dos),
        None => out,
    }
}

/// The `EDIT-DATE` note when the policy skips the table for the date.
fn skipped_note(ptp: &Ptp<'_>, ct: ClaimType, dos: Date, stale: StaleEdits) -> Option<Finding> {
    let w = ptp.edit_window(ct).filter(|_| stale == StaleEdits::Skip)?;
    let days = w.days_past(dos)?;
    Some(w.skipped_note(dos, days, "NCCI PTP pairs", ptp.table(ct).map(|t| t.vintage.to_owned())))
}

/// Findings for every pair of lines with the same date of service. Each line is
/// `(code, modifiers, date of service)`; a finding's location is `/lines/{i}`, `i` being the
/// index in `lines` of the column-two (denied) line.
pub fn check_claim_pairs(engine: &Engine<'_>, lines: &[(&str, &[&str], Date)], claim_type: ClaimType) -> Vec<Finding> {
    check_claim_pairs_with(engine, lines, claim_type, StaleEdits::Apply)
}

/// [`check_claim_pairs`] with a choice for a table past its window: applied, each finding
/// followed by its `DATA-STALE` note; or skipped for those dates with one `EDIT-DATE` note.
pub fn check_claim_pairs_with(engine: &Engine<'_>, lines: &[(&str, &[&str], Date)], claim_type: ClaimType, stale: StaleEdits) -> Vec<Finding> {
    let mods: Vec<Vec<String>> = lines.iter().map(|(_, m, _)| m.iter().map(|s| (*s).to_owned()).collect()).collect();
    let service: Vec<ServiceLine<'_>> =
        lines.iter().zip(&mods).enumerate().map(|(i, ((code, _, dos), m))| ServiceLine::new(Some(i), code, m, 1, Some(*dos))).collect();
    check_service_line_pairs(engine, &service, claim_type, stale)
}

/// Findings for every pair of dated service lines with the same date of service, each
/// located at the column-two (denied) line.
pub fn check_service_line_pairs<'l>(engine: &Engine<'_>, lines: &'l [ServiceLine<'_>], claim_type: ClaimType, stale: StaleEdits) -> Vec<Finding> {
    let mut out = Vec::new();
    let dated: Vec<(&ServiceLine<'_>, Date)> = lines.iter().filter(|l| l.dated).filter_map(|l| Some((l, l.dos?))).collect();
    if dated.len() < 2 {
        return out;
    }
    let Some((ptp, table)) = table_for(engine, claim_type, &mut out) else { return out };
    let window = ptp.edit_window(claim_type);
    let mut skipped: Option<Finding> = None;
    // Lines repeat codes: each code's id is looked up once.
    let mut ids: Vec<(&str, Option<u16>)> = Vec::new();
    let mut code_id = |code: &'l str| match ids.iter().find(|(c, _)| *c == code) {
        Some((_, id)) => *id,
        None => {
            let id = ptp.code_id(code);
            ids.push((code, id));
            id
        }
    };
    let keyed: Vec<PairSide<'_>> =
        dated.iter().filter_map(|&(line, dos)| Some(PairSide { line, dos, id: code_id(&line.code)?, mods: &line.modifiers })).collect();
    // Claims repeat lines: a finding depends on a line only through its code, modifiers and
    // date. Each line's side is its first line with the same three; findings are made once
    // per pair of sides and placed at every column-two line of its side.
    let mut reps: Vec<usize> = Vec::new();
    let side: Vec<usize> = keyed
        .iter()
        .enumerate()
        .map(|(k, a)| match reps.iter().copied().find(|&r| keyed.get(r).is_some_and(|b| b.id == a.id && b.dos == a.dos && b.mods == a.mods)) {
            Some(r) => r,
            None => {
                reps.push(k);
                k
            }
        })
        .collect();
    // The last line of each side: its findings are moved there, not copied.
    let mut last: Vec<usize> = vec![0; keyed.len()];
    for (j, &s) in side.iter().enumerate() {
        if let Some(l) = last.get_mut(s) {
            *l = j;
        }
    }
    // Per date of service, its codes, ascending: the column-two codes a column-one code is
    // looked up with, all in one walk over its rows.
    let mut dates: Vec<(Date, Vec<u16>)> = Vec::new();
    for two in &keyed {
        match dates.iter_mut().find(|(d, _)| *d == two.dos) {
            Some((_, codes)) => codes.push(two.id),
            None => dates.push((two.dos, vec![two.id])),
        }
    }
    for (_, codes) in &mut dates {
        codes.sort_unstable();
        codes.dedup();
    }
    // The edits in force for one column-one code on one date, by index in that date's codes.
    let mut answered: Vec<(u16, Date, Vec<Option<Edit<'_>>>)> = Vec::new();
    for (k, one) in keyed.iter().enumerate() {
        if side.get(k) != Some(&k) {
            continue;
        }
        let dos = one.dos;
        let Some((_, codes)) = dates.iter().find(|(d, _)| *d == dos) else { continue };
        // The policy skips a table past its window: one note for the claim.
        if stale == StaleEdits::Skip {
            if let Some((w, days)) = window.as_ref().and_then(|w| Some((w, w.days_past(dos)?))) {
                if codes.iter().any(|&c| c != one.id) {
                    skipped.get_or_insert_with(|| w.skipped_note(dos, days, "NCCI PTP pairs", Some(table.vintage.to_owned())));
                }
                continue;
            }
        }
        let a = match answered.iter().position(|(id, d, _)| *id == one.id && *d == dos) {
            Some(a) => a,
            None => {
                answered.push((one.id, dos, ptp.edits_in_force(table, one.id, codes, dos)));
                answered.len().saturating_sub(1)
            }
        };
        let Some((_, _, edits)) = answered.get(a) else { continue };
        // The findings against each column-two side, made once (a side's first line comes
        // first in `keyed`), then placed at every line of the side in line order.
        let mut made: Vec<(usize, Vec<Finding>)> = Vec::new();
        for &s in &reps {
            let Some(two) = keyed.get(s) else { continue };
            if two.dos != dos || two.id == one.id {
                continue;
            }
            let Some(edit) = codes.binary_search(&two.id).ok().and_then(|c| edits.get(c)).and_then(Option::as_ref) else { continue };
            let found: Vec<Finding> = edit_finding(edit, one.mods, two.mods, dos, claim_type, table).into_iter().collect();
            let found = match &window {
                Some(w) if !found.is_empty() => mark_stale(found, w, dos),
                _ => found,
            };
            if !found.is_empty() {
                made.push((s, found));
            }
        }
        if made.is_empty() {
            continue;
        }
        for (j, two) in keyed.iter().enumerate() {
            let Some(&s) = side.get(j) else { continue };
            let Some((_, found)) = made.iter_mut().find(|(t, _)| *t == s) else { continue };
            let at = two.line.at(LineField::Whole);
            if last.get(s) == Some(&j) {
                out.extend(found.drain(..).map(|f| f.at(at.clone())));
            } else {
                out.extend(found.iter().map(|f| f.clone().at(at.clone())));
            }
        }
    }
    out.extend(skipped);
    out
}

/// A dated service line whose code the PTP tables know.
struct PairSide<'l> {
    line: &'l ServiceLine<'l>,
    dos: Date,
    id: u16,
    mods: &'l [String],
}

struct Line<'s> {
    id: u16,
    mods: &'s [&'s str],
    /// Where a finding against this line as column two points.
    at: Option<Location>,
}

fn table_for<'e, 'a>(engine: &'e Engine<'a>, claim_type: ClaimType, out: &mut Vec<Finding>) -> Option<(&'e Ptp<'a>, &'e TableSection<'a>)> {
    let found = engine.ptp.as_ref().and_then(|p| Some((p, p.table(claim_type)?)));
    if found.is_none() && super::applies_to(claim_type) {
        out.push(finding(
            RuleId::PtpNodata,
            format!("this blob has no NCCI PTP {} table; compile it with the PTP files to check code pairs", table_name(claim_type)),
            None,
        ));
    }
    found
}

/// Checks both directions of one pair of lines.
fn check_ids(ptp: &Ptp<'_>, t: &TableSection<'_>, x: &Line<'_>, y: &Line<'_>, dos: Date, ct: ClaimType, out: &mut Vec<Finding>) {
    for (one, two) in [(x, y), (y, x)] {
        let edit = ptp.edit_in_force(t, one.id, two.id, dos);
        push_finding(edit.as_ref(), one, two, dos, ct, t, out);
    }
}

/// The finding for an edit in force between column-one line `one` and column-two line `two`.
fn push_finding(edit: Option<&Edit<'_>>, one: &Line<'_>, two: &Line<'_>, dos: Date, ct: ClaimType, t: &TableSection<'_>, out: &mut Vec<Finding>) {
    if let Some(f) = edit.and_then(|e| edit_finding(e, one.mods, two.mods, dos, ct, t)) {
        out.push(match &two.at {
            Some(at) => f.at(at.clone()),
            None => f,
        });
    }
}

fn edit_finding<S: AsRef<str>>(e: &Edit<'_>, mods_one: &[S], mods_two: &[S], dos: Date, ct: ClaimType, t: &TableSection<'_>) -> Option<Finding> {
    let (c1, c2) = (e.column_one, e.column_two);
    let facts = facts(e, ct, t);
    let vintage = Some(t.vintage.to_owned());
    let same = format!("for the same patient by the same provider on {dos}");
    let what = match kind(e.rationale) {
        EditKind::MutuallyExclusive => {
            format!("{c1} (column one) and {c2} (column two) are mutually exclusive and cannot both be paid {same}; {c2} is denied")
        }
        EditKind::Component => format!("{c2} (column two) is bundled into {c1} (column one) when both are billed {same}; {c2} is denied"),
        EditKind::NotStated => format!("{c1} (column one) and {c2} (column two) cannot both be paid {same}; {c2} is denied"),
    };
    Some(match e.modifier_indicator {
        ModifierIndicator::NotAllowed => {
            finding(RuleId::Ptp0, format!("{what}, and no modifier bypasses this edit (modifier indicator 0). {facts}"), vintage)
        }
        ModifierIndicator::Allowed => {
            let bypass = first_bypass(mods_two).map(|(m, f)| (m, f, c2)).or_else(|| first_bypass(mods_one).map(|(m, f)| (m, f, c1)));
            match bypass {
                Some((m, fam, on)) => finding(
                    RuleId::PtpBypass,
                    format!(
                        "NCCI PTP edit {c1} (column one) / {c2} (column two) is bypassed by modifier {m} ({} NCCI-associated modifier) on {on}; \
                         the record must support a distinct service (modifier indicator 1). {facts}",
                        fam_words(fam)
                    ),
                    vintage,
                ),
                None => finding(
                    RuleId::Ptp1,
                    format!(
                        "{what} unless an NCCI-associated modifier on either code (59, XE, XS, XP, XU, an anatomic modifier such as \
                         LT/RT, or a global-surgery modifier) shows a distinct service (modifier indicator 1). {facts}"
                    ),
                    vintage,
                ),
            }
        }
        // Indicator 9: the edit does not apply.
        ModifierIndicator::NotApplicable => return None,
    })
}

fn fam_words(f: ModifierFamily) -> &'static str {
    match f {
        ModifierFamily::Anatomic => "an anatomic",
        ModifierFamily::Global => "a global-surgery",
        ModifierFamily::Other => "an",
    }
}

fn facts(e: &Edit<'_>, ct: ClaimType, t: &TableSection<'_>) -> String {
    let history = crate::date::Date::from_yyyymmdd(t.history_start);
    let effective = match e.effective {
        Some(d) if Some(d) == history => format!("in force since {d} or earlier (the start of the I/OCE history)"),
        Some(d) => format!("effective {d}"),
        None => match history {
            Some(h) if e.deletion.is_none_or(|d| d >= h) => format!("in force since before {h} (start date unknown; the I/OCE history has it from {h})"),
            Some(_) => "effective date unknown (a row of the derived 2024-07 table, which answers dates before the I/OCE history)".to_owned(),
            None if t.effective_unknown => "effective date unknown (not in the derived table)".to_owned(),
            None => "in effect since before 1996".to_owned(),
        },
    };
    let deletion = match e.deletion {
        Some(d) => format!("in force through {d}"),
        None => "no deletion date".to_owned(),
    };
    format!("Edit: {} table, rationale \"{}\", {effective}, {deletion}.", table_name(ct), e.rationale)
}
