//! Table-driven claim cases from `tests/claims/*.json` (see `tests/claims/runner.rs`).
mod common;
#[path = "claims/runner.rs"]
mod runner;

use claimlint::claim::{check_claim, CheckOptions, Claim, Diagnosis, Line, MceFlag, Patient};
use claimlint::Date;

#[test]
fn every_case_passes() {
    let mut failures = Vec::new();
    let cases = runner::cases();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    for (file, case) in &cases {
        let r = runner::run(case);
        let problems = runner::verify(case, &r);
        if !problems.is_empty() {
            failures.push(format!(
                "{file} / {}:\n  {}\n  got: {}",
                case.name,
                problems.join("\n  "),
                serde_json::to_string(&r.findings.iter().chain(&r.input_errors).map(|f| format!("{}@{}", f.rule, f.pointer().unwrap_or_default())).collect::<Vec<_>>()).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn findings_are_sorted_and_located() {
    for (_, case) in runner::cases() {
        let r = runner::run(&case);
        for f in r.findings.iter().chain(&r.input_errors) {
            assert!(f.location.is_some(), "{} has no location", f.rule);
            assert!(!f.source.is_empty());
        }
        let again = runner::run(&case);
        assert_eq!(r, again, "deterministic");
    }
}

/// MCE agreement: active flags on 2026-04-01 match SOURCES.md.
#[test]
fn mce_counts_match_sources() {
    let e = runner::engine().get();
    let d = e.claim.as_ref().expect("claim section");
    let on = Date::parse("2026-04-01").unwrap();
    let count = |name: &str| d.count_active(MceFlag::bit_of(name).unwrap(), on);
    assert_eq!(count("unacceptable"), 2652);
    assert_eq!(count("manifestation"), 422);
    assert_eq!(count("maternity"), 2543);
    assert_eq!(count("adult"), 856);
    assert_eq!(count("pediatric"), 125);
    assert_eq!(count("newborn"), 42);
    assert_eq!(count("ecodepdx"), 7461);
    assert_eq!(count("male"), 0);
    assert_eq!(count("female"), 0);
    let m = &e.blob.manifest;
    assert_eq!(m.count("claim.pos.codes"), Some(51));
    assert_eq!(m.count("claim.poa.exempt"), Some(38154));
    assert_eq!(m.count("claim.mce.rows"), Some(85122));
    assert_eq!(m.count("claim.packs"), Some(1));
}

/// The typed face gives the same answer as the lenient one.
#[test]
fn typed_claim_face() {
    let claim = Claim {
        patient: Patient { sex: None, date_of_birth: None, age: Some(70) },
        diagnoses: vec![Diagnosis { code: "O80".into(), poa: None }],
        lines: vec![Line {
            date_from: "2026-03-02".into(),
            pos: Some("11".into()),
            code: "99213".into(),
            units: Some(1.0),
            pointers: vec!["A".into()],
            charge: Some(100.0),
            ..Line::default()
        }],
        ..Claim::default()
    };
    let r = check_claim(runner::engine().get(), &claim, &CheckOptions { today: Date::parse("2026-04-15"), ..CheckOptions::default() });
    assert!(r.findings.iter().any(|f| f.rule == "DX-AGE" && f.pointer().as_deref() == Some("/diagnoses/0")), "{r:?}");
    assert!(r.input_errors.is_empty());
}

/// Hostile input: huge strings, wrong types, deep nesting, malformed JSON: input errors only.
#[test]
fn hostile_input_is_reported_not_fatal() {
    let e = runner::engine().get();
    let opts = CheckOptions::default();
    let big = "X".repeat(10 * 1024 * 1024);
    let text = format!(r#"{{"diagnoses": ["{big}"], "lines": [{{"code": "{big}", "dateFrom": 5, "units": "many"}}], "{big}": 1}}"#);
    let r = claimlint::claim::check_claim_json(e, &text, &opts);
    assert!(r.input_errors.iter().any(|f| f.rule == "CLAIM-INPUT" && f.pointer().as_deref() == Some("/diagnoses/0")));
    assert!(r.input_errors.iter().any(|f| f.rule == "CLAIM-FIELD"));
    assert!(r.input_errors.iter().all(|f| f.pointer().as_deref().is_some_and(|l| l.len() < 200)));
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let r = claimlint::claim::check_claim_json(e, &deep, &opts);
    assert_eq!(r.input_errors.len(), 1);
    for bad in ["", "null", "[]", "{", "\"x\"", "{\"lines\": {}, \"diagnoses\": 3}"] {
        let r = claimlint::claim::check_claim_json(e, bad, &opts);
        assert!(!r.input_errors.is_empty(), "{bad}");
    }
}

/// A line without a charge names the charge's box on the claim's own form.
#[test]
fn a_missing_charge_names_the_form_box() {
    let e = runner::engine().get();
    let cases = [
        (r#"{"diagnoses":["J02.9"],"lines":[{"code":"99213","dateFrom":"2026-04-02","units":1}]}"#, "the line has no charge (24F)"),
        (
            r#"{"claimType":"outpatient","billType":"0131","statementFrom":"2026-04-02","statementThrough":"2026-04-02","opps":true,
                "patient":{"sex":"F","age":67},"diagnoses":["K63.5"],"lines":[{"revenueCode":"0250","dateFrom":"2026-04-02","units":1}]}"#,
            "the line has no charge (UB-04 FL 47)",
        ),
    ];
    for (claim, says) in cases {
        let r = claimlint::claim::check_claim_json(e, claim, &CheckOptions::default());
        let charge: Vec<&str> = r.findings.iter().filter(|f| f.rule == "LINE-CHARGE").map(|f| f.message.as_str()).collect();
        assert_eq!(charge, [says], "{claim}");
        assert!(r.findings.iter().any(|f| f.rule == "LINE-CHARGE" && f.pointer().as_deref() == Some("/lines/0/charge")));
    }
}
