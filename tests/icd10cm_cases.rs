//! Table-driven ICD-10-CM code checks on the real FY2025/FY2026 editions.
mod common;
use claimlint::{CodeState, System};
use common::{date, engine};

struct Case {
    input: &'static str,
    on: &'static str,
    state: CodeState,
    code: &'static str,
    rule: Option<&'static str>,
    suggestion: Option<&'static str>,
}

const fn case(input: &'static str, on: &'static str, state: CodeState, code: &'static str, rule: Option<&'static str>, suggestion: Option<&'static str>) -> Case {
    Case { input, on, state, code, rule, suggestion }
}

use CodeState::*;
const CASES: &[Case] = &[
    case("J15.9", "2026-03-15", Billable, "J15.9", None, None),
    case("j159", "2026-03-15", Billable, "J15.9", None, None),
    case("K35.2", "2026-03-15", Header, "K35.2", Some("DX-HEADER"), Some("K35.200")),
    case("S72.001", "2026-03-15", Header, "S72.001", Some("DX-7TH"), Some("S72.001A")),
    case("S72.001A", "2026-03-15", Billable, "S72.001A", None, None),
    case("T36.01A", "2026-03-15", InvalidFormat, "T36.01A", Some("DX-7TH"), Some("T36.0X1A")),
    case("W21.89XA", "2026-03-15", Billable, "W21.89XA", None, None),
    case("W21.89A", "2026-03-15", InvalidFormat, "W21.89A", Some("DX-7TH"), Some("W21.89XA")),
    case("S06.1X7D", "2026-03-15", Unknown, "S06.1X7D", Some("DX-VALID"), None),
    case("S06.1X7A", "2026-03-15", Billable, "S06.1X7A", None, None),
    case("010.02", "2026-03-15", InvalidFormat, "01002", Some("DX-VALID"), Some("O10.02")),
    case("99213", "2026-03-15", InvalidFormat, "99213", Some("DX-VALID"), None),
    case("J1", "2026-03-15", Prefix, "J1", None, None),
    case("S72.00", "2026-03-15", Header, "S72.00", Some("DX-HEADER"), None),
    case("", "2026-03-15", Empty, "", None, None),
    case("J15.9", "2027-10-15", NoDataForDate, "J15.9", Some("DX-DATE"), None),
    case("J15.9", "2024-09-30", NoDataForDate, "J15.9", Some("DX-DATE"), None),
    case("J15.9", "2024-10-01", Billable, "J15.9", None, None),
    case("J15.<9", "2026-03-15", InvalidFormat, "J15.9", Some("DX-VALID"), None),
    case("Ј15.9", "2026-03-15", Billable, "J15.9", Some("DX-LOOKALIKE"), None),
];

#[test]
fn table_of_code_checks() {
    let engine = engine().get();
    for c in CASES {
        let r = engine.check_code(System::Icd10cm, c.input, Some(date(c.on)));
        assert_eq!(r.state, c.state, "{} on {}: {:?}", c.input, c.on, r);
        assert_eq!(r.code, c.code, "{}", c.input);
        match c.rule {
            Some(rule) => assert!(r.findings.iter().any(|f| f.rule == rule), "{}: expected {rule} in {:?}", c.input, r.findings),
            None => assert!(r.findings.is_empty(), "{}: unexpected {:?}", c.input, r.findings),
        }
        if let Some(s) = c.suggestion {
            let all: Vec<&str> = r.findings.iter().flat_map(|f| f.suggestions.iter().map(|s| s.code.as_str())).chain(r.completions.iter().map(|x| x.code.as_str())).collect();
            assert!(all.contains(&s), "{}: expected suggestion {s} in {all:?}", c.input);
        }
        for f in &r.findings {
            assert!(!f.source.is_empty() && !f.message.is_empty(), "finding carries source and message");
            if c.state != NoDataForDate {
                assert!(f.vintage.as_deref().is_some_and(|v| v.starts_with("ICD-10-CM FY")), "finding carries vintage");
            }
        }
    }
}

#[test]
fn header_completions_are_its_billable_descendants() {
    let engine = engine().get();
    let r = engine.check_code(System::Icd10cm, "K35.2", Some(date("2026-03-15")));
    assert!(!r.completions.is_empty());
    for c in &r.completions {
        assert!(c.billable && c.code.starts_with("K35.2"), "{c:?}");
    }
    let kids = engine.children(System::Icd10cm, "K35.2", Some(date("2026-03-15")));
    assert!(kids.iter().any(|k| k.code == "K35.20"), "{kids:?}");
}

#[test]
fn describe_gives_hierarchy_and_parsed_notes() {
    let engine = engine().get();
    let d = engine.describe(System::Icd10cm, "S72.001A", Some(date("2026-03-15"))).expect("known code");
    assert_eq!(d.description.as_deref(), Some("Fracture of unspecified part of neck of right femur, initial encounter for closed fracture"));
    assert_eq!(d.parent.as_deref(), Some("S72.001"));
    assert!(d.chapter.as_deref().is_some_and(|c| c.starts_with("Chapter 19")), "{:?}", d.chapter);
    assert!(d.block.as_deref().is_some_and(|b| b.starts_with("S70-S79")), "{:?}", d.block);
    // S72's Excludes1 "traumatic amputation of hip and thigh (S78.-)" is inherited and parsed.
    let ex1 = d.notes.iter().find(|n| n.kind == claimlint::icd10cm::NoteKind::Excludes1 && n.at == "S72").expect("S72 excludes1");
    assert_eq!(ex1.refs.first().map(|r| (r.lo.as_str(), r.hi.as_str())), Some(("S78", "S78")));
}
