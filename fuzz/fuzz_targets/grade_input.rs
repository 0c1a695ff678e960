//! Any exercise and answer (JSON text split at the first NUL byte) through grading on the
//! real blob, plain and sealed: a score within the maximum, never a panic; exams show no
//! per-code result and grade no more often than they allow; practice shows the key's
//! codes only on right items.
#![no_main]
use claimlint::grade::{grade, seal, Answer, Attempts, Exercise, GradeResult, Mark, Mode};
use claimlint_fuzz::{parts, real_engine};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(engine) = real_engine() else { return };
    let p = parts(data, 2);
    let Ok(exercise) = serde_json::from_str::<Exercise>(&p[0]) else { return };
    let answer = serde_json::from_str::<Answer>(&p[1]).unwrap_or_default();
    // Grading does not rely on `problem()` having been checked first.
    let result = grade(engine.get(), &exercise, &answer);
    check(&exercise, &result);
    if let Ok(sealed) = seal(engine.get(), &exercise, "fuzz-salt") {
        let again = grade(engine.get(), &sealed, &answer);
        check(&sealed, &again);
        // Sealing hides the key, never the score.
        assert_eq!(again.score.to_bits(), result.score.to_bits(), "sealed and plain grades differ");
    }
    // The ledger grades an exam exactly `attempts` times, practice without limit.
    let mut ledger = Attempts::default();
    let allowed = exercise.attempts_allowed().map_or(3, |n| n.min(3));
    for _ in 0..allowed {
        assert!(ledger.grade(engine.get(), &exercise, &answer).is_ok(), "attempt refused early");
    }
    let over = ledger.grade(engine.get(), &exercise, &answer);
    assert_eq!(over.is_err(), exercise.mode == Mode::Exam && allowed == exercise.attempts_allowed().unwrap_or(0));
});

fn check(ex: &Exercise, r: &GradeResult) {
    assert!((0.0..=r.max_score).contains(&r.score), "score {} outside 0..={}", r.score, r.max_score);
    assert!(r.earned <= r.possible + 1e-9 || r.possible == 0.0, "earned {} of {}", r.earned, r.possible);
    match ex.mode {
        Mode::Exam => assert!(r.items.is_empty() && r.extras.is_empty() && r.sequencing.is_none(), "exam shows items"),
        Mode::Practice => assert!(
            r.items.iter().all(|i| i.mark == Mark::Correct || (i.expected.is_none() && i.explanation.is_none())),
            "practice shows the key before asked"
        ),
    }
}
