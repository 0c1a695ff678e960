//! The wasm face reads a claim straight from its JSON text (`check_claim_text`); native JSON
//! text and Python objects are read from a tree. Both must give the same result, byte for
//! byte, as the tree reader on serde_json's tree written by serde_json (the oracle) — for
//! every claim, every option set, and hostile input (wrong types, unknown and duplicate
//! fields, escapes, lone surrogates, deep nesting, long lists, text cut anywhere).
//!
//! Text serde_json rejects (malformed, or lone surrogates json_text turns into U+FFFD) is
//! compared with the tree json_text builds from it instead.
//!
//! Default: the tests/claims cases and 600 generated claims with their mutations;
//! `CLAIMLINT_FULL=1`: the I/OCE and MCE differential corpora (6,000 each), 6,000
//! professional claims and a mutation of every claim: over 20,000 claims, three option sets.
mod common;
#[path = "ioce/corpus.rs"]
mod ioce_corpus;
#[path = "mce/corpus.rs"]
mod mce_corpus;
#[path = "ioce/tables.rs"]
mod tables;

use claimlint::claim::json_text::parse_json_text;
use claimlint::claim::{check_claim_text, check_claim_value, unreadable_claim, CheckOptions, ClaimResult, Json};
use claimlint::currency::StaleEdits;
use claimlint::Date;
use mce_corpus::Rng;
use serde_json::{json, Value};

/// The oracle: serde_json's tree read by the tree reader, written by serde_json.
fn oracle(engine: &claimlint::Engine<'_>, text: &str, opts: &CheckOptions) -> String {
    let r: ClaimResult = match serde_json::from_str::<Json>(text) {
        Ok(tree) => check_claim_value(engine, &tree, opts),
        Err(_) => match parse_json_text(text) {
            Ok(tree) => check_claim_value(engine, &tree, opts),
            Err(e) => unreadable_claim(&e),
        },
    };
    serde_json::to_string(&r).expect("result serialises")
}

const PROFESSIONAL_CODES: &[&str] = &[
    "99213", "99214", "99215", "99203", "71046", "93000", "85025", "80053", "36415", "83036", "81003", "94640", "J1100", "96372",
    "20610", "11042", "97110", "97140", "G0439", "99397", "90471", "90686", "17000", "12001", "29125", "73030", "76700", "A0428",
    "E0114", "99999", "9921", "J18.9", "", "  ", "0450",
];
const MODIFIERS: &[&str] = &["25", "59", "XS", "XU", "LT", "RT", "76", "91", "GA", "ZZ", "2", "", "25 ", "lt"];
const DIAGNOSES: &[&str] = &[
    "J18.9", "I10", "E11.9", "E78.5", "N18.30", "I50.9", "J44.1", "K21.9", "M54.50", "R07.9", "Z79.4", "F41.9", "O80", "Z34.00",
    "C50.911", "S72.001A", "S72.001", "J45", "A00", "R69", "Z00.00", "N40.0", "E11", "XYZ", "", "j189", "I10 ",
];
const DATES: &[&str] = &["2026-04-15", "2025-10-01", "2025-09-30", "2024-07-15", "2026-12-31", "20260415", "04/15/2026", "2026-02-30", "", "soon"];

fn professional(rng: &mut Rng, id: usize) -> Value {
    let n_dx = 1 + rng.below(14);
    let diagnoses: Vec<Value> = (0..n_dx)
        .map(|_| match rng.below(10) {
            0 => json!(rng.pick(DIAGNOSES)),
            1 => json!({"code": rng.pick(DIAGNOSES), "poa": rng.pick(&["Y", "N", "W", ""])}),
            _ => json!({"code": rng.pick(DIAGNOSES)}),
        })
        .collect();
    let date = *rng.pick(DATES);
    let most = if rng.chance(20) { 55 } else { 12 };
    let n_lines = 1 + rng.below(most);
    let lines: Vec<Value> = (0..n_lines)
        .map(|i| {
            let mut l = serde_json::Map::new();
            l.insert("dateFrom".into(), json!(if rng.chance(90) { date } else { *rng.pick(DATES) }));
            if rng.chance(10) {
                l.insert("dateTo".into(), json!(rng.pick(DATES)));
            }
            l.insert("pos".into(), json!(rng.pick(&["11", "22", "2", "99", "", "81"])));
            l.insert("code".into(), json!(rng.pick(PROFESSIONAL_CODES)));
            let n_mod = [0, 0, 0, 1, 1, 2, 5][rng.below(7)];
            l.insert("modifiers".into(), json!((0..n_mod).map(|_| *rng.pick(MODIFIERS)).collect::<Vec<_>>()));
            l.insert("units".into(), [json!(1), json!(2), json!(0), json!(1.5), json!("3"), json!(120000)][rng.below(6)].clone());
            l.insert(
                "pointers".into(),
                [json!(["A"]), json!(["A", "B"]), json!("ABC"), json!([1, 2]), json!(["M"]), json!([]), json!(["A", "A"])][rng.below(7)].clone(),
            );
            l.insert("charge".into(), [json!(100 + i), json!(12.345), json!(-1), json!("$1,250.00"), json!(50.5)][rng.below(5)].clone());
            if rng.chance(5) {
                l.insert("ndc".into(), json!(rng.pick(&["00002-7510-01", "0002751001", "12345"])));
            }
            if rng.chance(5) {
                l.insert("npi".into(), json!(rng.pick(&["1234567893", "1234567890"])));
            }
            Value::Object(l)
        })
        .collect();
    let mut c = json!({
        "id": format!("p{id}"),
        "claimType": rng.pick(&["professional", "professional", "837P", "dme"]),
        "patient": {"sex": rng.pick(&["F", "M", "U", "female"]), "dateOfBirth": rng.pick(&["1958-04-12", "2020-01-01", "1930-06-30"])},
        "diagnoses": diagnoses,
        "lines": lines,
    });
    if rng.chance(10) {
        c["payer"] = json!(rng.pick(&["example-payer", "nobody"]));
    }
    if rng.chance(10) {
        c["excludes1Overrides"] = json!([{"codes": ["E11.9", "E10.9"], "reason": "type unclear"}]);
    }
    c
}

const ODD_STRINGS: &[&str] = &["J18.9\u{0}", "\u{202e}99214", "é—😷", "\"quoted\\", "a\u{1}b\tc\nd", "J１８.９", "x"];

/// A value of another type (or shape) in place of `v`.
fn replacement(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => json!(rng.chance(50)),
        2 => json!([-1.5, 0.0, 1e300, 12.0][rng.below(4)]),
        3 => json!(rng.pick(ODD_STRINGS)),
        4 => json!("x".repeat(if rng.chance(50) { 65 } else { 2_001 })),
        5 => json!([1, "A", null, {"code": "I10"}]),
        6 => json!({"code": "I10", "bogus": [[{"deep": true}]], "cod": 1}),
        7 => (0..18).fold(json!(1), |v, _| json!([v])),
        _ => json!((0..2_003).collect::<Vec<_>>()),
    }
}

/// A hostile version of a claim: a random node replaced, an unknown field added.
fn mutate(rng: &mut Rng, mut v: Value) -> Value {
    for _ in 0..1 + rng.below(3) {
        // A path to a random node, as a JSON pointer.
        let mut path = String::new();
        let mut node = &v;
        for _ in 0..rng.below(5) {
            let next: Option<(String, &Value)> = match node {
                Value::Object(m) if !m.is_empty() => {
                    let i = rng.below(m.len());
                    m.iter().nth(i).map(|(k, x)| (k.replace('~', "~0").replace('/', "~1"), x))
                }
                Value::Array(a) if !a.is_empty() => {
                    let i = rng.below(a.len());
                    a.get(i).map(|x| (i.to_string(), x))
                }
                _ => None,
            };
            match next {
                Some((segment, n)) => {
                    path.push('/');
                    path.push_str(&segment);
                    node = n;
                }
                None => break,
            }
        }
        let add_field = rng.chance(30);
        let Some(target) = v.pointer_mut(&path) else { continue };
        match target {
            Value::Object(m) if add_field => {
                m.insert(rng.pick(&["claimtype", "modifer", "x~y/z", "lines_", "Code"]).to_string(), replacement(rng));
            }
            _ => *target = replacement(rng),
        }
    }
    v
}

/// Text-level hostility serde cannot express: duplicate members, lone surrogates, escapes,
/// whitespace, or the text cut short.
fn text_mutation(rng: &mut Rng, text: &str) -> String {
    match rng.below(6) {
        0 => text.replacen("\"code\":", "\"code\":\"dup\",\"code\":", 1),
        1 => text.replacen("\"code\":\"", "\"code\":\"\\ud800\\u0041\\udc00", 1),
        2 => text.replacen("\"code\":\"", "\"code\":\"\\/\\u00e9\\ud83d\\ude37", 1),
        3 => text.replace(',', " ,\n\t"),
        4 => {
            let mut cut = rng.below(text.len().max(1));
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text[..cut].to_owned()
        }
        _ => format!("{text} "),
    }
}

fn option_sets() -> Vec<CheckOptions> {
    vec![
        CheckOptions::default(),
        CheckOptions { today: Date::parse("2026-05-01"), payer: Some("example-payer".into()), stale_edits: StaleEdits::Apply },
        CheckOptions { today: Date::parse("2025-01-01"), payer: None, stale_edits: StaleEdits::Skip },
    ]
}

fn corpus(full: bool) -> Vec<String> {
    let mut texts = Vec::new();
    // The table-driven claim cases.
    for entry in std::fs::read_dir(common::root().join("tests/claims")).expect("tests/claims") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("case file")).expect("case JSON");
            for case in v["cases"].as_array().into_iter().flatten() {
                texts.push(case["claim"].to_string());
            }
        }
    }
    let n = if full { 6_000 } else { 200 };
    let mut values: Vec<Value> = Vec::new();
    let ioce_pools = tables::Pools::load(&common::data_dir());
    values.extend(ioce_corpus::generate(&ioce_pools, 0x696f_6365, n));
    let mce_pools = mce_corpus::Pools::load(&common::data_dir());
    values.extend(mce_corpus::generate(&mce_pools, 0x4d43_455f_7631, n).iter().map(|c| serde_json::to_value(c.claim()).expect("claim")));
    let mut rng = Rng::new(0x7465_7874);
    values.extend((0..n).map(|i| professional(&mut rng, i)));
    for v in values {
        let mutated = mutate(&mut rng, v.clone());
        let text = v.to_string();
        texts.push(text_mutation(&mut rng, &mutated.to_string()));
        texts.push(text);
    }
    texts
}

#[test]
fn text_reader_results_are_the_tree_readers_bytes() {
    let full = std::env::var("CLAIMLINT_FULL").is_ok_and(|v| v == "1");
    let engine = common::engine().get();
    let texts = corpus(full);
    if let Some(path) = std::env::var_os("CLAIMLINT_CLAIM_CORPUS_OUT") {
        // One claim text per line (for comparing wasm builds outside the test).
        let lines: Vec<String> = texts.iter().map(|t| serde_json::to_string(t).expect("text")).collect();
        std::fs::write(path, lines.join("\n")).expect("corpus written");
    }
    let mut compared = 0usize;
    for opts in option_sets() {
        for text in &texts {
            let ours = check_claim_text(engine, text, &opts).to_json();
            assert_eq!(ours, oracle(engine, text, &opts), "claim text: {text}");
            compared += 1;
        }
    }
    eprintln!("{} claims x 3 option sets: {compared} results byte-identical", texts.len());
    assert!(texts.len() >= if full { 36_000 } else { 1_200 });
}
