//! What each code set contributes to the search index (compile side).
use crate::system::System;

/// One searchable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDoc {
    pub system: System,
    /// Code as shown (dotted for ICD-10-CM).
    pub code: String,
    /// Main description.
    pub text: String,
    /// Extra search text (inclusion terms, short descriptions).
    pub extra: Vec<String>,
    pub billable: bool,
}
