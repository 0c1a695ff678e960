//! The lenient reader: any JSON value → a [`Claim`] plus input errors with JSON pointers.
//!
//! Wrong types, missing fields, oversized strings and unknown fields are reported, never
//! silently dropped and never fatal: the rest of the claim is still read and checked.
use crate::decimal::Shortest;
use super::json::{Json, MAX_ITEMS};
use super::model::{Claim, ClaimType, Diagnosis, Excludes1Override, Line, Occurrence, Patient, Procedure, Sex, ValueCode, LETTERS};
use crate::finding::Finding;
use crate::rules::{finding, RuleId};
use core::fmt;
use std::borrow::Cow;

/// Longest text kept in a code, date or identifier field.
const MAX_FIELD: usize = 64;
/// Longest free text (override reasons).
const MAX_TEXT: usize = 2_000;

const CLAIM_FIELDS: &[&str] = &[
    "id",
    "claimType",
    "payer",
    "today",
    "patient",
    "diagnoses",
    "lines",
    "billingNpi",
    "excludes1Overrides",
    "admissionDate",
    "dischargeDate",
    "dischargeStatus",
    "lengthOfStay",
    "admittingDiagnosis",
    "procedures",
    "billType",
    "statementFrom",
    "statementThrough",
    "receiptDate",
    "opps",
    "conditionCodes",
    "occurrenceCodes",
    "valueCodes",
    "reasonForVisit",
];
const PROCEDURE_FIELDS: &[&str] = &["code", "date"];
const PATIENT_FIELDS: &[&str] = &["sex", "dateOfBirth", "age"];
const DX_FIELDS: &[&str] = &["code", "poa"];
const LINE_FIELDS: &[&str] =
    &["dateFrom", "dateTo", "pos", "code", "modifiers", "units", "pointers", "charge", "ndc", "npi", "revenueCode", "nonCoveredCharge"];
const OCCURRENCE_FIELDS: &[&str] = &["code", "date"];
const VALUE_CODE_FIELDS: &[&str] = &["code", "amount"];
const OVERRIDE_FIELDS: &[&str] = &["codes", "reason"];

/// Reads a claim. The errors are `CLAIM-INPUT` (unusable value) and `CLAIM-FIELD` (unknown).
pub fn read_claim(v: &Json<'_>) -> (Claim, Vec<Finding>) {
    let mut r = Reader { errors: Vec::new(), uncoded: Vec::new() };
    let claim = r.claim(v);
    (claim, r.errors)
}

/// Escapes one JSON-pointer segment (RFC 6901), cutting very long keys.
pub fn escape(key: &str) -> std::borrow::Cow<'_, str> {
    // Ordinary keys need no work; this runs for every field of every claim.
    if key.len() <= MAX_FIELD && !key.contains(['~', '/']) {
        return std::borrow::Cow::Borrowed(key);
    }
    let short: String = key.chars().take(MAX_FIELD).collect();
    std::borrow::Cow::Owned(short.replace('~', "~0").replace('/', "~1"))
}

/// A JSON pointer, written out only when an error needs it (most fields have none).
type At<'a> = &'a dyn fmt::Display;

/// `{parent}/{key}`, the key escaped.
struct Member<'a>(At<'a>, &'a str);

impl fmt::Display for Member<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.0, escape(self.1))
    }
}

/// `{parent}/{index}`.
struct Item<'a>(At<'a>, usize);

impl fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.0, self.1)
    }
}

/// `{noun} {n}`, the 1-based number of an item (`line 3`), for messages.
struct Nth<'a>(&'a str, usize);

impl fmt::Display for Nth<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.1.saturating_add(1))
    }
}

struct Reader {
    errors: Vec<Finding>,
    /// Lines whose procedure code is missing (false) or blank (true), reported once the
    /// claim type is known: an outpatient line with a revenue code may have none.
    uncoded: Vec<(usize, bool)>,
}

impl Reader {
    fn input(&mut self, at: impl fmt::Display, msg: String) {
        self.errors.push(finding(RuleId::ClaimInput, msg, None).at(crate::finding::Location::parse(&at.to_string())));
    }

    /// The members of an object, reporting unknown ones.
    fn object<'j>(&mut self, v: &'j Json<'j>, at: At<'_>, what: At<'_>, known: &[&str]) -> Option<&'j [(Cow<'j, str>, Json<'j>)]> {
        let members = match v {
            Json::Obj(m) => m.as_slice(),
            Json::Truncated(inner, n) => {
                self.input(at, format!("{what} has {n} fields; only the first {MAX_ITEMS} were read"));
                match inner.as_ref() {
                    Json::Obj(m) => m.as_slice(),
                    _ => return None,
                }
            }
            other => {
                self.input(at, format!("{what} must be an object, not {}", other.kind()));
                return None;
            }
        };
        for (k, _) in members {
            if !known.contains(&&**k) {
                let hint = near(k, known).map(|n| format!("; did you mean `{n}`?")).unwrap_or_default();
                let shown: String = k.chars().take(MAX_FIELD).collect();
                self.errors.push(
                    finding(RuleId::ClaimField, format!("unknown field `{shown}` in {what} is ignored{hint}"), None)
                        .at(format!("{at}/{}", escape(k))),
                );
            }
        }
        Some(members)
    }

    fn array<'j, W: core::fmt::Display + ?Sized>(&mut self, v: &'j Json<'j>, at: At<'_>, what: &W) -> &'j [Json<'j>] {
        match v {
            Json::Arr(a) => a.as_slice(),
            Json::Truncated(inner, n) => {
                self.input(at, format!("{what} has {n} items; only the first {MAX_ITEMS} were read"));
                match inner.as_ref() {
                    Json::Arr(a) => a.as_slice(),
                    _ => &[],
                }
            }
            Json::Null => &[],
            other => {
                self.input(at, format!("{what} must be an array, not {}", other.kind()));
                &[]
            }
        }
    }

    /// Text, or a whole number given as a number (codes and units are often typed so).
    fn text(&mut self, v: &Json<'_>, at: At<'_>, what: &str, max: usize) -> Option<String> {
        match v {
            Json::Str(s) if s.chars().nth(max).is_some() => {
                self.input(at, format!("{what} is longer than {max} characters"));
                None
            }
            Json::Str(s) => Some(String::from(&**s)),
            Json::Num(n) if n.fract() == 0.0 && *n >= 0.0 && *n < 1e15 => Some(Shortest(*n).to_string()),
            Json::Null => None,
            other => {
                self.input(at, format!("{what} must be a string, not {}", other.kind()));
                None
            }
        }
    }

    /// A number, or text holding one ("125.00").
    fn number(&mut self, v: &Json<'_>, at: At<'_>, what: &str) -> Option<f64> {
        match v {
            Json::Num(n) => Some(*n),
            Json::Str(s) if s.len() <= MAX_FIELD => match s.trim().trim_start_matches('$').replace(',', "").parse::<f64>() {
                Ok(n) if n.is_finite() => Some(n),
                _ => {
                    self.input(at, format!("{what} must be a number, not \"{}\"", s.trim()));
                    None
                }
            },
            Json::Null => None,
            other => {
                self.input(at, format!("{what} must be a number, not {}", other.kind()));
                None
            }
        }
    }

    fn claim(&mut self, v: &Json<'_>) -> Claim {
        let mut c = Claim::default();
        let Some(members) = self.object(v, &"", &"the claim", CLAIM_FIELDS) else { return c };
        let mut saw_dx = false;
        let mut saw_lines = false;
        for (k, val) in members {
            let at = Member(&"", k);
            let at: At<'_> = &at;
            match &**k {
                "id" => c.id = self.text(val, at, "id", MAX_FIELD),
                "claimType" => c.claim_type = self.claim_type(val, at),
                "payer" => c.payer = self.text(val, at, "payer", MAX_FIELD),
                "today" => c.today = self.text(val, at, "today", MAX_FIELD),
                "patient" => c.patient = self.patient(val, at),
                "diagnoses" => {
                    saw_dx = true;
                    c.diagnoses = self.array(val, at, "diagnoses").iter().enumerate().map(|(i, d)| self.diagnosis(d, i)).collect();
                }
                "lines" => {
                    saw_lines = true;
                    c.lines = self.array(val, at, "lines").iter().enumerate().map(|(i, l)| self.line(l, i)).collect();
                }
                "billingNpi" => c.billing_npi = self.text(val, at, "billingNpi", MAX_FIELD),
                "admissionDate" => c.stay.admission_date = self.text(val, at, "admissionDate", MAX_FIELD),
                "dischargeDate" => c.stay.discharge_date = self.text(val, at, "dischargeDate", MAX_FIELD),
                "dischargeStatus" => c.stay.discharge_status = self.text(val, at, "dischargeStatus", MAX_FIELD),
                "lengthOfStay" => c.stay.length_of_stay = self.days(val, at),
                "admittingDiagnosis" => c.stay.admitting_diagnosis = self.text(val, at, "admittingDiagnosis", MAX_FIELD),
                "procedures" => {
                    c.procedures = self.array(val, at, "procedures").iter().enumerate().map(|(i, p)| self.procedure(p, i)).collect();
                }
                "billType" => c.facility.bill_type = self.text(val, at, "billType", MAX_FIELD),
                "statementFrom" => c.facility.statement_from = self.text(val, at, "statementFrom", MAX_FIELD),
                "statementThrough" => c.facility.statement_through = self.text(val, at, "statementThrough", MAX_FIELD),
                "receiptDate" => c.facility.receipt_date = self.text(val, at, "receiptDate", MAX_FIELD),
                "opps" => c.facility.opps = self.flag(val, at, "opps"),
                "conditionCodes" => c.facility.condition_codes = self.strings(val, at, "condition code"),
                "reasonForVisit" => c.facility.reason_for_visit = self.strings(val, at, "reason-for-visit diagnosis"),
                "occurrenceCodes" => {
                    c.facility.occurrence_codes =
                        self.array(val, at, "occurrenceCodes").iter().enumerate().map(|(i, o)| self.occurrence(o, i)).collect();
                }
                "valueCodes" => {
                    c.facility.value_codes = self.array(val, at, "valueCodes").iter().enumerate().map(|(i, o)| self.value_code(o, i)).collect();
                }
                "excludes1Overrides" => {
                    c.excludes1_overrides =
                        self.array(val, at, "excludes1Overrides").iter().enumerate().filter_map(|(i, o)| self.override_(o, i)).collect();
                }
                _ => {}
            }
        }
        for (i, blank) in std::mem::take(&mut self.uncoded) {
            let revenue_only = c.claim_type == ClaimType::Outpatient
                && c.lines.get(i).and_then(|l| l.revenue_code.as_deref()).is_some_and(|r| !r.trim().is_empty());
            if revenue_only {
                continue;
            }
            let (n, at) = (i.saturating_add(1), format!("/lines/{i}/code"));
            if blank {
                self.input(at, format!("line {n} has an empty procedure `code`"));
            } else {
                self.input(at, format!("line {n} has no procedure `code`"));
            }
        }
        if !saw_dx {
            self.input("/diagnoses", "the claim has no `diagnoses`: give at least the first-listed diagnosis".into());
        }
        // An inpatient stay is billed by its diagnoses and procedures; revenue lines are optional.
        if !saw_lines && c.claim_type != ClaimType::Inpatient {
            self.input("/lines", "the claim has no `lines`: give at least one service line".into());
        }
        c
    }

    /// A length of stay: a whole number of days.
    fn days(&mut self, v: &Json<'_>, at: At<'_>) -> Option<u32> {
        match self.number(v, at, "lengthOfStay") {
            Some(n) if n.fract() == 0.0 && (0.0..=100_000.0).contains(&n) => Some(n as u32),
            Some(n) => {
                self.input(at, format!("lengthOfStay {} is not a whole number of days", Shortest(n)));
                None
            }
            None => None,
        }
    }

    /// A procedure as an object `{code, date}` or a bare code.
    fn procedure(&mut self, v: &Json<'_>, i: usize) -> Procedure {
        let at = Item(&"/procedures", i);
        if let Json::Str(_) | Json::Num(_) = v {
            return Procedure { code: self.text(v, &at, "procedure", MAX_FIELD).unwrap_or_default(), date: None };
        }
        let (code, date) = self.coded(v, &at, &Nth("procedure", i), PROCEDURE_FIELDS, "date");
        Procedure { code, date }
    }

    fn claim_type(&mut self, v: &Json<'_>, at: At<'_>) -> ClaimType {
        let t = self.text(v, at, "claimType", MAX_FIELD).unwrap_or_default();
        match t.trim().to_ascii_lowercase().as_str() {
            "professional" | "837p" | "cms-1500" | "cms1500" => ClaimType::Professional,
            "outpatient" | "837i" | "ub-04" | "ub04" => ClaimType::Outpatient,
            "inpatient" => ClaimType::Inpatient,
            "dme" => ClaimType::Dme,
            other => {
                self.input(at, format!("claimType `{}` is not one of professional, outpatient, inpatient, dme; read as professional", other.chars().take(MAX_FIELD).collect::<String>()));
                ClaimType::Professional
            }
        }
    }

    fn patient(&mut self, v: &Json<'_>, at: At<'_>) -> Patient {
        let mut p = Patient::default();
        let Some(members) = self.object(v, at, &"patient", PATIENT_FIELDS) else { return p };
        for (k, val) in members {
            let here = Member(at, k);
            match &**k {
                "sex" => {
                    p.sex = match self.text(val, &here, "sex", MAX_FIELD).map(|s| s.trim().to_ascii_uppercase()) {
                        None => None,
                        Some(s) => match s.as_str() {
                            "F" | "FEMALE" | "2" => Some(Sex::F),
                            "M" | "MALE" | "1" => Some(Sex::M),
                            "U" | "UNKNOWN" | "" | "0" => Some(Sex::U),
                            _ => {
                                self.input(&here, format!("sex `{s}` is not F, M or U"));
                                None
                            }
                        },
                    }
                }
                "dateOfBirth" => p.date_of_birth = self.text(val, &here, "dateOfBirth", MAX_FIELD),
                "age" => {
                    p.age = match self.number(val, &here, "age") {
                        Some(n) if n.fract() == 0.0 && (0.0..=130.0).contains(&n) => Some(n as u32),
                        Some(n) => {
                            self.input(&here, format!("age {} is not a whole number of years from 0 to 130", Shortest(n)));
                            None
                        }
                        None => None,
                    }
                }
                _ => {}
            }
        }
        p
    }

    fn diagnosis(&mut self, v: &Json<'_>, i: usize) -> Diagnosis {
        let at = Item(&"/diagnoses", i);
        if let Json::Str(_) | Json::Num(_) = v {
            return Diagnosis { code: self.text(v, &at, "diagnosis", MAX_FIELD).unwrap_or_default(), poa: None };
        }
        let (code, poa) = self.coded(v, &at, &DxName(i), DX_FIELDS, "poa");
        Diagnosis { code, poa }
    }

    /// An object `{code, <second>}` (a diagnosis with its POA, a procedure with its date).
    fn coded(&mut self, v: &Json<'_>, at: At<'_>, what: At<'_>, known: &[&str], second: &str) -> (String, Option<String>) {
        let Some(members) = self.object(v, at, what, known) else { return (String::new(), None) };
        let (mut code, mut other, mut saw_code) = (String::new(), None, false);
        for (k, val) in members {
            let here = Member(at, k);
            if k == "code" {
                saw_code = true;
                code = self.text(val, &here, "code", MAX_FIELD).unwrap_or_default();
            } else if k == second {
                other = self.text(val, &here, second, MAX_FIELD);
            }
        }
        if !saw_code {
            self.input(Member(at, "code"), format!("{what} has no `code`"));
        }
        (code, other)
    }

    fn line(&mut self, v: &Json<'_>, i: usize) -> Line {
        let at = Item(&"/lines", i);
        let at: At<'_> = &at;
        let mut l = Line::default();
        let Some(members) = self.object(v, at, &Nth("line", i), LINE_FIELDS) else { return l };
        let mut saw = (false, false);
        // Present but blank (a wrong type is reported by `text` already).
        let mut blank = (false, false);
        for (k, val) in members {
            let here = Member(at, k);
            match &**k {
                "dateFrom" => {
                    saw.0 = true;
                    let text = self.text(val, &here, "dateFrom", MAX_FIELD);
                    blank.0 = text.as_deref().is_some_and(|t| t.trim().is_empty());
                    l.date_from = text.unwrap_or_default();
                }
                "dateTo" => l.date_to = self.text(val, &here, "dateTo", MAX_FIELD),
                "pos" => l.pos = self.text(val, &here, "pos", MAX_FIELD),
                "code" => {
                    saw.1 = true;
                    let text = self.text(val, &here, "code", MAX_FIELD);
                    blank.1 = text.as_deref().is_some_and(|t| t.trim().is_empty());
                    l.code = text.unwrap_or_default();
                }
                "modifiers" => l.modifiers = self.strings(val, &here, "modifier"),
                "units" => l.units = self.number(val, &here, "units"),
                "pointers" => l.pointers = self.pointers(val, &here),
                "charge" => l.charge = self.number(val, &here, "charge"),
                "ndc" => l.ndc = self.text(val, &here, "ndc", MAX_FIELD),
                "npi" => l.npi = self.text(val, &here, "npi", MAX_FIELD),
                "revenueCode" => l.revenue_code = self.text(val, &here, "revenueCode", MAX_FIELD),
                "nonCoveredCharge" => l.non_covered_charge = self.number(val, &here, "nonCoveredCharge"),
                _ => {}
            }
        }
        let n = i.saturating_add(1);
        if !saw.0 {
            self.input(Member(at, "dateFrom"), format!("line {n} has no `dateFrom`"));
        } else if blank.0 {
            self.input(Member(at, "dateFrom"), format!("line {n} has an empty `dateFrom`: give the date of service"));
        }
        if !saw.1 || blank.1 {
            self.uncoded.push((i, blank.1));
        }
        l
    }

    /// An array of short strings; a single string is read as a one-item array.
    fn strings(&mut self, v: &Json<'_>, at: At<'_>, what: &str) -> Vec<String> {
        if let Json::Str(_) = v {
            return self.text(v, at, what, MAX_FIELD).into_iter().collect();
        }
        // The list's name ("modifiers") is written only when a message needs it.
        let items = self.array(v, at, &Plural(what));
        items
            .iter()
            .enumerate()
            .filter_map(|(j, x)| self.text(x, &Item(at, j), what, MAX_FIELD))
            .collect()
    }

    /// Pointers as letters ("A") or 837P numbers (1 = A); "ABL" is read as three pointers.
    fn pointers(&mut self, v: &Json<'_>, at: At<'_>) -> Vec<String> {
        if let Json::Str(s) = v {
            if s.len() <= LETTERS.len() && s.chars().all(|c| c.is_ascii_alphabetic()) {
                return s.chars().map(|c| c.to_string()).collect();
            }
        }
        let items = self.array(v, at, "pointers");
        items
            .iter()
            .enumerate()
            .filter_map(|(j, x)| {
                let here = Item(at, j);
                match x {
                    Json::Num(n) if n.fract() == 0.0 && *n >= 1.0 && *n <= LETTERS.len() as f64 => {
                        LETTERS.get((*n as usize).saturating_sub(1)).map(|c| c.to_string())
                    }
                    Json::Num(n) => Some(Shortest(*n).to_string()),
                    other => self.text(other, &here, "pointer", MAX_FIELD),
                }
            })
            .collect()
    }

    /// true / false (also "Y"/"N", 1/0).
    fn flag(&mut self, v: &Json<'_>, at: At<'_>, what: &str) -> Option<bool> {
        match v {
            Json::Bool(b) => Some(*b),
            Json::Num(n) if *n == 1.0 || *n == 0.0 => Some(*n == 1.0),
            Json::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "y" | "yes" | "1" => Some(true),
                "false" | "n" | "no" | "0" => Some(false),
                _ => {
                    self.input(at, format!("{what} must be true or false, not \"{}\"", s.chars().take(MAX_FIELD).collect::<String>()));
                    None
                }
            },
            Json::Null => None,
            other => {
                self.input(at, format!("{what} must be true or false, not {}", other.kind()));
                None
            }
        }
    }

    /// An occurrence code `{code, date}` or a bare code.
    fn occurrence(&mut self, v: &Json<'_>, i: usize) -> Occurrence {
        let at = Item(&"/occurrenceCodes", i);
        if let Json::Str(_) | Json::Num(_) = v {
            return Occurrence { code: self.text(v, &at, "occurrence code", MAX_FIELD).unwrap_or_default(), date: None };
        }
        let (code, date) = self.coded(v, &at, &Nth("occurrence code", i), OCCURRENCE_FIELDS, "date");
        Occurrence { code, date }
    }

    /// A value code `{code, amount}`.
    fn value_code(&mut self, v: &Json<'_>, i: usize) -> ValueCode {
        let at = Item(&"/valueCodes", i);
        let mut out = ValueCode::default();
        let Some(members) = self.object(v, &at, &Nth("value code", i), VALUE_CODE_FIELDS) else { return out };
        for (k, val) in members {
            let here = Member(&at, k);
            match &**k {
                "code" => out.code = self.text(val, &here, "code", MAX_FIELD).unwrap_or_default(),
                "amount" => out.amount = self.number(val, &here, "amount"),
                _ => {}
            }
        }
        out
    }

    fn override_(&mut self, v: &Json<'_>, i: usize) -> Option<Excludes1Override> {
        let at = Item(&"/excludes1Overrides", i);
        let members = self.object(v, &at, &"an Excludes1 override", OVERRIDE_FIELDS)?;
        let mut o = Excludes1Override::default();
        for (k, val) in members {
            let here = Member(&at, k);
            match &**k {
                "codes" => o.codes = self.strings(val, &here, "code"),
                "reason" => o.reason = self.text(val, &here, "reason", MAX_TEXT).unwrap_or_default(),
                _ => {}
            }
        }
        if o.reason.trim().is_empty() {
            self.input(Member(&at, "reason"), "an Excludes1 override needs a `reason` (why the conditions are unrelated)".into());
            return None;
        }
        if o.codes.len() < 2 {
            self.input(Member(&at, "codes"), "an Excludes1 override names the two codes it allows together".into());
            return None;
        }
        Some(o)
    }
}

/// `diagnosis A`: a diagnosis by its letter, for messages.
struct DxName(usize);

impl fmt::Display for DxName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "diagnosis {}", super::model::dx_label(self.0))
    }
}

/// A known name one edit away (case-insensitive or one character off), for typos.
fn near<'k>(typed: &str, known: &[&'k str]) -> Option<&'k str> {
    let t = typed.to_ascii_lowercase().replace(['_', '-'], "");
    known.iter().copied().find(|k| {
        let k2 = k.to_ascii_lowercase();
        k2 == t || (k2.len().abs_diff(t.len()) <= 1 && edit1(&k2, &t))
    })
}

fn edit1(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > 40 || b.len() > 40 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let skip = usize::from(short.len() != long.len());
    let rest_short = short.get(prefix.saturating_add(1).saturating_sub(skip)..).unwrap_or(&[]);
    let rest_long = long.get(prefix.saturating_add(1)..).unwrap_or(&[]);
    rest_short == rest_long
}

/// The plural of a field name in messages: `modifier` → `modifiers`.
struct Plural<'w>(&'w str);

impl core::fmt::Display for Plural<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}s", self.0)
    }
}
