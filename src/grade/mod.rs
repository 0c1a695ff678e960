//! Graded coding exercises for e-learning.
//!
//! An [`Exercise`] holds a case, an answer key and a rubric; [`grade`] compares a learner's
//! [`Answer`] with the key and returns per-code decisions (exact, alternate, partial along
//! the ICD-10-CM tree, wrong, missing, extra), sequencing and a 0–100 score. Presets and
//! their weights are in [`weights`]; the JSON format is in `exercise.schema.json`.
//!
//! Keys can be sealed ([`seal`]): every hierarchy level stored as a salted hash, so the
//! browser can grade with partial credit without the key being readable. Plain keys are
//! sealed in memory first, so both forms go through one code path and grade identically.
mod compare;
mod entries;
mod levels;
mod model;
mod result;
mod rules;
mod score;
mod sealed;
pub mod sha256;
mod text;
pub mod weights;

pub use model::{Answer, AnswerProcedure, Exercise, Key, KeyCode, KeyProcedure, Mode, Rubric};
pub use result::{Decision, Field, GradeResult, Item, Mark, Sequencing};
pub use sealed::{key_codes, seal, SealError, SealedDx, SealedKey, SealedProcedure};
pub use weights::{WeightOverrides, Weights};

use crate::date::Date;
use crate::engine::Engine;
use entries::{Entry, EntryKind};

/// Salt used when a plain key is sealed in memory for grading.
const PLAIN_SALT: &str = "plain";

/// The exercise's date of service, if it has a valid one.
pub fn date_of_service(ex: &Exercise) -> Option<Date> {
    ex.date_of_service.as_deref().and_then(Date::parse)
}

/// The ICD-10-CM edition in force on the exercise's date (the newest when none).
pub fn edition(engine: &Engine<'_>, ex: &Exercise) -> usize {
    let Some(cm) = engine.icd10cm.as_ref() else {
        return 0;
    };
    date_of_service(ex)
        .and_then(|d| cm.edition_for(d))
        .unwrap_or_else(|| cm.latest())
}

/// Grades an answer as the exercise's mode allows: exam mode returns the score only.
pub fn grade(engine: &Engine<'_>, ex: &Exercise, answer: &Answer) -> GradeResult {
    let full = grade_full(engine, ex, answer);
    match ex.mode {
        Mode::Exam => full.redact(),
        Mode::Practice => full,
    }
}

/// Grades with every decision and rule, whatever the mode (for instructors and tests).
pub fn grade_full(engine: &Engine<'_>, ex: &Exercise, answer: &Answer) -> GradeResult {
    let edition = edition(engine, ex);
    let in_memory;
    let sealed = match (&ex.sealed, &ex.key) {
        (Some(s), _) => s,
        (None, Some(k)) => {
            in_memory = sealed::seal_key(engine, edition, k, PLAIN_SALT);
            &in_memory
        }
        (None, None) => return empty(ex),
    };
    let plain = if ex.sealed.is_some() {
        None
    } else {
        ex.key.as_ref()
    };
    let w = Weights::resolve(ex.rubric, ex.weights.as_ref());
    let expected = entries::expected(sealed, plain);
    let entries = entries::entries(engine, edition, &sealed.salt, answer);
    let pairs = score::pair(&expected, &entries);
    let (mut items, sequencing) = score::items(&expected, &entries, &pairs, &w);
    let mut extras = score::extras(&entries, &pairs);
    add_rules(engine, ex, edition, &entries, &mut items);
    add_rules(engine, ex, edition, &entries, &mut extras);
    let (earned, possible) = score::totals(ex.rubric, &items, &extras, entries.len(), &w);
    let score = if possible > 0.0 {
        result::round((earned / possible * 100.0).clamp(0.0, 100.0), 1)
    } else {
        100.0
    };
    GradeResult {
        exercise: ex.id.clone(),
        rubric: ex.rubric,
        mode: ex.mode,
        score,
        max_score: 100.0,
        earned,
        possible,
        items,
        extras,
        sequencing,
    }
}

fn empty(ex: &Exercise) -> GradeResult {
    GradeResult {
        exercise: ex.id.clone(),
        rubric: ex.rubric,
        mode: ex.mode,
        score: 0.0,
        max_score: 100.0,
        earned: 0.0,
        possible: 0.0,
        items: Vec::new(),
        extras: Vec::new(),
        sequencing: None,
    }
}

/// Puts code-set rules about the entered code (header, invalid, Excludes1, add-on) ahead
/// of the decision's own rule.
fn add_rules(
    engine: &Engine<'_>,
    ex: &Exercise,
    edition: usize,
    entries: &[Entry],
    items: &mut [Item],
) {
    let dos = date_of_service(ex);
    let dx: Vec<String> = entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Dx(_)))
        .map(|e| e.code().to_owned())
        .collect();
    let px: Vec<String> = entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Proc(_)))
        .map(|e| e.code().to_owned())
        .collect();
    for item in items.iter_mut() {
        let Some(label) = &item.answered else {
            continue;
        };
        let Some(entry) = entries.iter().find(|e| {
            &e.label == label && (e.field == Field::Procedure) == (item.field == Field::Procedure)
        }) else {
            continue;
        };
        let code = entry.code();
        let found = match entry.kind {
            EntryKind::Dx(_) => [
                rules::dx_entry(engine, dos, code),
                rules::excludes1(engine, edition, code, &dx),
            ],
            EntryKind::Proc(_) => [
                rules::procedure_entry(engine, dos, code),
                rules::addon_without_primary(engine, dos, code, &px),
            ],
        };
        // Findings may lack a final stop; rules are joined as sentences.
        let mut parts: Vec<String> = found
            .into_iter()
            .flatten()
            .map(|p| {
                if p.ends_with(['.', '!', '?']) {
                    p
                } else {
                    format!("{p}.")
                }
            })
            .collect();
        if parts.is_empty() {
            continue;
        }
        parts.extend(item.rule.take());
        item.rule = Some(parts.join(" "));
    }
}
