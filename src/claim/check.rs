//! Runs every claim rule and applies the payer pack.
use crate::blob::columns::CodeTable;
use crate::rules::RuleId;
use super::data::ClaimData;
use super::model::{Claim, ClaimType, MAX_PROCEDURES};
use super::pack::{fill, Pack};
use super::parse::{read_claim, read_claim_text};
use super::result::{sort_findings, ClaimResult};
use super::{dx_facts, dx_pairs, dx_rules, facility_rules, integrate, line_rules, pack_rules, px_rules, stale_tables, stay_rules};
use crate::date::Date;
use crate::engine::Engine;
use crate::finding::Finding;
use crate::normalize::normalize_code;

/// Settings of one check that are not part of the claim.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// "Today" for the future-date edit when the claim has no `today`; `None` skips that edit.
    pub today: Option<Date>,
    /// Payer pack to apply when the claim names none.
    pub payer: Option<String>,
    /// Edit tables (PTP, MUE, AOC) past their window: applied and marked, or skipped.
    pub stale_edits: crate::currency::StaleEdits,
}

/// A diagnosis as the rules see it.
#[derive(Clone, Debug)]
pub(crate) struct Dx {
    /// Position (0 = A, first-listed).
    pub pos: usize,
    /// Upper case, no dot.
    pub code: String,
    /// Index in the ICD-10-CM section when billable in the edition for the date.
    pub icd: Option<usize>,
    /// Index in the ICD-10-CM section whatever the edition (where its code-only facts are
    /// remembered, see [`super::dx_facts`]).
    pub row: Option<usize>,
    /// MCE flags in force on the date; `None` when the MCE table lacks the code then.
    pub mce: Option<u32>,
}

/// An ICD-10-PCS procedure as the rules see it.
#[derive(Clone, Debug)]
pub(crate) struct Px {
    /// Position on the claim.
    pub pos: usize,
    /// Upper case, no dot or spaces.
    pub code: String,
    /// MCE procedure flags in force on the date of service (0 when the code is not valid then).
    pub flags: u32,
    /// Valid on the date of service, inside the loaded ICD-10-PCS window.
    pub valid: bool,
}

/// Everything a rule needs.
pub(crate) struct Ctx<'e, 'a> {
    pub engine: &'e Engine<'a>,
    pub data: Option<&'e ClaimData<'a>>,
    pub claim: &'e Claim,
    pub pack: Option<&'e Pack<'a>>,
    /// Date the codes are checked on: the discharge date of an inpatient stay, otherwise the
    /// earliest valid line date.
    pub dos: Option<Date>,
    /// Each line's `dateFrom`, read once for every rule that needs it (`None` when it is not
    /// a date), by index in `claim.lines`.
    pub line_dates: Vec<Option<Date>>,
    pub today: Option<Date>,
    /// ICD-10-CM edition for `dos`.
    pub edition: Option<usize>,
    /// Patient age in years on `dos`.
    pub age: Option<u32>,
    pub dx: Vec<Dx>,
    pub px: Vec<Px>,
    /// Length of stay in days, given or derived from the admission and discharge dates.
    pub los: Option<u32>,
    pub out: Vec<Finding>,
    pub input: Vec<Finding>,
    pub stale_edits: crate::currency::StaleEdits,
}

impl Ctx<'_, '_> {
    pub fn push(&mut self, f: Finding) {
        self.out.push(f);
    }
    pub fn input_error(&mut self, at: impl Into<crate::finding::Location>, msg: String) {
        self.input.push(crate::rules::finding(RuleId::ClaimInput, msg, None).at(at));
    }
    /// The payer switched the rule on (rules CMS has retired, such as sex edits).
    pub fn pack_enables(&self, rule: &str) -> bool {
        self.pack.is_some_and(|p| p.enables(rule))
    }
}

/// Checks a typed claim.
pub fn check_claim(engine: &Engine<'_>, claim: &Claim, opts: &CheckOptions) -> ClaimResult {
    run(engine, claim, opts, Vec::new())
}

/// Reads a claim leniently from a JSON tree (any serde source) and checks it.
pub fn check_claim_value(engine: &Engine<'_>, value: &super::json::Json, opts: &CheckOptions) -> ClaimResult {
    let (claim, errors) = read_claim(value);
    run(engine, &claim, opts, errors)
}

/// Reads a claim leniently straight from its JSON text (no tree: the wasm face) and checks
/// it; malformed text is one input error naming what and where ([`unreadable_claim`]).
pub fn check_claim_text(engine: &Engine<'_>, text: &str, opts: &CheckOptions) -> ClaimResult {
    match read_claim_text(text) {
        Ok((claim, errors)) => run(engine, &claim, opts, errors),
        Err(e) => unreadable_claim(&e),
    }
}

/// The result for a claim that could not be read at all: one input error saying why.
pub fn unreadable_claim(why: &str) -> ClaimResult {
    ClaimResult {
        input_errors: vec![crate::rules::finding(RuleId::ClaimInput, format!("the claim could not be read: {why}"), None).at("")],
        ..ClaimResult::default()
    }
}

/// Reads a claim from its JSON text and checks it: the native name of [`check_claim_text`]
/// (one reader on every face); malformed JSON is one input error with line and column.
#[cfg(feature = "compile")]
pub fn check_claim_json(engine: &Engine<'_>, text: &str, opts: &CheckOptions) -> ClaimResult {
    check_claim_text(engine, text, opts)
}

fn run(engine: &Engine<'_>, claim: &Claim, opts: &CheckOptions, input: Vec<Finding>) -> ClaimResult {
    let data = engine.claim.as_ref();
    let payer = claim.payer.as_deref().or(opts.payer.as_deref());
    let pack = payer.and_then(|p| data.and_then(|d| d.pack(p)));
    let mut ctx = Ctx {
        engine,
        data,
        claim,
        pack,
        dos: None,
        line_dates: claim.lines.iter().map(|l| Date::parse(&l.date_from)).collect(),
        today: None,
        edition: None,
        age: None,
        dx: Vec::new(),
        px: Vec::new(),
        los: None,
        // Room for a typical claim's findings without regrowing.
        out: Vec::with_capacity(16),
        input,
        stale_edits: opts.stale_edits,
    };
    ctx.today = match claim.today.as_deref() {
        Some(t) => match Date::parse(t) {
            Some(d) => Some(d),
            None => {
                ctx.input_error("/today", format!("today `{t}` is not a date (use YYYY-MM-DD)"));
                opts.today
            }
        },
        None => opts.today,
    };
    ctx.dos = stay_rules::discharge_date(&mut ctx).or_else(|| ctx.line_dates.iter().flatten().min().copied());
    ctx.los = stay_rules::length_of_stay(&mut ctx);
    ctx.edition = ctx.dos.and_then(|d| engine.icd10cm.as_ref().and_then(|cm| cm.edition_for(d)));
    ctx.age = patient_age(&mut ctx);
    ctx.dx = prepare_dx(&ctx);
    ctx.px = prepare_px(&ctx);
    if let (Some(p), None) = (payer, pack) {
        let f = crate::rules::finding(
            RuleId::ClaimPayer,
            format!("no rule pack for payer `{p}` is compiled into this blob; only CMS rules were applied"),
            None,
        )
        .at(if claim.payer.is_some() { "/payer" } else { "" });
        ctx.push(f);
    }
    line_rules::check(&mut ctx);
    stay_rules::check(&mut ctx);
    dx_rules::check(&mut ctx);
    px_rules::check(&mut ctx);
    dx_pairs::check(&mut ctx);
    integrate::check(&mut ctx);
    facility_rules::check(&mut ctx);
    pack_rules::check(&mut ctx);
    stale_tables::check(&mut ctx);
    let Ctx { mut out, mut input, .. } = ctx;
    if let Some(p) = pack {
        out = apply_pack(p, out);
        input = apply_pack(p, input);
        stale_tables::drop_orphans(&mut out);
    }
    sort_findings(&mut out);
    sort_findings(&mut input);
    ClaimResult { id: claim.id.clone(), payer_pack: pack.map(Pack::label), findings: out, input_errors: input }
}

fn patient_age(ctx: &mut Ctx<'_, '_>) -> Option<u32> {
    let p = &ctx.claim.patient;
    let Some(dob) = p.date_of_birth.as_deref() else { return p.age };
    let Some(birth) = Date::parse(dob) else {
        ctx.input_error("/patient/dateOfBirth", format!("dateOfBirth `{dob}` is not a date (use YYYY-MM-DD)"));
        return p.age;
    };
    let on = ctx.dos?;
    match on.years_since(birth) {
        Some(a) => Some(a),
        None => {
            ctx.input_error("/patient/dateOfBirth", format!("dateOfBirth {birth} is after the date of service {on}"));
            None
        }
    }
}

fn prepare_dx(ctx: &Ctx<'_, '_>) -> Vec<Dx> {
    let cm = ctx.engine.icd10cm.as_ref();
    ctx.claim
        .diagnoses
        .iter()
        .take(ctx.claim.claim_type.max_diagnoses())
        .enumerate()
        .map(|(pos, d)| {
            let code = normalize_code(&d.code).text;
            let (row, icd) = match (cm, ctx.edition) {
                (Some(cm), Some(e)) => {
                    let row = cm.find(&code);
                    (row, row.filter(|&i| cm.billable(i, e)))
                }
                // No edition for the date: the row still keys the remembered facts (native
                // builds; the browser's module remembers none, so it does not look).
                (Some(cm), None) if dx_facts::REMEMBERED && ctx.dos.is_some() => (cm.find(&code), None),
                _ => (None, None),
            };
            let mce = match (ctx.data, ctx.dos) {
                (Some(data), Some(on)) => dx_facts::mce_flags(data, dx_facts::memo(cm, row), &code, on),
                _ => None,
            };
            Dx { pos, code, icd, row, mce }
        })
        .collect()
}

fn prepare_px(ctx: &Ctx<'_, '_>) -> Vec<Px> {
    if ctx.claim.claim_type != ClaimType::Inpatient {
        return Vec::new();
    }
    let pcs = ctx.engine.procedures.as_ref().and_then(|p| p.pcs.as_ref());
    ctx.claim
        .procedures
        .iter()
        .take(MAX_PROCEDURES)
        .enumerate()
        .map(|(pos, p)| {
            let code = normalize_code(&p.code).text;
            let row = match (pcs, ctx.dos) {
                (Some(pcs), Some(on)) => pcs.valid_row(&code, on).map(|r| (pcs, r, on)),
                _ => None,
            };
            let flags = row.map_or(0, |(pcs, r, _)| pcs.row_flags(r));
            let valid = row.is_some_and(|(pcs, _, on)| pcs.window().is_some_and(|(from, to)| from <= on && on <= to));
            Px { pos, code, flags, valid }
        })
        .collect()
}

/// Applies the pack's rule settings: off, severity, message.
fn apply_pack(p: &Pack<'_>, v: Vec<Finding>) -> Vec<Finding> {
    v.into_iter()
        .filter_map(|mut f| {
            let Some(s) = p.setting(&f.rule) else { return Some(f) };
            if s.enabled == Some(false) {
                return None;
            }
            if let Some(sev) = s.severity {
                f.severity = sev;
            }
            if let Some(m) = s.message {
                f.message = fill(m, &f.message, "");
            }
            Some(f)
        })
        .collect()
}
