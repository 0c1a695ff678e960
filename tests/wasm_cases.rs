//! The native table-driven suites, run again through the wasm face in Node and headless
//! Chromium: every claim case in `tests/claims/*.json` (the demo blob carries the example
//! payer pack, as the native claim tests' blob does) and the search relevance table.
#![cfg(target_arch = "wasm32")]
use claimlint::wasm::Validator;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

static BLOB: &[u8] = include_bytes!("../pkg/codesets.blob");

include!("search/relevance_table.rs");

/// Every case file; `claim_case_files_are_all_listed` (native, tests/claim_catalogue.rs) keeps
/// this list complete.
const CLAIM_FILES: &[(&str, &str)] = &[
    ("claim_input.json", include_str!("claims/claim_input.json")),
    ("claim_limits.json", include_str!("claims/claim_limits.json")),
    ("claim_poa.json", include_str!("claims/claim_poa.json")),
    ("clean.json", include_str!("claims/clean.json")),
    ("dx_age.json", include_str!("claims/dx_age.json")),
    ("dx_first_listed.json", include_str!("claims/dx_first_listed.json")),
    ("dx_pairs.json", include_str!("claims/dx_pairs.json")),
    ("dx_sex.json", include_str!("claims/dx_sex.json")),
    ("dx_validity.json", include_str!("claims/dx_validity.json")),
    ("integration.json", include_str!("claims/integration.json")),
    ("line_fields.json", include_str!("claims/line_fields.json")),
    ("line_ptr.json", include_str!("claims/line_ptr.json")),
    ("payer_pack.json", include_str!("claims/payer_pack.json")),
];

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(v: &JsValue, key: &str) -> Option<String> {
    get(v, key).as_string()
}

fn strings(v: &JsValue, key: &str) -> Vec<String> {
    let a = get(v, key);
    if a.is_undefined() {
        return Vec::new();
    }
    js_sys::Array::from(&a).iter().filter_map(|s| s.as_string()).collect()
}

fn owned(rule: &str) -> bool {
    ["DX-", "LINE-", "CLAIM-", "PAYER-"].iter().any(|p| rule.starts_with(p))
}

#[wasm_bindgen_test]
fn claim_cases_through_check_claim() {
    let v = Validator::new(BLOB).expect("blob opens");
    let mut failures = Vec::new();
    let mut ran = 0;
    for (file, json) in CLAIM_FILES {
        let parsed = js_sys::JSON::parse(json).expect("case file is JSON");
        for case in js_sys::Array::from(&get(&parsed, "cases")).iter() {
            let name = text(&case, "name").unwrap_or_default();
            let opts = js_sys::Object::new();
            let today = text(&case, "today").unwrap_or_else(|| "2026-04-15".into());
            js_sys::Reflect::set(&opts, &"today".into(), &today.into()).unwrap();
            if let Some(p) = text(&case, "payer") {
                js_sys::Reflect::set(&opts, &"payer".into(), &p.into()).unwrap();
            }
            let r = v.check_claim(get(&case, "claim"), opts.into()).expect("checkClaim never throws for input");
            let mut found: Vec<(String, Option<String>)> = Vec::new();
            for key in ["findings", "inputErrors"] {
                for f in js_sys::Array::from(&get(&r, key)).iter() {
                    found.push((text(&f, "rule").unwrap_or_default(), text(&f, "location")));
                }
            }
            let expect = strings(&case, "expect");
            for e in &expect {
                let (rule, loc) = e.split_once('@').map_or((e.as_str(), None), |(r, l)| (r, Some(l)));
                if !found.iter().any(|(r, l)| r == rule && loc.is_none_or(|x| l.as_deref() == Some(x))) {
                    failures.push(format!("{file} / {name}: expected {e}"));
                }
            }
            for a in strings(&case, "absent") {
                if found.iter().any(|(r, _)| *r == a) {
                    failures.push(format!("{file} / {name}: {a} fired"));
                }
            }
            if get(&case, "only").as_bool() == Some(true) {
                for (r, l) in found.iter().filter(|(r, _)| owned(r)) {
                    if !expect.iter().any(|e| e.split('@').next() == Some(r.as_str())) {
                        failures.push(format!("{file} / {name}: unexpected {r} at {l:?}"));
                    }
                }
            }
            ran += 1;
        }
    }
    assert!(ran >= 100, "only {ran} claim cases ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[wasm_bindgen_test]
fn search_relevance_table() {
    let v = Validator::new(BLOB).expect("blob opens");
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"limit".into(), &10.into()).unwrap();
    let opts: JsValue = opts.into();
    let mut failures = Vec::new();
    for &(q, want, n) in CASES.iter().chain(HCPCS_CASES).chain(MODIFIER_CASES) {
        let hits = js_sys::Array::from(&v.search(q, opts.clone()).expect("search"));
        let codes: Vec<String> = hits.iter().filter_map(|h| text(&h, "code")).collect();
        if !codes.iter().position(|c| glob(want, c)).is_some_and(|r| r < n) {
            failures.push(format!("{q} -> {want} not in top {n}: {:?}", codes.iter().take(5).collect::<Vec<_>>()));
        }
    }
    assert!(CASES.len() >= 40);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
