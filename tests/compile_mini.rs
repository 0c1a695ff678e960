//! The compiler on a miniature tabular file: expansion, placeholder X, notes, and the
//! engine's answers on the result — fast, and independent of the downloaded sources.
use claimlint::compile::{compile, CompileOptions, Icd10CmInput};
use claimlint::{CodeState, Date, Engine, System};
use std::path::PathBuf;

fn mini() -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-tabular.xml");
    compile(&CompileOptions { icd10cm: vec![Icd10CmInput { path, fiscal_year: 2026 }], ..Default::default() }).expect("mini compiles")
}

#[test]
fn expands_seventh_characters_with_placeholder_x() {
    let bytes = mini();
    let engine = Engine::open(&bytes).unwrap();
    let on = Date::parse("2026-01-10");
    let state = |c: &str| engine.check_code(System::Icd10cm, c, on).state;
    assert_eq!(state("S72.001A"), CodeState::Billable);
    assert_eq!(state("S72.001D"), CodeState::Billable);
    assert_eq!(state("S72.001"), CodeState::Header);
    assert_eq!(state("T36.0X1A"), CodeState::Billable);
    assert_eq!(state("T36.01A"), CodeState::InvalidFormat);
    assert_eq!(state("J15.9"), CodeState::Billable);
    assert_eq!(state("J15"), CodeState::Header);
    let info = engine.info();
    assert_eq!(info.counts.get("icd10cm.FY2026.billable"), Some(&5), "{:?}", info.counts);
    let d = engine.describe(System::Icd10cm, "J15.9", on).unwrap();
    assert!(d.notes.iter().any(|n| n.at == "J15" && n.refs.first().is_some_and(|r| r.lo == "P23")), "{:?}", d.notes);
    // A block note applies to the codes of its block.
    let d = engine.describe(System::Icd10cm, "P23.0", on).unwrap();
    assert!(d.notes.iter().any(|n| n.at == "P19-P29" && n.refs.first().is_some_and(|r| r.lo == "J15")), "{:?}", d.notes);
}

#[test]
fn compile_errors_name_the_file() {
    let err = compile(&CompileOptions {
        icd10cm: vec![Icd10CmInput { path: PathBuf::from("no/such/file.xml"), fiscal_year: 2026 }],
        ..Default::default()
    })
    .unwrap_err();
    assert!(err.to_string().contains("no/such/file.xml"), "{err}");
}
