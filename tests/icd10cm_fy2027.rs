//! The FY2027 ICD-10-CM edition (dates of service 2026-10-01 to 2027-09-30), built from the
//! FY2026 tabular XML plus the CMS FY2027 order-file addenda:
//! - its billable set equals the MCE master's codes active on 2026-10-01 (74,879);
//! - it has the 23,524 headers the addenda summary states;
//! - every added and revised code carries the addenda's long title;
//! - codes across the 2026-10-01 boundary answer as CMS says (table-driven).
mod common;
use claimlint::icd10cm::dotted;
use claimlint::CodeTable;
use claimlint::{CodeState, System};
use common::{data_dir, date, engine};
use std::collections::{BTreeMap, BTreeSet};

/// The addenda read independently of the compiler: (action, billable, code, long title).
fn addenda() -> Vec<(String, bool, String, String)> {
    let text = std::fs::read_to_string(data_dir().join("icd10cm/icd10cm_order_addenda_2027.txt")).expect("FY2027 addenda in ../shared/data/cms");
    text.lines()
        .filter_map(|l| {
            let (action, rest) = l.split_once(':')?;
            let mut w = rest.split_whitespace();
            let flag = w.next()?;
            let code = w.next()?;
            let long = l.get(84..)?.trim();
            Some((action.to_owned(), flag == "1", code.to_owned(), long.to_owned()))
        })
        .collect()
}

fn fy2027() -> usize {
    let cm = engine().get().icd10cm.as_ref().expect("icd10cm section");
    let e = cm.edition_for(date("2026-10-01")).expect("an edition for 2026-10-01");
    assert_eq!(cm.label(e), "FY2027");
    e
}

#[test]
fn fy2027_billable_set_equals_the_mce_master_on_2026_10_01() {
    let csv = std::fs::read_to_string(data_dir().join("mce/mce_i10dx_master_v43.1.csv")).expect("MCE master");
    let mce: BTreeSet<String> = csv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split(',');
            let (code, from, to) = (f.next()?, f.next()?.parse::<u32>().ok()?, f.next()?.parse::<u32>().ok()?);
            (from <= 2026_10_01 && 2026_10_01 <= to).then(|| code.to_owned())
        })
        .collect();
    assert_eq!(mce.len(), 74_879);
    let cm = engine().get().icd10cm.as_ref().unwrap();
    let e = fy2027();
    let ours: BTreeSet<String> = (0..cm.len()).filter(|&i| cm.billable(i, e)).map(|i| cm.code(i).to_owned()).collect();
    let headers = (0..cm.len()).filter(|&i| cm.exists(i, e) && !cm.billable(i, e)).count();
    let missing: Vec<_> = mce.difference(&ours).take(5).collect();
    let extra: Vec<_> = ours.difference(&mce).take(5).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
    assert_eq!(headers, 23_524, "headers per the addenda summary");
    let info = engine().get().info();
    let v = info.vintages.iter().find(|v| v.label == "FY2027").expect("FY2027 vintage");
    assert!(v.source.contains("icd10cm_order_addenda_2027.txt") && v.source.contains(".xml"), "source names both files: {}", v.source);
}

#[test]
fn added_and_revised_codes_carry_the_addenda_long_titles() {
    let cm = engine().get().icd10cm.as_ref().unwrap();
    let e = fy2027();
    let rows = addenda();
    let count = |a: &str, billable: bool| rows.iter().filter(|r| r.0 == a && r.1 == billable).count();
    assert_eq!((count("Add", true), count("Add", false)), (190, 63));
    assert_eq!((count("Delete", true), count("Delete", false)), (30, 6));
    assert_eq!(count("Revise to", true) + count("Revise to", false), 4);
    let mut checked = 0;
    for (action, billable, code, title) in rows.iter().filter(|r| r.0 == "Add" || r.0 == "Revise to") {
        let i = cm.find(code).unwrap_or_else(|| panic!("{action} {code} not in the blob"));
        assert!(cm.exists(i, e), "{code} exists in FY2027");
        assert_eq!(cm.billable(i, e), *billable, "{code} billable flag");
        assert_eq!(cm.description(i, e).as_deref(), Some(title.as_str()), "{action} {code}");
        checked += 1;
    }
    assert_eq!(checked, 257);
    let deleted: BTreeMap<&str, bool> = rows.iter().filter(|r| r.0 == "Delete").map(|r| (r.2.as_str(), r.1)).collect();
    let re_added: BTreeSet<&str> = rows.iter().filter(|r| r.0 == "Add").map(|r| r.2.as_str()).collect();
    for code in deleted.keys().filter(|c| !re_added.contains(*c)) {
        let i = cm.find(code).expect("deleted code kept for earlier editions");
        assert!(!cm.exists(i, e) && cm.exists(i, e - 1), "{code} deleted in FY2027, present in FY2026");
    }
}

struct Case {
    code: &'static str,
    on: &'static str,
    state: CodeState,
    /// Words the first finding's message must contain.
    says: &'static str,
}

const fn case(code: &'static str, on: &'static str, state: CodeState, says: &'static str) -> Case {
    Case { code, on, state, says }
}

#[test]
fn codes_across_the_2026_10_01_boundary() {
    use CodeState::*;
    let cases = [
        case("I42.0", "2026-09-30", Billable, ""),
        case("I42.0", "2026-10-01", Header, "header"),
        case("I42.00", "2026-09-30", Inactive, "added in FY2027, valid from 2026-10-01"),
        case("I42.00", "2026-10-01", Billable, ""),
        case("I42.00", "2027-09-30", Billable, ""),
        case("D69.1", "2026-09-30", Billable, ""),
        case("D69.1", "2026-12-01", Header, "header"),
        case("D69.11", "2026-12-01", Billable, ""),
        case("D69.11", "2026-09-30", Inactive, "valid from 2026-10-01"),
        case("F64.A", "2026-09-30", Inactive, "added in FY2027"),
        case("F64.A", "2026-10-01", Billable, ""),
        case("T52.8X1A", "2026-09-30", Billable, ""),
        case("T52.8X1A", "2026-10-01", Inactive, "deleted: it was valid in FY2026 (2025-10-01 to 2026-09-30), last date of service 2026-09-30"),
        case("T52.811A", "2026-10-01", Billable, ""),
        case("M86.8X1", "2026-10-01", Header, "header"),
        case("Z87.890", "2026-10-01", Header, "header"),
        case("J15.9", "2026-12-01", Billable, ""),
        case("J15.9", "2027-10-01", NoDataForDate, "no ICD-10-CM edition is loaded for the date of service 2027-10-01"),
    ];
    let eng = engine().get();
    let mut failures = Vec::new();
    for c in &cases {
        let r = eng.check_code(System::Icd10cm, c.code, Some(date(c.on)));
        let msg = r.findings.first().map(|f| f.message.as_str()).unwrap_or("");
        if r.state != c.state || !msg.contains(c.says) {
            failures.push(format!("{} on {}: {:?} {msg:?}, expected {:?} saying {:?}", c.code, c.on, r.state, c.state, c.says));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let revised = eng.check_code(System::Icd10cm, "L03.312", Some(date("2026-10-01")));
    assert_eq!(revised.description.as_deref(), Some("Cellulitis of back [any part except buttock and flank]"));
    let before = eng.check_code(System::Icd10cm, "L03.312", Some(date("2026-09-30")));
    assert_eq!(before.description.as_deref(), Some("Cellulitis of back [any part except buttock]"));
}

#[test]
fn new_codes_answer_with_their_category_notes_and_say_their_own_are_unavailable() {
    let eng = engine().get();
    let on = Some(date("2026-12-01"));
    let d = eng.describe(System::Icd10cm, "F64.A", on).expect("F64.A in FY2027");
    let note = d.notes_unavailable.as_deref().expect("F64.A says its notes are unavailable");
    assert!(note.contains("F64.A is new in FY2027") && note.contains("its categories"), "{note}");
    let d = eng.describe(System::Icd10cm, "I42.00", on).expect("I42.00 in FY2027");
    assert!(d.notes_unavailable.is_some());
    assert!(d.notes.iter().any(|n| n.at == "I42" && n.kind == claimlint::icd10cm::NoteKind::CodeFirst), "category I42's notes still apply: {:?}", d.notes);
    let cm = eng.icd10cm.as_ref().unwrap();
    let i = cm.find("I4200").unwrap();
    let inherited: Vec<String> = cm.applicable_notes(i, fy2027(), claimlint::icd10cm::NoteKind::Excludes2).iter().map(|n| n.at.clone()).collect();
    assert!(inherited.iter().any(|a| a == "I42"), "I42.00 is governed by category I42's Excludes2: {inherited:?}");
    let old = eng.describe(System::Icd10cm, "J15.9", on).unwrap();
    assert!(old.notes_unavailable.is_none(), "kept codes keep their notes");
    assert_eq!(dotted("D6911"), "D69.11");
}

#[test]
fn without_the_data_directory_fy2025_and_fy2026_are_compiled() {
    let cache = common::cache_dir();
    let alone: Vec<u32> = claimlint::compile::default_icd10cm(&cache, None).iter().map(|i| i.fiscal_year).collect();
    assert_eq!(alone, [2025, 2026]);
    let with: Vec<u32> = claimlint::compile::default_icd10cm(&cache, Some(&data_dir())).iter().map(|i| i.fiscal_year).collect();
    assert_eq!(with, [2025, 2026, 2027]);
}

/// Codes the addenda adds are stored as the tabular XML's: a new 7th-character code is an
/// extension holding only its character's text (the same pool entry as FY2026's extensions),
/// its base needs a 7th character, and new real 7-character codes (Z87.8901) are neither.
#[test]
fn added_codes_are_stored_as_the_tabular_xml_codes_are() {
    let cm = engine().get().icd10cm.as_ref().unwrap();
    let e = fy2027();
    let at = |c: &str| cm.find(c).unwrap_or_else(|| panic!("{c} in the blob"));
    for (code, extension) in [("T52811A", true), ("T52894S", true), ("O3140X0", true), ("O3143X9", true), ("Z878901", false), ("M868X11", false), ("K6A01", false)] {
        assert_eq!(cm.is_extension(at(code)), extension, "{code} extension flag");
    }
    for (header, needs) in [("T52811", true), ("O3140", true), ("Z87890", false), ("M868X1", false), ("K6A0", false)] {
        assert_eq!(cm.needs_seventh(at(header)), needs, "{header} needs a 7th character");
    }
    // "initial encounter" is stored once, for FY2026's T52.8X1A and FY2027's T52.811A alike.
    assert_eq!(cm.title_id(at("T52811A"), e), cm.title_id(at("T528X1A"), e - 1));
    let r = engine().get().check_code(System::Icd10cm, "T52.811", Some(date("2026-10-01")));
    assert_eq!(r.findings.first().map(|f| &*f.rule), Some("DX-7TH"), "{:?}", r.findings);
    assert!(r.completions.iter().any(|c| c.code == "T52.811A"), "{:?}", r.completions);
}
