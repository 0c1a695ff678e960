//! A claim for today's date (2026-12-01, fiscal year 2027) validates end to end: diagnoses
//! against the FY2027 ICD-10-CM edition, procedure codes by quarter, and the edit tables past
//! their windows applied as warnings marked `DATA-STALE` (or skipped on request) — never a
//! blanket error, never silence.
mod common;
use claimlint::claim::{check_claim_json, CheckOptions};
use claimlint::currency::StaleEdits;
use claimlint::{Date, Severity};

const TODAY: &str = "2026-12-01";

fn claim(dx: &[&str], lines: &[(&str, &[&str], u32)]) -> String {
    let diagnoses: Vec<serde_json::Value> = dx.iter().map(|c| serde_json::json!({ "code": c })).collect();
    let lines: Vec<serde_json::Value> = lines
        .iter()
        .map(|(code, mods, units)| {
            serde_json::json!({
                "dateFrom": TODAY, "pos": "11", "code": code, "modifiers": mods, "units": units,
                "pointers": ["A"], "charge": 120.0, "npi": "1234567893"
            })
        })
        .collect();
    serde_json::json!({
        "claimType": "professional",
        "patient": { "sex": "F", "dateOfBirth": "1980-05-01" },
        "diagnoses": diagnoses,
        "lines": lines,
        "billingNpi": "1234567893"
    })
    .to_string()
}

fn check(text: &str, stale: StaleEdits) -> Vec<claimlint::Finding> {
    let opts = CheckOptions { today: Date::parse(TODAY), stale_edits: stale, ..CheckOptions::default() };
    let r = check_claim_json(common::engine().get(), text, &opts);
    assert!(r.input_errors.is_empty(), "{:?}", r.input_errors);
    r.findings
}

#[test]
fn a_clean_claim_dated_today_validates_with_the_fy2027_edition() {
    // J15.9 and I42.00 (new in FY2027) on an office visit.
    let f = check(&claim(&["J15.9", "I42.00"], &[("99213", &[], 1)]), StaleEdits::Apply);
    let errors: Vec<_> = f.iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!f.iter().any(|f| f.rule == "DX-DATE" || f.rule == "LINE-DATE"), "{f:?}");
    // A code FY2027 deleted, and one that became a header, are errors on today's date.
    let f = check(&claim(&["T52.8X1A", "I42.0"], &[("99213", &[], 1)]), StaleEdits::Apply);
    let dx: Vec<(&str, &str)> = f.iter().filter(|f| f.rule.starts_with("DX-")).map(|f| (&*f.rule, f.message.as_str())).collect();
    assert!(dx.iter().any(|(r, m)| *r == "DX-VALID" && m.contains("T52.8X1A was deleted")), "{dx:?}");
    assert!(dx.iter().any(|(r, _)| *r == "DX-HEADER"), "{dx:?}");
}

#[test]
fn stale_edit_tables_on_a_claim_dated_today() {
    // 29881 with 29877: a practitioner PTP pair of the 2024-07 table (stale today).
    let text = claim(&["M23.205"], &[("29881", &[], 1), ("29877", &[], 1)]);
    let applied = check(&text, StaleEdits::Apply);
    let ptp: Vec<_> = applied.iter().filter(|f| f.rule.starts_with("PTP-")).collect();
    assert!(!ptp.is_empty() && ptp.iter().all(|f| f.severity <= Severity::Warning), "{applied:?}");
    let stale = applied.iter().find(|f| f.rule == "DATA-STALE").expect("DATA-STALE on the claim");
    assert!(stale.message.contains("2024-07-01 to 2024-09-30") && stale.pointer().as_deref().is_some_and(|l| l.starts_with("/lines/")), "{stale:?}");
    let skipped = check(&text, StaleEdits::Skip);
    assert!(!skipped.iter().any(|f| f.rule.starts_with("PTP-") || f.rule == "DATA-STALE"), "{skipped:?}");
    assert!(skipped.iter().any(|f| f.rule == "EDIT-DATE"), "{skipped:?}");
}

/// The POA-exempt list is the FY2025 one (window 2024-10-01 to 2025-09-30): an inpatient claim
/// past it is still checked against it, but its findings are at most warnings, each followed
/// by `DATA-STALE`; on request the check is skipped with an `EDIT-DATE` note.
#[test]
fn the_fy2025_poa_exempt_list_applies_past_its_window_as_a_stale_edit_table() {
    let inpatient = |on: &str| {
        let mut c: serde_json::Value = serde_json::from_str(&claim(&["J45.909"], &[("99213", &[], 1)])).unwrap();
        c["claimType"] = "inpatient".into();
        c["lines"][0]["dateFrom"] = on.into();
        c.to_string()
    };
    let poa = |f: &[claimlint::Finding]| f.iter().filter(|f| f.pointer().as_deref() == Some("/diagnoses/0/poa")).map(|f| (f.rule.to_string(), f.severity)).collect::<Vec<_>>();
    let inside = check(&inpatient("2025-05-01"), StaleEdits::Apply);
    assert_eq!(poa(&inside), [("CLAIM-POA".to_owned(), Severity::Error)], "{inside:?}");
    let past = check(&inpatient(TODAY), StaleEdits::Apply);
    assert_eq!(poa(&past), [("CLAIM-POA".to_owned(), Severity::Warning), ("DATA-STALE".to_owned(), Severity::Warning)], "{past:?}");
    let note = past.iter().find(|f| f.rule == "DATA-STALE").unwrap();
    assert!(note.message.contains("POA exempt FY2025") && note.message.contains("2025-09-30") && note.message.contains("427 days past"), "{}", note.message);
    assert_eq!(note.pointer().as_deref(), Some("/diagnoses/0/poa"));
    let skipped = check(&inpatient(TODAY), StaleEdits::Skip);
    assert_eq!(poa(&skipped), [("EDIT-DATE".to_owned(), Severity::Info)], "{skipped:?}");
}
