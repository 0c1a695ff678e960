//! Agreement with the official CMS files:
//! - FY2025 billable set, header set and descriptions equal the CMS order file (April 2025 zip);
//! - FY2026 billable set equals the 74,719 codes active on 2026-04-01 in the MCE v43.1 master;
//! - codes added or deleted between the editions answer `inactive` with the right dates.
mod common;
use claimlint::CodeTable;
use claimlint::compile::sources::read_source;
use claimlint::icd10cm::dotted;
use claimlint::{CodeState, System};
use common::{data_dir, date, engine};
use std::collections::{BTreeMap, BTreeSet};

/// The order file is ASCII; the tabular XML keeps diacritics (Sézary). Compare folded.
fn fold(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'É' => 'E',
            'Ö' => 'O',
            'Ü' => 'U',
            other => other,
        })
        .collect()
}

fn order_file_2025() -> BTreeMap<String, (bool, String)> {
    let zip = data_dir().join("icd10cm/2025-code-descriptions-tabular-order-april.zip");
    let (bytes, _) = read_source(&zip, &["icd10cm_order_2025.txt"]).expect("FY2025 order file in ../shared/data/cms");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    text.lines()
        .filter(|l| l.len() > 15)
        .map(|l| (l[6..13].trim().to_owned(), (&l[14..15] == "1", fold(l.get(77..).unwrap_or("")))))
        .collect()
}

#[test]
fn fy2025_equals_the_cms_order_file() {
    let order = order_file_2025();
    assert_eq!(order.len(), 97_584);
    assert_eq!(order.values().filter(|(b, _)| *b).count(), 74_260);
    let cm = engine().get().icd10cm.as_ref().expect("icd10cm section");
    let e = cm.edition_for(date("2025-03-01")).expect("FY2025 edition");
    assert_eq!(cm.label(e), "FY2025");
    let mut ours: BTreeMap<String, (bool, String)> = BTreeMap::new();
    for i in 0..cm.len() {
        if cm.exists(i, e) {
            ours.insert(cm.code(i).to_owned(), (cm.billable(i, e), cm.description(i, e).unwrap_or_default()));
        }
    }
    let missing: Vec<_> = order.keys().filter(|k| !ours.contains_key(*k)).take(5).collect();
    let extra: Vec<_> = ours.keys().filter(|k| !order.contains_key(*k)).take(5).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
    let mut flag_diff = 0;
    let mut desc_diff = Vec::new();
    for (code, (billable, desc)) in &order {
        let (b, d) = &ours[code];
        flag_diff += usize::from(b != billable);
        if fold(d) != *desc {
            desc_diff.push((code.clone(), desc.clone(), d.clone()));
        }
    }
    assert_eq!(flag_diff, 0, "billable flags differ");
    assert!(desc_diff.is_empty(), "{} descriptions differ, e.g. {:?}", desc_diff.len(), desc_diff.first());
}

#[test]
fn fy2026_billable_set_equals_mce_master_on_2026_04_01() {
    let path = data_dir().join("mce/mce_i10dx_master_v43.1.csv");
    let mut rdr = csv::Reader::from_path(&path).expect("MCE dx master in ../shared/data/cms");
    let mut mce = BTreeSet::new();
    for row in rdr.records() {
        let row = row.expect("csv row");
        let (code, start, end) = (&row[0], row[1].parse::<u32>().unwrap(), row[2].parse::<u32>().unwrap());
        if start <= 2026_04_01 && 2026_04_01 <= end {
            mce.insert(code.to_owned());
        }
    }
    assert_eq!(mce.len(), 74_719);
    let cm = engine().get().icd10cm.as_ref().expect("icd10cm section");
    let e = cm.edition_for(date("2026-04-01")).expect("FY2026 edition");
    let ours: BTreeSet<String> = (0..cm.len()).filter(|&i| cm.billable(i, e)).map(|i| cm.code(i).to_owned()).collect();
    let missing: Vec<_> = mce.difference(&ours).take(5).collect();
    let extra: Vec<_> = ours.difference(&mce).take(5).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
    assert_eq!(cm.len() - (0..cm.len()).filter(|&i| !cm.exists(i, e)).count(), 98_186, "FY2026 codes + headers");
}

#[test]
fn codes_added_or_deleted_between_editions_are_inactive_with_dates() {
    let engine = engine().get();
    let cm = engine.icd10cm.as_ref().expect("icd10cm section");
    let (old, new) = (0, 1);
    let added: Vec<usize> = (0..cm.len()).filter(|&i| cm.billable(i, new) && !cm.exists(i, old)).collect();
    let deleted: Vec<usize> = (0..cm.len()).filter(|&i| cm.billable(i, old) && !cm.exists(i, new)).collect();
    assert!(added.len() > 400 && !deleted.is_empty(), "FY2026 added {} and deleted {}", added.len(), deleted.len());
    for &i in &added {
        let code = dotted(cm.code(i));
        let r = engine.check_code(System::Icd10cm, &code, Some(date("2025-09-30")));
        assert_eq!(r.state, CodeState::Inactive, "{code}");
        assert!(r.findings[0].message.contains("valid from 2025-10-01"), "{code}: {}", r.findings[0].message);
        assert_eq!(engine.check_code(System::Icd10cm, &code, Some(date("2025-10-01"))).state, CodeState::Billable);
    }
    for &i in &deleted {
        let code = dotted(cm.code(i));
        let r = engine.check_code(System::Icd10cm, &code, Some(date("2025-10-01")));
        assert_eq!(r.state, CodeState::Inactive, "{code}");
        assert!(r.findings[0].message.contains("last date of service 2025-09-30"), "{code}: {}", r.findings[0].message);
        assert_eq!(engine.check_code(System::Icd10cm, &code, Some(date("2025-09-30"))).state, CodeState::Billable);
    }
}
