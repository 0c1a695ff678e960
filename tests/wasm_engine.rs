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
    let v = Validator::new(BLOB.into()).expect("blob opens");
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
    assert_eq!(code_of(Validator::new(BLOB[..BLOB.len() / 2].into()).err().unwrap()).as_deref(), Some("BLOB_TRUNCATED"));
    assert_eq!(code_of(Validator::new(b"not a blob at all, just text"[..].into()).err().unwrap()).as_deref(), Some("BLOB_BAD_MAGIC"));
    let mut flipped = BLOB.to_vec();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x10;
    assert_eq!(code_of(Validator::new(flipped.into_boxed_slice()).err().unwrap()).as_deref(), Some("BLOB_CHECKSUM"));
    let v = Validator::new(BLOB.into()).unwrap();
    assert_eq!(code_of(v.check_code("icd10cm", "J15.9", opts("15/15/2026")).err().unwrap()).as_deref(), Some("BAD_DATE"));
    assert_eq!(code_of(v.check_code("loinc", "J15.9", JsValue::UNDEFINED).err().unwrap()).as_deref(), Some("BAD_SYSTEM"));
}

#[wasm_bindgen_test]
fn typed_inputs_read_as_json_keep_their_error_codes() {
    let v = Validator::new(BLOB.into()).unwrap();
    let json = |t: &str| js_sys::JSON::parse(t).unwrap();
    let code_of = |r: Result<JsValue, JsValue>| get(&r.err().expect("throws"), "code").as_string();
    // A line: units a whole number; a string, a fraction or a missing code is not a line.
    let line = v.check_line(json(r#"{"code":"99213","units":2,"dateOfService":"2026-03-02"}"#), JsValue::UNDEFINED).expect("a line");
    let text = |r: &JsValue| js_sys::JSON::stringify(r).unwrap().as_string().unwrap_or_default();
    assert!(js_sys::Array::is_array(&get(&line, "findings")) && text(&line).contains("99213"), "{}", text(&line));
    for bad in [r#"{"code":"99213","units":"two"}"#, r#"{"code":"99213","units":1.5}"#, r#"{"units":1}"#, r#""99213""#] {
        assert_eq!(code_of(v.check_line(json(bad), JsValue::UNDEFINED)).as_deref(), Some("BAD_LINE"), "{bad}");
    }
    assert_eq!(code_of(v.check_lines(json(r#"{"code":"99213"}"#), JsValue::UNDEFINED)).as_deref(), Some("BAD_LINE"));
    assert_eq!(code_of(v.check_line(json(r#"{"code":"99213"}"#), json(r#"{"staleEdits":"sometimes"}"#))).as_deref(), Some("BAD_INPUT"));
    assert_eq!(code_of(v.check_pair("99213", "99214", json(r#"{"on":"2026-03-02","modsA":"25"}"#))).as_deref(), Some("BAD_INPUT"));
    assert_eq!(code_of(v.check_pairs(json(r#"[{"code":"99213"}]"#), JsValue::UNDEFINED)).as_deref(), Some("BAD_INPUT"));
    assert_eq!(code_of(v.grade(json(r#"{"mode":"quiz"}"#), json("{}"))).as_deref(), Some("BAD_EXERCISE"));
    // A lone surrogate in a string is read (as U+FFFD), not refused; `undefined` members are absent.
    let lone: JsValue = js_sys::JsString::from("9921").concat(&js_sys::JsString::from_char_code1(0xD800)).into();
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"code".into(), &lone).unwrap();
    js_sys::Reflect::set(&o, &"units".into(), &JsValue::UNDEFINED).unwrap();
    let r = v.check_line(o.into(), JsValue::UNDEFINED).expect("read");
    assert!(text(&r).contains("9921\u{FFFD}"), "{}", text(&r));
}

#[wasm_bindgen_test]
fn hostile_strings_give_findings_not_traps() {
    let v = Validator::new(BLOB.into()).unwrap();
    let big = "A".repeat(1_000_000);
    for s in [big.as_str(), "\u{0}\u{1}\u{7f}", "J15\u{202e}9", "🤒", "Ј15.9", "<img src=x onerror=alert(1)>", ""] {
        let r = v.check_code("icd10cm", s, JsValue::UNDEFINED).expect("never throws for text");
        assert!(get(&r, "state").is_string());
    }
}

/// The blob with its manifest re-encoded after `change` (same length) and the checksum
/// recomputed: a blob "from a different build" that is otherwise intact.
fn with_manifest(change: impl Fn(&mut claimlint::blob::Manifest)) -> Vec<u8> {
    let mut manifest = claimlint::Blob::open(BLOB).expect("opens").manifest;
    let before = postcard::to_allocvec(&manifest).expect("encode");
    change(&mut manifest);
    let after = postcard::to_allocvec(&manifest).expect("encode");
    assert_eq!(before.len(), after.len(), "the change keeps the manifest length");
    let mut b = BLOB.to_vec();
    b[16..16 + after.len()].copy_from_slice(&after);
    let body = b.len() - 4;
    let crc = crc32fast::hash(&b[..body]);
    b[body..].copy_from_slice(&crc.to_le_bytes());
    b
}

#[wasm_bindgen_test]
fn damaged_blobs_are_typed_errors_that_name_the_fix() {
    let fails = |bytes: &[u8]| -> (String, String) {
        let e = Validator::new(bytes.into()).err().expect("a damaged blob never opens");
        (get(&e, "code").as_string().unwrap_or_default(), get(&e, "message").as_string().unwrap_or_default())
    };
    // Cuts at every section boundary (and one byte either side) and at seeded random offsets.
    let manifest = claimlint::Blob::open(BLOB).expect("opens").manifest;
    let mut cuts = vec![0usize, 7, 8, 15, 16, BLOB.len() - 4, BLOB.len() - 1];
    for s in &manifest.sections {
        for edge in [s.offset as usize, (s.offset + s.len) as usize] {
            cuts.extend([edge - 1, edge, edge + 1]);
        }
    }
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    cuts.extend((0..24).map(|_| (next() % BLOB.len() as u64) as usize));
    for cut in cuts.into_iter().filter(|&c| c < BLOB.len()) {
        let (code, message) = fails(&BLOB[..cut]);
        assert!(["BLOB_TRUNCATED", "BLOB_BAD_MAGIC", "BLOB_CHECKSUM", "BLOB_CORRUPT"].contains(&code.as_str()), "cut {cut}: {code}");
        assert!(message.contains("fetch it again") || message.contains("claimlint compile"), "cut {cut}: {message}");
    }
    // Single bit flips anywhere are caught by the checksum.
    for _ in 0..12 {
        let mut b = BLOB.to_vec();
        let at = (next() % b.len() as u64) as usize;
        b[at] ^= 1 << (next() % 8);
        assert!(Validator::new(b[..].into()).is_err(), "flip at {at} went unnoticed");
    }
    // Older and newer format versions.
    for v in [0u16, 2] {
        let mut b = BLOB.to_vec();
        b[8..10].copy_from_slice(&v.to_le_bytes());
        let (code, message) = fails(&b);
        assert_eq!(code, "BLOB_VERSION");
        assert!(message.contains("claimlint compile"), "{message}");
    }
    // A different build with the same format version: one section in a newer layout.
    for name in manifest.sections.iter().map(|s| s.name.clone()) {
        let b = with_manifest(|m| {
            if let Some(s) = m.sections.iter_mut().find(|s| s.name == name) {
                s.version += 1;
            }
        });
        let (code, message) = fails(&b);
        assert_eq!(code, "BLOB_SECTION_VERSION", "{name}");
        assert!(message.contains(&name) && message.contains("claimlint compile"), "{message}");
    }
}
