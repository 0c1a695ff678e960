//! Claim-line checks: code and modifier validity, modifier conflicts, MUE units and add-on codes.
//!
//! [`check_line`] answers one line on its own. [`check_service_lines`] answers every line of
//! one claim, adding what needs the other lines: MUE date-of-service sums (MAI 2/3) and add-on
//! primaries. Both read [`ServiceLine`]s, normalised once, and locate findings with them.
use super::aoc::AocEdit;
use super::modifiers::conflicts;
use super::mue::{table_of, MueEntry};
use crate::claim::service_line::ServiceLine;
use crate::claim::ClaimType;
use super::stale::{skipped, under_policy};
use crate::currency::{EditWindow, StaleEdits};
use crate::date::Date;
use crate::engine::{CodeCheck, Engine};
use crate::finding::{Finding, LineField, Location, Severity};
use crate::rules::{finding, finding_with, RuleId};
use crate::system::System;
use serde::{Deserialize, Serialize};

/// Most modifiers a claim line carries (CMS-1500 and 837P allow four).
const MAX_MODIFIERS: usize = 4;

/// One service line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineInput {
    /// HCPCS Level II or CPT code.
    pub code: String,
    #[serde(default)]
    pub modifiers: Vec<String>,
    /// Units of service.
    #[serde(default = "one")]
    pub units: u32,
    /// Date of service (`YYYY-MM-DD` in JSON).
    #[serde(default, with = "date_text")]
    pub date_of_service: Option<Date>,
    #[serde(default)]
    pub claim_type: ClaimType,
}

fn one() -> u32 {
    1
}

/// The add-on facts of a line's code on its date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddOnInfo {
    /// Edit type 1, 2 or 3.
    pub kind: u8,
    /// Eligible primary codes in force (empty for type 2: contractor-defined).
    pub primaries: Vec<String>,
}

/// Everything said about one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineCheck {
    pub code: CodeCheck,
    pub modifiers: Vec<CodeCheck>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mue: Option<MueEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub add_on: Option<AddOnInfo>,
    /// Every finding of the line (code, modifiers, units, add-on), with locations.
    pub findings: Vec<Finding>,
}

/// Checks one line on its own (MUE DOS edits use this line's units alone). Edit tables past
/// their window are applied and marked `DATA-STALE` ([`check_line_with`] chooses).
pub fn check_line(engine: &Engine<'_>, line: &LineInput) -> LineCheck {
    check_line_with(engine, line, StaleEdits::Apply)
}

/// [`check_line`] with a choice for edit tables past their window.
pub fn check_line_with(engine: &Engine<'_>, line: &LineInput, stale: StaleEdits) -> LineCheck {
    let sl = ServiceLine::new(None, &line.code, &line.modifiers, line.units, line.date_of_service);
    let mut memo = CodeMemo::default();
    let done = line_findings(engine, &Tables::of(engine, line.claim_type), &mut memo, &sl, line.claim_type, true, stale);
    let mut answer = |system, raw| {
        let k = memo.answer(engine, system, raw, sl.dos, true);
        memo.seen.get(k).map(|a| a.check.clone())
    };
    let code = answer(sl.system, sl.raw_code);
    let modifiers: Vec<CodeCheck> = sl.raw_modifiers.iter().filter_map(|m| answer(System::Modifier, m)).collect();
    let facts = memo.facts.get(done.facts);
    LineCheck {
        code: code.unwrap_or_else(|| engine.check_code(sl.system, sl.raw_code, sl.dos)),
        modifiers,
        mue: facts.and_then(|f| f.mue.clone()),
        add_on: facts.and_then(|f| f.add_on.clone()).filter(|_| done.add_on_applies),
        findings: done.findings,
    }
}

/// Checks all lines of one claim; findings are located at `/lines/{i}/...`, `i` the line's
/// index in `lines`. The first line's claim type picks the tables for all. The note that a
/// CPT description is not shown (CPT-DESC) belongs to a code field, not to a claim: left out.
pub fn check_lines(engine: &Engine<'_>, lines: &[LineInput]) -> Vec<Finding> {
    check_lines_with(engine, lines, StaleEdits::Apply)
}

/// [`check_lines`] with a choice for edit tables past their window.
pub fn check_lines_with(engine: &Engine<'_>, lines: &[LineInput], stale: StaleEdits) -> Vec<Finding> {
    let claim_type = lines.first().map(|l| l.claim_type).unwrap_or_default();
    let service: Vec<ServiceLine<'_>> =
        lines.iter().enumerate().map(|(i, l)| ServiceLine::new(Some(i), &l.code, &l.modifiers, l.units, l.date_of_service)).collect();
    check_service_lines(engine, &service, claim_type, stale)
}

/// Checks the service lines of one claim of `claim_type`; each finding is located by its line.
pub fn check_service_lines(engine: &Engine<'_>, lines: &[ServiceLine<'_>], claim_type: ClaimType, stale: StaleEdits) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut done = Vec::with_capacity(lines.len());
    let tables = Tables::of(engine, claim_type);
    let mut memo = CodeMemo::default();
    // Claims repeat lines: a line with the code, modifiers, units and date of an earlier one
    // gets that line's findings, placed on it, and its facts, without checking it again.
    let mut reps: Vec<Rep<'_, '_>> = Vec::new();
    for line in lines {
        if let Some(r) = reps.iter().find(|r| same_content(r.line, line)) {
            for k in r.findings.clone() {
                if let Some(f) = out.get(k).map(|f| relocated(f, line)) {
                    out.push(f);
                }
            }
            done.push(LineDone { findings: Vec::new(), facts: r.facts, add_on_applies: r.add_on_applies });
            continue;
        }
        let mut d = line_findings(engine, &tables, &mut memo, line, claim_type, false, stale);
        let start = out.len();
        out.append(&mut d.findings);
        reps.push(Rep { line, findings: start..out.len(), facts: d.facts, add_on_applies: d.add_on_applies });
        done.push(d);
    }
    let facts = |d: &LineDone| memo.facts.get(d.facts);
    let mues: Vec<Option<&MueEntry>> = done.iter().map(|d| facts(d).and_then(|f| f.mue.as_ref())).collect();
    let add_ons: Vec<Option<&AddOnInfo>> =
        done.iter().map(|d| facts(d).and_then(|f| f.add_on.as_ref()).filter(|_| d.add_on_applies)).collect();
    out.extend(mue_dos(&tables, lines, &mues, stale));
    out.extend(add_on_primaries(&tables, lines, &add_ons));
    out
}

/// The first line of a claim with its content: where its findings are in the claim's
/// findings, and its code's facts.
struct Rep<'r, 'l> {
    line: &'r ServiceLine<'l>,
    findings: core::ops::Range<usize>,
    facts: usize,
    add_on_applies: bool,
}

/// Whether two lines read the same to [`line_findings`]: code and modifiers as typed, units
/// and date of service (everything else of a line follows from these, but its place).
fn same_content(a: &ServiceLine<'_>, b: &ServiceLine<'_>) -> bool {
    a.units == b.units
        && a.dos == b.dos
        && a.raw_code.as_bytes().last() == b.raw_code.as_bytes().last()
        && a.raw_code == b.raw_code
        && a.raw_modifiers == b.raw_modifiers
}

/// A finding of one line placed on `line` instead: [`line_findings`] places every finding at
/// a field of its line.
fn relocated(f: &Finding, line: &ServiceLine<'_>) -> Finding {
    let mut f = f.clone();
    if let Some(Location::Line { field, .. } | Location::OwnLine(field)) = f.location {
        f.location = Some(line.at(field));
    }
    f
}

/// The edit tables' windows and vintage names, worked out once for all lines of a claim.
struct Tables {
    mue_window: Option<EditWindow>,
    /// First and last dates of service the MUE table answers.
    mue_span: Option<(Date, Date)>,
    mue_vintage: Option<String>,
    aoc_window: Option<EditWindow>,
    aoc_vintage: Option<String>,
}

impl Tables {
    fn of(engine: &Engine<'_>, claim_type: ClaimType) -> Tables {
        Tables {
            mue_window: mue_window(engine, claim_type),
            mue_span: engine.procedures.as_ref().and_then(|p| p.mue.as_ref()?.window()),
            mue_vintage: mue_vintage(engine),
            aoc_window: aoc_window(engine),
            aoc_vintage: aoc_vintage(engine),
        }
    }
}

/// Code checks already answered for this claim: lines repeat codes and modifiers.
#[derive(Default)]
struct CodeMemo<'l> {
    seen: Vec<Answer<'l>>,
    facts: Vec<CodeFacts>,
}

/// One code check on a date of service, with the findings it puts on a claim line.
struct Answer<'l> {
    system: System,
    raw: &'l str,
    dos: Option<Date>,
    check: CodeCheck,
    /// `check.into_claim_findings()`, not yet located.
    claim_findings: Vec<Finding>,
}

/// A normalised code on a date of service, with its MUE entry and add-on facts.
struct CodeFacts {
    code: String,
    dos: Option<Date>,
    mue: Option<MueEntry>,
    add_on: Option<AddOnInfo>,
}

impl<'l> CodeMemo<'l> {
    /// The index in `seen` of the check of `raw` on `dos`, checked on first use; a code of a
    /// line on a claim (not `standalone`) without the notes that belong to a code field.
    fn answer(&mut self, engine: &Engine<'_>, system: System, raw: &'l str, dos: Option<Date>, standalone: bool) -> usize {
        if let Some(k) = self.seen.iter().position(|a| a.system == system && a.raw == raw && a.dos == dos) {
            return k;
        }
        let check = if standalone { engine.check_code(system, raw, dos) } else { super::check::check_line_code(engine, system, raw, dos) };
        // A billable code's claim findings are its own: only those are copied.
        let claim_findings = if check.state == crate::engine::CodeState::Billable { check.findings.clone() } else { check.clone().into_claim_findings() };
        self.seen.push(Answer { system, raw, dos, check, claim_findings });
        self.seen.len().saturating_sub(1)
    }

    /// Adds answer `k`'s claim findings, located at `at`. A line on a claim leaves out the
    /// note that a CPT description is not shown (CPT-DESC): it belongs to a code field.
    fn locate(&self, k: usize, standalone: bool, at: Location, out: &mut Vec<Finding>) {
        let Some(a) = self.seen.get(k) else { return };
        for f in a.claim_findings.iter().filter(|f| standalone || f.rule != "CPT-DESC") {
            out.push(f.clone().at(at.clone()));
        }
    }

    /// The index in `facts` of `code` on `dos`, looked up on first use.
    fn facts(&mut self, engine: &Engine<'_>, code: &str, claim_type: ClaimType, dos: Option<Date>) -> usize {
        if let Some(k) = self.facts.iter().position(|f| f.code == code && f.dos == dos) {
            return k;
        }
        let (mue, add_on) = (mue_entry(engine, code, claim_type), add_on_info(engine, code, dos));
        self.facts.push(CodeFacts { code: code.to_owned(), dos, mue, add_on });
        self.facts.len().saturating_sub(1)
    }
}

/// What one line's checks found, and where its code's facts are in the memo.
struct LineDone {
    findings: Vec<Finding>,
    /// Index in `CodeMemo::facts`.
    facts: usize,
    /// The add-on code edit applies on the line's date (a skipped table does not).
    add_on_applies: bool,
}

fn line_findings<'l>(
    engine: &Engine<'_>,
    tables: &Tables,
    memo: &mut CodeMemo<'l>,
    line: &ServiceLine<'l>,
    claim_type: ClaimType,
    standalone: bool,
    stale: StaleEdits,
) -> LineDone {
    let code: &str = &line.code;
    let dos = line.dos;
    let own = memo.answer(engine, line.system, line.raw_code, dos, standalone);
    // A line is part of a claim: an incomplete code is an error (`CodeCheck::into_claim_findings`).
    let mut findings: Vec<Finding> = Vec::new();
    memo.locate(own, standalone, line.at(LineField::Code), &mut findings);
    if !line.raw_modifiers.is_empty() {
        let mut clean = Vec::with_capacity(line.raw_modifiers.len());
        for (k, m) in line.raw_modifiers.iter().enumerate() {
            let a = memo.answer(engine, System::Modifier, m, dos, standalone);
            memo.locate(a, standalone, line.at(LineField::Modifier(k)), &mut findings);
            clean.push(memo.seen.get(a).map(|a| a.check.code.clone()).unwrap_or_default());
        }
        let vintage = memo.seen.get(own).and_then(|a| a.check.vintage.as_deref());
        modifier_rules(&clean, &mut findings, vintage, || line.at(LineField::Modifiers));
    }
    let k = memo.facts(engine, code, claim_type, dos);
    let mut done = LineDone { findings, facts: k, add_on_applies: false };
    let Some(facts) = memo.facts.get(k) else { return done };
    if let Some(m) = &facts.mue {
        match mue_window_note(engine, tables, dos) {
            Some(note) => done.findings.push(note.at(line.at(LineField::Units))),
            None => {
                let w = tables.mue_window.as_ref();
                let skip_note = || ("units against the MUE", line.at(LineField::Units), tables.mue_vintage.clone());
                done.findings.extend(under_policy(w, dos, stale, skip_note, || mue_line(m, line, standalone, tables)));
            }
        }
    }
    if let Some(info) = &facts.add_on {
        let w = tables.aoc_window.as_ref();
        if skipped(w, dos, stale) {
            let skip_note = || ("the add-on code edit", line.at(LineField::Code), tables.aoc_vintage.clone());
            done.findings.extend(under_policy(w, dos, stale, skip_note, Vec::new));
            return done;
        }
        if standalone {
            // A skipped table returned above: what is left is inside the window, or applied.
            let context = add_on_context(tables, code, info).at(line.at(LineField::Code));
            done.findings.extend(under_policy(w, dos, StaleEdits::Apply, no_skip, || vec![context]));
        }
        done.add_on_applies = true;
    }
    done
}

/// The skip note of a call that never skips.
fn no_skip() -> (&'static str, Location, Option<String>) {
    ("", Location::Claim, None)
}

fn mue_window(engine: &Engine<'_>, t: ClaimType) -> Option<EditWindow> {
    engine.procedures.as_ref()?.mue.as_ref()?.edit_window(table_of(t))
}

fn aoc_window(engine: &Engine<'_>) -> Option<EditWindow> {
    engine.procedures.as_ref()?.aoc.as_ref()?.edit_window()
}

fn modifier_rules(mods: &[String], findings: &mut Vec<Finding>, vintage: Option<&str>, at: impl Fn() -> Location) {
    let vintage = || vintage.map(str::to_owned);
    if mods.len() > MAX_MODIFIERS {
        findings.push(
            finding_with(
                RuleId::ModValid,
                Severity::Warning,
                format!("{} modifiers on one line; claim forms carry at most {MAX_MODIFIERS}", mods.len()),
                vintage(),
            )
            .at(at()),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for m in mods {
        if seen.contains(&m.as_str()) && !m.is_empty() {
            findings.push(finding_with(RuleId::ModValid, Severity::Warning, format!("modifier {m} is repeated on the line"), vintage()).at(at()));
        }
        seen.push(m);
    }
    for (a, b, why) in conflicts(mods) {
        findings.push(finding(RuleId::ModConflict, format!("modifiers {a} and {b} cannot be on the same line: {why}"), vintage()).at(at()));
    }
}

fn mue_entry(engine: &Engine<'_>, code: &str, t: ClaimType) -> Option<MueEntry> {
    engine.procedures.as_ref()?.mue.as_ref()?.get(t, code)
}

/// An EDIT-DATE note when the date of service is before the MUE table's window (the table
/// has no history; dates past the window follow the data-currency policy instead).
fn mue_window_note(engine: &Engine<'_>, tables: &Tables, dos: Option<Date>) -> Option<Finding> {
    if !before_mue_window(tables, dos) {
        return None;
    }
    let mue = engine.procedures.as_ref()?.mue.as_ref()?;
    let (d, (a, b)) = (dos?, tables.mue_span?);
    Some(finding(
        RuleId::EditDate,
        format!("the loaded {} covers dates of service {a} to {b}; units on {d} were not checked against an MUE", mue.vintage_name()),
        Some(mue.vintage_name()),
    ))
}

/// The date of service is before the MUE table's window.
fn before_mue_window(tables: &Tables, dos: Option<Date>) -> bool {
    matches!((tables.mue_span, dos), (Some((a, _)), Some(d)) if d < a)
}

fn mue_vintage(engine: &Engine<'_>) -> Option<String> {
    engine.procedures.as_ref()?.mue.as_ref().map(super::mue::Mue::vintage_name)
}

fn mue_line(m: &MueEntry, line: &ServiceLine<'_>, standalone: bool, tables: &Tables) -> Vec<Finding> {
    let v = || tables.mue_vintage.clone();
    let table = super::mue::table_name(m.table);
    if m.value == 0 {
        return vec![finding(
            RuleId::MueZero,
            format!(
                "{} has an MUE of 0 in the {table} table ({}): it is not separately reportable in this setting",
                m.code, m.rationale
            ),
            v(),
        )
        .at(line.at(LineField::Code))];
    }
    if line.units <= m.value {
        return Vec::new();
    }
    if m.mai == 1 {
        return vec![finding(
            RuleId::MueLine,
            format!(
                "{} units of {} on one line exceed its MUE of {} ({table}; {}; rationale: {}). Units beyond the MUE may go on another line only with a modifier that fits, e.g. 59, XS, 76, 91 or an anatomic modifier",
                line.units, m.code, m.value, m.mai_text(), m.rationale
            ),
            v(),
        )
        .at(line.at(LineField::Units))];
    }
    if !standalone {
        return Vec::new();
    }
    vec![dos_finding(m, line.units, 1, v()).at(line.at(LineField::Units))]
}

fn dos_finding(m: &MueEntry, units: u32, lines: usize, v: Option<String>) -> Finding {
    finding(
        RuleId::MueDos,
        format!(
            "{units} units of {}{} on one date of service exceed its MUE of {} ({}; {}; rationale: {}); all units of {} on that date would be denied",
            m.code,
            OnLines(lines),
            m.value,
            super::mue::table_name(m.table),
            m.mai_text(),
            m.rationale,
            m.code
        ),
        v,
    )
}

/// ` on N lines` when a group has more than one line (nothing for one), written into the
/// message instead of a text of its own.
struct OnLines(usize);

impl core::fmt::Display for OnLines {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.0 > 1 { write!(f, " on {} lines", self.0) } else { Ok(()) }
    }
}

/// (code, date of service) of an MUE date-of-service group.
type DosKey<'l> = (&'l str, Option<Date>);

/// An MUE date-of-service group: its first line, its units and how many lines it has.
struct DosGroup {
    first: usize,
    units: u32,
    lines: usize,
}

/// MAI 2/3: sums units of each code on each date of service across lines.
fn mue_dos(tables: &Tables, lines: &[ServiceLine<'_>], mues: &[Option<&MueEntry>], stale: StaleEdits) -> Vec<Finding> {
    // A claim has few groups: a short list, each group its first line, units and line count,
    // then put in key order (as a map would give them).
    let mut groups: Vec<(DosKey<'_>, DosGroup)> = Vec::new();
    let window = tables.mue_window.as_ref();
    for (i, (line, m)) in lines.iter().zip(mues).enumerate() {
        let Some(m) = m.filter(|m| m.mai == 2 || m.mai == 3) else { continue };
        if before_mue_window(tables, line.dos) || m.value == 0 {
            continue;
        }
        if skipped(window, line.dos, stale) {
            continue;
        }
        let key = (m.code.as_str(), line.dos);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => {
                g.units = g.units.saturating_add(line.units);
                g.lines = g.lines.saturating_add(1);
            }
            None => groups.push((key, DosGroup { first: i, units: line.units, lines: 1 })),
        }
    }
    groups.sort_unstable_by_key(|(k, _)| *k);
    let mut out = Vec::new();
    for (_, DosGroup { first, units: sum, lines: n }) in groups {
        let (Some(m), Some(line)) = (mues.get(first).copied().flatten(), lines.get(first)) else { continue };
        if sum > m.value {
            let f = dos_finding(m, sum, n, tables.mue_vintage.clone()).at(line.at(LineField::Units));
            out.extend(under_policy(window, line.dos, StaleEdits::Apply, no_skip, || vec![f]));
        }
    }
    out
}

fn add_on_info(engine: &Engine<'_>, code: &str, dos: Option<Date>) -> Option<AddOnInfo> {
    let aoc = engine.procedures.as_ref()?.aoc.as_ref()?;
    let on = dos.or_else(|| aoc.window().map(|w| w.0))?;
    let edits: Vec<AocEdit> = aoc.edits_of(code).into_iter().filter(|e| e.in_force(on)).collect();
    let first = edits.first()?;
    let kind = edits.iter().map(|e| e.kind).min().unwrap_or(first.kind);
    let primaries =
        edits.iter().filter(|e| !e.contractor_defined() && e.primary_current(on)).map(|e| e.primary.clone()).collect();
    Some(AddOnInfo { kind, primaries })
}

fn aoc_vintage(engine: &Engine<'_>) -> Option<String> {
    engine.procedures.as_ref()?.aoc.as_ref().map(super::aoc::Aoc::vintage_name)
}

fn listed(primaries: &[String]) -> String {
    let shown: Vec<&str> = primaries.iter().take(8).map(String::as_str).collect();
    let more = primaries.len().saturating_sub(shown.len());
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn add_on_context(tables: &Tables, code: &str, info: &AddOnInfo) -> Finding {
    let prim = if info.primaries.is_empty() {
        "its primary codes are contractor-defined".to_owned()
    } else {
        format!("eligible primaries: {}", listed(&info.primaries))
    };
    finding(
        RuleId::AocContext,
        format!("{code} is an add-on code (type {}): report it with its primary procedure on the same date of service; {prim}", info.kind),
        tables.aoc_vintage.clone(),
    )
}

/// Add-on lines without an eligible primary on the same date of service.
fn add_on_primaries(tables: &Tables, lines: &[ServiceLine<'_>], add_ons: &[Option<&AddOnInfo>]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, (line, info)) in lines.iter().zip(add_ons).enumerate() {
        let Some(info) = *info else { continue };
        let code: &str = &line.code;
        let same_day: Vec<&str> =
            lines.iter().enumerate().filter(|(j, l)| *j != i && l.dos == line.dos).map(|(_, l)| &*l.code).collect();
        let on = line.dos.map(|d| format!(" on {d}")).unwrap_or_default();
        let v = tables.aoc_vintage.clone();
        let f = match info.kind {
            2 => {
                let msg = if same_day.is_empty() {
                    format!("{code} is an add-on code with contractor-defined primaries (type 2), but no other procedure is on the claim{on}; report it with its primary procedure")
                } else {
                    format!("{code} is an add-on code with contractor-defined primaries (type 2); check with your Medicare contractor that a procedure reported{on} is an eligible primary")
                };
                let sev = if same_day.is_empty() { Severity::Warning } else { Severity::Info };
                Some(finding_with(RuleId::Aoc2, sev, msg, v))
            }
            k => {
                let has = same_day.iter().any(|c| info.primaries.iter().any(|p| p == c));
                if has {
                    None
                } else {
                    let rule = if k == 1 { RuleId::Aoc1 } else { RuleId::Aoc3 };
                    let extra = if k == 1 { "" } else { "; for type 3 edits contractors may accept other primaries" };
                    Some(finding(
                        rule,
                        format!(
                            "{code} is an add-on code (type {k}) but none of its eligible primary codes is on the claim{on} (eligible: {}){extra}",
                            listed(&info.primaries)
                        ),
                        v,
                    ))
                }
            }
        };
        if let Some(f) = f {
            let f = f.at(line.at(LineField::Code));
            out.extend(under_policy(tables.aoc_window.as_ref(), line.dos, StaleEdits::Apply, no_skip, || vec![f]));
        }
    }
    out
}

/// `Option<Date>` as `YYYY-MM-DD` text in JSON.
mod date_text {
    use crate::date::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let s: Option<String> = Option::deserialize(d)?;
        match s.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(t) => Date::parse(t).map(Some).ok_or_else(|| serde::de::Error::custom(format!("`{t}` is not a date (use YYYY-MM-DD)"))),
        }
    }
}
