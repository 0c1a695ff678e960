//! Refreshing ICD-10-CM from the files CMS publishes for a new fiscal year, through the
//! command line: `claimlint compile --icd10cm 2027=<order-file zip | order-file addenda>` on
//! top of the previous year. Small fixtures in the CMS layouts, so this runs without the
//! downloaded sources: a miniature FY2026 tabular XML, a FY2027 addenda (a billable code turned
//! header with two new children, a deletion, a revised 7th-character title) and a zip laid
//! out like `2027-code-descriptions-tabular-order.zip` whose order file has the same result.
use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_claimlint");

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

fn claimlint(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN).args(args).output().expect("run claimlint");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Compiles FY2026 (mini XML) + FY2027 from `source`; returns the blob path.
fn compile(tag: &str, source: &str) -> String {
    let out = std::env::temp_dir().join(format!("claimlint-refresh-{tag}-{}.blob", std::process::id())).display().to_string();
    let (ok, _, err) = claimlint(&[
        "compile",
        "--no-data-dir",
        "--out",
        &out,
        "--icd10cm",
        &format!("2026={}", fixture("mini-tabular.xml")),
        "--icd10cm",
        &format!("2027={source}"),
    ]);
    assert!(ok, "compile with {source}: {err}");
    out
}

fn check(blob: &str, on: &str, code: &str) -> serde_json::Value {
    let (_, out, err) = claimlint(&["check", "--blob", blob, "--system", "icd10cm", "--on", on, code]);
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("check {code}: {e}: {out} {err}"))
}

#[test]
fn addenda_and_order_file_zip_give_the_same_fy2027_edition() {
    let from_addenda = compile("addenda", &fixture("icd10cm_order_addenda_2027_mini.txt"));
    let from_zip = compile("zip", &fixture("2027-code-descriptions-tabular-order-mini.zip"));
    // (code, date, state, description)
    let cases = [
        ("J15.9", "2026-09-30", "billable", "Unspecified bacterial pneumonia"),
        ("J15.9", "2026-10-01", "header", "Unspecified bacterial pneumonia"),
        ("J15.90", "2026-10-01", "billable", "Unspecified bacterial pneumonia, organism not stated"),
        ("J15.90", "2026-09-30", "inactive", "Unspecified bacterial pneumonia, organism not stated"),
        ("S72.001D", "2026-10-01", "inactive", "Fracture of unspecified part of neck of right femur, subsequent encounter for closed fracture with routine healing"),
        ("S72.001A", "2026-10-01", "billable", "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture"),
        ("T36.0X1A", "2026-09-30", "billable", "Poisoning by penicillins, accidental (unintentional), initial encounter"),
        ("T36.0X1A", "2026-10-01", "billable", "Poisoning by penicillins, accidental (unintentional), initial encounter, revised"),
    ];
    for blob in [&from_addenda, &from_zip] {
        for (code, on, state, desc) in cases {
            let r = check(blob, on, code);
            assert_eq!((r["state"].as_str(), r["description"].as_str()), (Some(state), Some(desc)), "{code} on {on} ({blob}): {r}");
        }
        let (_, info, _) = claimlint(&["info", "--blob", blob]);
        let info: serde_json::Value = serde_json::from_str(&info).unwrap();
        assert_eq!(info["counts"]["icd10cm.FY2027.billable"], 5);
        assert_eq!(info["counts"]["icd10cm.FY2027.headers"], 10);
        let v = info["vintages"].as_array().unwrap().iter().find(|v| v["label"] == "FY2027").expect("FY2027 vintage").clone();
        let source = v["source"].as_str().unwrap();
        assert!(source.contains("mini-tabular.xml") && source.contains("2027"), "{source}");
        assert_eq!((v["validFrom"].as_str(), v["validTo"].as_str()), (Some("2026-10-01"), Some("2027-09-30")));
        let t = info["tables"].as_array().unwrap().iter().find(|t| t["id"] == "icd10cm").expect("icd10cm table").clone();
        assert_eq!((t["validFrom"].as_str(), t["currentThrough"].as_str(), t["kind"].as_str()), (Some("2025-10-01"), Some("2027-09-30"), Some("code-set")));
        // The new code keeps its category's notes and says its own are unavailable.
        let (_, d, _) = claimlint(&["describe", "--blob", blob, "--system", "icd10cm", "--on", "2026-10-01", "J15.90"]);
        let d: serde_json::Value = serde_json::from_str(&d).unwrap();
        assert!(d["notesUnavailable"].as_str().is_some_and(|s| s.contains("J15.90 is new in FY2027")), "{d}");
        assert!(d["notes"].as_array().unwrap().iter().any(|n| n["at"] == "J15"), "{d}");
        let _ = std::fs::remove_file(blob);
    }
}

#[test]
fn addenda_without_the_previous_year_is_a_clear_error() {
    let out = std::env::temp_dir().join(format!("claimlint-refresh-alone-{}.blob", std::process::id())).display().to_string();
    let (ok, _, err) = claimlint(&["compile", "--no-data-dir", "--out", &out, "--icd10cm", &format!("2027={}", fixture("icd10cm_order_addenda_2027_mini.txt"))]);
    assert!(!ok && err.contains("needs the FY2026 edition"), "{err}");
}
