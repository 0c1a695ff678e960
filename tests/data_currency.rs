//! One data-currency policy for every table, on real data:
//! - code sets answer strictly by edition and by quarter (HCPCS Level II and CPT numbers from
//!   the CMS I/OCE tables and the July 2026 HCPCS code list);
//! - edit tables (PTP, MUE, AOC, POA exempt, I/OCE) past their window are applied and marked `DATA-STALE`, never
//!   an error, or skipped with one `EDIT-DATE` note (`StaleEdits::Skip`);
//! - `info().tables` lists every table with its window and "current through" date.
mod common;
use claimlint::currency::StaleEdits;
use claimlint::claim::ClaimType;
use claimlint::procedure::{check_line_with, check_lines_with, LineInput};
use claimlint::claim::ClaimType as PtpType;
use claimlint::ptp::{check_pair_with, PairInput};
use claimlint::{CodeState, Finding, Severity, System};
use common::{data_dir, date, engine};

fn rules(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| &*f.rule).collect()
}

struct CodeCase {
    system: System,
    code: &'static str,
    on: &'static str,
    state: CodeState,
    /// A finding (rule) the answer must carry, if any.
    rule: Option<&'static str>,
    says: &'static str,
}

const fn code(system: System, code: &'static str, on: &'static str, state: CodeState, rule: Option<&'static str>, says: &'static str) -> CodeCase {
    CodeCase { system, code, on, state, rule, says }
}

#[test]
fn hcpcs_and_cpt_numbers_by_quarter() {
    use CodeState::*;
    use System::{Cpt, Hcpcs};
    let cases = [
        // April 2026 addition, not in the January ANWEB file.
        code(Hcpcs, "Q4435", "2026-03-31", Inactive, Some("PX-VALID"), "valid from 2026-04-01"),
        code(Hcpcs, "Q4435", "2026-04-01", Billable, Some("PX-DESC"), "description is not in the public files loaded"),
        code(Hcpcs, "Q4435", "2026-12-01", Billable, Some("PX-DESC"), ""),
        // Ended 2026-03-31 in the I/OCE although the January file shows no termination.
        code(Hcpcs, "L6000", "2026-03-31", Billable, None, ""),
        code(Hcpcs, "L6000", "2026-12-01", Inactive, Some("PX-VALID"), "last valid date of service was 2026-03-31"),
        // Known from the July 2026 code list only.
        code(Hcpcs, "G0574", "2026-06-30", Inactive, Some("PX-VALID"), "valid from 2026-07-01"),
        code(Hcpcs, "G0574", "2026-07-01", Billable, Some("PX-DESC"), "listed in the HCPCS file from 2026-07-01"),
        // January-file codes keep their descriptions.
        code(Hcpcs, "J1100", "2026-12-01", Billable, None, ""),
        // CPT numbers: deleted, and valid though absent from MUE and AOC.
        code(Cpt, "49654", "2022-12-31", Billable, Some("CPT-DESC"), ""),
        code(Cpt, "49654", "2026-12-01", Inactive, Some("PX-VALID"), "its last valid date of service was 2022-12-31"),
        code(Cpt, "1003T", "2026-12-01", Billable, Some("CPT-DESC"), "I/OCE data tables"),
        code(Cpt, "1003T", "2025-12-31", Inactive, Some("PX-VALID"), "valid from 2026-01-01"),
        code(Cpt, "99213", "2026-12-01", Billable, Some("CPT-DESC"), ""),
        code(Cpt, "99213", "2027-01-01", NoDataForDate, Some("PX-DATE"), "up to 2026-12-31"),
    ];
    let eng = engine().get();
    let mut failures = Vec::new();
    for c in &cases {
        let r = eng.check_code(c.system, c.code, Some(date(c.on)));
        let hit = match c.rule {
            Some(rule) => r.findings.iter().any(|f| f.rule == rule && f.message.contains(c.says)),
            None => r.findings.is_empty(),
        };
        if r.state != c.state || !hit {
            failures.push(format!("{} on {}: {:?} {:?}", c.code, c.on, r.state, r.findings.iter().map(|f| (&f.rule, &f.message)).collect::<Vec<_>>()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(eng.check_code(System::Hcpcs, "L6000", Some(date("2026-03-31"))).description.as_deref().map(|d| !d.is_empty()), Some(true));
    // Without a date: the newest quarter the data knows.
    assert_eq!(eng.check_code(System::Hcpcs, "Q4435", None).state, CodeState::Billable);
    assert_eq!(eng.check_code(System::Hcpcs, "L6000", None).state, CodeState::Inactive);
}

#[test]
fn the_102_codes_of_the_july_2026_list_are_known_from_2026_07_01() {
    let text = std::process::Command::new("gzip").arg("-dc").arg(data_dir().join("hcpcs/hcpcs_level2_codes_2026q3.txt.gz")).output().expect("gzip").stdout;
    let anweb = std::fs::read(data_dir().join("hcpcs/HCPC2026_JAN_ANWEB_01122026.txt")).expect("ANWEB");
    let january: std::collections::BTreeSet<&[u8]> = anweb.split(|&b| b == b'\n').filter_map(|l| l.get(..5)).collect();
    let july: Vec<String> = String::from_utf8(text).unwrap().lines().map(|l| l.trim().to_owned()).filter(|c| c.len() == 5).collect();
    assert_eq!(july.len(), 8_725);
    let new: Vec<&String> = july.iter().filter(|c| !january.contains(c.as_bytes())).collect();
    assert_eq!(new.len(), 102);
    let eng = engine().get();
    for c in new {
        let r = eng.check_code(System::Hcpcs, c, Some(date("2026-07-01")));
        assert_eq!(r.state, CodeState::Billable, "{c}: {:?}", r.findings);
        assert!(r.findings.iter().any(|f| f.rule == "PX-DESC"), "{c} says its description is not loaded");
    }
}

fn pair(a: &'static str, b: &'static str, on: &str, ct: PtpType, stale: StaleEdits) -> Vec<Finding> {
    check_pair_with(engine().get(), &PairInput { a, b, mods_a: &[], mods_b: &[], dos: date(on), claim_type: ct }, stale)
}

#[test]
fn outpatient_pairs_start_and_end_inside_the_ioce_history() {
    // 0001A / 0591T: in force from I/OCE 23.0.17 (2022-01-01) through 24.3.10 (2023-12-31).
    let out = |on: &str| pair("0001A", "0591T", on, PtpType::Outpatient, StaleEdits::Apply);
    assert!(out("2021-12-31").is_empty(), "{:?}", out("2021-12-31"));
    let f = out("2022-01-01");
    assert_eq!(rules(&f), ["PTP-1"], "{f:?}");
    assert!(f[0].message.contains("effective 2022-01-01") && f[0].message.contains("in force through 2023-12-31"), "{}", f[0].message);
    assert_eq!(rules(&out("2023-12-31")), ["PTP-1"]);
    assert!(out("2024-01-01").is_empty());
    // A pair the I/OCE history carries from its first quarter says "or earlier".
    let p = engine().get().ptp.as_ref().unwrap();
    let t = p.table(PtpType::Outpatient).unwrap();
    assert_eq!((t.history_start, t.release), (2019_07_01, 2026_04_01));
    // The practitioner table is still the 2024-07 one.
    assert_eq!(p.table(PtpType::Professional).unwrap().release, 2024_07_01);
}

#[test]
fn stale_edit_tables_in_both_modes() {
    let eng = engine().get();
    // PTP practitioner (2024-07 release): 29881 / 29877 on today's date.
    let applied = pair("29881", "29877", "2026-12-01", PtpType::Professional, StaleEdits::Apply);
    assert!(applied.iter().all(|f| f.severity <= Severity::Warning), "{applied:?}");
    assert!(applied.iter().any(|f| f.rule.starts_with("PTP-")), "{applied:?}");
    let note = applied.iter().find(|f| f.rule == "DATA-STALE").expect("DATA-STALE");
    assert!(note.message.contains("2024-07-01 to 2024-09-30") && note.message.contains("792 days past"), "{}", note.message);
    let skipped = pair("29881", "29877", "2026-12-01", PtpType::Professional, StaleEdits::Skip);
    assert_eq!(rules(&skipped), ["EDIT-DATE"], "{skipped:?}");
    // Inside the window the same pair is an error and says nothing about staleness.
    let current = pair("29881", "29877", "2024-08-01", PtpType::Professional, StaleEdits::Apply);
    assert!(current.iter().any(|f| f.severity == Severity::Error) && !rules(&current).contains(&"DATA-STALE"), "{current:?}");
    // PTP outpatient (I/OCE 2026-04-01 quarter): stale on 2026-12-01, 154 days past 2026-06-30.
    let out = pair("29881", "29877", "2026-12-01", PtpType::Outpatient, StaleEdits::Apply);
    assert!(out.iter().any(|f| f.rule == "DATA-STALE" && f.message.contains("154 days past")), "{out:?}");
    assert!(out.iter().all(|f| f.severity <= Severity::Warning));

    // MUE (2026-04-01 quarter): A0425 over its units.
    let line = |units: u32, on: &str| LineInput {
        code: "A0425".into(),
        modifiers: vec![],
        units,
        date_of_service: Some(date(on)),
        claim_type: ClaimType::Professional,
    };
    let inside = check_line_with(eng, &line(999, "2026-05-01"), StaleEdits::Apply);
    assert!(inside.findings.iter().any(|f| f.rule.starts_with("MUE-") && f.severity == Severity::Error), "{:?}", inside.findings);
    let applied = check_line_with(eng, &line(999, "2026-12-01"), StaleEdits::Apply);
    let mue: Vec<&Finding> = applied.findings.iter().filter(|f| f.rule.starts_with("MUE-")).collect();
    assert!(!mue.is_empty() && mue.iter().all(|f| f.severity == Severity::Warning), "{:?}", applied.findings);
    assert!(applied.findings.iter().any(|f| f.rule == "DATA-STALE" && f.pointer().as_deref() == Some("/units") && f.message.contains("154 days past")), "{:?}", applied.findings);
    let skipped = check_line_with(eng, &line(999, "2026-12-01"), StaleEdits::Skip);
    assert!(rules(&skipped.findings).contains(&"EDIT-DATE") && !skipped.findings.iter().any(|f| f.rule.starts_with("MUE-")), "{:?}", skipped.findings);

    // AOC (2026 Q2): an add-on code alone on a claim.
    let addon = |on: &str| vec![LineInput { code: "22552".into(), modifiers: vec![], units: 1, date_of_service: Some(date(on)), claim_type: ClaimType::Professional }];
    let inside = check_lines_with(eng, &addon("2026-05-01"), StaleEdits::Apply);
    assert!(inside.iter().any(|f| f.rule == "AOC-1" && f.severity == Severity::Error), "{inside:?}");
    let applied = check_lines_with(eng, &addon("2026-12-01"), StaleEdits::Apply);
    assert!(applied.iter().any(|f| f.rule == "AOC-1" && f.severity == Severity::Warning), "{applied:?}");
    assert!(applied.iter().any(|f| f.rule == "DATA-STALE" && f.message.starts_with("AOC-1 above")), "{applied:?}");
    let skipped = check_lines_with(eng, &addon("2026-12-01"), StaleEdits::Skip);
    assert!(rules(&skipped).contains(&"EDIT-DATE") && !rules(&skipped).contains(&"AOC-1"), "{skipped:?}");
}

#[test]
fn info_lists_every_table_with_its_window() {
    let info = engine().get().info();
    let t = |id: &str| info.tables.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("table {id} in {:?}", info.tables));
    let ids: Vec<&str> = info.tables.iter().map(|t| t.id.as_str()).collect();
    for id in ["icd10cm", "icd10pcs", "hcpcs", "cpt", "mue-practitioner", "mue-outpatient", "mue-dme", "aoc", "ptp-practitioner", "ptp-outpatient", "mce", "poa", "ioce"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let window = |id: &str| (t(id).kind.as_str(), t(id).valid_from.as_str(), t(id).valid_to.as_str(), t(id).current_through.as_str());
    assert_eq!(window("icd10cm"), ("code-set", "2024-10-01", "2027-09-30", "2027-09-30"));
    assert_eq!(t("icd10cm").label, "FY2025, FY2026, FY2027");
    assert_eq!(window("hcpcs"), ("code-set", "2026-01-01", "2026-12-31", "2026-09-30"));
    assert_eq!(window("cpt"), ("code-set", "2019-07-01", "2026-12-31", "2026-06-30"));
    assert_eq!(window("mue-practitioner"), ("edit-table", "2026-04-01", "2026-06-30", "2026-06-30"));
    assert_eq!(window("aoc"), ("edit-table", "2026-04-01", "2026-06-30", "2026-06-30"));
    assert_eq!(window("ptp-practitioner"), ("edit-table", "2024-07-01", "2024-09-30", "2024-09-30"));
    assert_eq!(window("ptp-outpatient"), ("edit-table", "2019-07-01", "2026-06-30", "2026-06-30"));
    assert!(t("ptp-outpatient").source.contains("ioce_outpatient_ptp"), "{}", t("ptp-outpatient").source);
    // The MCE master's end date 2027-03-31 only marks rows as open: the tables cover FY2027.
    assert_eq!(window("mce"), ("code-set", "2015-10-01", "2027-09-30", "2027-09-30"));
    assert!(t("mce").label.contains("FY2027") && t("mce").source.contains("FY2027 table set"), "{:?}", t("mce"));
    // The POA exempt list is FY2025's only, applied past its window as a stale edit table.
    assert_eq!(window("poa"), ("edit-table", "2024-10-01", "2025-09-30", "2025-09-30"));
    assert!(t("poa").label.contains("FY2025"), "{:?}", t("poa"));
    // The I/OCE tables leave the newest release (27.1.0, April 2026) open; it answers its quarter.
    assert_eq!(window("ioce"), ("edit-table", "2019-07-01", "2026-06-30", "2026-06-30"));
    assert!(t("ioce").label.contains("27.1.0"), "{:?}", t("ioce"));
}

/// An outpatient facility claim (OPPS 13x) with L6000, which the I/OCE ended 2026-03-31, and
/// a pharmacy line without HCPCS.
fn outpatient_claim(on: &str) -> String {
    format!(
        r#"{{"claimType":"outpatient","billType":"0131","statementFrom":"{on}","statementThrough":"{on}","opps":true,
            "patient":{{"sex":"F","age":67}},"diagnoses":["K63.5"],
            "lines":[{{"revenueCode":"0274","code":"L6000","dateFrom":"{on}","units":1,"charge":100.0}},
                     {{"revenueCode":"0250","dateFrom":"{on}","units":1,"charge":20.0}}]}}"#
    )
}

#[test]
fn ioce_edits_past_the_newest_quarter_follow_the_stale_policy() {
    use claimlint::claim::{check_claim_json, CheckOptions};
    let eng = engine().get();
    let check = |on: &str, stale: StaleEdits| check_claim_json(eng, &outpatient_claim(on), &CheckOptions { stale_edits: stale, ..CheckOptions::default() }).findings;
    let at = |f: &[Finding], rule: &str| -> Vec<(Severity, Option<String>, String, Option<String>)> {
        f.iter().filter(|x| x.rule == rule).map(|x| (x.severity, x.pointer(), x.message.clone(), x.vintage.clone())).collect()
    };
    // (date, policy, severity of IOCE-HCPCS-VALID or None, DATA-STALE notes on it, an EDIT-DATE note says)
    let cases: [(&str, StaleEdits, Option<Severity>, usize, &str); 5] = [
        ("2026-05-01", StaleEdits::Apply, Some(Severity::Error), 0, ""),
        ("2026-06-30", StaleEdits::Skip, Some(Severity::Error), 0, ""),
        ("2026-07-01", StaleEdits::Apply, Some(Severity::Warning), 1, ""),
        ("2026-12-01", StaleEdits::Apply, Some(Severity::Warning), 1, ""),
        ("2026-12-01", StaleEdits::Skip, None, 0, "I/OCE edits not checked: the I/OCE 27.1.0 release covers dates of service 2026-04-01 to 2026-06-30, and 2026-12-01 is 154 days past it"),
    ];
    for (on, stale, severity, notes, says) in cases {
        let f = check(on, stale);
        let what = format!("{on} {stale:?}: {:?}", rules(&f));
        let hcpcs = at(&f, "IOCE-HCPCS-VALID");
        assert_eq!(hcpcs.first().map(|h| h.0), severity, "{what}");
        if let Some((_, pointer, _, vintage)) = hcpcs.first() {
            assert_eq!(pointer.as_deref(), Some("/lines/0/code"), "{what}");
            assert_eq!(vintage.as_deref(), Some("I/OCE 27.1.0 (2026-04-01 to 2026-06-30)"), "{what}");
        }
        let stale_notes: Vec<_> = at(&f, "DATA-STALE").into_iter().filter(|n| n.2.starts_with("IOCE-HCPCS-VALID above comes from the I/OCE 27.1.0 release")).collect();
        assert_eq!(stale_notes.len(), notes, "{what}");
        for n in &stale_notes {
            assert_eq!((n.0, n.1.as_deref()), (Severity::Warning, Some("/lines/0/code")), "{what}");
            assert!(n.2.contains("whose window is 2026-04-01 to 2026-06-30"), "{}", n.2);
        }
        if on == "2026-12-01" && stale == StaleEdits::Apply {
            assert!(stale_notes.iter().any(|n| n.2.contains("154 days past it")), "{stale_notes:?}");
        }
        // No I/OCE finding stays an error past the window.
        if on > "2026-06-30" {
            assert!(f.iter().filter(|x| x.rule.starts_with("IOCE-")).all(|x| x.severity != Severity::Error), "{what}");
        }
        let skipped: Vec<_> = at(&f, "EDIT-DATE").into_iter().filter(|n| n.2.contains("I/OCE")).collect();
        if says.is_empty() {
            assert!(skipped.is_empty(), "{what}: {skipped:?}");
        } else {
            assert_eq!(skipped.len(), 1, "{what}");
            assert!(skipped[0].2.contains(says), "{}", skipped[0].2);
            assert!(f.iter().all(|x| !x.rule.starts_with("IOCE-")), "{what}");
            // The professional rules the I/OCE replaces stay off the facility claim.
            assert!(!rules(&f).contains(&"PX-VALID"), "{what}");
        }
    }
}
