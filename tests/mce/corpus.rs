//! Seeded random inpatient claims for the differential test against the CMS MCE Java and for
//! the side-by-side benchmark. Codes are drawn from the MCE master tables by flag so that every
//! edit fires often: flagged diagnoses and procedures, truncated and invented codes, codes valid
//! in one fiscal year only, boundary ages, sex values, discharge statuses, and discharge dates on
//! both sides of 2024-10-01 (end of the sex edits) and 2025-10-01 (FY2026).
#![allow(dead_code)]
use claimlint::claim::{Claim, ClaimType, Diagnosis, Patient, Procedure, Sex, Stay};
use std::collections::BTreeMap;
use std::path::Path;

/// A small deterministic generator (xorshift64*), so the corpus is the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// One master row: code, first and last date (yyyymmdd), flags.
struct Row {
    code: String,
    from: u32,
    to: u32,
    flags: Vec<String>,
}

fn read_master(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            Some(Row {
                code: f.first()?.to_string(),
                from: f.get(1)?.parse().ok()?,
                to: f.get(2)?.parse().ok()?,
                flags: f.get(3).map(|s| s.split('|').filter(|x| !x.is_empty()).map(str::to_owned).collect()).unwrap_or_default(),
            })
        })
        .collect()
}

/// Codes by flag (rows touching FY2024–FY2026), plus all codes and codes valid one year only.
pub struct Pools {
    dx_by_flag: BTreeMap<String, Vec<String>>,
    dx_all: Vec<String>,
    dx_one_year: Vec<String>,
    px_by_flag: BTreeMap<String, Vec<String>>,
    px_all: Vec<String>,
    px_one_year: Vec<String>,
}

const FROM: u32 = 2023_1001;
const TO: u32 = 2026_0930;

fn pools_of(rows: &[Row]) -> (BTreeMap<String, Vec<String>>, Vec<String>, Vec<String>) {
    let mut by_flag: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut all = Vec::new();
    let mut one_year = Vec::new();
    for r in rows.iter().filter(|r| r.to >= FROM && r.from <= TO) {
        if all.last() != Some(&r.code) {
            all.push(r.code.clone());
        }
        if (r.from > FROM || r.to < TO) && r.to.saturating_sub(r.from) < 1_0000 {
            one_year.push(r.code.clone());
        }
        for f in &r.flags {
            let v = by_flag.entry(f.clone()).or_default();
            if v.last() != Some(&r.code) {
                v.push(r.code.clone());
            }
        }
    }
    (by_flag, all, one_year)
}

impl Pools {
    pub fn load(data_dir: &Path) -> Pools {
        let (dx_by_flag, dx_all, dx_one_year) = pools_of(&read_master(&data_dir.join("mce/mce_i10dx_master_v43.1.csv")));
        let (px_by_flag, px_all, px_one_year) = pools_of(&read_master(&data_dir.join("mce/mce_i10sg_master_v43.1.csv")));
        Pools { dx_by_flag, dx_all, dx_one_year, px_by_flag, px_all, px_one_year }
    }

    fn dx_flag(&self, rng: &mut Rng, flag: &str) -> String {
        match self.dx_by_flag.get(flag) {
            Some(v) if !v.is_empty() => rng.pick(v).clone(),
            _ => rng.pick(&self.dx_all).clone(),
        }
    }
    fn px_flag(&self, rng: &mut Rng, flag: &str) -> String {
        match self.px_by_flag.get(flag) {
            Some(v) if !v.is_empty() => rng.pick(v).clone(),
            _ => rng.pick(&self.px_all).clone(),
        }
    }

    /// A diagnosis code that is often wrong in one way or another.
    fn broken_dx(&self, rng: &mut Rng) -> String {
        let c = rng.pick(&self.dx_all).clone();
        match rng.below(4) {
            // Cut short: a header or a bare beginning (S6412X, B8).
            0 if c.len() > 3 => c[..c.len() - 1].to_owned(),
            1 => c[..3.min(c.len())].to_owned(),
            2 => format!("{}Q", &c[..c.len().min(6)]),
            _ => c[..2.min(c.len())].to_owned(),
        }
    }
    fn broken_px(&self, rng: &mut Rng) -> String {
        let c = rng.pick(&self.px_all).clone();
        let cut = match rng.below(3) {
            0 => c[..6].to_owned(),
            1 => c[..rng.below(6) + 1].to_owned(),
            _ => format!("{}I", &c[..6]),
        };
        // The MCE reads an all-zero code ("0", "000") as an empty field; claimlint reports it
        // (a deliberate difference, README "Inpatient claims").
        if cut.bytes().all(|b| b == b'0') {
            format!("{cut}Q")
        } else {
            cut
        }
    }

    fn principal(&self, rng: &mut Rng) -> String {
        match rng.below(100) {
            0..=7 => self.dx_flag(rng, "qadm"),
            8..=13 => self.dx_flag(rng, "manifestation"),
            14..=19 => self.dx_flag(rng, "ecodepdx"),
            20..=27 => self.dx_flag(rng, "unacceptable"),
            28..=31 => self.dx_flag(rng, "reqsdx"),
            32..=35 => self.dx_flag(rng, "delout"),
            36..=40 => self.broken_dx(rng),
            41..=44 => self.dx_flag(rng, "wrngproc"),
            45..=52 => self.any_flagged_dx(rng),
            53..=57 => rng.pick(&self.dx_one_year).clone(),
            _ => rng.pick(&self.dx_all).clone(),
        }
    }

    fn any_flagged_dx(&self, rng: &mut Rng) -> String {
        let f = *rng.pick(&["adult", "maternity", "newborn", "pediatric", "male", "female", "unspecified", "ncov6", "diabtypeI", "ncov_z302"]);
        self.dx_flag(rng, f)
    }

    fn secondary(&self, rng: &mut Rng, principal: &str) -> String {
        match rng.below(100) {
            0..=29 => self.any_flagged_dx(rng),
            30..=35 => principal.to_owned(),
            36..=40 => self.broken_dx(rng),
            41..=44 => self.dx_flag(rng, "delout"),
            45..=46 => self.dx_flag(rng, "wrngproc"),
            47..=51 => rng.pick(&self.dx_one_year).clone(),
            52..=55 => self.dx_flag(rng, "ecodepdx"),
            _ => rng.pick(&self.dx_all).clone(),
        }
    }

    fn procedure(&self, rng: &mut Rng) -> String {
        match rng.below(100) {
            0..=49 => {
                let f = *rng.pick(&[
                    "noncovered", "lcov", "ncov12agele60", "ncov45", "ncov6", "ncov_z302", "kidneyxp", "csect", "vagdel",
                    "los", "male", "female",
                ]);
                self.px_flag(rng, f)
            }
            50..=57 => self.broken_px(rng),
            58..=63 => rng.pick(&self.px_one_year).clone(),
            64..=67 => self.px_all[rng.below(self.px_all.len())].to_lowercase(),
            _ => rng.pick(&self.px_all).clone(),
        }
    }
}

/// One corpus claim: the MCE's fields, as the Java harness reads them and as claimlint does.
#[derive(Clone, Debug)]
pub struct McClaim {
    pub id: usize,
    /// yyyymmdd.
    pub discharge: u32,
    pub age: u32,
    /// MCE sex: 0 unknown, 1 male, 2 female, other = invalid.
    pub sex: u32,
    pub status: u32,
    pub los: u32,
    pub admit: Option<String>,
    /// (code, POA).
    pub dx: Vec<(String, char)>,
    pub px: Vec<String>,
}

const BOUNDARY_DATES: [u32; 8] = [2024_0930, 2024_1001, 2025_0930, 2025_1001, 2023_1001, 2026_0930, 2024_0401, 2026_0401];
const AGES: [u32; 14] = [0, 1, 9, 14, 15, 17, 18, 60, 61, 64, 65, 124, 125, 8];
const STATUSES: [u32; 12] = [1, 2, 3, 6, 7, 20, 30, 50, 62, 0, 8, 99];

fn random_date(rng: &mut Rng) -> u32 {
    if rng.chance(40) {
        return *rng.pick(&BOUNDARY_DATES);
    }
    let start = claimlint::Date::from_yyyymmdd(FROM).unwrap().days_since_epoch();
    let end = claimlint::Date::from_yyyymmdd(TO).unwrap().days_since_epoch();
    let d = start + rng.below((end - start + 1) as usize) as i64;
    claimlint::Date::from_days_since_epoch(d).unwrap().yyyymmdd()
}

/// `n` claims from `seed`.
pub fn generate(pools: &Pools, seed: u64, n: usize) -> Vec<McClaim> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|id| {
            let discharge = random_date(&mut rng);
            let age = if rng.chance(50) { *rng.pick(&AGES) } else { rng.below(126) as u32 };
            let sex = match rng.below(20) {
                0 => 3,
                1..=3 => 0,
                k if k % 2 == 0 => 1,
                _ => 2,
            };
            let status = if rng.chance(10) { *rng.pick(&STATUSES) } else { *rng.pick(&[1u32, 1, 1, 3, 6, 20]) };
            let los = rng.below(12) as u32;
            let admit = match rng.below(10) {
                0..=3 => None,
                4..=5 => Some(pools.broken_dx(&mut rng)),
                _ => Some(rng.pick(&pools.dx_all).clone()),
            };
            let principal = pools.principal(&mut rng);
            let lone = principal == "Z5189" && rng.chance(60);
            let n_dx = if lone { 1 } else if rng.chance(10) { 1 + rng.below(25) } else { 1 + rng.below(8) };
            let mut dx = vec![(principal.clone(), 'Y')];
            for _ in 1..n_dx {
                let poa = *rng.pick(&['Y', 'N', 'U', 'W', ' ']);
                dx.push((pools.secondary(&mut rng, &principal), poa));
            }
            let n_px = match rng.below(10) {
                0..=2 => 0,
                3..=8 => 1 + rng.below(4),
                _ => 1 + rng.below(25),
            };
            let px = (0..n_px).map(|_| pools.procedure(&mut rng)).collect();
            McClaim { id, discharge, age, sex, status, los, admit, dx, px }
        })
        .collect()
}

impl McClaim {
    /// The tab-separated line `tests/mce/MceOracle.java` reads.
    pub fn tsv(&self) -> String {
        let dx: Vec<String> = self.dx.iter().map(|(c, p)| format!("{c}:{}", p.to_string().trim())).collect();
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            self.id,
            self.discharge,
            self.age,
            self.sex,
            self.status,
            self.los,
            self.admit.as_deref().unwrap_or("-"),
            dx.join(";"),
            if self.px.is_empty() { "-".to_owned() } else { self.px.join(";") }
        )
    }

    /// The same claim in claimlint's model.
    pub fn claim(&self) -> Claim {
        let d = claimlint::Date::from_yyyymmdd(self.discharge).unwrap();
        let sex = match self.sex {
            0 => Some(Sex::U),
            1 => Some(Sex::M),
            2 => Some(Sex::F),
            _ => None,
        };
        Claim {
            id: Some(self.id.to_string()),
            claim_type: ClaimType::Inpatient,
            patient: Patient { sex, date_of_birth: None, age: Some(self.age) },
            diagnoses: self
                .dx
                .iter()
                .map(|(c, p)| Diagnosis { code: c.clone().into(), poa: (*p != ' ').then(|| p.to_string().into()) })
                .collect(),
            stay: Stay {
                admission_date: None,
                discharge_date: Some(d.to_string()),
                discharge_status: Some(format!("{:02}", self.status)),
                length_of_stay: Some(self.los),
                admitting_diagnosis: self.admit.clone(),
            },
            procedures: self.px.iter().map(|c| Procedure { code: c.clone(), date: None }).collect(),
            ..Claim::default()
        }
    }
}
