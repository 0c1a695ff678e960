//! Findings: what the engine tells a coder about a code, line or claim.
pub use crate::location::{LineField, Location};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// A replacement the coder can apply with one click.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The code to use instead (dotted form for ICD-10-CM).
    pub code: String,
    /// Its description, when the blob carries one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One finding. Every finding names its rule, its CMS source and the data vintage used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id from the edit catalogue, e.g. `DX-7TH`.
    pub rule: Cow<'static, str>,
    pub severity: Severity,
    /// Plain words a coder understands, naming the codes involved.
    pub message: String,
    /// Codes to use instead, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
    /// The official source the rule comes from, e.g. `CMS ICD-10-CM Tabular List`.
    pub source: Cow<'static, str>,
    /// Data vintage used, e.g. `ICD-10-CM FY2026`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vintage: Option<String>,
    /// Where the finding points in a claim, when it has a place; a JSON pointer in JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

impl Finding {
    /// A finding with no suggestions and no location.
    pub fn new(rule: &'static str, severity: Severity, message: String, source: &'static str, vintage: Option<String>) -> Finding {
        Finding { rule: Cow::Borrowed(rule), severity, message, suggestions: Vec::new(), source: Cow::Borrowed(source), vintage, location: None }
    }

    /// Adds suggestions.
    pub fn with_suggestions(mut self, suggestions: Vec<Suggestion>) -> Finding {
        self.suggestions = suggestions;
        self
    }

    /// Sets the location (a typed place, or a JSON pointer read into one).
    pub fn at(mut self, place: impl Into<Location>) -> Finding {
        self.location = Some(place.into());
        self
    }

    /// The location as a JSON pointer, as results serialise it.
    pub fn pointer(&self) -> Option<String> {
        self.location.as_ref().map(Location::pointer)
    }
}
