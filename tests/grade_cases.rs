//! Grading decisions for both presets, on the real engine.
mod common;

use claimlint::grade::{
    answer_sheet, grade, grade_full, seal, Answer, Attempts, Decision, Exercise, GradeResult, Mark,
    Mode,
};
use serde_json::{json, Value};

fn exercise(v: Value) -> Exercise {
    serde_json::from_value(v).expect("exercise")
}
fn answer(v: Value) -> Answer {
    serde_json::from_value(v).expect("answer")
}
fn run(ex: &Exercise, a: &Value) -> GradeResult {
    grade_full(common::engine().get(), ex, &answer(a.clone()))
}

/// Hip fracture with a fall: a 7th character, a placeholder, laterality and an optional code.
fn femur(rubric: &str) -> Exercise {
    exercise(json!({
        "id": "femur", "title": "Hip fracture", "scenario": "Fell at home.", "dateOfService": "2026-03-15",
        "rubric": rubric,
        "key": {
            "principal": {"code": "S72.001A"},
            "otherDiagnoses": [{"code": "W01.0XXA", "alternates": ["W19.XXXA"]}, {"code": "Y92.009", "optional": true}],
            "procedures": [{"code": "73502", "modifiers": ["RT"], "optionalModifiers": ["GC"]}]
        }
    }))
}

fn pneumonia(rubric: &str) -> Exercise {
    exercise(json!({
        "id": "pna", "title": "Pneumonia", "scenario": "Cough and fever.", "dateOfService": "2026-03-15",
        "rubric": rubric,
        "key": { "principal": {"code": "J18.9"}, "procedures": [{"code": "71046", "units": 1}] }
    }))
}

fn poisoning(rubric: &str) -> Exercise {
    exercise(json!({
        "id": "apap", "title": "Acetaminophen", "scenario": "Took too many tablets, not intending harm.",
        "dateOfService": "2026-03-15", "rubric": rubric,
        "key": { "principal": {"code": "T39.1X1A"}, "otherDiagnoses": [{"code": "R11.2"}] }
    }))
}

fn diabetes(rubric: &str) -> Exercise {
    exercise(json!({
        "id": "dm", "title": "Diabetes", "scenario": "Follow-up.", "dateOfService": "2026-03-15",
        "rubric": rubric, "key": { "principal": {"code": "E11.9", "explanation": "No complication documented."} }
    }))
}

fn glaucoma(rubric: &str) -> Exercise {
    exercise(json!({
        "id": "poag", "title": "Glaucoma", "scenario": "Both eyes, mild.", "dateOfService": "2026-03-15",
        "rubric": rubric, "key": { "principal": {"code": "H40.1131"} }
    }))
}

fn otitis(rubric: &str) -> Exercise {
    exercise(json!({
        "id": "om", "title": "Otitis", "scenario": "Ear pain.", "dateOfService": "2026-03-15",
        "rubric": rubric, "key": { "principal": {"code": "H66.91"} }
    }))
}

const FULL: &str = "{\"principal\":\"S72.001A\",\"otherDiagnoses\":[\"W01.0XXA\"],\"procedures\":[{\"code\":\"73502\",\"modifiers\":[\"RT\"]}]}";

/// Replaces one diagnosis of the full femur answer.
fn femur_with(principal: &str) -> Value {
    let mut v: Value = serde_json::from_str(FULL).expect("json");
    v["principal"] = json!(principal);
    v
}

fn item<'a>(r: &'a GradeResult, expected: &str) -> &'a claimlint::grade::Item {
    r.items
        .iter()
        .find(|i| i.expected.as_deref() == Some(expected))
        .unwrap_or_else(|| panic!("no item {expected}: {r:#?}"))
}

/// (case, exercise builder, answer, expected code, decision, aapc credit, hierarchical credit)
type Case = (
    &'static str,
    fn(&str) -> Exercise,
    Value,
    &'static str,
    Decision,
    f64,
    f64,
);

fn cases() -> Vec<Case> {
    vec![
        (
            "exact",
            femur,
            femur_with("S72.001A"),
            "S72.001A",
            Decision::Exact,
            1.0,
            1.0,
        ),
        (
            "dot and case do not matter",
            femur,
            femur_with("s72001a"),
            "S72.001A",
            Decision::Exact,
            1.0,
            1.0,
        ),
        (
            "wrong 7th character",
            femur,
            femur_with("S72.001D"),
            "S72.001A",
            Decision::WrongSeventh,
            0.0,
            0.75,
        ),
        (
            "missing 7th character",
            femur,
            femur_with("S72.001"),
            "S72.001A",
            Decision::MissingSeventh,
            0.0,
            0.5,
        ),
        (
            "laterality with 7th",
            femur,
            femur_with("S72.002A"),
            "S72.001A",
            Decision::Laterality,
            0.0,
            0.5,
        ),
        (
            "unspecified side",
            femur,
            femur_with("S72.009A"),
            "S72.001A",
            Decision::Laterality,
            0.0,
            0.5,
        ),
        (
            "same subcategory",
            femur,
            femur_with("S72.091A"),
            "S72.001A",
            Decision::SameSubcategory,
            0.0,
            0.5,
        ),
        (
            "same category",
            femur,
            femur_with("S72.301A"),
            "S72.001A",
            Decision::SameCategory,
            0.0,
            0.25,
        ),
        (
            "alternate",
            femur,
            json!({"principal": "S72.001A", "otherDiagnoses": ["W19.XXXA"], "procedures": [{"code": "73502", "modifiers": ["RT"]}]}),
            "W01.0XXA",
            Decision::Alternate,
            1.0,
            1.0,
        ),
        (
            "missing placeholder",
            femur,
            json!({"principal": "S72.001A", "otherDiagnoses": ["W01.0A"], "procedures": [{"code": "73502", "modifiers": ["RT"]}]}),
            "W01.0XXA",
            Decision::MissingPlaceholder,
            0.0,
            0.75,
        ),
        (
            "missing",
            femur,
            json!({"principal": "S72.001A", "procedures": [{"code": "73502", "modifiers": ["RT"]}]}),
            "W01.0XXA",
            Decision::Missing,
            0.0,
            0.0,
        ),
        (
            "optional omitted",
            femur,
            femur_with("S72.001A"),
            "Y92.009",
            Decision::OptionalOmitted,
            0.0,
            0.0,
        ),
        (
            "optional entered",
            femur,
            json!({"principal": "S72.001A", "otherDiagnoses": ["W01.0XXA", "Y92.009"], "procedures": [{"code": "73502", "modifiers": ["RT"]}]}),
            "Y92.009",
            Decision::Exact,
            1.0,
            1.0,
        ),
        (
            "laterality without 7th",
            otitis,
            json!({"principal": "H66.92"}),
            "H66.91",
            Decision::Laterality,
            0.0,
            0.5,
        ),
        (
            "same category J18",
            pneumonia,
            json!({"principal": "J18.1", "procedures": [{"code": "71046"}]}),
            "J18.9",
            Decision::SameCategory,
            0.0,
            0.25,
        ),
        (
            "same block, another condition: no credit",
            pneumonia,
            json!({"principal": "J15.9", "procedures": [{"code": "71046"}]}),
            "J18.9",
            Decision::SameBlock,
            0.0,
            0.0,
        ),
        (
            "COPD for pneumonia, same chapter: no credit",
            pneumonia,
            json!({"principal": "J44.1", "procedures": [{"code": "71046"}]}),
            "J18.9",
            Decision::SameChapter,
            0.0,
            0.0,
        ),
        (
            "poisoning with the wrong intent",
            poisoning,
            json!({"principal": "T39.1X2A"}),
            "T39.1X1A",
            Decision::WrongIntent,
            0.0,
            0.5,
        ),
        (
            "wrong",
            pneumonia,
            json!({"principal": "E11.9", "procedures": [{"code": "71046"}]}),
            "J18.9",
            Decision::Wrong,
            0.0,
            0.0,
        ),
        (
            "procedure exact",
            pneumonia,
            json!({"principal": "J18.9", "procedures": [{"code": "71046", "units": 1}]}),
            "71046",
            Decision::Exact,
            1.0,
            1.0,
        ),
        (
            "procedure units",
            pneumonia,
            json!({"principal": "J18.9", "procedures": [{"code": "71046", "units": 2}]}),
            "71046",
            Decision::Units,
            0.5,
            0.75,
        ),
        (
            "procedure modifier",
            pneumonia,
            json!({"principal": "J18.9", "procedures": [{"code": "71046", "modifiers": ["26"]}]}),
            "71046",
            Decision::Modifier,
            0.5,
            0.75,
        ),
        (
            "procedure modifier and units",
            pneumonia,
            json!({"principal": "J18.9", "procedures": [{"code": "71046", "modifiers": ["26"], "units": 3}]}),
            "71046",
            Decision::ModifierAndUnits,
            0.5,
            0.5,
        ),
        (
            "wrong procedure code, right units: no credit",
            pneumonia,
            json!({"principal": "J18.9", "procedures": [{"code": "71045", "units": 1}]}),
            "71046",
            Decision::Wrong,
            0.0,
            0.0,
        ),
        (
            "missing required modifier",
            femur,
            json!({"principal": "S72.001A", "otherDiagnoses": ["W01.0XXA"], "procedures": [{"code": "73502"}]}),
            "73502-RT",
            Decision::Modifier,
            0.5,
            0.75,
        ),
        (
            "optional modifier may be added",
            femur,
            json!({"principal": "S72.001A", "otherDiagnoses": ["W01.0XXA"], "procedures": [{"code": "73502", "modifiers": ["GC", "rt"]}]}),
            "73502-RT",
            Decision::Exact,
            1.0,
            1.0,
        ),
    ]
}

#[test]
fn every_decision_in_both_presets() {
    let mut failures = Vec::new();
    for (name, build, ans, expected, decision, aapc, hier) in cases() {
        for (rubric, want) in [("aapc", aapc), ("hierarchical", hier)] {
            let ex = build(rubric);
            let r = run(&ex, &ans);
            let it = item(&r, expected);
            if it.decision != decision || (it.credit - want).abs() > 1e-9 || it.reason.is_empty() {
                failures.push(format!(
                    "{name} [{rubric}]: got {:?} credit {} ({})",
                    it.decision, it.credit, it.reason
                ));
            }
            // Identical when sealed.
            let sealed = seal(common::engine().get(), &ex, "0123abcd").expect("seal");
            let s = run(&sealed, &ans);
            if strip(&s) != strip(&r) {
                failures.push(format!(
                    "{name} [{rubric}]: sealed differs\n{:#?}\n{:#?}",
                    strip(&s),
                    strip(&r)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The result without what only a plain key can show.
fn strip(r: &GradeResult) -> Value {
    let mut v = serde_json::to_value(r).expect("json");
    for list in ["items", "extras"] {
        for it in v[list].as_array_mut().expect("array") {
            let o = it.as_object_mut().expect("object");
            o.remove("expected");
            o.remove("explanation");
        }
    }
    v
}

#[test]
fn scores_follow_each_preset() {
    // All correct.
    let full: Value = serde_json::from_str(FULL).expect("json");
    assert_eq!(run(&femur("aapc"), &full).score, 100.0);
    assert_eq!(run(&femur("hierarchical"), &full).score, 100.0);

    // Over-coding: AAPC divides by max(entered, key); hierarchical adds half a point per extra.
    let over = json!({"principal": "S72.001A", "otherDiagnoses": ["W01.0XXA", "I10"], "procedures": [{"code": "73502", "modifiers": ["RT"]}]});
    let a = run(&femur("aapc"), &over);
    assert_eq!(a.extras.len(), 1);
    assert_eq!(a.extras[0].decision, Decision::Extra);
    assert_eq!(a.extras[0].answered.as_deref(), Some("I10"));
    assert_eq!((a.earned, a.possible, a.score), (3.0, 4.0, 75.0));
    let h = run(&femur("hierarchical"), &over);
    assert_eq!((h.earned, h.possible, h.score), (3.0, 3.5, 85.7));

    // Partial "P" for a modifier: AAPC half a point.
    let p = json!({"principal": "J18.9", "procedures": [{"code": "71046", "modifiers": ["26"]}]});
    let r = run(&pneumonia("aapc"), &p);
    assert_eq!(r.score, 75.0);
    assert_eq!(item(&r, "71046").mark, Mark::Partial);
}

#[test]
fn sequencing_of_the_principal() {
    let swapped = json!({"principal": "W01.0XXA", "otherDiagnoses": ["S72.001A"], "procedures": [{"code": "73502", "modifiers": ["RT"]}]});
    let a = run(&femur("aapc"), &swapped);
    let seq = a.sequencing.as_ref().expect("sequencing");
    assert!(!seq.correct);
    assert_eq!(
        item(&a, "S72.001A").credit,
        0.0,
        "AAPC: the principal field was wrong"
    );
    assert_eq!(
        item(&a, "W01.0XXA").decision,
        Decision::Exact,
        "secondary order is not scored"
    );
    assert_eq!(a.score, 66.7);
    let h = run(&femur("hierarchical"), &swapped);
    assert_eq!(item(&h, "S72.001A").credit, 0.75);
    assert_eq!(h.sequencing.as_ref().map(|s| s.penalty), Some(0.25));
    assert!(h.sequencing.as_ref().is_some_and(|s| s.rule.is_some()));

    let right = run(
        &femur("hierarchical"),
        &serde_json::from_str(FULL).expect("json"),
    );
    assert!(right.sequencing.expect("seq").correct);

    let none = run(&femur("aapc"), &json!({"otherDiagnoses": ["W01.0XXA"]}));
    assert_eq!(item(&none, "S72.001A").decision, Decision::Missing);
    assert!(!none.sequencing.expect("seq").correct);
}

#[test]
fn practice_rules_from_the_code_sets() {
    let ex = exercise(json!({
        "id": "dm", "title": "Diabetes", "scenario": "x", "dateOfService": "2026-03-15", "rubric": "hierarchical",
        "key": {"principal": {"code": "E11.9"}}
    }));
    // Excludes1 between two entered codes.
    let r = run(
        &ex,
        &json!({"principal": "E11.9", "otherDiagnoses": ["E10.9"]}),
    );
    let extra = &r.extras[0];
    assert!(
        extra
            .rule
            .as_deref()
            .is_some_and(|t| t.contains("Excludes1")),
        "{extra:?}"
    );
    assert!(item(&r, "E11.9")
        .rule
        .as_deref()
        .is_some_and(|t| t.contains("Excludes1")));
    // A header entered.
    let r = run(&femur("hierarchical"), &femur_with("S72.001"));
    let rule = item(&r, "S72.001A").rule.clone().unwrap_or_default();
    assert!(rule.contains("header") && rule.contains("7th"), "{rule}");
    // Not a code at all.
    let r = run(&femur("hierarchical"), &femur_with("S72.008A"));
    assert!(item(&r, "S72.001A")
        .rule
        .as_deref()
        .is_some_and(|t| t.contains("not an ICD-10-CM code")));
}

#[test]
fn addon_without_its_primary() {
    let engine = common::engine().get();
    let has_aoc = engine
        .procedures
        .as_ref()
        .is_some_and(|p| p.aoc.as_ref().is_some_and(|a| a.is_addon("11045")));
    if !has_aoc {
        eprintln!("no NCCI add-on edits in the blob; skipping");
        return;
    }
    let ex = exercise(json!({
        "id": "debr", "title": "Debridement", "scenario": "x", "dateOfService": "2026-03-15",
        "key": {"principal": {"code": "L97.412"}, "procedures": [{"code": "11042"}, {"code": "11045"}]}
    }));
    let r = run(
        &ex,
        &json!({"principal": "L97.412", "procedures": [{"code": "11045"}]}),
    );
    let rule = item(&r, "11045").rule.clone().unwrap_or_default();
    assert!(rule.contains("add-on"), "{rule}");
    let ok = run(
        &ex,
        &json!({"principal": "L97.412", "procedures": [{"code": "11042"}, {"code": "11045"}]}),
    );
    assert!(item(&ok, "11045")
        .rule
        .as_deref()
        .is_none_or(|t| !t.contains("add-on")));
}

#[test]
fn exam_mode_is_score_only() {
    let mut ex = femur("hierarchical");
    ex.mode = Mode::Exam;
    let r = grade(common::engine().get(), &ex, &answer(femur_with("S72.002A")));
    assert!(r.items.is_empty() && r.extras.is_empty() && r.sequencing.is_none());
    assert_eq!(
        r.score,
        grade_full(common::engine().get(), &ex, &answer(femur_with("S72.002A"))).score
    );
    let text = serde_json::to_string(&r).expect("json");
    assert!(!text.contains("S72"), "{text}");
}

#[test]
fn sealed_json_has_no_key_code() {
    let engine = common::engine().get();
    for rubric in ["aapc", "hierarchical"] {
        for ex in [femur(rubric), pneumonia(rubric), otitis(rubric)] {
            let key = ex.key.clone().expect("key");
            let sealed = seal(engine, &ex, "5eed").expect("seal");
            let text = serde_json::to_string_pretty(&sealed)
                .expect("json")
                .to_ascii_uppercase();
            for code in claimlint::grade::key_codes(&key) {
                let plain = code.replace('.', "").to_ascii_uppercase();
                let dotted = claimlint::icd10cm::dotted(&plain);
                assert!(
                    !text.contains(&plain) && !text.contains(&dotted),
                    "{code} readable in sealed JSON:\n{text}"
                );
            }
            // Round trip through JSON grades the same.
            let back: Exercise =
                serde_json::from_str(&serde_json::to_string(&sealed).expect("json"))
                    .expect("parse");
            let a: Value = serde_json::from_str(FULL).expect("json");
            assert_eq!(strip(&run(&back, &a)), strip(&run(&sealed, &a)));
            assert_eq!(run(&back, &a).score, run(&ex, &a).score);
        }
    }
    // A scenario that names a key code cannot be sealed.
    let mut leaky = femur("aapc");
    leaky.scenario = "Fracture S72.001A".into();
    assert!(seal(engine, &leaky, "x").is_err());
}

#[test]
fn page_exercises_grade_their_own_key_at_100() {
    let dir = common::root().join("www/exercise");
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("exercises.json")).expect("index"))
            .expect("json");
    let files = index["exercises"].as_array().expect("list");
    assert!(files.len() >= 5);
    for f in files {
        let name = f["file"].as_str().expect("file");
        let ex: Exercise =
            serde_json::from_str(&std::fs::read_to_string(dir.join(name)).expect("exercise"))
                .expect("parse");
        assert!(ex.problem().is_none(), "{name}");
        // The page ships no plain key: every exercise is sealed, with its plain form in
        // tests/exercises. Practice keeps its answer sheet (masked); exams have none.
        assert!(
            ex.sealed.is_some() && ex.key.is_none(),
            "{name} is not sealed"
        );
        let p = common::root()
            .join("tests/exercises")
            .join(name.replace(".json", ".plain.json"));
        let plain: Exercise =
            serde_json::from_str(&std::fs::read_to_string(p).expect("plain form")).expect("parse");
        match ex.mode {
            Mode::Practice => assert_eq!(answer_sheet(&ex), answer_sheet(&plain), "{name}"),
            Mode::Exam => assert_eq!(answer_sheet(&ex), None, "{name}"),
        }
        let key = plain.key.clone().expect("key");
        if ex.sealed.is_some() {
            let text = std::fs::read_to_string(dir.join(name))
                .expect("read")
                .to_ascii_uppercase();
            for code in claimlint::grade::key_codes(&key) {
                let plain = code.replace('.', "");
                assert!(
                    !text.contains(&plain) && !text.contains(&code),
                    "{name}: {code} readable"
                );
            }
        }
        let ans = json!({
            "principal": key.principal.as_ref().map(|k| k.code.clone()),
            "otherDiagnoses": key.other_diagnoses.iter().map(|k| k.code.clone()).collect::<Vec<_>>(),
            "procedures": key.procedures.iter().map(|p| json!({"code": p.code, "modifiers": p.modifiers, "units": p.units})).collect::<Vec<_>>(),
        });
        // Every key code is valid on the exercise's date.
        for code in key.principal.iter().chain(key.other_diagnoses.iter()) {
            let c = common::engine().get().check_code(
                claimlint::System::Icd10cm,
                &code.code,
                claimlint::grade::date_of_service(&plain),
            );
            assert!(
                c.state.is_reportable(),
                "{name}: {} is {:?}",
                code.code,
                c.state
            );
        }
        let r = grade_full(common::engine().get(), &ex, &answer(ans.clone()));
        assert_eq!(r.score, 100.0, "{name}: {r:#?}");
        assert_eq!(
            strip(&r),
            strip(&grade_full(common::engine().get(), &plain, &answer(ans))),
            "{name}: sealed and plain differ"
        );
    }
}

/// (case, exercise, rubric, answer, expected code, the rule/reason must contain, must not contain)
type RuleCase = (
    &'static str,
    fn(&str) -> Exercise,
    &'static str,
    Value,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Reasons and rules cite only what applies to the two codes compared.
#[test]
fn reasons_cite_only_guidelines_that_apply() {
    const FULL_CODE: &str = "highest number of characters";
    let cases: Vec<RuleCase> = vec![
        (
            "lobar for unspecified pneumonia",
            pneumonia,
            "hierarchical",
            json!({"principal": "J18.1", "procedures": [{"code": "71046"}]}),
            "J18.9",
            &["Right category"],
            &["I.B.2", FULL_CODE],
        ),
        (
            "diabetes with hyperglycemia for no complication",
            diabetes,
            "hierarchical",
            json!({"principal": "E11.65"}),
            "E11.9",
            &["Right category"],
            &["I.B.2", FULL_CODE],
        ),
        (
            "intentional self-harm for accidental",
            poisoning,
            "hierarchical",
            json!({"principal": "T39.1X2A", "otherDiagnoses": ["R11.2"]}),
            "T39.1X1A",
            &["wrong intent", "I.C.19.e.5", "accidental"],
            &["I.B.2", FULL_CODE],
        ),
        (
            "a header does need the full code",
            pneumonia,
            "hierarchical",
            json!({"principal": "J18", "procedures": [{"code": "71046"}]}),
            "J18.9",
            &["header", "I.B.2"],
            &[],
        ),
        (
            "missing RT, hierarchical",
            femur,
            "hierarchical",
            json!({"principal": "S72.001A", "otherDiagnoses": ["W01.0XXA"], "procedures": [{"code": "73502"}]}),
            "73502-RT",
            &["wrong modifiers"],
            &["AAPC", "\"P\""],
        ),
        (
            "missing RT, AAPC",
            femur,
            "aapc",
            json!({"principal": "S72.001A", "otherDiagnoses": ["W01.0XXA"], "procedures": [{"code": "73502"}]}),
            "73502-RT",
            &["AAPC", "\"P\""],
            &[],
        ),
        (
            "COPD for pneumonia is not 'right chapter'",
            pneumonia,
            "hierarchical",
            json!({"principal": "J44.1", "procedures": [{"code": "71046"}]}),
            "J18.9",
            &["different condition", "no credit"],
            &["Right chapter", "I.B.2"],
        ),
        (
            "injury 7th character: encounter meanings",
            femur,
            "hierarchical",
            femur_with("S72.001D"),
            "S72.001A",
            &["I.A.5", "initial encounter"],
            &[],
        ),
        (
            "glaucoma 7th character is a stage, not an encounter",
            glaucoma,
            "hierarchical",
            json!({"principal": "H40.1132"}),
            "H40.1131",
            &["I.A.5"],
            &["initial encounter", "I.C.19"],
        ),
    ];
    let mut failures = Vec::new();
    for (name, build, rubric, ans, expected, must, must_not) in cases {
        let r = run(&build(rubric), &ans);
        let it = item(&r, expected);
        let text = format!("{} {}", it.reason, it.rule.as_deref().unwrap_or(""));
        for m in must.iter().filter(|m| !text.contains(**m)) {
            failures.push(format!("{name}: lacks {m:?}: {text}"));
        }
        for m in must_not.iter().filter(|m| text.contains(**m)) {
            failures.push(format!("{name}: cites {m:?}: {text}"));
        }
    }
    // No credit at all for another condition in the same chapter.
    let r = run(
        &pneumonia("hierarchical"),
        &json!({"principal": "J44.1", "procedures": [{"code": "71046"}]}),
    );
    assert_eq!(item(&r, "J18.9").mark, Mark::Incorrect);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The learner's input comes back exactly as typed (only surrounding spaces dropped).
#[test]
fn input_is_echoed_as_typed() {
    let cases: [(Value, &str, &str); 4] = [
        (
            json!({"principal": "S72.001A", "otherDiagnoses": ["W19A"]}),
            "W01.0XXA",
            "W19A",
        ),
        (femur_with("s72001a"), "S72.001A", "s72001a"),
        (femur_with("  S72.001d "), "S72.001A", "S72.001d"),
        (
            json!({"principal": "S72.001A", "procedures": [{"code": " 73502", "modifiers": ["rt"], "units": 2}]}),
            "73502-RT",
            "73502-rt ×2",
        ),
    ];
    for (ans, expected, typed) in cases {
        let r = run(&femur("hierarchical"), &ans);
        let it = item(&r, expected);
        assert_eq!(it.answered.as_deref(), Some(typed), "{it:?}");
        let rule = it.rule.as_deref().unwrap_or("");
        assert!(!rule.contains("W19.A"), "{rule}");
    }
    // The code-set finding about W19A names it as typed too.
    let r = run(
        &femur("hierarchical"),
        &json!({"principal": "S72.001A", "otherDiagnoses": ["W19A"]}),
    );
    let rule = item(&r, "W01.0XXA").rule.clone().unwrap_or_default();
    assert!(rule.contains("W19A is missing the placeholder"), "{rule}");
}

/// Practice before the learner asks: every reason, but the key only where they were right.
#[test]
fn practice_hides_the_key_until_asked() {
    let engine = common::engine().get();
    let ex = femur("hierarchical");
    let wrong = json!({"principal": "S72.002A", "otherDiagnoses": ["W01.0XXA"]});
    let r = grade(engine, &ex, &answer(wrong.clone()));
    let text = serde_json::to_string(&r).expect("json");
    for code in ["S72.001A", "73502", "Y92.009"] {
        assert!(!text.contains(code), "{code} shown before asking: {text}");
    }
    assert!(r.items.iter().all(|i| !i.reason.is_empty()));
    let right = r
        .items
        .iter()
        .find(|i| i.mark == Mark::Correct)
        .expect("W01.0XXA right");
    assert_eq!(right.expected.as_deref(), Some("W01.0XXA"));
    // Asking for the answers (grade_full) shows every code.
    let full = grade_full(engine, &ex, &answer(wrong));
    let shown: Vec<_> = full
        .items
        .iter()
        .filter_map(|i| i.expected.clone())
        .collect();
    assert_eq!(shown, ["S72.001A", "W01.0XXA", "Y92.009", "73502-RT"]);
}

/// Sealed practice exercises carry a masked answer sheet; exams carry none.
#[test]
fn sealed_practice_reveals_only_on_request() {
    let engine = common::engine().get();
    let plain = diabetes("hierarchical");
    let sealed = seal(engine, &plain, "feed").expect("seal");
    let json_text = serde_json::to_string(&sealed).expect("json");
    assert!(
        !json_text.contains("E11") && !json_text.contains("No complication"),
        "{json_text}"
    );
    let a = answer(json!({"principal": "E11.65"}));
    assert_eq!(
        grade_full(engine, &sealed, &a),
        grade_full(engine, &plain, &a)
    );
    assert_eq!(grade(engine, &sealed, &a), grade(engine, &plain, &a));
    assert_eq!(grade(engine, &sealed, &a).items[0].expected, None);
    let sheet = answer_sheet(&sealed).expect("sheet");
    assert_eq!(sheet[0].label, "E11.9");
    // Altered sheets or salts give no sheet rather than garbage.
    let mut bad = sealed.clone();
    bad.sealed.as_mut().expect("sealed").salt = "other".into();
    assert_eq!(answer_sheet(&bad), None);

    let mut exam = plain.clone();
    exam.mode = Mode::Exam;
    let sealed_exam = seal(engine, &exam, "feed").expect("seal");
    assert!(sealed_exam
        .sealed
        .as_ref()
        .expect("sealed")
        .reveal
        .is_none());
    assert_eq!(answer_sheet(&sealed_exam), None);
}

/// The attack: walking the code tree through repeated exam gradings. The engine's
/// ledger grades an exam `attempts` times (default 1); altered copies grade nothing right.
#[test]
fn exam_attempts_are_limited_in_the_engine() {
    let engine = common::engine().get();
    let mut exam = pneumonia("hierarchical");
    exam.mode = Mode::Exam;
    let sealed = seal(engine, &exam, "abcd").expect("seal");
    let right = answer(json!({"principal": "J18.9", "procedures": [{"code": "71046"}]}));

    // Default: one attempt, whatever is asked afterwards.
    let mut ledger = Attempts::default();
    assert_eq!(ledger.left(&sealed), Some(1));
    assert_eq!(
        ledger.grade(engine, &sealed, &right).map(|r| r.score),
        Ok(100.0)
    );
    assert_eq!(ledger.left(&sealed), Some(0));
    let probes = ["A00.0", "J00", "J18.0", "J18.9", "J44.1"];
    let graded = probes
        .iter()
        .filter(|p| {
            ledger
                .grade(engine, &sealed, &answer(json!({"principal": p})))
                .is_ok()
        })
        .count();
    assert_eq!(graded, 0, "no probe graded after the attempt");
    let err = ledger.grade(engine, &sealed, &right).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "this exam allows 1 attempt, and all have been used"
    );
    // A new id does not buy attempts: the ledger follows the sealed key.
    let mut renamed = sealed.clone();
    renamed.id = "other".into();
    assert!(ledger.grade(engine, &renamed, &right).is_err());

    // Configurable: three attempts, then refused.
    let mut three = exam.clone();
    three.attempts = Some(3);
    let three = seal(engine, &three, "beef").expect("seal");
    let mut ledger = Attempts::default();
    let results: Vec<bool> = (0..5)
        .map(|_| ledger.grade(engine, &three, &right).is_ok())
        .collect();
    assert_eq!(results, [true, true, true, false, false]);

    // Altered copies of the sealed exam (more attempts, practice mode, other weights or
    // rubric) hash the learner's codes differently: even the right answer scores nothing,
    // so no copy leaks the key through its score or per-item decisions.
    let alter: [(&str, fn(&mut Exercise)); 5] = [
        ("more attempts", |e| e.attempts = Some(99)),
        ("practice mode", |e| e.mode = Mode::Practice),
        ("aapc rubric", |e| e.rubric = claimlint::grade::Rubric::Aapc),
        ("weights", |e| {
            e.weights = serde_json::from_value(json!({"chapter": 1.0})).ok()
        }),
        ("date", |e| e.date_of_service = Some("2025-03-15".into())),
    ];
    for (name, change) in alter {
        let mut copy = sealed.clone();
        change(&mut copy);
        let r = grade_full(engine, &copy, &right);
        assert_eq!(r.score, 0.0, "{name}: {r:#?}");
        assert!(r.items.iter().all(|i| i.credit == 0.0), "{name}");
    }
}
