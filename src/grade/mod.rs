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
mod attempts;
mod compare;
mod entries;
mod levels;
mod model;
mod result;
mod reveal;
mod rules;
mod score;
mod sealed;
pub mod sha256;
mod text;
pub mod weights;

pub use attempts::{Attempts, NoAttemptsLeft};
pub use model::{Answer, AnswerProcedure, Exercise, Key, KeyCode, KeyProcedure, Mode, Rubric};
pub use result::{Decision, Field, GradeResult, Item, Mark, Sequencing};
pub use reveal::Shown;
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

/// Grades an answer as the mode allows a learner to see it before asking for the answers.
///
/// Exam: the score only. Practice: every decision, reason and rule, but the key's code
/// and explanation only on items the learner got right (see [`grade_full`] for the rest).
/// Attempts are not counted here; [`Attempts::grade`] does that.
pub fn grade(engine: &Engine<'_>, ex: &Exercise, answer: &Answer) -> GradeResult {
    let full = grade_full(engine, ex, answer);
    match ex.mode {
        Mode::Exam => full.redact(),
        Mode::Practice => full.without_key(),
    }
}

/// The answers an exercise can show: from its plain key, or its sealed answer sheet.
/// Exams show none.
pub fn answer_sheet(ex: &Exercise) -> Option<Vec<Shown>> {
    match (&ex.sealed, &ex.key) {
        (Some(s), _) => s
            .reveal
            .as_deref()
            .and_then(|hex| reveal::unmask(hex, &s.salt)),
        (None, Some(k)) => Some(entries::sheet(k)),
        (None, None) => None,
    }
}

/// Grades with every decision, rule and the key's codes, whatever the mode (for
/// instructors, `claimlint grade --full`, and practice learners who asked for the answers).
pub fn grade_full(engine: &Engine<'_>, ex: &Exercise, answer: &Answer) -> GradeResult {
    let edition = edition(engine, ex);
    let binding = ex.hash_binding();
    let in_memory;
    let sealed = match (&ex.sealed, &ex.key) {
        (Some(s), _) => s,
        (None, Some(k)) => {
            in_memory = sealed::seal_key(engine, edition, k, PLAIN_SALT, &binding);
            &in_memory
        }
        (None, None) => return empty(ex),
    };
    let sheet = answer_sheet(ex);
    let w = Weights::resolve(ex.rubric, ex.weights.as_ref());
    let expected = entries::expected(sealed, sheet.as_deref());
    let salt = format!("{}{binding}", sealed.salt);
    let entries = entries::entries(engine, edition, &salt, answer);
    let pairs = score::pair(&expected, &entries);
    let (mut items, sequencing) = score::items(ex.rubric, &expected, &entries, &pairs, &w);
    let unmatched = score::unmatched(&entries, &pairs);
    let mut extras = score::extras(ex.rubric, &entries, &unmatched);
    let paired: Vec<Option<usize>> = pairs.iter().map(|p| p.map(|(ai, _)| ai)).collect();
    let extra_of: Vec<Option<usize>> = unmatched.into_iter().map(Some).collect();
    add_rules(engine, ex, edition, &entries, &mut items, &paired);
    add_rules(engine, ex, edition, &entries, &mut extras, &extra_of);
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
/// of the decision's own rule. `entry_of[i]` is the entry behind `items[i]`.
fn add_rules(
    engine: &Engine<'_>,
    ex: &Exercise,
    edition: usize,
    entries: &[Entry],
    items: &mut [Item],
    entry_of: &[Option<usize>],
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
    for (item, at) in items.iter_mut().zip(entry_of) {
        let Some(entry) = at.and_then(|ai| entries.get(ai)) else {
            continue;
        };
        let code = entry.code();
        let found = match entry.kind {
            EntryKind::Dx(_) => [
                rules::dx_entry(engine, dos, code, &entry.label),
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
