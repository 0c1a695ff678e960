//! The lenient reader: any JSON value → a [`Claim`] plus input errors with JSON pointers.
//!
//! Wrong types, missing fields, oversized strings and unknown fields are reported, never
//! silently dropped and never fatal: the rest of the claim is still read and checked.
use crate::decimal::Shortest;
use super::json::{Json, MAX_ITEMS};
use super::json_text::TextSource;
use super::source::{Head, Source, TreeSource};
use super::model::{Claim, ClaimType, Diagnosis, Excludes1Override, Line, Occurrence, Patient, Procedure, Sex, Text, ValueCode, LETTERS};
use crate::finding::Finding;
use crate::normalize::trim;
use crate::rules::{finding, RuleId};
use core::fmt;
use std::borrow::Cow;
use std::sync::Arc;

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

/// Reads a claim from a JSON tree. The errors are `CLAIM-INPUT` (unusable value) and
/// `CLAIM-FIELD` (unknown).
pub fn read_claim(v: &Json<'_>) -> (Claim, Vec<Finding>) {
    read_from(TreeSource::new(v), None).0
}

/// Reads a claim straight from its JSON text, as [`read_claim`] reads the text's tree (same
/// claim, same errors in the same order); malformed text is `Err` with what and where.
pub fn read_claim_text(text: &str) -> Result<(Claim, Vec<Finding>), String> {
    // The claim's texts are ranges of one copy of the text: one allocation, not one a field.
    let (read, source) = read_from(TextSource::new(text), Some((text, Arc::from(text))));
    source.finish().map(|()| read)
}

fn read_from<'s, S: Source<'s>>(src: S, shared: Option<(&'s str, Arc<str>)>) -> ((Claim, Vec<Finding>), S) {
    let mut r = Reader { src, errors: Vec::new(), uncoded: Vec::new(), shared };
    let claim = r.claim();
    ((claim, r.errors), r.src)
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

struct Reader<'s, S: Source<'s>> {
    src: S,
    errors: Vec<Finding>,
    /// Lines whose procedure code is missing (false) or blank (true), reported once the
    /// claim type is known: an outpatient line with a revenue code may have none.
    uncoded: Vec<(usize, bool)>,
    /// The text the source reads and a shared copy of it: a text read from it is kept as
    /// a range of the copy.
    shared: Option<(&'s str, Arc<str>)>,
}

fn input_error(at: impl fmt::Display, msg: String) -> Finding {
    finding(RuleId::ClaimInput, msg, None).at(crate::finding::Location::parse(&at.to_string()))
}

impl<'s, S: Source<'s>> Reader<'s, S> {
    fn input(&mut self, at: impl fmt::Display, msg: String) {
        self.errors.push(input_error(at, msg));
    }

    /// A value of the wrong type: reported, and an array or object in its place skipped.
    fn wrong(&mut self, h: &Head<'_>, at: At<'_>, msg: String) {
        self.input(at, msg);
        if h.is_container() {
            self.src.leave();
        }
    }

    /// The members of an object, each known one handed to `member` with its value's head;
    /// unknown ones are reported (before anything the members' values report, and after the
    /// object's length, as they would be read from a tree) and skipped.
    /// (`member` is a trait object: one copy of this code, not one per caller.)
    fn object(&mut self, h: Head<'s>, at: At<'_>, what: At<'_>, known: &[&str], member: &mut dyn FnMut(&mut Self, &str, Head<'s>) -> bool) -> bool {
        if h != Head::Obj {
            if h == Head::Arr {
                self.src.leave();
            }
            self.input(at, format!("{what} must be an object, not {}", h.kind()));
            return false;
        }
        let mark = self.errors.len();
        let mut first = Vec::new();
        let mut n = 0usize;
        while let Some(k) = self.src.next_key() {
            n = n.saturating_add(1);
            if n > MAX_ITEMS {
                self.src.skip();
            } else {
                // The member's handler reads a known field and skips any other value: the
                // name is compared against the known ones only when it is not one of them.
                let v = self.src.head();
                if member(self, &k, v) || known.contains(&&*k) {
                    continue;
                }
                let hint = near(&k, known).map(|n| format!("; did you mean `{n}`?")).unwrap_or_default();
                let shown: String = k.chars().take(MAX_FIELD).collect();
                first.push(
                    finding(RuleId::ClaimField, format!("unknown field `{shown}` in {what} is ignored{hint}"), None)
                        .at(format!("{at}/{}", escape(&k))),
                );
            }
        }
        let total = n.saturating_add(self.src.dropped());
        if total > MAX_ITEMS {
            first.insert(0, input_error(at, format!("{what} has {total} fields; only the first {MAX_ITEMS} were read")));
        }
        if !first.is_empty() {
            let mark = mark.min(self.errors.len());
            self.errors.splice(mark..mark, first);
        }
        true
    }

    /// The items of an array, each handed to `item` with its index (`item` pulls the value);
    /// `null` is no items.
    fn array(&mut self, h: Head<'s>, at: At<'_>, what: At<'_>, item: &mut dyn FnMut(&mut Self, usize)) {
        match h {
            Head::Arr => {}
            Head::Null => return,
            Head::Obj => {
                self.src.leave();
                return self.input(at, format!("{what} must be an array, not an object"));
            }
            other => return self.wrong(&other, at, format!("{what} must be an array, not {}", other.kind())),
        }
        let mark = self.errors.len();
        let mut n = 0usize;
        while self.src.next_item() {
            if n < MAX_ITEMS {
                item(self, n);
            } else {
                self.src.skip();
            }
            n = n.saturating_add(1);
        }
        let total = n.saturating_add(self.src.dropped());
        if total > MAX_ITEMS {
            let mark = mark.min(self.errors.len());
            self.errors.insert(mark, input_error(at, format!("{what} has {total} items; only the first {MAX_ITEMS} were read")));
        }
    }

    /// Text, or a whole number given as a number (codes and units are often typed so).
    fn string(&mut self, h: Head<'s>, at: At<'_>, what: &str, max: usize) -> Option<String> {
        self.text(h, at, what, max).map(Text::into_string)
    }

    /// As [`Self::string`], a short text kept inline (most of a claim's fields).
    fn text(&mut self, h: Head<'s>, at: At<'_>, what: &str, max: usize) -> Option<Text> {
        match h {
            // A text of at most `max` bytes has at most `max` characters: no count needed.
            Head::Str(s) if s.len() > max && s.chars().nth(max).is_some() => {
                self.input(at, format!("{what} is longer than {max} characters"));
                None
            }
            Head::Str(Cow::Borrowed(s)) => Some(self.keep(s)),
            Head::Str(Cow::Owned(s)) => Some(s.into()),
            Head::Num(n) if n.fract() == 0.0 && (0.0..1e15).contains(&n) => Some(Shortest(n).to_string().into()),
            Head::Null => None,
            other => {
                self.wrong(&other, at, format!("{what} must be a string, not {}", other.kind()));
                None
            }
        }
    }

    /// A text of the source's text as a range of its shared copy (or a copy of its own).
    fn keep(&self, s: &'s str) -> Text {
        if let Some((text, shared)) = &self.shared {
            // `s` is that range of the text when the range starts where `s` does.
            let start = (s.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
            let range = start..start.saturating_add(s.len());
            if text.get(range.clone()).is_some_and(|r| r.as_ptr() == s.as_ptr()) {
                if let Some(t) = Text::range(shared, range) {
                    return t;
                }
            }
        }
        Text::from(s)
    }

    /// A number, or text holding one ("125.00").
    fn number(&mut self, h: Head<'s>, at: At<'_>, what: &str) -> Option<f64> {
        match h {
            Head::Num(n) => Some(n),
            Head::Str(s) if s.len() <= MAX_FIELD => match s.trim().trim_start_matches('$').replace(',', "").parse::<f64>() {
                Ok(n) if n.is_finite() => Some(n),
                _ => {
                    self.input(at, format!("{what} must be a number, not \"{}\"", s.trim()));
                    None
                }
            },
            Head::Null => None,
            other => {
                self.wrong(&other, at, format!("{what} must be a number, not {}", other.kind()));
                None
            }
        }
    }

    fn claim(&mut self) -> Claim {
        let mut c = Claim::default();
        let root = self.src.head();
        let (mut saw_dx, mut saw_lines) = (false, false);
        let read = self.object(root, &"", &"the claim", CLAIM_FIELDS, &mut |r, k, val| {
            let at = Member(&"", k);
            let at: At<'_> = &at;
            match k {
                "id" => c.id = r.string(val, at, "id", MAX_FIELD),
                "claimType" => c.claim_type = r.claim_type(val, at),
                "payer" => c.payer = r.string(val, at, "payer", MAX_FIELD),
                "today" => c.today = r.string(val, at, "today", MAX_FIELD),
                "patient" => c.patient = r.patient(val, at),
                "diagnoses" => {
                    saw_dx = true;
                    let mut v = Vec::new();
                    r.array(val, at, &"diagnoses", &mut |r, i| v.push(r.diagnosis(i)));
                    c.diagnoses = v;
                }
                "lines" => {
                    saw_lines = true;
                    let mut v = Vec::new();
                    r.array(val, at, &"lines", &mut |r, i| v.push(r.line(i)));
                    c.lines = v;
                }
                "billingNpi" => c.billing_npi = r.string(val, at, "billingNpi", MAX_FIELD),
                "admissionDate" => c.stay.admission_date = r.string(val, at, "admissionDate", MAX_FIELD),
                "dischargeDate" => c.stay.discharge_date = r.string(val, at, "dischargeDate", MAX_FIELD),
                "dischargeStatus" => c.stay.discharge_status = r.string(val, at, "dischargeStatus", MAX_FIELD),
                "lengthOfStay" => c.stay.length_of_stay = r.days(val, at),
                "admittingDiagnosis" => c.stay.admitting_diagnosis = r.string(val, at, "admittingDiagnosis", MAX_FIELD),
                "procedures" => {
                    let mut v = Vec::new();
                    r.array(val, at, &"procedures", &mut |r, i| v.push(r.procedure(i)));
                    c.procedures = v;
                }
                "billType" => c.facility.bill_type = r.string(val, at, "billType", MAX_FIELD),
                "statementFrom" => c.facility.statement_from = r.string(val, at, "statementFrom", MAX_FIELD),
                "statementThrough" => c.facility.statement_through = r.string(val, at, "statementThrough", MAX_FIELD),
                "receiptDate" => c.facility.receipt_date = r.string(val, at, "receiptDate", MAX_FIELD),
                "opps" => c.facility.opps = r.flag(val, at, "opps"),
                "conditionCodes" => c.facility.condition_codes = r.strings(val, at, "condition code"),
                "reasonForVisit" => c.facility.reason_for_visit = r.strings(val, at, "reason-for-visit diagnosis"),
                "occurrenceCodes" => {
                    let mut v = Vec::new();
                    r.array(val, at, &"occurrenceCodes", &mut |r, i| v.push(r.occurrence(i)));
                    c.facility.occurrence_codes = v;
                }
                "valueCodes" => {
                    let mut v = Vec::new();
                    r.array(val, at, &"valueCodes", &mut |r, i| v.push(r.value_code(i)));
                    c.facility.value_codes = v;
                }
                "excludes1Overrides" => {
                    let mut v = Vec::new();
                    r.array(val, at, &"excludes1Overrides", &mut |r, i| v.extend(r.override_(i)));
                    c.excludes1_overrides = v;
                }
                _ => {
                    r.skip_head(&val);
                    return false;
                }
            }
            true
        });
        if !read {
            return c;
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

    /// The rest of a value a handler does not read.
    fn skip_head(&mut self, h: &Head<'_>) {
        if h.is_container() {
            self.src.leave();
        }
    }

    /// A length of stay: a whole number of days.
    fn days(&mut self, h: Head<'s>, at: At<'_>) -> Option<u32> {
        match self.number(h, at, "lengthOfStay") {
            Some(n) if n.fract() == 0.0 && (0.0..=100_000.0).contains(&n) => Some(n as u32),
            Some(n) => {
                self.input(at, format!("lengthOfStay {} is not a whole number of days", Shortest(n)));
                None
            }
            None => None,
        }
    }

    /// A procedure as an object `{code, date}` or a bare code.
    fn procedure(&mut self, i: usize) -> Procedure {
        let at = Item(&"/procedures", i);
        let h = self.src.head();
        if let Head::Str(_) | Head::Num(_) = h {
            return Procedure { code: self.string(h, &at, "procedure", MAX_FIELD).unwrap_or_default(), date: None };
        }
        let (code, date) = self.coded(h, &at, &Nth("procedure", i), PROCEDURE_FIELDS, "date");
        Procedure { code: code.into_string(), date: date.map(Text::into_string) }
    }

    fn claim_type(&mut self, h: Head<'s>, at: At<'_>) -> ClaimType {
        let t = self.text(h, at, "claimType", MAX_FIELD).unwrap_or_default();
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

    fn patient(&mut self, h: Head<'s>, at: At<'_>) -> Patient {
        let mut p = Patient::default();
        self.object(h, at, &"patient", PATIENT_FIELDS, &mut |r, k, val| {
            let here = Member(at, k);
            match k {
                "sex" => {
                    p.sex = match r.text(val, &here, "sex", MAX_FIELD).map(|s| s.trim().to_ascii_uppercase()) {
                        None => None,
                        Some(s) => match s.as_str() {
                            "F" | "FEMALE" | "2" => Some(Sex::F),
                            "M" | "MALE" | "1" => Some(Sex::M),
                            "U" | "UNKNOWN" | "" | "0" => Some(Sex::U),
                            _ => {
                                r.input(&here, format!("sex `{s}` is not F, M or U"));
                                None
                            }
                        },
                    }
                }
                "dateOfBirth" => p.date_of_birth = r.string(val, &here, "dateOfBirth", MAX_FIELD),
                "age" => {
                    p.age = match r.number(val, &here, "age") {
                        Some(n) if n.fract() == 0.0 && (0.0..=130.0).contains(&n) => Some(n as u32),
                        Some(n) => {
                            r.input(&here, format!("age {} is not a whole number of years from 0 to 130", Shortest(n)));
                            None
                        }
                        None => None,
                    }
                }
                _ => {
                    r.skip_head(&val);
                    return false;
                }
            }
            true
        });
        p
    }

    fn diagnosis(&mut self, i: usize) -> Diagnosis {
        let at = Item(&"/diagnoses", i);
        let h = self.src.head();
        if let Head::Str(_) | Head::Num(_) = h {
            return Diagnosis { code: self.text(h, &at, "diagnosis", MAX_FIELD).unwrap_or_default(), poa: None };
        }
        let (code, poa) = self.coded(h, &at, &DxName(i), DX_FIELDS, "poa");
        Diagnosis { code, poa }
    }

    /// An object `{code, <second>}` (a diagnosis with its POA, a procedure with its date).
    fn coded(&mut self, h: Head<'s>, at: At<'_>, what: At<'_>, known: &[&str], second: &str) -> (Text, Option<Text>) {
        let (mut code, mut other, mut saw_code) = (Text::new(), None, false);
        let read = self.object(h, at, what, known, &mut |r, k, val| {
            let here = Member(at, k);
            if k == "code" {
                saw_code = true;
                code = r.text(val, &here, "code", MAX_FIELD).unwrap_or_default();
            } else if k == second {
                other = r.text(val, &here, second, MAX_FIELD);
            } else {
                r.skip_head(&val);
                return false;
            }
            true
        });
        if read && !saw_code {
            self.input(Member(at, "code"), format!("{what} has no `code`"));
        }
        (code, other)
    }

    fn line(&mut self, i: usize) -> Line {
        let at = Item(&"/lines", i);
        let at: At<'_> = &at;
        let mut l = Line::default();
        let mut saw = (false, false);
        // Present but blank (a wrong type is reported by `text` already).
        let mut blank = (false, false);
        let h = self.src.head();
        let read = self.object(h, at, &Nth("line", i), LINE_FIELDS, &mut |r, k, val| {
            let here = Member(at, k);
            match k {
                "dateFrom" => {
                    saw.0 = true;
                    let text = r.text(val, &here, "dateFrom", MAX_FIELD);
                    blank.0 = text.as_deref().is_some_and(|t| trim(t).is_empty());
                    l.date_from = text.unwrap_or_default();
                }
                "dateTo" => l.date_to = r.text(val, &here, "dateTo", MAX_FIELD),
                "pos" => l.pos = r.text(val, &here, "pos", MAX_FIELD),
                "code" => {
                    saw.1 = true;
                    let text = r.text(val, &here, "code", MAX_FIELD);
                    blank.1 = text.as_deref().is_some_and(|t| trim(t).is_empty());
                    l.code = text.unwrap_or_default();
                }
                "modifiers" => l.modifiers = r.strings(val, &here, "modifier"),
                "units" => l.units = r.number(val, &here, "units"),
                "pointers" => l.pointers = r.pointers(val, &here),
                "charge" => l.charge = r.number(val, &here, "charge"),
                "ndc" => l.ndc = r.text(val, &here, "ndc", MAX_FIELD),
                "npi" => l.npi = r.text(val, &here, "npi", MAX_FIELD),
                "revenueCode" => l.revenue_code = r.text(val, &here, "revenueCode", MAX_FIELD),
                "nonCoveredCharge" => l.non_covered_charge = r.number(val, &here, "nonCoveredCharge"),
                _ => {
                    r.skip_head(&val);
                    return false;
                }
            }
            true
        });
        if !read {
            return l;
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
    fn strings(&mut self, h: Head<'s>, at: At<'_>, what: &str) -> Vec<String> {
        if let Head::Str(_) = h {
            return self.string(h, at, what, MAX_FIELD).into_iter().collect();
        }
        // The list's name ("modifiers") is written only when a message needs it.
        let mut out = Vec::new();
        self.array(h, at, &Plural(what), &mut |r, j| {
            let x = r.src.head();
            out.extend(r.string(x, &Item(at, j), what, MAX_FIELD));
        });
        out
    }

    /// Pointers as letters ("A") or 837P numbers (1 = A); "ABL" is read as three pointers.
    fn pointers(&mut self, h: Head<'s>, at: At<'_>) -> Vec<Text> {
        if let Head::Str(s) = &h {
            if s.len() <= LETTERS.len() && s.chars().all(|c| c.is_ascii_alphabetic()) {
                // One byte a letter.
                return match s {
                    Cow::Borrowed(b) => (0..b.len()).filter_map(|i| b.get(i..i.saturating_add(1))).map(|p| self.keep(p)).collect(),
                    Cow::Owned(_) => s.chars().map(letter).collect(),
                };
            }
        }
        let mut out = Vec::new();
        self.array(h, at, &"pointers", &mut |r, j| {
            let here = Item(at, j);
            let x = r.src.head();
            let p = match x {
                Head::Num(n) if n.fract() == 0.0 && n >= 1.0 && n <= LETTERS.len() as f64 => {
                    LETTERS.get((n as usize).saturating_sub(1)).map(|c| letter(*c))
                }
                Head::Num(n) => Some(Shortest(n).to_string().into()),
                other => r.text(other, &here, "pointer", MAX_FIELD),
            };
            out.extend(p);
        });
        out
    }

    /// true / false (also "Y"/"N", 1/0).
    fn flag(&mut self, h: Head<'s>, at: At<'_>, what: &str) -> Option<bool> {
        match h {
            Head::Bool(b) => Some(b),
            Head::Num(n) if n == 1.0 || n == 0.0 => Some(n == 1.0),
            Head::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "y" | "yes" | "1" => Some(true),
                "false" | "n" | "no" | "0" => Some(false),
                _ => {
                    self.input(at, format!("{what} must be true or false, not \"{}\"", s.chars().take(MAX_FIELD).collect::<String>()));
                    None
                }
            },
            Head::Null => None,
            other => {
                self.wrong(&other, at, format!("{what} must be true or false, not {}", other.kind()));
                None
            }
        }
    }

    /// An occurrence code `{code, date}` or a bare code.
    fn occurrence(&mut self, i: usize) -> Occurrence {
        let at = Item(&"/occurrenceCodes", i);
        let h = self.src.head();
        if let Head::Str(_) | Head::Num(_) = h {
            return Occurrence { code: self.string(h, &at, "occurrence code", MAX_FIELD).unwrap_or_default(), date: None };
        }
        let (code, date) = self.coded(h, &at, &Nth("occurrence code", i), OCCURRENCE_FIELDS, "date");
        Occurrence { code: code.into_string(), date: date.map(Text::into_string) }
    }

    /// A value code `{code, amount}`.
    fn value_code(&mut self, i: usize) -> ValueCode {
        let at = Item(&"/valueCodes", i);
        let mut out = ValueCode::default();
        let h = self.src.head();
        self.object(h, &at, &Nth("value code", i), VALUE_CODE_FIELDS, &mut |r, k, val| {
            let here = Member(&at, k);
            match k {
                "code" => out.code = r.string(val, &here, "code", MAX_FIELD).unwrap_or_default(),
                "amount" => out.amount = r.number(val, &here, "amount"),
                _ => {
                    r.skip_head(&val);
                    return false;
                }
            }
            true
        });
        out
    }

    fn override_(&mut self, i: usize) -> Option<Excludes1Override> {
        let at = Item(&"/excludes1Overrides", i);
        let mut o = Excludes1Override::default();
        let h = self.src.head();
        let read = self.object(h, &at, &"an Excludes1 override", OVERRIDE_FIELDS, &mut |r, k, val| {
            let here = Member(&at, k);
            match k {
                "codes" => o.codes = r.strings(val, &here, "code"),
                "reason" => o.reason = r.string(val, &here, "reason", MAX_TEXT).unwrap_or_default(),
                _ => {
                    r.skip_head(&val);
                    return false;
                }
            }
            true
        });
        if !read {
            return None;
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

/// One pointer letter as a text (A to Z without a copy).
fn letter(c: char) -> Text {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    match ALPHABET.find(c).and_then(|i| ALPHABET.get(i..i.saturating_add(1))) {
        Some(l) => Text::from_static(l),
        None => Text::from(&*c.encode_utf8(&mut [0; 4])),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::json_text::parse_json_text;

    /// The text reader gives what reading the text's tree gives: the same claim and the same
    /// errors in the same order, or the same error for malformed text.
    fn same_as_tree(text: &str) {
        let tree = parse_json_text(text).map(|j| read_claim(&j));
        assert_eq!(read_claim_text(text), tree, "{text}");
    }

    #[test]
    fn text_reader_agrees_with_the_tree_reader() {
        let many = |item: &str, n: usize| vec![item; n].join(",");
        let cases = [
            r#"{"claimType":"professional","patient":{"sex":"F","dateOfBirth":"1958-04-12"},"diagnoses":[{"code":"J18.9"},"I10",10],"lines":[{"dateFrom":"2026-04-15","pos":"11","code":"99214","modifiers":["25"],"units":1,"pointers":["A","B"],"charge":100}]}"#.to_owned(),
            // Wrong types everywhere, containers where text belongs, unknown fields after errors.
            r#"{"id":[1,{"a":[]}],"claimType":"ub04","payer":{"x":1},"patient":["F"],"diagnoses":{"code":"A"},"lines":[{"code":{"x":[1,2]},"dateFrom":"","modifiers":"25","units":"1,0.5","pointers":"ABZ","charge":"$1,200.505","weight":[[[]]],"dateTo":true},[],"x",null,{"pointers":[1,13,1.5,"Q",[2]],"modifiers":[null,["x"],"LT"]}],"zzz":{"deep":[{"a":[1]}]},"claimtype":1}"#.to_owned(),
            r#"{"claimType":"outpatient","lines":[{"revenueCode":"0450","dateFrom":"2026-01-01"},{"code":"  "}],"opps":"maybe","occurrenceCodes":["11",{"code":"A1","date":"2026-01-01","x":1},[1]],"valueCodes":[{"code":"80","amount":"12x"},"x"],"conditionCodes":"07","reasonForVisit":[1,"R07.9"],"excludes1Overrides":[{"codes":["A","B"],"reason":"r"},{"codes":["A"],"reason":"r"},{"reason":""},3]}"#.to_owned(),
            r#"{"claimType":"inpatient","lengthOfStay":"3.5","procedures":["0DTJ4ZZ",{"date":"2026-01-01"},{"code":"x","when":1},[]],"patient":{"age":131,"sex":"X","dob":"1"},"admittingDiagnosis":5}"#.to_owned(),
            // Long lists and objects: truncated, and reported before what their items report.
            format!(r#"{{"diagnoses":[{}],"lines":[{}]}}"#, many(r#"{"code":5.5}"#, MAX_ITEMS + 3), many("1", MAX_ITEMS + 1)),
            format!(r#"{{"patient":{{{}}},"lines":[{{"modifiers":[{}]}}]}}"#, (0..MAX_ITEMS + 2).map(|i| format!(r#""k{i}":[{i}]"#)).collect::<Vec<_>>().join(","), many("[]", MAX_ITEMS + 2)),
            // Duplicate members: the last wins, both are read.
            r#"{"lines":[{"code":""}],"lines":[{"code":"99213"},{}],"diagnoses":[],"diagnoses":null}"#.to_owned(),
            // Not objects, and malformed text at every depth.
            "[1,2,{\"a\":3}]".to_owned(),
            "\"claim\"".to_owned(),
            "null".to_owned(),
            format!("{}{}", "[".repeat(20), "]".repeat(20)),
            format!(r#"{{"x":{}1{}}}"#, "[".repeat(16), "]".repeat(16)),
            format!(r#"{{"x":{}1{}}}"#, "[".repeat(15), "]".repeat(15)),
            r#"{"lines":[{"code":"a"},]}"#.to_owned(),
            r#"{"lines":[{"code":"a"}}"#.to_owned(),
            r#"{"lines":[{"code" "a"}]}"#.to_owned(),
            r#"{"lines":[{"code":"a\u12"}]}"#.to_owned(),
            r#"{"id":"J15\ud800\u0041\udc00","lines":[{"code":"\"\\\/\b\f\n\r\t"}]} x"#.to_owned(),
            r#"{"zz":[1,{"a":tru}]}"#.to_owned(),
            r#"{"id":1e999,"lines":-}"#.to_owned(),
            String::new(),
            "{".to_owned(),
        ];
        for text in &cases {
            same_as_tree(text);
        }
        // A list longer than the cap where an object belongs (and a big object where a list
        // belongs) is reported as the wrong kind, not by its length.
        let long = format!(r#"{{"lines":[[{}]],"diagnoses":{{{}}}}}"#, many("1", MAX_ITEMS + 3), (0..MAX_ITEMS + 1).map(|i| format!(r#""k{i}":1"#)).collect::<Vec<_>>().join(","));
        same_as_tree(&long);
        let messages: Vec<String> = read_claim_text(&long).map(|(_, e)| e.into_iter().map(|f| f.message).collect()).unwrap_or_default();
        assert!(messages.contains(&"line 1 must be an object, not an array".to_owned()), "{messages:?}");
        assert!(messages.contains(&"diagnoses must be an array, not an object".to_owned()), "{messages:?}");
        // Every prefix of a claim with errors: malformed text cut anywhere.
        let text = &cases[1];
        for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
            same_as_tree(&text[..end]);
        }
    }
}
