//! The readers against serde's derived deserialisers (the oracle: what the API read before)
//! on the same JSON texts: the fixture exercises, values with every member set, and a table
//! of odd inputs. Both must accept the same texts and read the same values.
use super::exercise::{answer, exercise};
use super::line::{line_input, line_options};
use super::pair::{pair_line, pair_options};
use super::{list, Bad, Reader};
use crate::claim::json_text::parse_json_text;
use crate::grade::{Answer, AnswerProcedure, Exercise, Key, KeyCode, KeyProcedure, Mode, Rubric, SealedDx, SealedKey, SealedProcedure, WeightOverrides};
use crate::procedure::LineInput;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

fn ours<T>(text: &str, read: Reader<T>) -> Result<T, Bad> {
    read(&parse_json_text(text).expect("JSON text"))
}

/// Same acceptance and, when accepted, the same value.
fn agree<T: DeserializeOwned + PartialEq + Debug>(text: &str, read: Reader<T>) -> Option<T> {
    let theirs = serde_json::from_str::<T>(text);
    let mine = ours(text, read);
    match (&theirs, &mine) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{text}: serde {theirs:?}, reader {mine:?}"),
    }
    mine.ok()
}

#[test]
fn fixture_exercises_and_answer_read_as_serde_reads_them() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/exercises");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("tests/exercises") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        if path.to_string_lossy().ends_with("answer.json") {
            assert!(agree(&text, answer).is_some(), "{path:?}");
        } else {
            assert!(agree(&text, exercise).is_some(), "{path:?}");
        }
        n += 1;
    }
    assert!(n >= 7, "{n} fixtures");
}

#[test]
fn every_member_set_round_trips() {
    let dx = SealedDx {
        optional: true,
        full: "a".into(),
        full_x: "b".into(),
        base_x: Some("c".into()),
        sub: vec!["d".into(), "e".into()],
        category: "f".into(),
        block: Some("g".into()),
        chapter: Some("h".into()),
        alternates: vec!["i".into()],
    };
    let px = SealedProcedure { optional: true, code: "j".into(), alternates: vec!["k".into()], modifiers: "l".into(), optional_modifiers: vec!["m".into()], units: "n".into() };
    let weights = WeightOverrides {
        wrong_seventh: Some(0.5),
        missing_seventh: Some(0.25),
        placeholder: Some(0.75),
        laterality: Some(0.1),
        subcategory: Some(0.2),
        category: Some(0.3),
        block: Some(0.4),
        chapter: Some(0.6),
        modifier: Some(0.7),
        units: Some(0.8),
        modifier_and_units: Some(0.9),
        sequencing: Some(1.0),
        extra: Some(-0.5),
    };
    let key = Key {
        principal: Some(KeyCode { code: "J18.9".into(), optional: false, alternates: vec!["J15.9".into()], explanation: Some("why \"quoted\" \u{e9}".into()) }),
        other_diagnoses: vec![KeyCode { code: "E11.9".into(), optional: true, ..KeyCode::default() }],
        procedures: vec![KeyProcedure {
            code: "71046".into(),
            modifiers: vec!["26".into()],
            optional_modifiers: vec!["59".into()],
            units: Some(2),
            optional: true,
            alternates: vec!["71045".into()],
            explanation: Some("x".into()),
        }],
    };
    let ex = Exercise {
        id: "id".into(),
        title: "t".into(),
        scenario: "s".into(),
        date_of_service: Some("2026-03-15".into()),
        rubric: Rubric::Hierarchical,
        weights: Some(weights),
        mode: Mode::Exam,
        attempts: Some(3),
        key: Some(key),
        sealed: Some(SealedKey { salt: "salt".into(), principal: Some(dx.clone()), other_diagnoses: vec![dx], procedures: vec![px], reveal: Some("00ff".into()) }),
    };
    let text = serde_json::to_string(&ex).expect("json");
    assert_eq!(agree(&text, exercise), Some(ex));
    let a = Answer { principal: Some("J18.9".into()), other_diagnoses: vec!["E11.9".into()], procedures: vec![AnswerProcedure { code: "71046".into(), modifiers: vec!["26".into()], units: Some(4_294_967_295) }] };
    let text = serde_json::to_string(&a).expect("json");
    assert_eq!(agree(&text, answer), Some(a));
}

#[test]
fn odd_exercises_and_answers_read_as_serde_reads_them() {
    for text in [
        "{}", "null", "3", "\"x\"",
        r#"{"mode":"quiz"}"#, r#"{"mode":"exam","rubric":"aapc"}"#, r#"{"mode":null}"#, r#"{"rubric":{"hierarchical":null}}"#,
        r#"{"id":null}"#, r#"{"id":3}"#, r#"{"dateOfService":null}"#, r#"{"attempts":2}"#, r#"{"attempts":-1}"#,
        r#"{"attempts":1.5}"#, r#"{"attempts":4294967296}"#, r#"{"attempts":null}"#, r#"{"weights":{"units":1}}"#,
        r#"{"weights":{"units":-2,"extra":0,"block":1e300}}"#, r#"{"weights":{"units":"1"}}"#, r#"{"weights":null}"#,
        r#"{"key":{"principal":null,"otherDiagnoses":[{"code":"A00"},{}]}}"#, r#"{"key":{"otherDiagnoses":[3]}}"#,
        r#"{"key":{"procedures":[{"code":"99213","units":0,"modifiers":["25"],"unknown":true}]}}"#,
        r#"{"key":{"procedures":[{"code":"99213","modifiers":"25"}]}}"#, r#"{"key":{"otherDiagnoses":null}}"#,
        r#"{"sealed":{"salt":"s","principal":{"full":"x","sub":null}}}"#, r#"{"sealed":{"procedures":[{"units":"1"}]}}"#,
    ] {
        agree(text, exercise);
    }
    // serde_json also reads a struct from an array of its members in order; the module never
    // did (its serde adapter read structs from objects only), and the readers do not.
    assert!(ours("[]", exercise).is_err());
    for text in [
        "{}", "null", r#"{"principal":null}"#, r#"{"principal":"A00","otherDiagnoses":["B","C"]}"#, r#"{"otherDiagnoses":[null]}"#,
        r#"{"procedures":[{"code":"99213","units":null}]}"#, r#"{"procedures":[{"code":"99213","units":3}]}"#, r#"{"procedures":{}}"#,
    ] {
        agree(text, answer);
    }
}

#[test]
fn odd_lines_and_pair_inputs_read_as_serde_reads_them() {
    for text in [
        "{}", "null", r#"{"code":"99213"}"#, r#"{"code":null}"#, r#"{"code":"99213","units":0}"#, r#"{"code":"99213","units":null}"#,
        r#"{"code":"99213","units":2.5}"#, r#"{"code":"99213","dateOfService":"2026-03-02"}"#, r#"{"code":"99213","dateOfService":" "}"#,
        r#"{"code":"99213","dateOfService":null}"#, r#"{"code":"99213","dateOfService":"March"}"#, r#"{"code":"99213","claimType":"outpatient"}"#,
        r#"{"code":"99213","claimType":"dme"}"#, r#"{"code":"99213","claimType":"Outpatient"}"#, r#"{"code":"99213","claimType":null}"#,
        r#"{"code":"99213","modifiers":["25","59"],"extra":[1,2]}"#, r#"{"code":"99213","modifiers":"25"}"#,
    ] {
        agree::<LineInput>(text, line_input);
    }
    agree::<Vec<LineInput>>(r#"[{"code":"99213"},{"code":"99214","units":2}]"#, |v| list(v, line_input));
    agree::<Vec<LineInput>>(r#"[{"code":"99213"},{"units":2}]"#, |v| list(v, line_input));
    agree::<Vec<LineInput>>(r#"{"code":"99213"}"#, |v| list(v, line_input));
    for (text, stale) in [("{}", Some(false)), (r#"{"staleEdits":"skip"}"#, Some(true)), (r#"{"staleEdits":"sometimes"}"#, None), (r#"{"staleEdits":null}"#, None)] {
        assert_eq!(ours(text, line_options).ok().map(|o| o.stale_edits == crate::currency::StaleEdits::Skip), stale, "{text}");
    }
    let o = ours(r#"{"on":"2026-03-02","claimType":"outpatient","modsA":["25"],"modsB":[],"staleEdits":"skip"}"#, pair_options).expect("options");
    assert_eq!((o.on.as_deref(), o.claim_type.as_deref(), o.mods_a.len(), o.stale_edits), (Some("2026-03-02"), Some("outpatient"), 1, crate::currency::StaleEdits::Skip));
    assert!(ours(r#"{"on":"2026-03-02","modsA":"25"}"#, pair_options).is_err());
    assert_eq!(ours(r#"{"on":null}"#, pair_options).map(|o| o.on), Ok(None));
    assert_eq!(ours(r#"{"code":"99213","on":"2026-03-02"}"#, pair_line).map(|l| l.modifiers.len()), Ok(0));
    assert!(ours(r#"{"code":"99213"}"#, pair_line).is_err());
}

#[test]
fn errors_name_the_member() {
    let e = |text: &str, read: Reader<Exercise>| ours(text, read).err().map(|e| e.to_string());
    assert_eq!(e(r#"{"mode":"quiz"}"#, exercise).as_deref(), Some("`mode`: `quiz` is not one of practice, exam"));
    assert_eq!(
        e(r#"{"key":{"procedures":[{},{"units":"2"}]}}"#, exercise).as_deref(),
        Some("`key.procedures[1].units`: expected a whole number 0 to 4294967295, found a string")
    );
    assert_eq!(ours(r#"{"units":2}"#, line_input).err().map(|e| e.to_string()).as_deref(), Some("`code`: missing (required)"));
    assert_eq!(ours("[[1]]", |v| list(v, |v| list(v, super::string))).err().map(|e| e.to_string()).as_deref(), Some("`[0][0]`: expected a string, found a number"));
    assert_eq!(ours("7", exercise).err().map(|e| e.to_string()).as_deref(), Some("expected an object, found a number"));
}
