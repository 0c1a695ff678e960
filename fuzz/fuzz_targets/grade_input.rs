//! Any exercise and answer (JSON text split at the first NUL byte) through grading on the
//! real blob, plain and sealed: a score within the maximum, never a panic.
#![no_main]
use claimlint::grade::{grade, seal, Answer, Exercise};
use claimlint_fuzz::{parts, real_engine};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(engine) = real_engine() else { return };
    let p = parts(data, 2);
    let Ok(exercise) = serde_json::from_str::<Exercise>(&p[0]) else { return };
    let answer = serde_json::from_str::<Answer>(&p[1]).unwrap_or_default();
    // Grading does not rely on `problem()` having been checked first.
    let result = grade(engine.get(), &exercise, &answer);
    check(&result);
    if let Ok(sealed) = seal(engine.get(), &exercise, "fuzz-salt") {
        let again = grade(engine.get(), &sealed, &answer);
        check(&again);
        // Sealing hides the key, never the score.
        assert_eq!(again.score.to_bits(), result.score.to_bits(), "sealed and plain grades differ");
    }
});

fn check(r: &claimlint::grade::GradeResult) {
    assert!((0.0..=r.max_score).contains(&r.score), "score {} outside 0..={}", r.score, r.max_score);
    assert!(r.earned <= r.possible + 1e-9 || r.possible == 0.0, "earned {} of {}", r.earned, r.possible);
}
