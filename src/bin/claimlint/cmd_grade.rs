//! `claimlint grade --blob F [--full] EXERCISE.json ANSWER.json`: grades one answer and
//! prints the result as JSON. Exam-mode exercises print the score only unless `--full`.
use crate::args::Args;
use claimlint::grade::{grade, grade_full, Answer, Exercise};
use claimlint::Engine;

const USAGE: &str = "usage: claimlint grade --blob FILE [--full] EXERCISE.json ANSWER.json";

pub fn run(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &["full"])?;
    let [ex_path, answer_path] = a.positional.as_slice() else {
        return Err(USAGE.into());
    };
    let exercise: Exercise = read_json(ex_path)?;
    if let Some(p) = exercise.problem() {
        return Err(format!("{ex_path}: {p}"));
    }
    let answer: Answer = read_json(answer_path)?;
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    let result = if a.has("full") {
        grade_full(&engine, &exercise, &answer)
    } else {
        grade(&engine, &exercise, &answer)
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?
    );
    Ok(0)
}

/// Reads and parses a JSON file, naming the file in errors.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}
