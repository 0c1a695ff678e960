//! I/OCE edits of the mental-health and opioid treatment programs: partial hospitalization
//! (PHP, condition code 41), intensive outpatient (IOP, condition code 92), community mental
//! health centres (76x), the opioid treatment program (87x) and mental-health education.
//! Edits 29, 35, 46, 80, 81, 109, 116, 132, 133, 190, 191.
use super::{FLine, Run};
use crate::claim::check::Ctx;
use crate::ioce::programs::{mental_dx_flag as D, program_flag as P};
use crate::location::{LineField, Location};
use crate::rules::RuleId;

/// Revenue code of IOP services on RHC (71x) and FQHC (77x) claims.
const IOP_REVENUE: &str = "0905";
/// FQHC mental-health service revenue code, also counted for IOP on 77x.
const FQHC_MH_REVENUE: &str = "0519";

/// The program the I/OCE evaluates an OPPS 13x or 76x claim under.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Program {
    Php,
    Iop,
}

impl Run<'_, '_> {
    /// Line `l`'s program flags in the claim's release (0 for an empty or invalid code); read
    /// once per line.
    pub(super) fn program_flags(&self, l: &FLine<'_>) -> u32 {
        if let Some(memo) = l.programs.get() {
            return memo;
        }
        let flags = if l.code.is_empty() || l.row.is_none() { 0 } else { self.io.program_flags(&l.code, self.version()) };
        l.programs.set(Some(flags));
        flags
    }

    /// PHP or IOP on an OPPS hospital (13x) or CMHC (76x) claim: 13x with condition code 92
    /// (from I/OCE 25.0) or 41; 76x with condition code 92 (from 25.0), else PHP.
    pub(super) fn program(&self) -> Option<Program> {
        let iop = self.path.cc92 && self.version() > 93;
        if !self.opps {
            return None;
        }
        match self.path.bill.as_str() {
            "13" if iop => Some(Program::Iop),
            "13" if self.path.cc41 => Some(Program::Php),
            "76" if iop => Some(Program::Iop),
            "76" => Some(Program::Php),
            _ => None,
        }
    }

    /// The I/OCE skips its mental-health program edits once a line was denied for the day of
    /// an inpatient-only procedure (edit 49).
    fn inpatient_day_denied(&self) -> bool {
        let id = RuleId::IoceInpatientDay.as_str();
        self.out.iter().any(|f| f.rule == id)
    }

    /// Line edit `id` on every line (not rejected or inpatient, unless `rejected_too`) whose
    /// program flags include `flag`.
    fn flag_lines(&mut self, flag: u32, rejected_too: bool, id: RuleId, message: impl Fn(&str) -> String) {
        let hits: Vec<usize> = (0..self.lines.len())
            .filter(|&i| self.lines.get(i).is_some_and(|l| !l.inpatient && (rejected_too || !l.rejected) && self.program_flags(l) & flag != 0))
            .collect();
        for i in hits {
            let code = self.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
            self.push_line(id, i, LineField::Code, message(&code));
        }
    }
}

/// Edit 35 (OPPS 12x and 13x outside opioid treatment): on a day whose only services are
/// mental-health education and training, each of them. Runs before the incidental check
/// (edit 27), which the I/OCE skips when this fires. True when it fires.
pub(super) fn education_only(run: &mut Run<'_, '_>) -> bool {
    let path = run.opps && (run.path.is12() || (run.path.is13() && !run.path.cc89));
    if !run.path.routed() || !path {
        return false;
    }
    // On 12x the I/OCE has rejected hospital-only observation lines by now (its edit 53).
    let rejected_observation = |l: &FLine<'_>| run.path.is12() && run.program_flags(l) & P::OBSERVATION_HOSPITAL_ONLY != 0;
    let mut hits = Vec::new();
    for day in super::days::days(&run.lines) {
        let idx: Vec<usize> =
            super::days::on(&run.lines, day).into_iter().filter(|&i| run.lines.get(i).is_some_and(|l| !l.excluded() && !rejected_observation(l))).collect();
        let educational: Vec<usize> = idx.iter().copied().filter(|&i| run.lines.get(i).is_some_and(|l| run.program_flags(l) & P::EDUCATIONAL != 0)).collect();
        if !educational.is_empty() && educational.len() == idx.len() {
            hits.extend(educational);
        }
    }
    let fired = !hits.is_empty();
    for i in hits {
        let code = run.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
        let msg = format!("{code} is mental-health education or training, the only service of its day: report the mental-health service it supports, or bill it under that program");
        run.push_line(RuleId::IoceMhEducationOnly, i, LineField::Code, msg);
    }
    fired
}

/// Edit 46: condition code 41 (partial hospitalization) on a type of bill that cannot carry
/// it (12x, 14x, 43x). On 12x and 14x from I/OCE 25.0 the I/OCE stops at edit 118 first.
pub(super) fn php_bill_type(run: &mut Run<'_, '_>) {
    if !run.path.routed() || !run.path.cc41 || !run.bill_type_is(&["12", "14", "43"]) {
        return;
    }
    let bill = run.bill_type.clone().unwrap_or_default();
    run.push(
        RuleId::IocePhpBillType,
        "/conditionCodes",
        format!("condition code 41 (partial hospitalization) is not allowed on type of bill {bill}: bill PHP on 13x (hospital) or 76x (CMHC), or remove the condition code"),
    );
}

/// Edit 116 (every path but 43x, 87x, 13x/85x with condition code 89 and 77x with condition
/// code 65): an opioid treatment program code outside the opioid treatment program.
pub(super) fn opioid_treatment(run: &mut Run<'_, '_>) {
    let p = &run.path;
    let off = run.bill_type_is(&["43", "87"]) || (run.bill_type_is(&["13", "85"]) && p.cc89) || (run.bill_type_is(&["77"]) && run.condition("65"));
    if !p.routed() || off || run.version() <= 77 {
        return;
    }
    run.flag_lines(P::OPIOID_TREATMENT, true, RuleId::IoceOtpOnly, |code| {
        format!("{code} is an opioid treatment program service, payable only on an OTP claim (type of bill 087x): bill it there")
    });
}

/// Edits 81 and 133 (OPPS 13x outside PHP, IOP and opioid treatment): a code payable only in
/// partial hospitalization (81) or intensive outpatient (133).
pub(super) fn program_only_codes(run: &mut Run<'_, '_>) {
    let p = &run.path;
    if !(run.opps && p.is13() && !p.cc89 && !p.cc41 && !p.cc92) || run.inpatient_day_denied() {
        return;
    }
    if run.version() > 93 {
        run.flag_lines(P::IOP_NOT_MH, false, RuleId::IoceIopOnly, |code| {
            format!("{code} is payable only in an intensive outpatient program: bill it on an IOP claim (condition code 92)")
        });
    }
    run.flag_lines(P::PH_NOT_MH, false, RuleId::IocePhpOnly, |code| {
        format!("{code} is payable only in a partial hospitalization program: bill it on a PHP claim (condition code 41)")
    });
}

/// The PHP / IOP claim edits on OPPS 13x and 76x claims: principal diagnosis (109, 29),
/// codes not approved for the program (80, 132) and the day's primary service (191, 190).
pub(super) fn program_claim(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    let Some(program) = run.program() else { return };
    if run.inpatient_day_denied() {
        return;
    }
    principal_mental_health(ctx, run);
    let v = run.version();
    match program {
        Program::Php if run.path.bill == "76" || v < 90 => run.flag_lines(P::MH_NOT_PH, false, RuleId::IoceNotPhp, |code| {
            format!("{code} is a mental-health service not approved for partial hospitalization: remove it from the PHP claim or bill it outside the program")
        }),
        Program::Iop if run.path.bill == "76" => run.flag_lines(P::MH_NOT_IOP, true, RuleId::IoceNotIop, |code| {
            format!("{code} is a mental-health service not approved for an intensive outpatient program: remove it from the IOP claim or bill it outside the program")
        }),
        _ => {}
    }
    if v > 93 {
        let (primary, service) = match program {
            Program::Php => (P::PH_PRIMARY, P::PH_SERVICE),
            Program::Iop => (P::IOP_PRIMARY, P::IOP_SERVICE),
        };
        missing_primary(run, program, primary, service, |_| true);
    }
}

/// Edits 130 and 190 on RHC (71x) and FQHC (77x) IOP claims (OPPS, condition code 92, from
/// I/OCE 25.0): IOP services are the lines with revenue code 0905 (and 0519 on 77x).
pub(super) fn clinic_iop(run: &mut Run<'_, '_>) {
    let p = &run.path;
    let rhc = p.bill == "71";
    let fqhc = p.bill == "77" && run.bill_type.as_deref() != Some("770") && !run.condition("65");
    if !(run.opps && p.cc92 && run.version() > 93 && (rhc || fqhc)) || run.inpatient_day_denied() {
        return;
    }
    let iop_revenue = |l: &FLine<'_>| l.revenue.as_deref() == Some(IOP_REVENUE) || (fqhc && l.revenue.as_deref() == Some(FQHC_MH_REVENUE));
    missing_primary(run, Program::Iop, P::IOP_PRIMARY, P::IOP_SERVICE, iop_revenue);
    if rhc {
        let hits: Vec<usize> = (0..run.lines.len())
            .filter(|&i| {
                run.lines.get(i).is_some_and(|l| {
                    !l.inpatient && !l.code.is_empty() && l.revenue.as_deref() == Some(IOP_REVENUE) && l.has_modifier(&["CG"]) && run.program_flags(l) & P::IOP_PRIMARY == 0
                })
            })
            .collect();
        for i in hits {
            let code = run.lines.get(i).map(|l| l.code.clone()).unwrap_or_default();
            let msg = format!("modifier CG on {code} (revenue code 0905) of an RHC IOP claim: CG goes only on an IOP primary service; remove it");
            run.push_line(RuleId::IoceRhcIopModifier, i, LineField::Modifiers, msg);
        }
    }
}

/// Edits 191 (PHP) and 190 (IOP): a day with a program service (among the lines `counts`
/// accepts) but no primary service of the program.
fn missing_primary(run: &mut Run<'_, '_>, program: Program, primary: u32, service: u32, counts: impl Fn(&FLine<'_>) -> bool) {
    let mut missing: Option<Option<crate::date::Date>> = None;
    for day in super::days::days(&run.lines) {
        let flags: Vec<u32> = super::days::on(&run.lines, day)
            .into_iter()
            .filter_map(|i| run.lines.get(i))
            .filter(|l| !l.excluded() && counts(l))
            .map(|l| run.program_flags(l))
            .collect();
        if flags.iter().any(|f| f & service != 0) && !flags.iter().any(|f| f & primary != 0) {
            missing = missing.or(Some(day));
        }
    }
    let Some(day) = missing else { return };
    let (id, name) = match program {
        Program::Php => (RuleId::IocePhpPrimary, "partial hospitalization"),
        Program::Iop => (RuleId::IoceIopPrimary, "intensive outpatient"),
    };
    let on = day.map_or_else(|| "a day".to_owned(), |d| d.to_string());
    run.push(id, Location::Claim, format!("on {on} the claim has {name} services but no {name} primary service (a psychotherapy or other primary code of the program): report the day's primary service"));
}

/// Edits 109 and 29: the principal diagnosis of a PHP / IOP claim must be a mental-health
/// diagnosis; a "code first" principal diagnosis needs a mental-health first secondary one.
fn principal_mental_health(ctx: &Ctx<'_, '_>, run: &mut Run<'_, '_>) {
    let v = run.version();
    let flags = |k: usize| ctx.dx.get(k).filter(|d| d.pos == k).map_or(0, |d| run.io.mental_dx_flags(&d.code, v));
    let principal = flags(0);
    let code_first = principal & D::CODE_FIRST != 0;
    let mental = if v > 72 && code_first { flags(1) & D::MENTAL_HEALTH != 0 } else { principal & D::MENTAL_HEALTH != 0 };
    if mental {
        return;
    }
    let pdx = ctx.dx.first().map(|d| crate::icd10cm::dotted(&d.code)).unwrap_or_default();
    if code_first && v > 72 {
        let msg = format!("principal diagnosis {pdx} is a \"code first\" condition: the first secondary diagnosis must be the mental-health condition treated in the program");
        run.push(RuleId::IoceMhCodeFirst, "/diagnoses", msg);
    } else {
        let msg = if pdx.is_empty() {
            "a partial hospitalization or intensive outpatient claim needs a mental-health principal diagnosis".to_owned()
        } else {
            format!("principal diagnosis {pdx} is not a mental-health diagnosis: a partial hospitalization or intensive outpatient claim needs the mental-health condition first")
        };
        run.push(RuleId::IoceMhPdx, "/diagnoses", msg);
    }
}
