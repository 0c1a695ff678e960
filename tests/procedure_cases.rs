//! Table-driven cases: code states, modifiers, MUE (MAI 1 vs 2/3, zero), add-on types, CPT licence.
mod common;
use claimlint::compile::{compile, CompileOptions};
use claimlint::claim::ClaimType;
use claimlint::procedure::{check_line, check_lines, is_ptp_modifier, ptp_modifier_family, LineInput, PtpModifierFamily};
use claimlint::{CodeState, Engine, OwnedEngine, Severity, System};

fn line(code: &str, mods: &[&str], units: u32, dos: &str) -> LineInput {
    LineInput {
        code: code.into(),
        modifiers: mods.iter().map(|m| m.to_string()).collect(),
        units,
        date_of_service: Some(common::date(dos)),
        claim_type: ClaimType::Professional,
    }
}

fn rules(f: &[claimlint::Finding]) -> Vec<&str> {
    f.iter().map(|f| &*f.rule).collect()
}

#[test]
fn code_states() {
    let e = common::engine().get();
    let on = Some(common::date("2026-04-01"));
    let cases: &[(System, &str, CodeState, &str)] = &[
        (System::Hcpcs, "J1100", CodeState::Billable, ""),
        (System::Hcpcs, "j11", CodeState::Prefix, ""),
        (System::Hcpcs, "99213", CodeState::InvalidFormat, "CPT"),
        (System::Hcpcs, "J15.9", CodeState::InvalidFormat, "ICD-10-CM"),
        (System::Hcpcs, "Q0000", CodeState::Unknown, "not a HCPCS"),
        (System::Cpt, "11045", CodeState::Billable, ""),
        (System::Cpt, "J1100", CodeState::InvalidFormat, "HCPCS Level II"),
        (System::Cpt, "1234X", CodeState::InvalidFormat, "shape of a CPT"),
        // Digits on the way to a CPT number are a beginning, not "a modifier".
        (System::Cpt, "71", CodeState::Prefix, ""),
        (System::Cpt, "7", CodeState::Prefix, ""),
        (System::Icd10pcs, "0DTJ4ZZ", CodeState::Billable, ""),
        (System::Icd10pcs, "0DTJ4ZO", CodeState::InvalidFormat, "letter O"),
        (System::Icd10pcs, "0DTJ", CodeState::Prefix, ""),
        (System::Icd10pcs, "0DTJ4Z", CodeState::Prefix, ""),
        (System::Icd10pcs, "0DTJ9ZZ", CodeState::Unknown, "approach"),
        (System::Icd10pcs, "J15.9", CodeState::InvalidFormat, "ICD-10-CM"),
        (System::Modifier, "LT", CodeState::Billable, ""),
        (System::Modifier, "25", CodeState::Billable, ""),
        (System::Modifier, "ZZ", CodeState::Unknown, "not a HCPCS Level II modifier"),
        (System::Modifier, "99213", CodeState::InvalidFormat, "two characters"),
    ];
    for (sys, code, state, msg) in cases {
        let c = e.check_code(*sys, code, on);
        assert_eq!(c.state, *state, "{sys} {code}: {c:?}");
        if !msg.is_empty() {
            assert!(c.findings.iter().any(|f| f.message.contains(msg)), "{sys} {code}: {:?}", c.findings);
        }
    }
    // Discontinued HCPCS code: inactive after its termination date, valid before.
    let h = e.procedures.as_ref().unwrap().hcpcs.as_ref().unwrap();
    let (i, term) = (0..h.len(claimlint::procedure::Table::Codes))
        .find_map(|i| h.terminated(claimlint::procedure::Table::Codes, i).map(|t| (i, t)))
        .unwrap();
    let code = h.code(claimlint::procedure::Table::Codes, i);
    let after = e.check_code(System::Hcpcs, code, term.pred().map(|_| common::date("2026-04-01")));
    assert_eq!(after.state, CodeState::Inactive, "{code}");
    assert!(after.findings[0].message.contains("discontinued"));
    assert_eq!(e.check_code(System::Hcpcs, code, Some(term)).state, CodeState::Billable);
}

#[test]
fn cpt_without_licence_has_no_description_and_says_why() {
    let c = common::engine().get().check_code(System::Cpt, "99213", Some(common::date("2026-04-01")));
    assert_eq!(c.state, CodeState::Billable);
    assert!(c.description.is_none());
    let f = c.findings.iter().find(|f| f.rule == "CPT-DESC").unwrap();
    assert!(f.message.contains("AMA"), "{}", f.message);
    assert_eq!(f.severity, Severity::Info);
    assert!(!common::engine().get().blob.manifest.cpt_licensed);
}

#[test]
fn licensed_cpt_build_shows_fixture_descriptions() {
    let opts = CompileOptions {
        icd10cm: common::options().icd10cm.into_iter().take(1).collect(),
        data_dir: Some(common::data_dir()),
        cpt_file: Some(common::root().join("tests/fixtures/cpt_licensed_fixture.csv")),
        built: 2026_11_22,
        ..Default::default()
    };
    let bytes = compile(&opts).unwrap();
    let owned = OwnedEngine::open(bytes).unwrap();
    let e: &Engine<'_> = owned.get();
    assert!(e.blob.manifest.cpt_licensed);
    let c = e.check_code(System::Cpt, "11045", None);
    assert_eq!(c.description.as_deref(), Some("Test fixture description for code 11045 (invented)"));
    assert!(c.findings.iter().all(|f| f.rule != "CPT-DESC"));
    let m = e.check_code(System::Modifier, "25", None);
    assert_eq!(m.description.as_deref(), Some("Test fixture description for modifier 25 (invented)"));
    // A code outside the fixture keeps the licence note.
    assert!(e.check_code(System::Cpt, "99213", None).findings.iter().any(|f| f.rule == "CPT-DESC"));
    // A claim's lines leave the display note out.
    assert!(!rules(&check_lines(e, &[line("99213", &[], 1, "2026-04-01")])).contains(&"CPT-DESC"));
}

#[test]
fn modifiers_conflicts_and_ptp_families() {
    let e = common::engine().get();
    let lc = check_line(e, &line("J1100", &["LT", "RT"], 1, "2026-04-01"));
    assert!(rules(&lc.findings).contains(&"MOD-CONFLICT"), "{:?}", lc.findings);
    let lc = check_line(e, &line("J1100", &["50", "LT"], 1, "2026-04-01"));
    assert!(rules(&lc.findings).contains(&"MOD-CONFLICT"));
    let lc = check_line(e, &line("J1100", &["ZZ"], 1, "2026-04-01"));
    assert!(rules(&lc.findings).contains(&"MOD-VALID"));
    let lc = check_line(e, &line("J1100", &["59", "LT"], 1, "2026-04-01"));
    assert!(!rules(&lc.findings).iter().any(|r| r.starts_with("MOD-")), "{:?}", lc.findings);
    assert!(is_ptp_modifier("XS") && is_ptp_modifier("f5") && !is_ptp_modifier("GA"));
    assert_eq!(ptp_modifier_family("79"), Some(PtpModifierFamily::GlobalSurgery));
}

#[test]
fn mue_line_versus_date_of_service() {
    let e = common::engine().get();
    let d = "2026-04-01";
    // A0425: MUE 250, MAI 1 (line edit): each line compared alone.
    let lc = check_line(e, &line("A0425", &[], 251, d));
    assert!(rules(&lc.findings).contains(&"MUE-LINE"), "{:?}", lc.findings);
    let two = [line("A0425", &[], 200, d), line("A0425", &["59"], 200, d)];
    assert!(!rules(&check_lines(e, &two)).iter().any(|r| r.starts_with("MUE")));
    // 11045: MUE 12, MAI 3: units summed across lines on the same date.
    assert!(rules(&check_line(e, &line("11045", &[], 8, d)).findings).iter().all(|r| !r.starts_with("MUE")));
    let f = check_lines(e, &[line("11042", &[], 1, d), line("11045", &[], 8, d), line("11045", &[], 8, d)]);
    let dos: Vec<_> = f.iter().filter(|f| f.rule == "MUE-DOS").collect();
    assert_eq!(dos.len(), 1, "{f:?}");
    assert!(dos[0].message.contains("16 units") && dos[0].message.contains("MAI 3"));
    // Different dates are not summed.
    let f = check_lines(e, &[line("11042", &[], 1, d), line("11045", &[], 8, d), line("11042", &[], 1, "2026-04-02"), line("11045", &[], 8, "2026-04-02")]);
    assert!(!rules(&f).contains(&"MUE-DOS"), "{f:?}");
    // 11042: MUE 1, MAI 2 on a single line.
    let lc = check_line(e, &line("11042", &[], 2, d));
    assert!(lc.findings.iter().any(|f| f.rule == "MUE-DOS" && f.message.contains("MAI 2")));
    // MUE 0.
    let lc = check_line(e, &line("0079U", &[], 1, d));
    assert!(rules(&lc.findings).contains(&"MUE-ZERO"), "{:?}", lc.findings);
    // Claim type picks the table: J1100 is 0 for DME suppliers, 120 for practitioners.
    let mut dme = line("J1100", &[], 1, d);
    dme.claim_type = ClaimType::Dme;
    assert!(rules(&check_line(e, &dme).findings).contains(&"MUE-ZERO"));
    assert!(!rules(&check_line(e, &line("J1100", &[], 1, d)).findings).contains(&"MUE-ZERO"));
    // Before the table's quarter: not checked, and said so. Past it: applied from the newest
    // release, at most a warning, marked DATA-STALE (tests/data_currency.rs has both modes).
    let lc = check_line(e, &line("A0425", &[], 251, "2026-03-02"));
    assert!(rules(&lc.findings).contains(&"EDIT-DATE") && !rules(&lc.findings).contains(&"MUE-LINE"));
    let lc = check_line(e, &line("A0425", &[], 251, "2026-08-01"));
    assert!(rules(&lc.findings).contains(&"DATA-STALE") && lc.findings.iter().any(|f| f.rule == "MUE-LINE" && f.severity == claimlint::Severity::Warning), "{:?}", lc.findings);
}

#[test]
fn add_on_types() {
    let e = common::engine().get();
    let d = "2026-04-01";
    // Type 1: 11045 needs 11042.
    let f = check_lines(e, &[line("11045", &[], 1, d)]);
    let a = f.iter().find(|f| f.rule == "AOC-1").expect("AOC-1");
    assert_eq!(a.severity, Severity::Error);
    assert!(a.message.contains("11042"));
    assert!(!rules(&check_lines(e, &[line("11042", &[], 1, d), line("11045", &[], 1, d)])).contains(&"AOC-1"));
    // Primary on another date does not count.
    assert!(rules(&check_lines(e, &[line("11042", &[], 1, "2026-04-02"), line("11045", &[], 1, d)])).contains(&"AOC-1"));
    // Type 2: contractor-defined primaries.
    let f = check_lines(e, &[line("0054T", &[], 1, d)]);
    assert!(rules(&f).contains(&"AOC-2"), "{f:?}");
    let f = check_lines(e, &[line("99213", &[], 1, d), line("0054T", &[], 1, d)]);
    assert_eq!(f.iter().find(|f| f.rule == "AOC-2").unwrap().severity, Severity::Info);
    // Type 3: a warning, since contractors may accept other primaries.
    let f = check_lines(e, &[line("0984T", &[], 1, d)]);
    assert_eq!(f.iter().find(|f| f.rule == "AOC-3").expect("AOC-3").severity, Severity::Warning);
    assert!(!rules(&check_lines(e, &[line("36221", &[], 1, d), line("0984T", &[], 1, d)])).contains(&"AOC-3"));
    // Single line: a context note only.
    let lc = check_line(e, &line("11045", &[], 1, d));
    assert!(rules(&lc.findings).contains(&"AOC-CONTEXT") && !rules(&lc.findings).contains(&"AOC-1"));
}

#[test]
fn every_emitted_rule_is_catalogued() {
    for id in ["PX-VALID", "PX-DATE", "CPT-DESC", "MOD-VALID", "MOD-CONFLICT", "MUE-LINE", "MUE-DOS", "MUE-ZERO", "AOC-1", "AOC-2", "AOC-3", "AOC-CONTEXT", "EDIT-DATE"] {
        assert!(claimlint::rules::rule(id).is_some(), "{id}");
    }
}
