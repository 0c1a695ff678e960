//! Table-driven PTP cases on the real tables (practitioner 2024-07-01; outpatient from the
//! I/OCE history, 2019-07-01 to 2026-04-01), plus a latency print.
mod common;
use claimlint::claim::ClaimType;
use claimlint::ptp::{check_claim_pairs, check_pair, modifiers, PairInput};
use claimlint::{Date, Finding, Severity};
use std::time::Instant;

const PR: ClaimType = ClaimType::Professional;
const OP: ClaimType = ClaimType::Outpatient;

fn check(ct: ClaimType, a: &str, b: &str, ma: &[&str], mb: &[&str], on: &str) -> Vec<Finding> {
    let e = common::engine().get();
    check_pair(e, &PairInput { a, b, mods_a: ma, mods_b: mb, dos: common::date(on), claim_type: ct })
}

fn rules(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| &*f.rule).collect()
}

#[test]
fn table_driven_cases() {
    // (claim type, code a, code b, mods a, mods b, date, expected rules)
    let cases: &[(ClaimType, &str, &str, &[&str], &[&str], &str, &[&str])] = &[
        // Indicator 0: denied whatever the modifiers, either order of codes.
        (PR, "29881", "29877", &[], &[], "2024-07-01", &["PTP-0"]),
        (PR, "29877", "29881", &["59"], &["XS"], "2024-07-01", &["PTP-0"]),
        // Indicator 1: denied without a modifier, bypassed with one on either code.
        (PR, "29881", "G0289", &[], &[], "2024-07-01", &["PTP-1"]),
        (PR, "29881", "G0289", &["26"], &["76"], "2024-07-01", &["PTP-1"]),
        (PR, "29881", "G0289", &[], &["59"], "2024-07-01", &["PTP-BYPASS"]),
        (PR, "29881", "G0289", &["xu"], &[], "2024-07-01", &["PTP-BYPASS"]),
        (PR, "29881", "G0289", &[], &["RT"], "2024-07-01", &["PTP-BYPASS"]),
        (PR, "29881", "G0289", &[], &["F5"], "2024-07-01", &["PTP-BYPASS"]),
        (PR, "29881", "G0289", &["79"], &[], "2024-07-01", &["PTP-BYPASS"]),
        (PR, "11042", "97597", &[], &["25"], "2024-07-01", &["PTP-BYPASS"]),
        // Mutually exclusive and component rationales, both tables.
        (PR, "0003M", "0002M", &[], &[], "2024-07-01", &["PTP-0"]),
        (OP, "0002M", "80047", &[], &[], "2024-07-01", &["PTP-0"]),
        // Deleted-then-re-added: deleted row (indicator 0) through 2023-06-30, active row (1) after.
        (PR, "79101", "78830", &[], &["59"], "2023-06-30", &["PTP-0"]),
        (PR, "79101", "78830", &[], &["59"], "2023-07-01", &["PTP-BYPASS"]),
        (PR, "79101", "78830", &[], &[], "2023-07-01", &["PTP-1"]),
        // Deleted only: in force through its deletion date, gone the day after.
        (PR, "49657", "64517", &[], &[], "2022-12-31", &["PTP-0"]),
        (PR, "49657", "64517", &[], &[], "2023-01-01", &[]),
        // Self pair, unknown codes, unrelated codes.
        (PR, "29881", "29881", &[], &[], "2024-07-01", &[]),
        (PR, "29881", "ZZZZZ", &[], &[], "2024-07-01", &[]),
        (PR, "nonsense", "29877", &[], &[], "2024-07-01", &[]),
        (PR, "81002", "29881", &[], &[], "2024-07-01", &[]),
        // Lower case and spaces normalised.
        (PR, " 29881", "29877 ", &[], &[], "2024-07-01", &["PTP-0"]),
    ];
    for (ct, a, b, ma, mb, on, want) in cases {
        let f = check(*ct, a, b, ma, mb, on);
        assert_eq!(&rules(&f), want, "{ct:?} {a}/{b} {ma:?}/{mb:?} on {on}: {f:#?}");
        for x in &f {
            if *ct == PR {
                assert_eq!(x.vintage.as_deref(), Some("NCCI PTP 2024-07-01 (derived)"));
                assert!(x.message.contains("effective date unknown"), "{}", x.message);
            } else {
                assert_eq!(x.vintage.as_deref(), Some("NCCI PTP 2026-04-01 (I/OCE-derived)"));
                assert!(x.message.contains("I/OCE history") || x.message.contains("effective 20"), "{}", x.message);
            }
        }
    }
}

#[test]
fn every_ncci_modifier_bypasses_indicator_one_and_others_do_not() {
    for m in modifiers::ANATOMIC.iter().chain(modifiers::GLOBAL).chain(modifiers::OTHER) {
        let f = check(PR, "29881", "G0289", &[], &[m], "2024-07-01");
        assert_eq!(rules(&f), ["PTP-BYPASS"], "{m}");
        assert!(f[0].message.contains(&format!("modifier {m} ")), "{}", f[0].message);
        assert_eq!(f[0].severity, Severity::Info);
    }
    for m in ["26", "TC", "76", "77", "50", "51", "GA", "QW"] {
        assert_eq!(rules(&check(PR, "29881", "G0289", &[m], &[m], "2024-07-01")), ["PTP-1"], "{m}");
    }
}

#[test]
fn messages_name_both_codes_roles_and_rationale() {
    let f = check(PR, "29877", "29881", &[], &[], "2024-07-01");
    let m = &f[0].message;
    assert!(m.contains("29877 (column two) is bundled into 29881 (column one)"), "{m}");
    assert!(m.contains("Misuse of Column Two code with Column One code") && m.contains("modifier indicator 0"), "{m}");
    assert!(m.contains("practitioner table"), "{m}");
    let x = check(PR, "0003M", "0002M", &[], &[], "2024-07-01");
    assert!(x[0].message.contains("mutually exclusive"), "{}", x[0].message);
    let b = check(PR, "29881", "G0289", &["XS"], &[], "2024-07-01");
    assert!(b[0].message.contains("modifier XS") && b[0].message.contains("on 29881"), "{}", b[0].message);
}

#[test]
fn claim_pairs_same_date_only_and_latency() {
    let e = common::engine().get();
    let on = common::date("2024-07-01");
    let other = common::date("2024-07-02");
    let none: &[&str] = &[];
    let xs: &[&str] = &["XS"];
    let lines: Vec<(&str, &[&str], Date)> = vec![("29881", none, on), ("29877", none, on), ("G0289", xs, on), ("29880", none, other)];
    let f = check_claim_pairs(e, &lines, PR);
    let got: Vec<(&str, Option<String>)> = f.iter().map(|f| (&*f.rule, f.pointer())).collect();
    assert_eq!(got, [("PTP-0", Some("/lines/1".to_owned())), ("PTP-BYPASS", Some("/lines/2".to_owned()))]);

    // Latency (printed, not asserted).
    let n = 200_000;
    let t0 = Instant::now();
    let mut hits = 0;
    for i in 0..n {
        let b = if i % 2 == 0 { "29877" } else { "G0289" };
        hits += check_pair(e, &PairInput { a: "29881", b, mods_a: &[], mods_b: &[], dos: on, claim_type: PR }).len();
    }
    println!("one pair (with finding): {:?}", t0.elapsed() / n);
    assert_eq!(hits, n as usize);
    let t0 = Instant::now();
    for _ in 0..n {
        check_pair(e, &PairInput { a: "81002", b: "29881", mods_a: &[], mods_b: &[], dos: on, claim_type: PR });
    }
    println!("one pair (no edit): {:?}", t0.elapsed() / n);
    // A 50-line claim: codes from one large column-one group plus common ones.
    let p = e.ptp.as_ref().unwrap();
    let t = p.table(PR).unwrap();
    let g = t.group(p.code_id("29881").unwrap()).unwrap();
    let mut codes: Vec<&str> = t.group_rows(g).step_by(3).take(40).map(|r| p.code(r.column_two)).collect();
    codes.extend(["29881", "99213", "99214", "20610", "36415", "96372", "J1100", "81002", "93000", "71046"]);
    let claim: Vec<(&str, &[&str], Date)> = codes.iter().map(|c| (*c, none, on)).collect();
    let runs = 2_000;
    let t0 = Instant::now();
    let mut found = 0;
    for _ in 0..runs {
        found = check_claim_pairs(e, &claim, PR).len();
    }
    println!("50-line claim ({} findings): {:?}", found, t0.elapsed() / runs);
}
