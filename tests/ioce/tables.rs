//! Code pools from the decoded I/OCE tables (`../shared/data/cms/ioce/`, read with the system
//! `gzip`): for every I/OCE version the corpus spans, the HCPCS, diagnoses, modifiers and
//! revenue codes in force, grouped by the flags that drive the edits.
#![allow(dead_code)]
use std::collections::BTreeMap;
use std::path::Path;

/// I/OCE internal versions the corpus spans: 26.0.5 (2025-01-01) .. 27.1.0 (2026-04-01).
pub const VERSIONS: std::ops::RangeInclusive<u32> = 98..=103;

/// One quarter: version, its release id (`27.1.0`) and its first and last day (`YYYYMMDD`).
#[derive(Clone, Debug)]
pub struct Quarter {
    pub version: u32,
    pub id: String,
    pub from: u32,
    pub to: u32,
}

/// Rows of a gzip TSV as maps from column name to value.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(dir: &Path, file: &str) -> Table {
        let path = dir.join(file);
        let out = std::process::Command::new("gzip").arg("-dc").arg(&path).output().expect("gzip");
        assert!(out.status.success(), "gzip -dc {} failed (is ../shared/data/cms/ioce there?)", path.display());
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default().split('\t').map(str::to_owned).collect();
        let rows = lines.map(|l| l.split('\t').map(str::to_owned).collect()).collect();
        Table { header, rows }
    }
    fn col(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
    }
}

/// Codes by pool name, per version.
#[derive(Default)]
pub struct Pools {
    pub quarters: Vec<Quarter>,
    /// ioce-fqhc: the 2024 quarters (I/OCE 25.1.8, 25.2.7) only the edit 68 and 136 claims
    /// are dated in; not drawn from.
    pub quarters_2024: Vec<Quarter>,
    by: BTreeMap<(u32, String), Vec<String>>,
    /// Add-on code → its primaries (type I, drug administration, SaaS), per version.
    pub addon_primaries: BTreeMap<(u32, String), Vec<String>>,
    /// Procedure → the device it needs on the same day (edit 135), per version.
    pub device_pairs: BTreeMap<(u32, String), String>,
}

/// `data_hcpcs` flags sampled on their own so the edits they drive fire often.
pub const HCPCS_FLAGS: &[&str] = &[
    "questionable", "not_recognized_mcare", "not_recognized_opps", "non_covered", "non_reportable_site",
    "bilateral_conditional", "bilateral_independent", "bilateral_inherent", "statutory_exclusion", "dmerc_billable_only",
    "non_billable_mac", "device_procedure", "device", "addon_type1", "addon_type2", "addon_type3", "information_only",
    "telehealth", "part_b_billable", "token_charge_only", "separate_procedure", "blood_product", "blood_service",
    "observation", "mid_quarter_date_edit", "device_dependent_procedure", "coinsurance_deductible_waiver_eligible",
    "colorectal", "skin_substitute_application_procedure", "passthrough_device", "fqhc_non_covered", "addon_drug_admin",
    "ph_service", "mh_not_ph", "ph_not_mh", "iop_service", "opioid_treatment_program", "cms_mid_quarter_termination",
];
/// Program flags with pools of their own, for the program claims of the corpus (edits 29, 35,
/// 80, 81, 109, 116, 130, 132, 133, 190, 191); not drawn at random like [`HCPCS_FLAGS`].
pub const PROGRAM_FLAGS: &[&str] = &["ph_primary", "iop_primary", "mh_not_iop", "iop_not_mh", "educational", "rhc_modifier_conflict"];
/// Status indicators sampled on their own (C = inpatient only, M = not billable to the MAC ...).
pub const STATUS_INDICATORS: &[&str] = &["C", "T", "S", "V", "J1", "N", "Q1", "E1", "E2", "B", "M", "K", "G", "A", "R", "H", "U"];
const DX_FLAGS: &[&str] = &["external_cause", "manifestation", "unacceptable_pdx", "unacceptable_pdx_exclusion", "mental_health", "code_first"];
const REVENUE_FLAGS: &[&str] = &["not_recognized", "bypass_e48", "statutory_exclusion", "part_b_billable_inpatient"];

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

impl Pools {
    /// Codes of one pool in one version (empty when the pool is).
    pub fn get(&self, version: u32, pool: &str) -> &[String] {
        self.by.get(&(version, pool.to_owned())).map_or(&[], Vec::as_slice)
    }
    fn add(&mut self, version: u32, pool: &str, code: &str) {
        self.by.entry((version, pool.to_owned())).or_default().push(code.to_owned());
    }
    /// The release id in force on a `YYYY-MM-DD` date of the corpus span.
    pub fn release_on(&self, iso: &str) -> Option<&str> {
        let d: u32 = iso.replace('-', "").parse().ok()?;
        self.quarters.iter().chain(&self.quarters_2024).find(|q| q.from <= d && d <= q.to).map(|q| q.id.as_str())
    }
    /// A pool's size, for the test's report.
    pub fn len(&self, version: u32, pool: &str) -> usize {
        self.get(version, pool).len()
    }

    pub fn load(data: &Path) -> Pools {
        let dir = data.join("ioce");
        let mut p = Pools::default();
        let vr = Table::read(&dir, "version_range.tsv.gz");
        for r in &vr.rows {
            let v = num(&r[vr.col("version")]);
            if VERSIONS.contains(&v) {
                let to = if v == *VERSIONS.end() { 2026_0630 } else { num(&r[vr.col("date_ended")]) };
                p.quarters.push(Quarter { version: v, id: r[vr.col("version_id")].clone(), from: num(&r[vr.col("date_started")]), to });
            }
            if (95..=96).contains(&v) {
                p.quarters_2024.push(Quarter { version: v, id: r[vr.col("version_id")].clone(), from: num(&r[vr.col("date_started")]), to: num(&r[vr.col("date_ended")]) });
            }
        }
        p.load_hcpcs(&dir);
        p.load_approval_dates(&dir);
        p.load_inpatient_separate(&dir);
        p.load_dx(&dir);
        p.load_simple(&dir, "data_modifier.tsv.gz", "modifier", "mod", &["died_transferred", "telehealth"]);
        p.load_simple(&dir, "data_revenue.tsv.gz", "revenue_code", "rev", REVENUE_FLAGS);
        for file in ["map_addon_type1.tsv.gz", "map_addon_drug_admin.tsv.gz", "map_addon_saas.tsv.gz", "map_addon_type3.tsv.gz"] {
            let t = Table::read(&dir, file);
            let (a, b, lo, hi) = (t.col("addon"), t.col("addon_primary"), t.col("lo_version"), t.col("hi_version"));
            for r in &t.rows {
                for v in VERSIONS.filter(|v| num(&r[lo]) <= *v && *v <= num(&r[hi])) {
                    p.addon_primaries.entry((v, r[a].clone())).or_default().push(r[b].clone());
                }
            }
        }
        let t = Table::read(&dir, "map_device_procedure.tsv.gz");
        let (a, b, lo, hi) = (t.col("code1"), t.col("code2"), t.col("lo_version"), t.col("hi_version"));
        for r in &t.rows {
            for v in VERSIONS.filter(|v| num(&r[lo]) <= *v && *v <= num(&r[hi])) {
                p.device_pairs.insert((v, r[a].clone()), r[b].clone());
            }
        }
        p.finish();
        p
    }

    /// `hx:inpatient_separate`: inpatient-only codes (status indicator C) on the "separate
    /// procedure" list (edit 45).
    fn load_inpatient_separate(&mut self, dir: &Path) {
        let t = Table::read(dir, "data_hcpcs.tsv.gz");
        let (code, lo, hi, si, sep) = (t.col("hcpcs"), t.col("lo_version"), t.col("hi_version"), t.col("status_indicator"), t.col("separate_procedure"));
        for r in t.rows.iter().filter(|r| r[si] == "C" && r[sep] == "1") {
            for v in VERSIONS.filter(|v| num(&r[lo]) <= *v && *v <= num(&r[hi])) {
                self.add(v, "hx:inpatient_separate", &r[code]);
            }
        }
    }

    /// `hx:dated_out_on_first_day`: codes the I/OCE date edits (67, 69, 110, 134) reject on
    /// the first day of a quarter they are valid in: approved after it, or terminated before.
    fn load_approval_dates(&mut self, dir: &Path) {
        let t = Table::read(dir, "data_hcpcs.tsv.gz");
        let (code, lo, hi) = (t.col("hcpcs"), t.col("lo_version"), t.col("hi_version"));
        let (edit, approved, terminated) = (t.col("mid_quarter_date_edit"), t.col("date_approved"), t.col("date_terminated"));
        let quarters = self.quarters.clone();
        for r in &t.rows {
            if !matches!(r[edit].as_str(), "67" | "69" | "110" | "134") {
                continue;
            }
            let (a, z) = (num(&r[approved]), num(&r[terminated]));
            for q in quarters.iter().filter(|q| num(&r[lo]) <= q.version && q.version <= num(&r[hi])) {
                if a > q.from || (z != 0 && z < q.from && matches!(r[edit].as_str(), "69" | "134")) {
                    self.add(q.version, "hx:dated_out_on_first_day", &r[code]);
                }
            }
        }
    }

    /// Sorted, one entry per code; `deleted`/`next` keep only codes not valid in the version.
    fn finish(&mut self) {
        for codes in self.by.values_mut() {
            codes.sort();
            codes.dedup();
        }
        let keys: Vec<(u32, String)> = self.by.keys().filter(|(_, k)| k.ends_with(":deleted") || k.ends_with(":next")).cloned().collect();
        for (v, k) in keys {
            let prefix = k.split(':').next().unwrap_or_default();
            let valid: std::collections::BTreeSet<String> = self.get(v, &format!("{prefix}:valid")).iter().cloned().collect();
            if let Some(codes) = self.by.get_mut(&(v, k)) {
                codes.retain(|c| !valid.contains(c));
            }
        }
    }

    /// `hx:valid`, `hx:new` (first valid this quarter), `hx:deleted` (last valid the quarter
    /// before), `hx:next` (valid from the next quarter), `hx:age`, `hx:cdt`, `hx:<flag>`, `si:<SI>`.
    fn load_hcpcs(&mut self, dir: &Path) {
        let t = Table::read(dir, "data_hcpcs.tsv.gz");
        let (code, lo, hi, lo_age, hi_age, si) =
            (t.col("hcpcs"), t.col("lo_version"), t.col("hi_version"), t.col("lo_age"), t.col("hi_age"), t.col("status_indicator"));
        let flags: Vec<(usize, &str)> = HCPCS_FLAGS.iter().chain(PROGRAM_FLAGS).map(|f| (t.col(f), *f)).collect();
        for r in &t.rows {
            let (l, h, c) = (num(&r[lo]), num(&r[hi]), r[code].as_str());
            for v in VERSIONS {
                if h.checked_add(1) == Some(v) {
                    self.add(v, "hx:deleted", c);
                }
                if l.checked_sub(1) == Some(v) {
                    self.add(v, "hx:next", c);
                }
                if !(l <= v && v <= h) {
                    continue;
                }
                self.add(v, "hx:valid", c);
                if l == v && v > 76 {
                    self.add(v, "hx:new", c);
                }
                if num(&r[lo_age]) > 0 || num(&r[hi_age]) < 124 {
                    self.add(v, "hx:age", c);
                }
                if c.starts_with('D') {
                    self.add(v, "hx:cdt", c);
                }
                for (i, f) in &flags {
                    if r[*i] != "0" && !r[*i].is_empty() {
                        self.add(v, &format!("hx:{f}"), c);
                    }
                }
                self.add(v, &format!("si:{}", r[si]), c);
            }
        }
    }

    /// `dx:valid`, `dx:new`, `dx:deleted`, `dx:age`, `dx:<flag>`.
    fn load_dx(&mut self, dir: &Path) {
        let t = Table::read(dir, "data_dx10.tsv.gz");
        let (code, lo, hi, lo_age, hi_age) = (t.col("diagnosis"), t.col("lo_version"), t.col("hi_version"), t.col("lo_age"), t.col("hi_age"));
        let flags: Vec<(usize, &str)> = DX_FLAGS.iter().map(|f| (t.col(f), *f)).collect();
        for r in &t.rows {
            let (l, h, c) = (num(&r[lo]), num(&r[hi]), r[code].as_str());
            for v in VERSIONS {
                if h.checked_add(1) == Some(v) {
                    self.add(v, "dx:deleted", c);
                }
                if !(l <= v && v <= h) {
                    continue;
                }
                self.add(v, "dx:valid", c);
                if l == v {
                    self.add(v, "dx:new", c);
                }
                if num(&r[lo_age]) > 0 || num(&r[hi_age]) < 124 {
                    self.add(v, "dx:age", c);
                }
                for (i, f) in &flags {
                    if r[*i] != "0" {
                        self.add(v, &format!("dx:{f}"), c);
                    }
                }
            }
        }
    }

    /// `<prefix>:valid`, `<prefix>:deleted` (ended before the version), `<prefix>:<flag>`.
    /// Modifiers: only real two-character ones (the `#x` contractor templates are left out).
    fn load_simple(&mut self, dir: &Path, file: &str, key: &str, prefix: &str, flags: &[&str]) {
        let t = Table::read(dir, file);
        let (code, lo, hi) = (t.col(key), t.col("lo_version"), t.col("hi_version"));
        let cols: Vec<(usize, &str)> = flags.iter().map(|f| (t.col(f), *f)).collect();
        for r in &t.rows {
            let (l, h, c) = (num(&r[lo]), num(&r[hi]), r[code].as_str());
            if !c.chars().all(|ch| ch.is_ascii_alphanumeric()) {
                continue;
            }
            for v in VERSIONS {
                if h < v && h >= 90 {
                    self.add(v, &format!("{prefix}:deleted"), c);
                }
                if !(l <= v && v <= h) {
                    continue;
                }
                self.add(v, &format!("{prefix}:valid"), c);
                for (i, f) in &cols {
                    if r[*i] != "0" {
                        self.add(v, &format!("{prefix}:{f}"), c);
                    }
                }
            }
        }
    }
}
