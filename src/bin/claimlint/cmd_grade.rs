//! `claimlint grade EXERCISE.json ANSWER.json`: grades one answer. Exam-mode exercises give
//! the score only unless `--full`.
use crate::args::{self, BlobArg};
use crate::out::{Out, Outcome};
use claimlint::grade::{grade, grade_full, Answer, Exercise};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct GradeArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// Show every item even for an exam-mode exercise.
    #[arg(long)]
    pub full: bool,
    /// The exercise (plain or sealed).
    #[arg(value_name = "EXERCISE.json")]
    pub exercise: PathBuf,
    /// The learner's answer.
    #[arg(value_name = "ANSWER.json")]
    pub answer: PathBuf,
}

pub fn run(a: GradeArgs, out: &mut Out) -> Outcome {
    let exercise: Exercise = read_json(&a.exercise)?;
    if let Some(p) = exercise.problem() {
        return Err(format!("{}: {p}", a.exercise.display()).into());
    }
    let answer: Answer = read_json(&a.answer)?;
    let bytes = a.blob.read()?;
    let engine = args::open(&bytes)?;
    let result = if a.full { grade_full(&engine, &exercise, &answer) } else { grade(&engine, &exercise, &answer) };
    let value = serde_json::to_value(&result)?;
    out.either_pretty(&value, || crate::text::outline(&value))?;
    Ok(0)
}

/// Reads and parses a JSON file, naming the file in errors.
pub fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}
