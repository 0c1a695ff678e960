//! An edit table a claim was checked against past its window that found nothing says so, once
//! per table, with a `DATA-STALE-TABLE` note at the claim; a table that found something says it
//! only with the `DATA-STALE` warning after each finding; a claim dated inside the windows of
//! the tables it consulted gets no note. On the real tables: NCCI PTP practitioner 2024-07-01
//! (window to 2024-09-30), MUE and AOC 2026 Q2 and the I/OCE 27.1.0 (to 2026-06-30), the POA
//! exempt FY2025 list (to 2025-09-30).
mod common;
use claimlint::claim::{check_claim_json, CheckOptions};
use claimlint::currency::StaleEdits;
use claimlint::{Date, Finding, Severity};
use serde_json::{json, Value};

const TODAY: &str = "2026-12-02";

fn professional(lines: &[(&str, &str)]) -> Value {
    let lines: Vec<Value> = lines
        .iter()
        .map(|(code, on)| json!({ "dateFrom": on, "pos": "11", "code": code, "units": 1, "pointers": ["A"], "charge": 120.0 }))
        .collect();
    json!({ "claimType": "professional", "patient": { "sex": "F", "dateOfBirth": "1960-05-01" }, "diagnoses": ["M23.205"], "lines": lines })
}

fn outpatient(on: &str) -> Value {
    json!({
        "claimType": "outpatient", "billType": "0131", "statementFrom": on, "statementThrough": on, "opps": true,
        "patient": { "sex": "F", "age": 67 }, "diagnoses": ["Z12.11", "K63.5"],
        "lines": [
            { "revenueCode": "0360", "dateFrom": on, "units": 1, "charge": 100.0, "code": "45385" },
            { "revenueCode": "0250", "dateFrom": on, "units": 1, "charge": 100.0 }
        ]
    })
}

fn inpatient(on: &str, poa: &[(&str, &str)]) -> Value {
    let dx: Vec<Value> = poa.iter().map(|(code, p)| json!({ "code": code, "poa": p })).collect();
    json!({
        "claimType": "inpatient", "patient": { "sex": "F", "dateOfBirth": "1960-05-01" }, "diagnoses": dx,
        "lines": [{ "dateFrom": on, "pos": "21", "code": "99223", "units": 1, "pointers": ["A"], "charge": 300.0 }]
    })
}

fn check(claim: &Value, stale: StaleEdits) -> Vec<Finding> {
    let opts = CheckOptions { today: Date::parse(TODAY), stale_edits: stale, ..CheckOptions::default() };
    let r = check_claim_json(common::engine().get(), &claim.to_string(), &opts);
    assert!(r.input_errors.is_empty(), "{:?}", r.input_errors);
    r.findings
}

fn notes(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|f| f.rule == "DATA-STALE-TABLE").collect()
}

/// The table a note names, from its message (`... in the {table} (window ...`).
fn table(n: &Finding) -> &str {
    let after = n.message.split_once(" in the ").map_or("", |(_, t)| t);
    after.split_once(" (window ").map_or("", |(t, _)| t)
}

const PTP: &str = "NCCI PTP 2024-07-01 (derived) practitioner table";
const MUE: &str = "NCCI MUE effective 2026-04-01 Practitioner Services table";
const AOC: &str = "NCCI add-on code edits 2026 Q2 table";

struct Case {
    name: &'static str,
    claim: Value,
    /// The table each note names, with text its message carries (by table name).
    notes: &'static [(&'static str, &'static str)],
}

#[test]
fn one_note_per_stale_table_that_found_nothing() {
    let cases = [
        Case {
            name: "two lines in the PTP window (MUE and AOC not yet in force): no note",
            claim: professional(&[("99213", "2024-08-01"), ("36415", "2024-08-01")]),
            notes: &[],
        },
        Case {
            name: "two lines in the MUE and AOC window, past the PTP window: the PTP table only",
            claim: professional(&[("99213", "2026-05-01"), ("36415", "2026-05-01")]),
            notes: &[(PTP, "No NCCI PTP edit applies to the claim's lines in the NCCI PTP 2024-07-01 (derived) practitioner table (window 2024-07-01 to 2024-09-30); the date of service 2026-05-01 is 578 days past it, so edits added since are not checked. Load a newer release to be sure")],
        },
        Case {
            name: "one line in the MUE window: nothing paired against the PTP table, no note",
            claim: professional(&[("99213", "2026-05-01")]),
            notes: &[],
        },
        Case {
            name: "two lines today: three stale tables, three notes",
            claim: professional(&[("99213", "2026-12-01"), ("36415", "2026-12-01")]),
            notes: &[(MUE, "154 days past it"), (PTP, "792 days past it"), (AOC, "154 days past it")],
        },
        Case {
            name: "one line today: MUE and AOC, not PTP",
            claim: professional(&[("99213", "2026-12-01")]),
            notes: &[(MUE, "the date of service 2026-12-01 is 154 days"), (AOC, "the date of service 2026-12-01 is 154 days")],
        },
        Case {
            name: "a PTP finding: its DATA-STALE warning, no PTP note",
            claim: professional(&[("29881", "2026-12-01"), ("29877", "2026-12-01")]),
            notes: &[(MUE, "154 days"), (AOC, "154 days")],
        },
        Case {
            name: "several dates past the window: the latest counts, said once",
            claim: professional(&[("99213", "2026-11-02"), ("36415", "2026-11-02"), ("99213", "2026-12-01")]),
            notes: &[(MUE, "the dates of service are up to 154 days past it (the latest is 2026-12-01)"), (PTP, "the date of service 2026-11-02 is 763 days past it"), (AOC, "the dates of service are up to 154 days past it (the latest is 2026-12-01)")],
        },
        Case {
            name: "outpatient in the I/OCE, MUE and PTP windows: no note",
            claim: outpatient("2026-05-01"),
            notes: &[],
        },
        Case {
            name: "outpatient past the I/OCE window: the I/OCE and the outpatient MUE table; its add-on edits replace the AOC table",
            claim: outpatient("2026-11-02"),
            notes: &[("I/OCE 27.1.0 release", "No I/OCE edit applies to this claim"), ("NCCI MUE effective 2026-04-01 Outpatient Hospital Services table", "125 days past it")],
        },
        Case {
            name: "inpatient past the POA exempt list, no POA finding: a POA note",
            claim: inpatient("2026-12-01", &[("J45.909", "Y"), ("Z87.891", "")]),
            notes: &[("CMS POA exempt FY2025 list", "codes added to or removed from the list since are not known"), ("NCCI MUE effective 2026-04-01 Outpatient Hospital Services table", "154 days"), ("NCCI add-on code edits 2026 Q2 table", "154 days")],
        },
        Case {
            name: "inpatient with an exempt code reported Y: the POA finding's DATA-STALE, no POA note",
            claim: inpatient("2026-12-01", &[("J45.909", "Y"), ("Z87.891", "Y")]),
            notes: &[("NCCI MUE effective 2026-04-01 Outpatient Hospital Services table", "154 days"), ("NCCI add-on code edits 2026 Q2 table", "154 days")],
        },
    ];
    for c in &cases {
        let f = check(&c.claim, StaleEdits::Apply);
        let n = notes(&f);
        let mut n = n;
        n.sort_by_key(|n| table(n));
        let named: Vec<&str> = n.iter().map(|n| table(n)).collect();
        let expected: Vec<&str> = c.notes.iter().map(|(t, _)| *t).collect();
        assert_eq!(named, expected, "{}: {f:#?}", c.name);
        for (note, (_, says)) in n.iter().zip(c.notes) {
            assert!(note.message.contains(says), "{}: {:?} lacks {says:?}", c.name, note.message);
            assert_eq!((note.severity, note.pointer().as_deref()), (Severity::Info, Some("")), "{}", c.name);
            assert!(note.vintage.is_some() && note.source.contains("claimlint blob manifest"), "{}: {note:?}", c.name);
        }
        // A table that produced a finding keeps only its per-finding warning.
        for stale in f.iter().filter(|f| f.rule == "DATA-STALE") {
            assert!(!n.iter().any(|n| stale.message.contains(&format!("the {}, whose window", table(n)))), "{}: {f:#?}", c.name);
        }
        // Skipping stale tables says so with EDIT-DATE instead: no note.
        assert!(notes(&check(&c.claim, StaleEdits::Skip)).is_empty(), "{}", c.name);
    }
}

/// Inside every consulted table's window the result is what it was before notes existed:
/// exactly the findings of the skip policy, which never applies a stale table.
#[test]
fn claims_inside_the_windows_are_unchanged() {
    for claim in [professional(&[("99213", "2026-05-01")]), outpatient("2026-05-01"), professional(&[("99213", "2024-08-01"), ("36415", "2024-08-01")])] {
        assert_eq!(check(&claim, StaleEdits::Apply), check(&claim, StaleEdits::Skip), "{claim}");
    }
}

/// Every `DATA-STALE` warning follows a finding of its table at its place (same location and
/// vintage), after it in the result: on an outpatient claim the I/OCE's NCCI edit replaces the
/// professional PTP finding, and the PTP finding's warning goes with it (no "PTP-0 above" left
/// without a PTP-0); a payer pack that turns a rule off takes its warnings too.
#[test]
fn every_stale_warning_follows_its_finding() {
    let on = "2026-12-01";
    let colonoscopy = json!({
        "claimType": "outpatient", "billType": "0131", "statementFrom": on, "statementThrough": on, "opps": true,
        "patient": { "sex": "F", "age": 67 }, "diagnoses": ["Z12.11", "K63.5"],
        "lines": [
            { "revenueCode": "0360", "dateFrom": on, "units": 1, "charge": 100.0, "code": "45385" },
            { "revenueCode": "0360", "dateFrom": on, "units": 1, "charge": 100.0, "code": "45300", "modifiers": ["59"] }
        ]
    });
    let office = professional(&[("99214", on), ("99213", on), ("99214", on)]);
    for (claim, fired) in [(&colonoscopy, "IOCE-NCCI"), (&office, "PTP-1")] {
        let f = check(claim, StaleEdits::Apply);
        assert!(f.iter().any(|x| x.rule == fired), "{fired} expected: {f:#?}");
        let warnings: Vec<usize> = (0..f.len()).filter(|&i| f[i].rule == "DATA-STALE").collect();
        assert!(!warnings.is_empty(), "{f:#?}");
        for i in warnings {
            let w = &f[i];
            let subject = w.message.split_whitespace().next().unwrap_or("");
            let before = &f[..i];
            assert!(
                before.iter().any(|x| x.rule == subject && x.location == w.location && x.vintage == w.vintage),
                "warning without its {subject} finding above it: {:#?}",
                f
            );
        }
        assert!(!f.iter().any(|x| x.rule.starts_with("PTP-") && claim == &colonoscopy), "the I/OCE replaces PTP findings: {f:#?}");
    }
}
