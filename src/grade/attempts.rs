//! The exam attempt limit, kept by the engine that grades.
//!
//! An exam's score moves with partial credit, so unlimited grading lets anyone walk the
//! code tree from the score alone (chapter, block, category, …). [`Attempts`] grades an
//! exam at most its `attempts` times (default 1) per sealed key. The count is keyed by
//! the key's salt: changing the salt, mode, attempt limit, rubric, weights or date of
//! service in the JSON changes every hash (see `Exercise::hash_binding`), so an altered
//! copy of the exam grades nothing right and cannot buy new attempts.
//!
//! The ledger lives as long as its owner: the browser keeps one per loaded module, so a
//! page reload starts a new count. Grading that must hold is done on a server.
use super::model::Exercise;
use super::result::GradeResult;
use crate::engine::Engine;
use crate::grade::Answer;
use std::collections::BTreeMap;

/// How many times each exam has been graded.
#[derive(Clone, Debug, Default)]
pub struct Attempts {
    used: BTreeMap<String, u32>,
}

/// Grading refused: every allowed attempt has been used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoAttemptsLeft {
    pub allowed: u32,
}

impl core::fmt::Display for NoAttemptsLeft {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let s = if self.allowed == 1 { "" } else { "s" };
        write!(
            f,
            "this exam allows {} attempt{s}, and all have been used",
            self.allowed
        )
    }
}

/// The ledger's name for an exam: its salt when sealed, its id when the key is plain.
fn identity(ex: &Exercise) -> String {
    match &ex.sealed {
        Some(s) => format!("sealed\u{1f}{}", s.salt),
        None => format!("plain\u{1f}{}", ex.id),
    }
}

impl Attempts {
    /// Attempts left for an exam; `None` for practice (no limit).
    pub fn left(&self, ex: &Exercise) -> Option<u32> {
        let allowed = ex.attempts_allowed()?;
        let used = self.used.get(&identity(ex)).copied().unwrap_or(0);
        Some(allowed.saturating_sub(used))
    }

    /// Grades as the mode allows, counting exam attempts and refusing past the limit.
    pub fn grade(
        &mut self,
        engine: &Engine<'_>,
        ex: &Exercise,
        answer: &Answer,
    ) -> Result<GradeResult, NoAttemptsLeft> {
        if let Some(allowed) = ex.attempts_allowed() {
            let used = self.used.entry(identity(ex)).or_insert(0);
            if *used >= allowed {
                return Err(NoAttemptsLeft { allowed });
            }
            *used = used.saturating_add(1);
        }
        Ok(super::grade(engine, ex, answer))
    }
}
