//! Agreement with the full CMS sources: every HCPCS code and modifier, every MUE row, every
//! add-on code edit row, and the ICD-10-PCS valid set. Each source is re-read here simply.
mod common;
use claimlint::claim::ClaimType;
use claimlint::procedure::Table;
use claimlint::Date;
use std::collections::BTreeMap;

fn hcpcs_source() -> (BTreeMap<String, (String, String, u32, u32)>, BTreeMap<String, (String, String, u32, u32)>) {
    let text = std::fs::read_to_string(common::data_dir().join("hcpcs/HCPC2026_JAN_ANWEB_01122026.txt")).unwrap();
    let (mut codes, mut mods) = (BTreeMap::new(), BTreeMap::new());
    let mut last: Option<(bool, String)> = None;
    for line in text.lines() {
        if line.len() < 11 {
            continue;
        }
        let ric = &line[10..11];
        let part = line[11..91].trim().to_owned();
        let num = |a: usize, b: usize| line[a..b].trim().parse::<u32>().unwrap_or(0);
        match ric {
            "3" | "7" => {
                let is_mod = ric == "7";
                let code = if is_mod { line[3..5].to_owned() } else { line[0..5].trim().to_owned() };
                let rec = (part, line[91..119].trim().to_owned(), num(268, 276), num(284, 292));
                if is_mod { mods.insert(code.clone(), rec) } else { codes.insert(code.clone(), rec) };
                last = Some((is_mod, code));
            }
            "4" | "8" => {
                let (is_mod, code) = last.clone().unwrap();
                let m = if is_mod { &mut mods } else { &mut codes };
                let r = m.get_mut(&code).unwrap();
                if !part.is_empty() {
                    r.0 = format!("{} {}", r.0, part);
                }
            }
            _ => {}
        }
    }
    (codes, mods)
}

#[test]
fn every_hcpcs_code_and_modifier_matches_the_anweb_file() {
    let (codes, mods) = hcpcs_source();
    assert_eq!((codes.len(), mods.len()), (8623, 383));
    let e = common::engine().get();
    let h = e.procedures.as_ref().unwrap().hcpcs.as_ref().unwrap();
    assert_eq!(e.blob.manifest.count("hcpcs.codes"), Some(8623));
    assert_eq!(e.blob.manifest.count("hcpcs.modifiers"), Some(383));
    for (t, src) in [(Table::Codes, &codes), (Table::Modifiers, &mods)] {
        assert_eq!(h.len(t), src.len());
        for (code, (long, short, added, term)) in src {
            let i = h.find(t, code).unwrap_or_else(|| panic!("{code} missing"));
            let r = h.record(t, i).unwrap();
            assert_eq!(&r.long_description, long, "{code} long");
            assert_eq!(&r.short_description, short, "{code} short");
            assert_eq!(r.added.map(Date::yyyymmdd).unwrap_or(0), *added, "{code} added");
            assert_eq!(r.terminated.map(Date::yyyymmdd).unwrap_or(0), *term, "{code} terminated");
        }
    }
    // The 546-character record is read like the others.
    let g = h.record(Table::Codes, h.find(Table::Codes, "G9871").unwrap()).unwrap();
    assert_eq!(g.short_description, "Bhv couns dm prev, onln 60 m");
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

#[test]
fn every_mue_row_matches_the_three_csvs() {
    let e = common::engine().get();
    let mue = e.procedures.as_ref().unwrap().mue.as_ref().unwrap();
    let files = [
        (ClaimType::Professional, "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", 15095),
        (ClaimType::Outpatient, "MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv", 15045),
        (ClaimType::Dme, "MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv", 3083),
    ];
    for (t, name, expected) in files {
        let text = latin1(&std::fs::read(common::data_dir().join("ncci_mue").join(name)).unwrap());
        let mut rd = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).skip(2).collect();
        assert_eq!(rows.len(), expected, "{name}");
        assert_eq!(mue.len(t), expected);
        for r in rows {
            let m = mue.get(t, &r[0]).unwrap_or_else(|| panic!("{} missing from {name}", &r[0]));
            assert_eq!(m.value.to_string(), &r[1], "{} value", &r[0]);
            assert_eq!(m.mai.to_string(), r[2][..1].to_string(), "{} MAI", &r[0]);
            assert_eq!(m.rationale, &r[3], "{} rationale", &r[0]);
        }
    }
}

#[test]
fn every_add_on_edit_row_is_reproduced() {
    use calamine::{Data, Reader, Xlsx};
    let path = common::data_dir().join("ncci_aoc/AOC_V2026Q2-MCR.xlsx");
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    let text = |d: &Data| match d {
        Data::Empty => String::new(),
        other => other.to_string(),
    };
    let jul = |s: String| if s.is_empty() { None } else { Some(Date::from_julian(&s).unwrap()) };
    let mut want: Vec<(u8, String, String, Option<Date>, Option<Date>, Option<Date>, Option<Date>)> = range
        .rows()
        .skip(2)
        .map(|r| {
            (text(&r[0]).parse().unwrap(), text(&r[1]), text(&r[3]), jul(text(&r[5])), jul(text(&r[6])), jul(text(&r[2])), jul(text(&r[4])))
        })
        .collect();
    assert_eq!(want.len(), 9000);
    let e = common::engine().get();
    let aoc = e.procedures.as_ref().unwrap().aoc.as_ref().unwrap();
    let mut got: Vec<_> = (0..aoc.rows())
        .map(|i| aoc.edit(i).unwrap())
        .map(|x| (x.kind, x.addon, x.primary, x.effective, x.deleted, x.addon_deleted, x.primary_deleted))
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
}

#[test]
fn pcs_valid_set_on_2026_04_01_is_79193() {
    let text = std::fs::read_to_string(common::data_dir().join("mce/mce_i10sg_master_v43.1.csv")).unwrap();
    let d = 2026_04_01u32;
    let mut valid = std::collections::BTreeSet::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (a, b): (u32, u32) = (f[1].parse().unwrap(), f[2].parse().unwrap());
        if a <= d && d <= b {
            valid.insert(f[0].to_owned());
        }
    }
    assert_eq!(valid.len(), 79193);
    let e = common::engine().get();
    let pcs = e.procedures.as_ref().unwrap().pcs.as_ref().unwrap();
    let on = common::date("2026-04-01");
    assert_eq!(pcs.count_valid_on(on), 79193);
    for c in valid.iter().step_by(97) {
        assert!(pcs.valid_row(c, on).is_some(), "{c}");
    }
    assert_eq!(e.blob.manifest.count("icd10pcs.valid_on_release"), Some(79193));
}

/// FY2027 (issue 14 item 2): the master's rows from 2026-10-01 are answered, 101 added and 38
/// deleted codes against 2026-04-01.
#[test]
fn pcs_valid_set_on_2026_10_01_is_79256() {
    let e = common::engine().get();
    let pcs = e.procedures.as_ref().unwrap().pcs.as_ref().unwrap();
    let on = common::date("2026-10-01");
    assert_eq!(pcs.count_valid_on(on), 79256);
    assert_eq!(pcs.window().map(|w| w.1), Some(common::date("2027-09-30")));
    let before = common::date("2026-09-30");
    let mut added = 0;
    let mut deleted = 0;
    let mut last = "";
    for r in 0..pcs.rows() {
        let c = pcs.code(r);
        if c == last {
            continue;
        }
        last = c;
        match (pcs.valid_row(c, before).is_some(), pcs.valid_row(c, on).is_some()) {
            (false, true) => added += 1,
            (true, false) => deleted += 1,
            _ => {}
        }
    }
    assert_eq!((added, deleted), (101, 38));
}
