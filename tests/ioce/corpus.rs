//! Seeded random outpatient facility claims (claimlint's claim JSON) for the differential test
//! against pyoce's I/OCE. Codes come from the decoded I/OCE tables by flag so that every edit
//! fires often: inpatient-only, non-covered, not-recognised, age-limited, bilateral,
//! device-intensive and add-on procedures (with and without their primaries), codes deleted or
//! not yet valid around quarter boundaries, CDT codes, invalid and revenue-only revenue codes,
//! valid, retired and invented modifiers, diagnoses with I/OCE flags (E-codes, manifestations,
//! unacceptable principal / reason for visit), boundary and missing ages, every sex value, OPPS
//! and non-OPPS providers, and bill types 13x, 85x, 12x, 14x, 71x, 77x and others.
#![allow(dead_code)]
use super::mce_corpus::Rng;
use super::tables::{Pools, Quarter};
use serde_json::{json, Map, Value};

/// Days since 1970-01-01 of a `YYYYMMDD` date (proleptic Gregorian).
fn days(ymd: u32) -> i64 {
    let (y, m, d) = (i64::from(ymd / 10_000), i64::from(ymd / 100 % 100), i64::from(ymd % 100));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` of a day number.
fn iso(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Bill types with weights: mostly hospital outpatient (13x), then CAH (85x), Part B inpatient
/// (12x), other (14x), RHC (71x), FQHC (77x), ASC/others, and a few invalid ones.
const BILL_TYPES: &[(&str, u32)] = &[
    ("131", 30), ("137", 4), ("138", 2), ("851", 10), ("121", 6), ("141", 5), ("711", 5), ("771", 5), ("831", 1),
    ("341", 3), ("741", 2), ("751", 2), ("761", 1), ("221", 2), ("231", 1), ("811", 1), ("999", 1), ("0131", 3), ("0851", 1), ("13", 1),
];
const REVENUE_COMMON: &[&str] = &["0360", "0450", "0510", "0320", "0300", "0636", "0250", "0278", "0762", "0960", "0730", "0490", "0420", "0272", "0681"];
const INVALID_REVENUE: &[&str] = &["9999", "0009", "0119", "1234", "0099"];
const INVALID_MODIFIERS: &[&str] = &["ZZ", "1P", "2P", "3P", "Q9", "00", "X", "9Z"];
// 99291 and G0390 (trauma response) for edits 21 and 76.
const VISITS: &[&str] = &["99202", "99203", "99213", "99214", "99215", "G0463", "99284", "99285", "99291", "G0390"];
const CONDITION_CODES: &[&str] = &["41", "G0", "44", "20", "21", "A7", "MA", "92", "B4"];

fn weighted<'a>(rng: &mut Rng, items: &'a [(&'a str, u32)]) -> &'a str {
    let total: u32 = items.iter().map(|i| i.1).sum();
    let mut n = (rng.next() % u64::from(total)) as u32;
    for (s, w) in items {
        if n < *w {
            return s;
        }
        n -= w;
    }
    items[0].0
}

/// One claim's generator state.
struct Gen<'p> {
    pools: &'p Pools,
    rng: Rng,
    v: u32,
}

impl Gen<'_> {
    fn from(&mut self, pool: &str) -> Option<String> {
        let codes = self.pools.get(self.v, pool);
        (!codes.is_empty()).then(|| self.rng.pick(codes).clone())
    }
    fn pool_or(&mut self, pool: &str, fallback: &str) -> String {
        self.from(pool).or_else(|| self.from(fallback)).unwrap_or_default()
    }

    /// A diagnosis code: valid, flagged, deleted, new, invented or incomplete.
    fn dx(&mut self, principal: bool) -> String {
        let k = self.rng.below(100);
        let pool = match k {
            0..=34 => "dx:valid",
            35..=44 => "dx:external_cause",
            45..=51 => "dx:manifestation",
            52..=61 => "dx:unacceptable_pdx",
            62..=65 => "dx:unacceptable_pdx_exclusion",
            66..=75 => "dx:age",
            76..=79 => "dx:mental_health",
            80..=82 => "dx:code_first",
            83..=87 => "dx:deleted",
            88..=90 => "dx:new",
            91..=94 => return ["ZZZ99", "U999", "A0", "R69X", "Q"][self.rng.below(5)].to_owned(),
            _ => {
                let c = self.pool_or("dx:valid", "dx:valid");
                return c.chars().take(3.max(c.len().saturating_sub(1))).collect();
            }
        };
        let _ = principal;
        self.pool_or(pool, "dx:valid")
    }

    /// A procedure pool, chosen so every flag-driven edit fires often.
    fn procedure_pool(&mut self) -> String {
        let k = self.rng.below(100);
        match k {
            0..=19 => "hx:valid".into(),
            20..=23 => "hx:deleted".into(),
            24..=25 => "hx:next".into(),
            26..=27 => "hx:new".into(),
            28..=31 => "hx:age".into(),
            32..=33 => "hx:cdt".into(),
            34..=45 => format!("si:{}", self.rng.pick(super::tables::STATUS_INDICATORS)),
            _ => format!("hx:{}", self.rng.pick(super::tables::HCPCS_FLAGS)),
        }
    }

    fn modifiers(&mut self, code: &str) -> Vec<String> {
        let mut m = Vec::new();
        let n = match self.rng.below(100) {
            0..=54 => 0,
            55..=84 => 1,
            85..=96 => 2,
            _ => 3,
        };
        for _ in 0..n {
            let k = self.rng.below(100);
            let pick = match k {
                0..=64 => self.from("mod:valid"),
                65..=74 => self.from("mod:deleted").or_else(|| self.from("mod:valid")),
                75..=84 => Some(self.rng.pick(INVALID_MODIFIERS).to_string()),
                _ => Some(["25", "59", "50", "RT", "LT", "73", "74", "52", "CA", "PT", "CS", "95", "FY", "JW", "JZ", "PO", "PN", "ER"][self.rng.below(18)].to_string()),
            };
            if let Some(p) = pick {
                m.push(p);
            }
        }
        // Pairs the I/OCE does not allow on one line (edit 102, map_modifier_conflict).
        if self.rng.chance(4) {
            let pair = [["CT", "FX"], ["FX", "FY"], ["ER", "PN"], ["PO", "PN"], ["ER", "PO"]][self.rng.below(5)];
            m = pair.iter().map(|s| (*s).to_owned()).collect();
        }
        let _ = code;
        m
    }

    fn revenue(&mut self) -> String {
        match self.rng.below(100) {
            0..=54 => self.rng.pick(REVENUE_COMMON).to_string(),
            55..=79 => self.pool_or("rev:valid", "rev:valid"),
            80..=85 => self.pool_or("rev:not_recognized", "rev:valid"),
            86..=89 => self.pool_or("rev:deleted", "rev:valid"),
            _ => self.rng.pick(INVALID_REVENUE).to_string(),
        }
    }

    fn charge(&mut self) -> Value {
        match self.rng.below(100) {
            0..=3 => json!(1.0),
            4..=6 => json!(0.5),
            7..=8 => json!(0.01),
            9 => json!(0.0),
            _ => json!((self.rng.below(300_000) as f64 + 101.0) / 100.0),
        }
    }

    fn line(&mut self, date: &str, code: &str, revenue: String, modifiers: Vec<String>, units: u64) -> Value {
        let mut l = Map::new();
        l.insert("dateFrom".into(), json!(date));
        l.insert("revenueCode".into(), json!(revenue));
        if !code.is_empty() {
            l.insert("code".into(), json!(code));
        }
        if !modifiers.is_empty() {
            l.insert("modifiers".into(), json!(modifiers));
        }
        l.insert("units".into(), json!(units));
        l.insert("charge".into(), self.charge());
        Value::Object(l)
    }

    fn units(&mut self) -> u64 {
        match self.rng.below(100) {
            0..=74 => 1,
            75..=89 => 2,
            90..=96 => 3,
            _ => 1 + self.rng.below(12) as u64,
        }
    }
}

/// `n` claims from one seed; claim ids are their positions.
pub fn generate(pools: &Pools, seed: u64, n: usize) -> Vec<Value> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let q: Quarter = rng.pick(&pools.quarters).clone();
            let mut g = Gen { pools, rng: Rng::new(rng.next()), v: q.version };
            claim(&mut g, q, i)
        })
        .collect()
}

fn claim(g: &mut Gen<'_>, q: Quarter, id: usize) -> Value {
    let (qf, qt) = (days(q.from), days(q.to));
    // A fifth of the claims start on a quarter's first or last days, so lines cross into the next.
    let from = match g.rng.below(10) {
        0 => qf,
        1 => qt - g.rng.below(3) as i64,
        _ => qf + g.rng.below((qt - qf + 1) as usize) as i64,
    };
    let through = from + [0, 0, 0, 1, 2, 6][g.rng.below(6)];
    let bill = weighted(&mut g.rng, BILL_TYPES).to_owned();
    let opps = match bill.get(..2) {
        Some("13") => g.rng.chance(85),
        Some("85") | Some("71") | Some("77") => g.rng.chance(10),
        _ => g.rng.chance(50),
    };
    let mut c = Map::new();
    c.insert("id".into(), json!(id.to_string()));
    c.insert("claimType".into(), json!("outpatient"));
    c.insert("billType".into(), json!(bill));
    c.insert("statementFrom".into(), json!(iso(from)));
    c.insert("statementThrough".into(), json!(iso(through)));
    c.insert("opps".into(), json!(opps));
    c.insert("patient".into(), patient(g, from));
    if g.rng.chance(12) {
        let n = 1 + g.rng.below(2);
        let codes: Vec<&str> = (0..n).map(|_| *g.rng.pick(CONDITION_CODES)).collect();
        c.insert("conditionCodes".into(), json!(codes));
    }
    if g.rng.chance(5) {
        let code = ["11", "24", "A1", "32", "45"][g.rng.below(5)];
        c.insert("occurrenceCodes".into(), json!([{ "code": code, "date": iso(from) }]));
    }
    if g.rng.chance(5) {
        let code = ["A1", "01", "80", "FC", "D3"][g.rng.below(5)];
        c.insert("valueCodes".into(), json!([{ "code": code, "amount": (g.rng.below(50_000) as f64) / 100.0 }]));
    }
    let ndx = 1 + g.rng.below(5);
    let dx: Vec<Value> = (0..ndx).map(|k| json!({ "code": g.dx(k == 0) })).collect();
    c.insert("diagnoses".into(), Value::Array(dx));
    if g.rng.chance(30) {
        let n = 1 + g.rng.below(2);
        let rfv: Vec<Value> = (0..n).map(|_| json!(g.dx(true))).collect();
        c.insert("reasonForVisit".into(), Value::Array(rfv));
    }
    c.insert("lines".into(), Value::Array(lines(g, from, through)));
    // A patient discharge status (edit 70), drawn after everything else.
    if g.rng.chance(20) {
        let status = ["01", "20", "02", "07", "30", "05", "41"][g.rng.below(7)];
        c.insert("dischargeStatus".into(), json!(status));
    }
    // Drawn last, from the claim's own generator: the other claims stay as they were.
    if g.rng.chance(14) {
        program_claim(g, &mut c, from, through);
    }
    if g.rng.chance(15) {
        approval_claim(g, &mut c, qf);
    }
    if g.rng.chance(3) {
        rhc_modifier_claim(g, &mut c);
    }
    if g.rng.chance(3) {
        separate_procedure_claim(g, &mut c);
    }
    if g.rng.chance(3) {
        multiple_visits_claim(g, &mut c);
    }
    // ioce-fqhc: edits 88, 89, 90.
    if g.rng.chance(4) {
        fqhc_claim(g, &mut c);
    }
    // ioce-fqhc: edit 119.
    if g.rng.chance(12) {
        receipt_date(g, &mut c, from, through);
    }
    // ioce-fqhc: edits 68, 136 (2024 claims).
    if g.rng.chance(2) {
        coverage_2024_claim(g, &mut c);
    }
    Value::Object(c)
}

/// Makes the claim an OPPS hospital outpatient claim (13x) with an inpatient-only separate
/// procedure beside a type T procedure on its first day (edit 45).
fn separate_procedure_claim(g: &mut Gen<'_>, c: &mut Map<String, Value>) {
    c.insert("billType".into(), json!("131"));
    c.insert("opps".into(), json!(true));
    c.remove("conditionCodes");
    let day = c.get("statementFrom").and_then(Value::as_str).unwrap_or_default().to_owned();
    let separate = g.pool_or("hx:inpatient_separate", "hx:valid");
    let procedure = g.pool_or("si:T", "hx:valid");
    let (r1, r2) = (g.revenue(), g.revenue());
    let new = [g.line(&day, &procedure, r1, Vec::new(), 1), g.line(&day, &separate, r2, Vec::new(), 1)];
    if let Some(lines) = c.get_mut("lines").and_then(Value::as_array_mut) {
        lines.extend(new);
    }
}

/// Makes the claim an OPPS hospital outpatient claim (13x) with two medical visits (or one of
/// two units) under one revenue code on its first day, with condition code G0 one time in five
/// (edit 42).
fn multiple_visits_claim(g: &mut Gen<'_>, c: &mut Map<String, Value>) {
    c.insert("billType".into(), json!("131"));
    c.insert("opps".into(), json!(true));
    if g.rng.chance(20) {
        c.insert("conditionCodes".into(), json!(["G0"]));
    } else {
        c.remove("conditionCodes");
    }
    let day = c.get("statementFrom").and_then(Value::as_str).unwrap_or_default().to_owned();
    let rev = ["0510", "0450", "0516"][g.rng.below(3)].to_owned();
    let new = if g.rng.chance(30) {
        let visit = g.pool_or("si:V", "hx:valid");
        vec![g.line(&day, &visit, rev, Vec::new(), 2)]
    } else {
        let (a, b) = (g.pool_or("si:V", "hx:valid"), g.pool_or("si:V", "hx:valid"));
        vec![g.line(&day, &a, rev.clone(), Vec::new(), 1), g.line(&day, &b, rev, Vec::new(), 1)]
    };
    // The visits alone, or half the time beside a type T procedure, with modifier 25 on the
    // visits one time in two (edit 21); other services of the day would bring in other edits.
    let mut new = new;
    if g.rng.chance(50) {
        if g.rng.chance(50) {
            for l in &mut new {
                l["modifiers"] = json!(["25"]);
            }
        }
        let procedure = g.pool_or("si:T", "hx:valid");
        let rev = g.revenue();
        new.push(g.line(&day, &procedure, rev, Vec::new(), 1));
    }
    c.insert("lines".into(), Value::Array(new));
}

/// Makes the claim an RHC claim (71x) with a code an RHC may not bill with modifier CG (edit
/// 104), with CG four times in five.
fn rhc_modifier_claim(g: &mut Gen<'_>, c: &mut Map<String, Value>) {
    c.insert("billType".into(), json!("711"));
    let day = c.get("statementFrom").and_then(Value::as_str).unwrap_or_default().to_owned();
    let code = g.pool_or("hx:rhc_modifier_conflict", "hx:valid");
    let mods = if g.rng.chance(80) { vec!["CG".to_owned()] } else { Vec::new() };
    let rev = g.revenue();
    let line = g.line(&day, &code, rev, mods, 1);
    if let Some(lines) = c.get_mut("lines").and_then(Value::as_array_mut) {
        lines.push(line);
    }
}

/// Moves the claim to the first day of its quarter and adds one or two codes the I/OCE date
/// edits reject on that day (67, 69, 110, 134: approved later in the quarter, or terminated).
fn approval_claim(g: &mut Gen<'_>, c: &mut Map<String, Value>, first_day: i64) {
    if g.pools.get(g.v, "hx:dated_out_on_first_day").is_empty() {
        return;
    }
    let day = iso(first_day);
    c.insert("statementFrom".into(), json!(day));
    c.insert("statementThrough".into(), json!(day));
    let mut lines = c.get_mut("lines").and_then(Value::as_array_mut).map(std::mem::take).unwrap_or_default();
    for l in &mut lines {
        l["dateFrom"] = json!(day);
    }
    for _ in 0..1 + g.rng.below(2) {
        let code = g.pool_or("hx:dated_out_on_first_day", "hx:valid");
        let rev = g.revenue();
        lines.push(g.line(&day, &code, rev, Vec::new(), 1));
    }
    c.insert("lines".into(), Value::Array(lines));
}

/// Turns the claim into a mental-health or opioid treatment program claim (I/OCE edits 29, 35,
/// 46, 80, 81, 109, 116, 130, 132, 133, 190, 191): PHP (condition code 41) or IOP (92) on an
/// OPPS hospital (13x) or CMHC (76x), IOP on RHC (71x) and FQHC (77x) claims, program-only and
/// OTP codes outside their programs, PHP on 43x, and days of education services only.
fn program_claim(g: &mut Gen<'_>, c: &mut Map<String, Value>, from: i64, through: i64) {
    let scenario = g.rng.below(9);
    let (bill, conditions): (&str, &[&str]) = match scenario {
        0 => ("131", &["41"]),
        1 => ("131", &["92"]),
        2 => ("761", &["41"]),
        3 => ("761", &["92"]),
        4 => ("711", &["92"]),
        5 => ("771", &["92"]),
        6 => ("431", &["41"]),
        7 => (["131", "121"][g.rng.below(2)], &[]),
        _ => ("131", &[]),
    };
    c.insert("billType".into(), json!(bill));
    c.insert("opps".into(), json!(scenario != 6 || g.rng.chance(50)));
    if conditions.is_empty() {
        c.remove("conditionCodes");
    } else {
        c.insert("conditionCodes".into(), json!(conditions));
    }
    // Principal diagnosis: mental health, "code first" (with a mental-health first secondary
    // one half the time) or another diagnosis.
    let principal = match g.rng.below(10) {
        0..=4 => vec![g.pool_or("dx:mental_health", "dx:valid")],
        5..=7 => {
            let second = if g.rng.chance(50) { "dx:mental_health" } else { "dx:valid" };
            vec![g.pool_or("dx:code_first", "dx:valid"), g.pool_or(second, "dx:valid")]
        }
        _ => vec![g.dx(true)],
    };
    let dx: Vec<Value> = principal.iter().map(|d| json!({ "code": d })).collect();
    c.insert("diagnoses".into(), Value::Array(dx));
    let lines = c.entry("lines").or_insert_with(|| json!([])).as_array_mut().map(std::mem::take).unwrap_or_default();
    let mut lines: Vec<Value> = if g.rng.chance(50) { Vec::new() } else { lines };
    let days = (through - from + 1) as usize;
    let program_rev = |g: &mut Gen<'_>| match scenario {
        4 => "0905".to_owned(),
        5 => ["0905", "0519"][g.rng.below(2)].to_owned(),
        _ => ["0904", "0905", "0906", "0912", "0913", "0914", "0915", "0916", "0918", "0250"][g.rng.below(10)].to_owned(),
    };
    let pools: &[&str] = match scenario {
        0 | 2 | 6 => &["hx:ph_service", "hx:ph_primary", "hx:mh_not_ph", "hx:ph_not_mh", "hx:iop_not_mh"],
        1 | 3 | 4 | 5 => &["hx:iop_service", "hx:iop_primary", "hx:mh_not_iop", "hx:iop_not_mh", "hx:ph_not_mh"],
        7 => &["hx:educational"],
        _ => &["hx:ph_not_mh", "hx:iop_not_mh", "hx:opioid_treatment_program", "hx:ph_service", "hx:iop_service"],
    };
    for _ in 0..1 + g.rng.below(4) {
        let day = iso(from + g.rng.below(days) as i64);
        let code = {
            let pool = *g.rng.pick(pools);
            g.pool_or(pool, "hx:valid")
        };
        let rev = program_rev(g);
        let mods = if scenario == 4 && g.rng.chance(40) { vec!["CG".to_owned()] } else { Vec::new() };
        lines.push(g.line(&day, &code, rev, mods, 1));
    }
    // An opioid treatment program code on a few program claims too.
    if g.rng.chance(15) {
        let code = g.pool_or("hx:opioid_treatment_program", "hx:valid");
        let day = iso(from + g.rng.below(days) as i64);
        lines.push(g.line(&day, &code, "0300".into(), Vec::new(), 1));
    }
    c.insert("lines".into(), Value::Array(lines));
}

fn patient(g: &mut Gen<'_>, from: i64) -> Value {
    let mut p = Map::new();
    match g.rng.below(100) {
        0..=37 => p.insert("sex".into(), json!("F")),
        38..=75 => p.insert("sex".into(), json!("M")),
        76..=89 => p.insert("sex".into(), json!("U")),
        _ => None,
    };
    let age = match g.rng.below(100) {
        0..=7 => Some(0),
        8..=12 => Some(17),
        13..=20 => Some(124 + g.rng.below(7) as u64),
        21..=26 => None,
        27..=34 => {
            // A date of birth instead of an age: the I/OCE gets the age on the from-date.
            let dob = from - 365 * (1 + g.rng.below(95) as i64) - g.rng.below(365) as i64;
            p.insert("dateOfBirth".into(), json!(iso(dob)));
            None
        }
        35..=44 => Some(g.rng.below(18) as u64),
        _ => Some(18 + g.rng.below(90) as u64),
    };
    if let Some(a) = age {
        p.insert("age".into(), json!(a));
    }
    Value::Object(p)
}

fn lines(g: &mut Gen<'_>, from: i64, through: i64) -> Vec<Value> {
    let n = 1 + g.rng.below(6);
    let mut out = Vec::new();
    for _ in 0..n {
        let day = from + g.rng.below((through - from + 1) as usize) as i64;
        // A few lines dated outside the statement period.
        let day = if g.rng.chance(1) && g.rng.chance(50) { day + [-1, through - from + 1][g.rng.below(2)] } else { day };
        let date = if g.rng.chance(1) && g.rng.chance(50) { ["2025-02-30", "2026-13-01", "20250105"][g.rng.below(3)].to_owned() } else { iso(day) };
        match g.rng.below(100) {
            // Revenue-code-only line (supplies, pharmacy, or a centre that needs a HCPCS).
            0..=14 => {
                let rev = match g.rng.below(3) {
                    0 => g.pool_or("rev:bypass_e48", "rev:valid"),
                    1 => g.revenue(),
                    _ => ["0250", "0270", "0272", "0370", "0710", "0636", "0360", "0510"][g.rng.below(8)].to_owned(),
                };
                let units = g.units();
                out.push(g.line(&date, "", rev, Vec::new(), units));
            }
            // An add-on code, with its primary on the claim two times in three.
            15..=24 => {
                let pool = ["hx:addon_type1", "hx:addon_type2", "hx:addon_type3", "hx:addon_drug_admin"][g.rng.below(4)];
                let addon = g.pool_or(pool, "hx:addon_type1");
                let primary = g.pools.addon_primaries.get(&(g.v, addon.clone())).cloned().unwrap_or_default();
                // Professional revenue codes (096x-098x) half the time: the add-on edits look at them.
                let rev = if g.rng.chance(50) { format!("09{}", 60 + g.rng.below(30)) } else { g.revenue() };
                let (mods, units) = (g.modifiers(&addon), g.units());
                out.push(g.line(&date, &addon, rev.clone(), mods, units));
                if !primary.is_empty() && g.rng.chance(66) {
                    let p = g.rng.pick(&primary).clone();
                    let rev = if g.rng.chance(70) { rev } else { g.revenue() };
                    out.push(g.line(&date, &p, rev, Vec::new(), 1));
                }
            }
            // A device-intensive or device-dependent procedure, with a device code half the time.
            25..=31 => {
                let pool = if g.rng.chance(25) { "hx:device_dependent_procedure" } else { "hx:device_procedure" };
                let code = g.pool_or(pool, "hx:device_procedure");
                let rev = g.revenue();
                out.push(g.line(&date, &code, rev, Vec::new(), 1));
                if g.rng.chance(50) {
                    let device = g.pools.device_pairs.get(&(g.v, code.clone())).cloned().unwrap_or_else(|| g.pool_or("hx:device", "hx:valid"));
                    out.push(g.line(&date, &device, "0278".into(), Vec::new(), 1));
                }
            }
            // A bilateral procedure, with modifier 50 / RT / LT and one or two units.
            32..=38 => {
                let pool = ["hx:bilateral_conditional", "hx:bilateral_independent", "hx:bilateral_inherent"][g.rng.below(3)];
                let code = g.pool_or(pool, "hx:valid");
                let mods: Vec<String> = match g.rng.below(4) {
                    0 => vec!["50".into()],
                    1 => vec!["RT".into()],
                    2 => vec!["50".into(), "73".into()],
                    _ => Vec::new(),
                };
                let (rev, units) = (g.revenue(), 1 + g.rng.below(2) as u64);
                out.push(g.line(&date, &code, rev, mods, units));
            }
            // A visit beside a T or S procedure, with or without modifier 25.
            39..=45 => {
                let visit = g.rng.pick(VISITS).to_string();
                let mods = if g.rng.chance(50) { vec!["25".to_owned()] } else { Vec::new() };
                out.push(g.line(&date, &visit, "0510".into(), mods, 1));
                let pool = if g.rng.chance(50) { "si:T" } else { "si:S" };
                let proc = g.pool_or(pool, "hx:valid");
                let rev = g.revenue();
                out.push(g.line(&date, &proc, rev, Vec::new(), 1));
            }
            _ => {
                let pool = g.procedure_pool();
                let code = g.pool_or(&pool, "hx:valid");
                let (rev, mods, units) = (g.revenue(), g.modifiers(&code), g.units());
                out.push(g.line(&date, &code, rev, mods, units));
            }
        }
    }
    observation_and_blood(g, from, through, &mut out);
    transplant_and_biological(g, from, through, &mut out);
    modifier_lines(g, from, through, &mut out);
    device_and_drug_lines(g, from, through, &mut out);
    // ioce-c: edits 98 and 99.
    passthrough_lines(g, from, through, &mut out);
    out
}

/// Observation (G0378 / G0379) and blood lines for edits 43, 44, 51, 53, 58, 73 and 79, after
/// the claim's other lines (so the rest of the claim is drawn as before).
fn observation_and_blood(g: &mut Gen<'_>, from: i64, through: i64, out: &mut Vec<Value>) {
    let day = |g: &mut Gen<'_>| iso(from + g.rng.below((through - from + 1) as usize) as i64);
    if g.rng.chance(6) {
        let date = day(g);
        // Hourly observation (sometimes twice), direct referral with or without it, and now
        // and then another code under the observation revenue code.
        match g.rng.below(5) {
            0 => {
                out.push(g.line(&date, "G0379", "0762".into(), Vec::new(), 1));
            }
            1 => {
                let (a, b) = (day(g), 1 + g.rng.below(24) as u64);
                out.push(g.line(&a, "G0378", "0762".into(), Vec::new(), b));
                let hours = 1 + g.rng.below(24) as u64;
                out.push(g.line(&date, "G0378", "0762".into(), Vec::new(), hours));
            }
            2 => {
                let code = g.pool_or("si:V", "hx:valid");
                out.push(g.line(&date, &code, "0762".into(), Vec::new(), 1));
            }
            _ => {
                let hours = 8 + g.rng.below(40) as u64;
                out.push(g.line(&date, "G0378", "0762".into(), Vec::new(), hours));
                if g.rng.chance(60) {
                    let rev = if g.rng.chance(70) { "0762" } else { "0450" };
                    out.push(g.line(&date, "G0379", rev.into(), Vec::new(), 1));
                }
            }
        }
    }
    if g.rng.chance(6) {
        let date = day(g);
        let product = g.pool_or("hx:blood_product", "hx:valid");
        let units = 1 + g.rng.below(3) as u64;
        let bl = |g: &mut Gen<'_>| if g.rng.chance(75) { vec!["BL".to_owned()] } else { Vec::new() };
        match g.rng.below(6) {
            // A transfusion, with its product two times in three.
            0 | 1 => {
                let service = g.pool_or("hx:blood_service", "hx:valid");
                out.push(g.line(&date, &service, "0391".into(), Vec::new(), 1));
                if g.rng.chance(66) {
                    let rev = if g.rng.chance(50) { "0380" } else { "0390" };
                    out.push(g.line(&date, &product, rev.into(), Vec::new(), units));
                }
            }
            // The product under 038x and 039x, with or without BL, units equal or not.
            2 | 3 => {
                let (m1, m2) = (bl(g), bl(g));
                let units2 = if g.rng.chance(80) { units } else { units + 1 };
                let rev38 = ["0380", "0381", "0382", "0383", "0384", "0385", "0386", "0387", "0389"][g.rng.below(9)];
                let rev39 = ["0390", "0391", "0392", "0399"][g.rng.below(4)];
                out.push(g.line(&date, &product, rev38.into(), m1, units));
                if g.rng.chance(80) {
                    out.push(g.line(&date, &product, rev39.into(), m2, units2));
                }
            }
            // One product line under any blood or other revenue code.
            4 => {
                let rev = ["0381", "0382", "0390", "0300", "0250"][g.rng.below(5)].to_owned();
                let mods = bl(g);
                out.push(g.line(&date, &product, rev, mods, units));
            }
            // Revenue code 0381 / 0382 with some other code or none.
            _ => {
                let rev = if g.rng.chance(50) { "0381" } else { "0382" };
                let code = if g.rng.chance(30) { String::new() } else { g.pool_or("hx:valid", "hx:valid") };
                out.push(g.line(&date, &code, rev.into(), Vec::new(), 1));
            }
        }
    }
}

/// Cornea transplant tissue (edit 93), allogeneic transplant and revenue code 0815 (100), and
/// CAR-T preparation services (111), after the claim's other lines.
fn transplant_and_biological(g: &mut Gen<'_>, from: i64, through: i64, out: &mut Vec<Value>) {
    // 10 %: the program, visit and date claims drawn later replace some of these lines.
    if !g.rng.chance(10) {
        return;
    }
    let date = iso(from + g.rng.below((through - from + 1) as usize) as i64);
    match g.rng.below(3) {
        0 => {
            out.push(g.line(&date, "V2785", "0278".into(), Vec::new(), 1));
            if g.rng.chance(50) {
                let transplant = ["65710", "65730", "65750", "65755", "65756"][g.rng.below(5)];
                out.push(g.line(&date, transplant, "0360".into(), vec!["RT".to_owned()], 1));
            }
        }
        1 => {
            out.push(g.line(&date, "38240", "0362".into(), Vec::new(), 1));
            if g.rng.chance(50) {
                out.push(g.line(&date, "", "0815".into(), Vec::new(), 1));
            }
        }
        _ => {
            if g.rng.chance(50) {
                let code = ["38225", "38226", "38227"][g.rng.below(3)];
                out.push(g.line(&date, code, "0891".into(), Vec::new(), 1));
            } else {
                let rev = ["0870", "0871", "0872", "0873"][g.rng.below(4)];
                out.push(g.line(&date, "", rev.into(), Vec::new(), 1));
            }
        }
    }
}

/// Modifier PT with or without a colorectal screening on the day (edit 120), IMRT planning with
/// a code it includes (125), inpatient-only procedures with modifier CA (60, 70) and telehealth
/// modifiers on listed and unlisted codes (126), after the claim's other lines.
fn modifier_lines(g: &mut Gen<'_>, from: i64, through: i64, out: &mut Vec<Value>) {
    let day = |g: &mut Gen<'_>| iso(from + g.rng.below((through - from + 1) as usize) as i64);
    if g.rng.chance(4) {
        let date = day(g);
        let code = g.pool_or("hx:colorectal", "hx:valid");
        if g.rng.chance(50) {
            out.push(g.line(&date, &code, "0750".into(), Vec::new(), 1));
        }
        let other = g.pool_or("si:T", "hx:valid");
        let rev = g.revenue();
        out.push(g.line(&date, &other, rev, vec!["PT".to_owned()], 1));
    }
    if g.rng.chance(3) {
        let date = day(g);
        out.push(g.line(&date, "77301", "0333".into(), Vec::new(), 1));
        let included = ["77014", "77280", "77285", "77290", "77295", "77306", "77307", "77321", "77331", "77370"][g.rng.below(10)];
        let date = if g.rng.chance(70) { date } else { day(g) };
        out.push(g.line(&date, included, "0333".into(), Vec::new(), 1));
    }
    // Modifier PN on a comprehensive visit (J2) or partial hospitalization service (edit 101).
    if g.rng.chance(4) {
        let date = day(g);
        let code = ["99284", "99285", "99291", "G0379", "G0463", "G0129", "G0410"][g.rng.below(7)];
        out.push(g.line(&date, code, "0450".into(), vec!["PN".to_owned()], 1));
    }
    // An inpatient-only procedure with modifier CA, once or more (edits 60, 70).
    if g.rng.chance(5) {
        let date = day(g);
        for _ in 0..1 + g.rng.below(2) {
            let code = g.pool_or("si:C", "hx:valid");
            let units = if g.rng.chance(80) { 1 } else { 2 };
            out.push(g.line(&date, &code, "0360".into(), vec!["CA".to_owned()], units));
        }
    }
    if g.rng.chance(10) {
        let date = day(g);
        let code = if g.rng.chance(30) { g.pool_or("hx:telehealth", "hx:valid") } else { g.pool_or("hx:valid", "hx:valid") };
        let m = ["95", "GT", "GQ"][g.rng.below(3)];
        let rev = g.revenue();
        out.push(g.line(&date, &code, rev, vec![m.to_owned()], 1));
    }
}

/// Skin substitute applications with and without their products (edit 87) and several
/// non-opioid pain management devices (H1, edit 137) or drugs (K1, edit 138), with or without
/// a procedure, after the claim's other lines.
fn device_and_drug_lines(g: &mut Gen<'_>, from: i64, through: i64, out: &mut Vec<Value>) {
    let day = |g: &mut Gen<'_>| iso(from + g.rng.below((through - from + 1) as usize) as i64);
    if g.rng.chance(4) {
        let date = day(g);
        let application = ["15271", "15273", "15275", "15277", "C5271", "C5273", "C5275", "C5277"][g.rng.below(8)];
        out.push(g.line(&date, application, "0361".into(), Vec::new(), 1));
        if g.rng.chance(50) {
            let product = ["A2001", "A2002", "Q4100", "Q4102", "Q4111"][g.rng.below(5)];
            out.push(g.line(&date, product, "0636".into(), Vec::new(), 1));
        }
    }
    if g.rng.chance(8) {
        let date = day(g);
        let (pool, n): (&[&str], usize) = if g.rng.chance(40) {
            (&["C9804", "C9806", "C9807", "C9808", "C9809"], 2 + g.rng.below(3))
        } else {
            (&["J0666", "J1096", "J1097", "J1885", "C9089", "J0668"], 3 + g.rng.below(3))
        };
        for k in 0..n {
            let code = pool[(k + g.rng.below(2)) % pool.len()];
            out.push(g.line(&date, code, "0636".into(), Vec::new(), 1));
        }
        if g.rng.chance(60) {
            let procedure = g.pool_or("si:T", "hx:valid");
            out.push(g.line(&date, &procedure, "0360".into(), Vec::new(), 1));
        }
    }
}

/// ioce-c: the pass-through device + procedure pairs (`offset_codepair`, list 1) as
/// scripts/ioce_pyoce_tables.py extracts them into the download cache: (lo, hi, device,
/// procedure); empty when it has not run.
fn device_offset_pairs() -> &'static [(u32, u32, String, String)] {
    static PAIRS: std::sync::OnceLock<Vec<(u32, u32, String, String)>> = std::sync::OnceLock::new();
    PAIRS.get_or_init(|| {
        let cache = std::env::var_os("CLAIMLINT_CACHE").map_or_else(|| std::path::PathBuf::from(".cache"), std::path::PathBuf::from);
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(cache).join("ioce-pyoce/offset_codepair.tsv.gz");
        let Ok(out) = std::process::Command::new("gzip").arg("-dc").arg(&path).output() else { return Vec::new() };
        let text = String::from_utf8_lossy(&out.stdout);
        text.lines()
            .skip(1)
            .filter_map(|l| match l.split('\t').collect::<Vec<_>>().as_slice() {
                ["1", device, procedure, _, lo, hi] => Some((lo.parse().ok()?, hi.parse().ok()?, (*device).to_owned(), (*procedure).to_owned())),
                _ => None,
            })
            .collect()
    })
}

/// ioce-c: a pass-through device (edit 98) with a procedure it pairs with on its day, another
/// procedure, or none; and a separately paid drug (G, K or K1, edit 99) beside several J1
/// procedures (the comprehensive APC's primary is chosen by rank) or none, after the claim's
/// other lines.
fn passthrough_lines(g: &mut Gen<'_>, from: i64, through: i64, out: &mut Vec<Value>) {
    let day = |g: &mut Gen<'_>| iso(from + g.rng.below((through - from + 1) as usize) as i64);
    if g.rng.chance(6) {
        let date = day(g);
        let v = g.v;
        let pairs: Vec<&(u32, u32, String, String)> = device_offset_pairs().iter().filter(|p| p.0 <= v && v <= p.1).collect();
        if !pairs.is_empty() {
            let (device, procedure) = { let p = g.rng.pick(&pairs); (p.2.clone(), p.3.clone()) };
            out.push(g.line(&date, &device, "0278".into(), Vec::new(), 1));
            match g.rng.below(3) {
                0 => out.push(g.line(&date, &procedure, "0360".into(), Vec::new(), 1)),
                1 => {
                    let other = g.pool_or("si:T", "hx:valid");
                    out.push(g.line(&date, &other, "0360".into(), Vec::new(), 1));
                }
                _ => {}
            }
        }
    }
    if g.rng.chance(6) {
        let date = day(g);
        let pool = ["si:G", "si:K", "si:K"][g.rng.below(3)];
        let drug = g.pool_or(pool, "si:K");
        out.push(g.line(&date, &drug, "0636".into(), Vec::new(), 1));
        for _ in 0..g.rng.below(4) {
            let procedure = g.pool_or("si:J1", "hx:valid");
            out.push(g.line(&date, &procedure, "0360".into(), Vec::new(), 1));
        }
    }
}

// ioce-fqhc: edits 88, 89, 90.
/// FQHC visit payment codes with services that qualify them (`map_fqhc_visit`), and services that
/// qualify none of them.
const FQHC_VISITS: &[(&str, &[&str])] = &[
    ("G0466", &["99202", "99203", "99204", "99205"]),
    ("G0467", &["99212", "99213", "99214", "99215"]),
    ("G0468", &["G0402", "G0438", "G0439"]),
    ("G0469", &["90791", "90832", "90834", "90837"]),
    ("G0470", &["90791", "90832", "90834", "90837"]),
];
/// Services on an FQHC day that need no payment code (telehealth originating site, chronic
/// care, non-packaged preventive vaccines from I/OCE 26.2, the opioid treatment bundle).
const FQHC_NO_VISIT: &[&str] = &["G2025", "98980", "90686", "G2172"];

/// Makes the claim an FQHC claim (771) with one or two days of visits: payment codes with or
/// without a qualifying service (by units, one service may qualify two visits), under a visit
/// revenue code or another, and days without a payment code (edits 88, 89, 90).
fn fqhc_claim(g: &mut Gen<'_>, c: &mut Map<String, Value>) {
    c.insert("billType".into(), json!("771"));
    c.remove("conditionCodes");
    let from = c.get("statementFrom").and_then(Value::as_str).unwrap_or_default().to_owned();
    let through = c.get("statementThrough").and_then(Value::as_str).unwrap_or_default().to_owned();
    let mut lines = Vec::new();
    for day in if from == through { vec![from] } else { vec![from, through] } {
        match g.rng.below(10) {
            // A day without a payment code: a service, or one that needs none beside it.
            0 | 1 => {
                let code = g.pool_or("hx:valid", "hx:valid");
                let rev = g.revenue();
                lines.push(g.line(&day, &code, rev, Vec::new(), 1));
                if g.rng.chance(50) {
                    let code = *g.rng.pick(FQHC_NO_VISIT);
                    lines.push(g.line(&day, code, "0521".into(), Vec::new(), 1));
                }
            }
            _ => {
                for _ in 0..1 + g.rng.below(2) {
                    let (payment, services) = *g.rng.pick(FQHC_VISITS);
                    let mental = matches!(payment, "G0469" | "G0470");
                    let rev = match g.rng.below(10) {
                        0..=1 => g.revenue(),
                        2 => "0900".into(),
                        _ if mental => ["0900", "0519"][g.rng.below(2)].into(),
                        _ => ["0521", "0519", "0522", "0528"][g.rng.below(4)].into(),
                    };
                    lines.push(g.line(&day, payment, rev, Vec::new(), 1));
                    let service = match g.rng.below(10) {
                        0 => None,
                        1 => Some(g.pool_or("hx:valid", "hx:valid")),
                        _ => Some((*g.rng.pick(services)).to_owned()),
                    };
                    if let Some(code) = service {
                        let units = if g.rng.chance(20) { 2 } else { 1 };
                        lines.push(g.line(&day, &code, "0521".into(), Vec::new(), units));
                    }
                }
            }
        }
    }
    c.insert("lines".into(), Value::Array(lines));
}

// ioce-fqhc: edit 119.
/// Gives the claim a receipt date: mostly days after the through-date (revenue codes are read in
/// its quarter, which may be the next), some before the from-date, past the tables or not a date.
fn receipt_date(g: &mut Gen<'_>, c: &mut Map<String, Value>, from: i64, through: i64) {
    let date = match g.rng.below(10) {
        0 => iso(from - 1 - g.rng.below(40) as i64),
        1 => ["2025-13-45", "20250230", "next week", "2037-01-05"][g.rng.below(4)].to_owned(),
        _ => iso(through + g.rng.below(120) as i64),
    };
    c.insert("receiptDate".into(), json!(date));
}

// ioce-fqhc: edits 68, 136.
/// Codes the I/OCE gave a coverage approval date inside a 2024 quarter: (edit, quarter's first
/// day, approval date, codes). Edit 68 (NCD approval) in I/OCE 25.2.7, edit 136 (ACIP) in 25.1.8.
const COVERAGE_2024: &[(u32, u32, u32, &[&str])] = &[
    (68, 2024_0701, 2024_0930, &["J0739", "J0750", "J0751", "J0799", "G0011", "G0012", "G0013"]),
    (68, 2024_0701, 2024_0915, &["Q0519", "Q0520"]),
    (136, 2024_0401, 2024_0627, &["90684"]),
];

/// Replaces the claim with a small OPPS hospital outpatient claim (131) of one day in 2024
/// (outside the corpus's quarters: only these claims reach it) with a code the I/OCE dates
/// by a coverage approval, mostly before that date (edits 68, 136), beside a clinic visit half
/// the time. Its diagnoses and patient are fixed, valid in 2024.
fn coverage_2024_claim(g: &mut Gen<'_>, c: &mut Map<String, Value>) {
    let (_, first, approved, codes) = *g.rng.pick(COVERAGE_2024);
    let (first, approved) = (days(first), days(approved));
    // Before the approval date four times in five, else on it (inside the quarter).
    let day = if g.rng.chance(80) { first + g.rng.below((approved - first) as usize) as i64 } else { approved };
    let day = iso(day);
    for key in ["conditionCodes", "occurrenceCodes", "valueCodes", "reasonForVisit", "dischargeStatus", "receiptDate"] {
        c.remove(key);
    }
    c.insert("billType".into(), json!("131"));
    c.insert("opps".into(), json!(true));
    c.insert("statementFrom".into(), json!(day));
    c.insert("statementThrough".into(), json!(day));
    c.insert("patient".into(), json!({ "sex": "F", "age": 30 + g.rng.below(50) }));
    let principal = ["I10", "E119", "J449", "Z23"][g.rng.below(4)];
    c.insert("diagnoses".into(), json!([{ "code": principal }, { "code": "R0602" }]));
    let code = *g.rng.pick(codes);
    let rev = if code.starts_with('J') || code == "90684" { "0636" } else { "0510" };
    let mut lines = vec![g.line(&day, code, rev.into(), Vec::new(), 1)];
    if g.rng.chance(50) {
        lines.push(g.line(&day, "G0463", "0510".into(), Vec::new(), 1));
    }
    c.insert("lines".into(), Value::Array(lines));
}
