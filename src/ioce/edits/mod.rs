//! The in-scope I/OCE edits as claim rules (see `docs/ioce-edits.md`). They run on outpatient
//! claims when the blob has the `ioce` section, with the I/OCE release in force on the
//! statement from-date (the earliest line date when none is given), as the I/OCE selects it.
//!
//! The I/OCE routes each claim by bill type; these rules follow its hospital outpatient path
//! (13x, OPPS or not) and apply the OPPS-only and non-OPPS-only edits by the claim's OPPS flag.
mod addon;
mod claim;
mod days;
mod lines;
mod route;
// ioce-b: edits 20, 38, 40, 43, 44, 51, 53, 58, 60, 70, 73, 79, 87, 93, 100, 101, 111, 117,
// 120, 125, 126, 137, 138.
mod blood;
mod devices;
mod drugs;
mod modifiers;
mod ncci;
mod observation;
mod skin_substitute;
mod transplant;
// I/OCE edits 29, 35, 46, 80, 81, 109, 116, 130, 132, 133, 190, 191.
mod programs;
// I/OCE edits 23, 67, 69, 110, 123, 124, 134.
mod dates;
// I/OCE edits 91, 104.
mod clinics;
// I/OCE edit 45.
mod separate;
// I/OCE edit 42.
mod visits;
// ioce-c: edits 98, 99 and the comprehensive APC's primary.
mod capc;
mod passthrough;
// ioce-21: the status indicators of conditionally packaged codes (edits 21, 38, 137, 138).
mod conditional;
// ioce-fqhc: edits 88, 89, 90; 119.
mod fqhc;
mod receipt;

use crate::location::{LineField, Location};
use super::data::{HcpcsRow, IoceData, Release, RevenueRow};
use crate::claim::check::Ctx;
use crate::currency::{mark_stale, EditWindow, StaleEdits};
use crate::date::Date;
use crate::finding::Finding;
use crate::normalize::normalize_code;
use crate::rules::{finding, RuleId};
use core::cell::Cell;

/// A service line as the I/OCE edits see it.
pub(crate) struct FLine<'a> {
    /// Index on the claim.
    pub k: usize,
    /// Upper case; empty for a revenue-code-only line.
    pub code: String,
    pub modifiers: Vec<String>,
    /// Four digits, when given and numeric.
    pub revenue: Option<String>,
    /// Units as the I/OCE reads them: below one counts as one.
    pub units: f64,
    pub charge: Option<f64>,
    pub date: Option<Date>,
    /// The code's row in the claim's release (`None`: empty or invalid code).
    pub row: Option<HcpcsRow<'a>>,
    /// The revenue code's row in the revenue release (`None`: missing or invalid).
    pub rev_row: Option<RevenueRow<'a>>,
    /// A line rejection or denial was raised on the line (later edits skip it where the
    /// I/OCE does).
    pub rejected: bool,
    /// The line is on the day of an inpatient-only procedure (edits 18, 49): later edits skip it.
    pub inpatient: bool,
    /// The I/OCE packaged the line (status indicator N from then on).
    pub packaged: bool,
    /// ioce-21: the status indicator the I/OCE gave the line in place of its code's own (a
    /// conditionally packaged code paid in its APC, a composite).
    pub assigned: Option<&'a str>,
    /// The code's `hcpcs_services` row in the claim's release, looked up on first use
    /// ([`Run::services`]): many edits ask it of every line.
    services: Cell<Option<(u32, Option<&'a str>)>>,
    /// The code's program flags in the claim's release, looked up on first use ([`Run::program_flags`]).
    programs: Cell<Option<u32>>,
}

impl FLine<'_> {
    /// The I/OCE's "excluded" line: rejected, denied or inpatient.
    pub fn excluded(&self) -> bool {
        self.rejected || self.inpatient
    }
    pub fn has_modifier(&self, m: &[&str]) -> bool {
        self.modifiers.iter().any(|x| m.contains(&x.as_str()))
    }
    pub fn flag(&self, f: u32) -> bool {
        self.row.is_some_and(|r| r.has(f))
    }
    pub fn si(&self) -> &str {
        if self.packaged {
            return "N";
        }
        if let Some(si) = self.assigned {
            return si;
        }
        match (&self.row, &self.rev_row) {
            (Some(r), _) => r.status_indicator,
            (None, Some(r)) if self.code.is_empty() => r.status_indicator,
            _ => "",
        }
    }
    pub fn at(&self, field: LineField) -> Location {
        Location::Line { line: self.k, field }
    }
}

/// Everything the edits share.
pub(crate) struct Run<'e, 'a> {
    pub io: &'e IoceData<'a>,
    pub release: &'e Release,
    pub opps: bool,
    /// The I/OCE logic path of the claim: which edits run.
    pub path: route::Path,
    /// Three characters, when given.
    pub bill_type: Option<String>,
    pub lines: Vec<FLine<'a>>,
    /// Condition codes, upper case.
    pub conditions: Vec<String>,
    pub vintage: String,
    pub out: Vec<Finding>,
}

impl Run<'_, '_> {
    pub fn version(&self) -> u8 {
        self.release.version
    }
    /// True when I/OCE edit `edit` runs on the claim's path.
    pub fn runs(&self, edit: u16) -> bool {
        self.path.runs(edit)
    }
    pub fn push(&mut self, id: RuleId, at: impl Into<crate::location::Location>, message: String) {
        self.out.push(finding(id, message, Some(self.vintage.clone())).at(at));
    }
    /// A finding on line `i`; a line rejection or denial marks the line rejected.
    pub fn push_line(&mut self, id: RuleId, i: usize, field: LineField, message: String) {
        let Some(line) = self.lines.get_mut(i) else { return };
        let at = line.at(field);
        // Edit 7 is a "soft" line rejection: later edits still see the line.
        if id != RuleId::IoceHcpcsAge && (id.ioce_edit().ends_with("LIR") || id.ioce_edit().ends_with("LID")) {
            line.rejected = true;
        }
        self.push(id, at, message);
    }
    /// True when the I/OCE chooses a comprehensive APC (a J1 procedure on the claim) before
    /// its inpatient-only and DME edits: OPPS hospital outpatient claims outside PHP, IOP and
    /// opioid treatment, and 12x claims with condition code W2.
    pub fn comprehensive(&self) -> bool {
        self.comprehensive_path() && self.lines.iter().any(|l| l.si() == "J1")
    }
    /// True when the claim goes through the I/OCE's comprehensive and inpatient-APC
    /// evaluation: OPPS 13x outside partial hospitalization, or 12x with condition code W2.
    pub fn comprehensive_path(&self) -> bool {
        let path = (self.path.is13() && !self.path.cc41 && !self.path.cc92 && !self.path.cc89) || (self.path.is12() && self.condition("W2"));
        self.opps && path
    }
    /// True when the claim carries the condition code.
    pub fn condition(&self, code: &str) -> bool {
        self.conditions.iter().any(|c| c == code)
    }
    /// True when the bill type starts with one of the prefixes (`"13"`).
    pub fn bill_type_is(&self, prefixes: &[&str]) -> bool {
        self.bill_type.as_deref().is_some_and(|b| prefixes.iter().any(|p| b.starts_with(p)))
    }
    /// True when line `i`'s code carries the [`super::data::service_flag`] flag in the claim's
    /// release (ioce-b).
    pub fn service(&self, i: usize, flag: u32) -> bool {
        self.lines.get(i).is_some_and(|l| self.services(l).0 & flag != 0)
    }
}

impl<'a> Run<'_, 'a> {
    /// Line `l`'s [`IoceData::service_row`] in the claim's release, (0, `None`) for an empty or
    /// invalid code; read once per line.
    pub fn services(&self, l: &FLine<'a>) -> (u32, Option<&'a str>) {
        if let Some(memo) = l.services.get() {
            return memo;
        }
        let row = if l.code.is_empty() || l.row.is_none() { (0, None) } else { self.io.service_row(&l.code, self.version()) };
        l.services.set(Some(row));
        row
    }
}

/// Findings the I/OCE rules replace on an outpatient claim: the code-set, modifier, add-on
/// and unacceptable-principal checks of the professional rules, and the MCE age edit.
const SUPERSEDED: [RuleId; 8] = [
    RuleId::PxValid,
    RuleId::ModValid,
    RuleId::Aoc1,
    RuleId::Aoc2,
    RuleId::Aoc3,
    RuleId::AocContext,
    RuleId::DxPdxUnacc,
    RuleId::ClaimAge,
];

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(io) = ctx.engine.ioce.as_ref() else { return };
    let fac = &ctx.claim.facility;
    let from = fac.statement_from.as_deref().and_then(Date::parse).or(ctx.dos);
    let through = fac.statement_through.as_deref().and_then(Date::parse).or(from);
    let Some(release) = from.and_then(|d| io.release_on(d)) else { return };
    // Revenue codes are read in the release of the receipt date; the through-date stands in.
    // ioce-fqhc: edit 119 (the receipt date).
    let rev_release = receipt::given(ctx).or(through).and_then(|d| io.release_on(d)).unwrap_or(release);
    let superseded: Vec<&str> = SUPERSEDED.iter().map(|r| r.as_str()).collect();
    // The I/OCE skips the diagnosis age edit when the age is missing or invalid (edit 25).
    let age_invalid = ctx.age.is_none_or(|a| a > 124);
    ctx.out.retain(|f| !(superseded.contains(&&*f.rule) || (age_invalid && f.rule == RuleId::DxAge.as_str())));
    // Past the newest release's quarter the I/OCE edits come under the data-currency policy.
    let window = io.edit_window();
    let past = window.as_ref().zip(from).and_then(|(w, d)| Some((w, d, w.days_past(d)?)));
    let (release_from, release_to) = io.window_of(release);
    let vintage = format!("I/OCE {} ({release_from} to {release_to})", release.id);
    if let Some((w, d, days)) = past.filter(|_| ctx.stale_edits == StaleEdits::Skip) {
        ctx.out.push(w.skipped_note(d, days, "I/OCE edits", Some(vintage)).at(crate::location::Location::Claim));
        return;
    }
    let lines = read_lines(ctx, io, release.version, rev_release.version);
    let bill_type = fac.bill_type.as_deref().map(|b| {
        let b = b.trim();
        b.strip_prefix('0').filter(|_| b.len() == 4).unwrap_or(b).to_owned()
    });
    let opps = fac.opps.unwrap_or(true);
    let conditions: Vec<String> = fac.condition_codes.iter().map(|c| c.trim().to_ascii_uppercase()).collect();
    let has = |c: &str| conditions.iter().any(|x| x == c);
    let bill = bill_type.as_deref().and_then(|b| b.get(..2)).unwrap_or("").to_owned();
    let path = route::Path {
        routed: route::routed(&bill, opps),
        bill,
        opps,
        cc41: has("41"),
        cc89: has("89"),
        cc92: has("92"),
        version: release.version,
        opps_34x_services: opps && lines.iter().any(|l| l.flag(super::data::hcpcs_flag::SERVICE_34X)),
    };
    let mut run = Run {
        io,
        release,
        opps,
        path,
        bill_type,
        lines,
        conditions,
        vintage,
        out: Vec::new(),
    };
    // Invalid statement dates (edit 23), then a type of bill the I/OCE cannot process (118),
    // then invalid service dates (23) stop it.
    // ioce-fqhc: an invalid receipt date (edit 119) stops it first, on a valid from-date.
    let receipt_invalid = fac.statement_from.as_deref().and_then(Date::parse).is_some_and(|f| receipt::invalid(ctx, &mut run, f));
    if !receipt_invalid && !dates::statement_dates(ctx, &mut run) && claim::bill_type(&mut run) && !dates::service_dates(ctx, &mut run) {
        // I/OCE edit 46; 43x claims skip the diagnosis edits.
        programs::php_bill_type(&mut run);
        claim::diagnosis_edits_off_path(ctx, &run);
        // In the order of the I/OCE's logic paths: earlier line rejections and inpatient-only
        // days take lines out of later edits.
        claim::reasons_for_visit(ctx, &mut run);
        lines::validity(&mut run);
        // ioce-b: edit 53 (observation codes off 13x/85x) before the inpatient-only days.
        observation::bill_type(&mut run);
        // I/OCE edit 35; the incidental check (27) does not run after it.
        let education_only = programs::education_only(&mut run);
        if run.runs(27) && !education_only && claim::incidentals_only(&mut run) {
            // The claim is rejected and the I/OCE stops: the diagnosis edits after it do not run.
            let later = [RuleId::DxAge, RuleId::DxPdxEcode, RuleId::DxPdxManif];
            ctx.out.retain(|f| !later.iter().any(|r| r.as_str() == f.rule));
            run.out.retain(|f| f.rule != RuleId::DxAge.as_str());
            ctx.out.extend(under_policy(run.out, past));
            return;
        }
        claim::patient(ctx, &mut run);
        // ioce-b: edits 60 and 70 (modifier CA) before the inpatient-only days.
        modifiers::patient_died(ctx, &mut run);
        if run.runs(18) {
            days::inpatient_only(&mut run);
        }
        lines::age(ctx, &mut run);
        claim::principal_dx(ctx, &mut run);
        lines::coverage(&mut run);
        if run.runs(76) {
            days::trauma_response(&mut run);
        }
        if run.runs(102) {
            lines::modifier_pairs(&mut run);
        }
        // I/OCE edits 104, then 123, 124, 110, 67, 69, 134 (after the modifier edits, before NCCI).
        clinics::rhc_modifier_conflict(&mut run);
        dates::public_health_emergency(ctx, &mut run);
        dates::approval_dates(&mut run);
        if run.runs(127) && !run.condition("W2") {
            lines::part_b_inpatient(&mut run);
        }
        days::device(&mut run);
        // ioce-b: transplant, biological and modifier edits, before the NCCI pairs as in the I/OCE.
        transplant::cornea_tissue(&mut run);
        transplant::allogeneic(&mut run);
        drugs::bundled_in_biological(&mut run);
        modifiers::telehealth(&mut run);
        modifiers::pt_without_screening(&mut run);
        modifiers::imrt_planning(&mut run);
        skin_substitute::application_without_product(&mut run);
        // ioce-c: edit 99 before the NCCI pairs, as in the I/OCE.
        passthrough::drug_without_service(&mut run);
        ncci::check(ctx, &mut run);
        addon::check(&mut run);
        // I/OCE edits 116, 81, 133, 29, 109, 80, 132, 191, 190, 130.
        programs::opioid_treatment(&mut run);
        programs::program_only_codes(&mut run);
        programs::program_claim(ctx, &mut run);
        programs::clinic_iop(&mut run);
        // I/OCE edit 91.
        clinics::fqhc_non_covered(&mut run);
        // ioce-fqhc: edits 88, 89, 90 (FQHC visit payment codes), after edit 91 as in the I/OCE.
        fqhc::payment_codes(&mut run);
        // ioce-b: blood and observation edits, after the NCCI line rejections as in the I/OCE.
        blood::service_without_product(&mut run);
        blood::product_billing(&mut run);
        blood::revenue_code(&mut run);
        // ioce-21: program composites, mental-health services and the claim's Q1 and Q2 codes.
        conditional::before_device_edits(&mut run);
        observation::hourly_once(&mut run);
        observation::revenue_code(&mut run);
        observation::direct_referral(&mut run);
        devices::without_implantation(&mut run);
        modifiers::pn_not_payable(&mut run);
        days::bilateral(&mut run);
        lines::site(&mut run);
        // ioce-21: the conditionally packaged codes left take their APC's status indicator.
        conditional::standard(&mut run);
        // I/OCE edit 45.
        separate::inpatient_separate_procedure(&mut run);
        days::visit_with_procedure(&mut run);
        // I/OCE edit 42.
        visits::multiple_visits(&mut run);
        lines::token_charge(&mut run);
        drugs::token_charge(&mut run);
        devices::nonopioid_limit(&mut run);
        drugs::nonopioid_limit(&mut run);
        // ioce-c: edit 98 (device offset pairs, non-opioid devices) and edit 99's non-opioid drugs.
        passthrough::device_without_procedure(&mut run);
        passthrough::nonopioid_device_without_service(&mut run);
        passthrough::nonopioid_drug_without_service(&mut run);
    }
    ctx.out.extend(under_policy(run.out, past));
}

/// The I/OCE findings for a claim dated past the newest release's window: each at most a
/// warning, followed by its `DATA-STALE` note.
fn under_policy(out: Vec<Finding>, past: Option<(&EditWindow, Date, u32)>) -> Vec<Finding> {
    match past {
        Some((w, d, _)) => mark_stale(out, w, d),
        None => out,
    }
}

fn fmt(yyyymmdd: u32) -> String {
    Date::from_yyyymmdd(yyyymmdd).map_or_else(|| yyyymmdd.to_string(), |d| d.to_string())
}

fn read_lines<'a>(ctx: &Ctx<'_, '_>, io: &IoceData<'a>, version: u8, rev_version: u8) -> Vec<FLine<'a>> {
    let max = ctx.claim.claim_type.max_lines();
    ctx.claim
        .lines
        .iter()
        .take(max)
        .enumerate()
        .map(|(k, l)| {
            let code = normalize_code(&l.code).text;
            let revenue = l.revenue_code.as_deref().map(str::trim).filter(|r| !r.is_empty() && r.len() <= 4 && r.bytes().all(|b| b.is_ascii_digit())).map(|r| format!("{r:0>4}"));
            let row = if code.is_empty() { None } else { io.hcpcs(&code, version) };
            let rev_row = revenue.as_deref().and_then(|r| io.revenue(r, rev_version));
            FLine {
                k,
                code,
                modifiers: l.modifiers.iter().map(|m| m.trim().to_ascii_uppercase()).filter(|m| !m.is_empty()).collect(),
                revenue,
                units: l.units.filter(|u| u.is_finite() && *u >= 1.0).unwrap_or(1.0),
                charge: l.charge,
                date: Date::parse(&l.date_from).or(ctx.dos),
                row,
                rev_row,
                rejected: false,
                inpatient: false,
                packaged: false,
                assigned: None,
                services: Cell::new(None),
                programs: Cell::new(None),
            }
        })
        .collect()
}
