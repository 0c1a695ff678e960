//! Agreement with the MCE master tables on every date they version: the compiled diagnosis
//! flags in force on a date equal the master's, FY2027 included (the masters' open end date
//! 20270331 means "still valid", through 2027-09-30), and an inpatient claim discharged in FY2027
//! is edited with the FY2027 rows.
mod common;

use claimlint::claim::{check_claim, CheckOptions, Claim, ClaimType, Diagnosis, MceFlag, Patient, Sex, Stay};
use claimlint::Date;
use std::collections::BTreeMap;

/// (code, from, to, flags) rows of the diagnosis master, open end mapped to 2027-09-30.
fn master() -> Vec<(String, u32, u32, Vec<String>)> {
    let text = std::fs::read_to_string(common::data_dir().join("mce/mce_i10dx_master_v43.1.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let to: u32 = f[2].parse().unwrap();
            let to = if to == 2027_0331 { 2027_0930 } else { to };
            (f[0].to_owned(), f[1].parse().unwrap(), to, f[3].split('|').filter(|x| !x.is_empty()).map(str::to_owned).collect())
        })
        .collect()
}

#[test]
fn diagnosis_flags_in_force_equal_the_master_on_each_date() {
    let rows = master();
    let e = common::engine().get();
    let data = e.claim.as_ref().expect("claim section");
    for d in [2024_0930, 2025_0401, 2026_0401, 2026_1001, 2027_0930] {
        let on = Date::from_yyyymmdd(d).unwrap();
        let mut want: BTreeMap<&str, usize> = BTreeMap::new();
        let mut codes = 0usize;
        for (code, a, b, flags) in &rows {
            if *a <= d && d <= *b {
                codes += 1;
                assert!(data.mce_flags(code, on).is_some(), "{code} on {on}");
                for f in flags {
                    *want.entry(f.as_str()).or_default() += 1;
                }
            }
        }
        for (flag, n) in &want {
            let bit = MceFlag::bit_of(flag).unwrap();
            assert_eq!(data.count_active(bit, on), *n, "flag {flag} on {on}");
        }
        if d == 2026_1001 {
            assert_eq!(codes, 74_879, "ICD-10-CM codes in the MCE master on 2026-10-01");
            assert_eq!(want["maternity"], 2_587);
            assert_eq!(want["unacceptable"], 2_667);
        }
    }
}

fn inpatient(dx: &[&str], discharge: &str) -> Claim {
    Claim {
        claim_type: ClaimType::Inpatient,
        patient: Patient { sex: Some(Sex::F), date_of_birth: None, age: Some(40) },
        diagnoses: dx.iter().map(|c| Diagnosis { code: (*c).into(), poa: Some("Y".into()) }).collect(),
        stay: Stay { discharge_date: Some(discharge.into()), discharge_status: Some("01".into()), length_of_stay: Some(3), ..Stay::default() },
        ..Claim::default()
    }
}

fn invalid_at(claim: &Claim, pos: usize) -> bool {
    let r = check_claim(common::engine().get(), claim, &CheckOptions::default());
    let at = format!("/diagnoses/{pos}");
    r.findings.iter().any(|f| ["DX-VALID", "DX-HEADER", "DX-DATE"].contains(&&*f.rule) && f.pointer().as_deref() == Some(at.as_str()))
}

/// Issue 14 item 2: FY2027 inpatient claims use the FY2027 rows (I42.0 became a header,
/// I42.00 and D69.11 are new), and FY2026 claims the FY2026 rows.
#[test]
fn inpatient_claims_use_the_rows_of_their_fiscal_year() {
    for (code, fy2026_ok, fy2027_ok) in [("I42.0", true, false), ("I42.00", false, true), ("D69.11", false, true), ("J15.9", true, true)] {
        assert_eq!(!invalid_at(&inpatient(&["J18.9", code], "2026-09-30"), 1), fy2026_ok, "{code} on 2026-09-30");
        assert_eq!(!invalid_at(&inpatient(&["J18.9", code], "2026-12-01"), 1), fy2027_ok, "{code} on 2026-12-01");
    }
}
