//! The wasm face on the real blob, run by wasm-bindgen-test in Node and headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1`). Build the blob first: `bash scripts/build.sh`.
#![cfg(target_arch = "wasm32")]
use claimlint::wasm::Validator;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

static BLOB: &[u8] = include_bytes!("../pkg/codesets.blob");

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn opts(on: &str) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"on".into(), &on.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn checks_codes_through_the_js_face() {
    let v = Validator::new(BLOB).expect("blob opens");
    let cases = [
        ("J15.9", "billable"),
        ("K35.2", "header"),
        ("S72.001", "header"),
        ("S72.001A", "billable"),
        ("T36.01A", "invalid_format"),
        ("W21.89XA", "billable"),
        ("J1", "prefix"),
    ];
    for (code, state) in cases {
        let r = v.check_code("icd10cm", code, opts("2026-03-15")).expect("check");
        assert_eq!(get(&r, "state").as_string().as_deref(), Some(state), "{code}");
    }
    let r = v.check_code("icd10cm", "T36.01A", opts("2026-03-15")).unwrap();
    let findings = js_sys::Array::from(&get(&r, "findings"));
    let sugg = js_sys::Array::from(&get(&findings.get(0), "suggestions"));
    assert_eq!(get(&sugg.get(0), "code").as_string().as_deref(), Some("T36.0X1A"));
    let info = v.info().unwrap();
    assert_eq!(js_sys::Array::from(&get(&info, "vintages")).length() >= 2, true);
    // CPT numbers and modifiers have no dated vintage of their own; info says they are loaded.
    let systems: Vec<String> = js_sys::Array::from(&get(&info, "systems")).iter().filter_map(|s| s.as_string()).collect();
    for s in ["icd10cm", "icd10pcs", "hcpcs", "cpt", "modifier"] {
        assert!(systems.iter().any(|x| x == s), "{s} missing from info().systems {systems:?}");
    }
}

#[wasm_bindgen_test]
fn errors_carry_stable_codes() {
    let code_of = |e: JsValue| get(&e, "code").as_string();
    assert_eq!(code_of(Validator::new(&BLOB[..BLOB.len() / 2]).err().unwrap()).as_deref(), Some("BLOB_TRUNCATED"));
    assert_eq!(code_of(Validator::new(b"not a blob at all, just text").err().unwrap()).as_deref(), Some("BLOB_BAD_MAGIC"));
    let mut flipped = BLOB.to_vec();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x10;
    assert_eq!(code_of(Validator::new(&flipped).err().unwrap()).as_deref(), Some("BLOB_CHECKSUM"));
    let v = Validator::new(BLOB).unwrap();
    assert_eq!(code_of(v.check_code("icd10cm", "J15.9", opts("15/15/2026")).err().unwrap()).as_deref(), Some("BAD_DATE"));
    assert_eq!(code_of(v.check_code("loinc", "J15.9", JsValue::UNDEFINED).err().unwrap()).as_deref(), Some("BAD_SYSTEM"));
}

#[wasm_bindgen_test]
fn hostile_strings_give_findings_not_traps() {
    let v = Validator::new(BLOB).unwrap();
    let big = "A".repeat(1_000_000);
    for s in [big.as_str(), "\u{0}\u{1}\u{7f}", "J15\u{202e}9", "🤒", "Ј15.9", "<img src=x onerror=alert(1)>", ""] {
        let r = v.check_code("icd10cm", s, JsValue::UNDEFINED).expect("never throws for text");
        assert!(get(&r, "state").is_string());
    }
}
