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
                serde_json::to_string(&r.findings.iter().chain(&r.input_errors).map(|f| format!("{}@{}", f.rule, f.location.clone().unwrap_or_default())).collect::<Vec<_>>()).unwrap()
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
    let r = check_claim(runner::engine().get(), &claim, &CheckOptions { today: Date::parse("2026-04-15"), payer: None });
    assert!(r.findings.iter().any(|f| f.rule == "DX-AGE" && f.location.as_deref() == Some("/diagnoses/0")), "{r:?}");
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
    assert!(r.input_errors.iter().any(|f| f.rule == "CLAIM-INPUT" && f.location.as_deref() == Some("/diagnoses/0")));
    assert!(r.input_errors.iter().any(|f| f.rule == "CLAIM-FIELD"));
    assert!(r.input_errors.iter().all(|f| f.location.as_deref().is_some_and(|l| l.len() < 200)));
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let r = claimlint::claim::check_claim_json(e, &deep, &opts);
    assert_eq!(r.input_errors.len(), 1);
    for bad in ["", "null", "[]", "{", "\"x\"", "{\"lines\": {}, \"diagnoses\": 3}"] {
        let r = claimlint::claim::check_claim_json(e, bad, &opts);
        assert!(!r.input_errors.is_empty(), "{bad}");
    }
}

/// Claims per second on a generated mix (printed, not asserted).
#[test]
fn throughput_is_printed() {
    let e = runner::engine().get();
    let dx = ["J45.909", "I10", "E11.9", "E78.5", "O80", "G63", "E85.4", "N40.0", "Z12.31", "W19.XXXA", "S72.001A", "E10.9", "R73.9", "G81.90"];
    let px = ["99213", "99214", "93000", "93010", "36415", "20610", "G0439", "J1100", "27447", "99417"];
    let mut claims = Vec::new();
    for i in 0..200usize {
        let n_dx = 1 + i % 6;
        let diagnoses: Vec<Diagnosis> = (0..n_dx).map(|k| Diagnosis { code: dx[(i * 7 + k * 3) % dx.len()].into(), poa: None }).collect();
        let lines: Vec<Line> = (0..(1 + i % 5))
            .map(|k| Line {
                date_from: "2026-04-10".into(),
                pos: Some("11".into()),
                code: px[(i * 3 + k) % px.len()].into(),
                units: Some(1.0),
                pointers: vec!["A".into()],
                charge: Some(100.0),
                ..Line::default()
            })
            .collect();
        claims.push(Claim { patient: Patient { sex: Some(claimlint::claim::Sex::F), date_of_birth: None, age: Some((i % 90) as u32) }, diagnoses, lines, ..Claim::default() });
    }
    let opts = CheckOptions { today: Date::parse("2026-04-15"), payer: None };
    let start = std::time::Instant::now();
    let mut n = 0usize;
    while start.elapsed().as_millis() < 1500 {
        for c in &claims {
            std::hint::black_box(check_claim(e, c, &opts));
            n += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!("claim throughput (single thread, this build profile): {:.0} claims/s over {n} claims", n as f64 / secs);
}
