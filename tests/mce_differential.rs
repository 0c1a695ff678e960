//! Differential test against the official CMS Medicare Code Editor (Java, v43.1): seeded
//! random inpatient claims through both, compared code by code and edit by edit.
//!
//! The MCE v43.1 answers discharge dates up to 2026-09-30, so the corpus spans FY2024–FY2026
//! (FY2027 is covered by agreement with the MCE master tables in `tests/procedure_agreement.rs`
//! and `tests/claim_mce_tables.rs`). Skipped, with a message, only when Java or the oracle
//! folder is absent. `CLAIMLINT_MCE_CLAIMS` sets the corpus size (default 6,000).
mod common;
#[path = "mce/corpus.rs"]
mod corpus;
#[path = "mce/oracle.rs"]
mod oracle;

use claimlint::claim::{check_claim_value, CheckOptions, ClaimResult, Json};
use oracle::{Answer, Oracle};
use std::collections::BTreeMap;

/// The MCE edit a claimlint rule answers for (rules with no MCE counterpart: `None`).
fn mce_edit(rule: &str) -> Option<&'static str> {
    Some(match rule {
        "DX-VALID" | "DX-HEADER" | "DX-7TH" | "DX-DATE" | "PX-VALID" | "PX-DATE" => "INVALID_CODE",
        "DX-AGE" => "AGE_CONFLICT",
        "DX-SEX" | "PX-SEX" => "SEX_CONFLICT",
        "DX-PDX-ECODE" => "E_CODE_AS_PDX",
        "DX-PDX-MANIF" => "MANIFESTATION_AS_PDX",
        "DX-PDX-UNACC" => "UNACCEPTABLE_PDX",
        "DX-PDX-SDX" => "REQUIRES_SDX",
        "DX-PDX-QADM" => "QUESTIONABLE_ADMISSION",
        "DX-DUP" => "DUPLICATE_OF_PDX",
        "DX-WRONG-PX" => "WRONG_PROCEDURE_PERFORMED",
        "DX-UNSPEC" => "UNSPECIFIED",
        "PX-NONCOV" => "NON_COVERED",
        "PX-LIMITED" => "LIMITED_COVERAGE",
        "PX-OB-ADMIT" => "QUESTIONABLE_OBSTETRIC_ADMISSION",
        "PX-LOS" => "INCONSISTENT_WITH_LENGTH_OF_STAY",
        "CLAIM-AGE" => "INVALID_AGE",
        "CLAIM-SEX" => "INVALID_SEX",
        "CLAIM-DISCHARGE" => "INVALID_DISCHARGE_STATUS",
        "DX-ADMIT" => "INVALID_ADMIT_DX",
        _ => return None,
    })
}

/// claimlint's findings in the MCE's terms.
fn answer(r: &ClaimResult) -> Answer {
    let mut a = Answer::default();
    for f in r.findings.iter().chain(&r.input_errors) {
        let Some(edit) = mce_edit(&f.rule) else { continue };
        let loc = f.pointer().unwrap_or_default();
        let index = |prefix: &str| loc.strip_prefix(prefix).and_then(|rest| rest.split('/').next()?.parse::<usize>().ok());
        if let Some(i) = index("/diagnoses/") {
            a.dx.insert((i, edit.to_owned()));
        } else if let Some(i) = index("/procedures/") {
            a.px.insert((i, edit.to_owned()));
        } else {
            a.claim.insert(edit.to_owned());
        }
    }
    a
}

/// The claim as a caller sends it (JSON), so the reader's handling of the header is compared too.
fn json_of(c: &corpus::McClaim) -> Json<'_> {
    let mut v = serde_json::to_value(c.claim()).expect("claim to JSON");
    if c.sex > 2 {
        v["patient"]["sex"] = serde_json::Value::String(c.sex.to_string());
    }
    serde_json::from_value(v).expect("claim tree")
}

#[derive(Default)]
struct Tally {
    mce: usize,
    claimlint: usize,
    both: usize,
}

#[test]
fn claimlint_agrees_with_the_cms_mce_edit_by_edit() {
    let oracle = match Oracle::open() {
        Ok(o) => o,
        Err(why) => {
            eprintln!("SKIPPED mce_differential: {why}");
            return;
        }
    };
    let n: usize = std::env::var("CLAIMLINT_MCE_CLAIMS").ok().and_then(|s| s.parse().ok()).unwrap_or(6_000);
    let pools = corpus::Pools::load(&common::data_dir());
    let claims = corpus::generate(&pools, 0x4d43_455f_7631, n);
    let mce = oracle.run(&claims.iter().map(|c| c.tsv()).collect::<Vec<_>>());
    assert_eq!(mce.len(), claims.len(), "one MCE answer per claim");
    let engine = common::engine().get();
    let opts = CheckOptions::default();
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut disagreements = Vec::new();
    let mut agreeing_claims = 0usize;
    for c in &claims {
        let ours = answer(&check_claim_value(engine, &json_of(c), &opts));
        let theirs = &mce[&c.id];
        let sets = [(&ours.dx, &theirs.dx, "dx"), (&ours.px, &theirs.px, "px")];
        let mut same = true;
        for (o, t, what) in sets {
            for (pos, e) in t {
                let k = tally.entry(e.clone()).or_default();
                k.mce += 1;
                if o.contains(&(*pos, e.clone())) {
                    k.both += 1;
                } else {
                    same = false;
                    disagreements.push(format!("{} {what}[{pos}] {e}: MCE only | {}", c.id, c.tsv()));
                }
            }
            for (pos, e) in o.iter().filter(|x| !t.contains(x)) {
                tally.entry(e.clone()).or_default().claimlint += 1;
                same = false;
                disagreements.push(format!("{} {what}[{pos}] {e}: claimlint only | {}", c.id, c.tsv()));
            }
            for (_, e) in o.iter().filter(|x| t.contains(x)) {
                tally.entry(e.clone()).or_default().claimlint += 1;
            }
        }
        for e in theirs.claim.union(&ours.claim) {
            let k = tally.entry(e.clone()).or_default();
            let (m, l) = (theirs.claim.contains(e), ours.claim.contains(e));
            k.mce += usize::from(m);
            k.claimlint += usize::from(l);
            k.both += usize::from(m && l);
            if m != l {
                same = false;
                disagreements.push(format!("{} claim {e}: {} only | {}", c.id, if m { "MCE" } else { "claimlint" }, c.tsv()));
            }
        }
        agreeing_claims += usize::from(same);
    }
    eprintln!("{:<36} {:>8} {:>10} {:>8} {:>9}", "MCE edit", "MCE", "claimlint", "both", "agree %");
    for (e, t) in &tally {
        let pct = if t.mce.max(t.claimlint) == 0 { 100.0 } else { 100.0 * t.both as f64 / t.mce.max(t.claimlint) as f64 };
        eprintln!("{e:<36} {:>8} {:>10} {:>8} {pct:>8.2}%", t.mce, t.claimlint, t.both);
    }
    eprintln!("claims agreeing on every edit: {agreeing_claims} of {} ({:.2} %)", claims.len(), 100.0 * agreeing_claims as f64 / claims.len() as f64);
    for d in disagreements.iter().take(40) {
        eprintln!("  {d}");
    }
    assert!(disagreements.is_empty(), "{} disagreements with the MCE (first 40 above)", disagreements.len());
    let expected = [
        "INVALID_CODE", "SEX_CONFLICT", "AGE_CONFLICT", "QUESTIONABLE_ADMISSION", "MANIFESTATION_AS_PDX", "E_CODE_AS_PDX",
        "UNACCEPTABLE_PDX", "DUPLICATE_OF_PDX", "REQUIRES_SDX", "NON_COVERED", "LIMITED_COVERAGE",
        "QUESTIONABLE_OBSTETRIC_ADMISSION", "INVALID_ADMIT_DX", "INVALID_AGE", "INVALID_SEX", "INVALID_DISCHARGE_STATUS",
        "WRONG_PROCEDURE_PERFORMED", "INCONSISTENT_WITH_LENGTH_OF_STAY", "UNSPECIFIED",
    ];
    if n >= 5_000 {
        for e in expected {
            let fired = tally.get(e).map_or(0, |t| t.mce);
            assert!(fired >= 100, "edit {e} fired only {fired} times in the corpus; sample it more");
        }
    }
}
