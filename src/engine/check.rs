//! The result of checking one code.
use crate::finding::{Finding, Severity};
use crate::system::System;
use serde::{Deserialize, Serialize};

/// What one typed code is, on the date of service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeState {
    /// Nothing typed yet.
    Empty,
    /// A valid beginning of a code while the user is still typing.
    Prefix,
    /// A valid code that is not billable (a category or subcategory header).
    Header,
    /// A valid, billable code.
    Billable,
    /// Not the shape of a code in this system; a finding says what is wrong.
    InvalidFormat,
    /// Well formed but not in the code set.
    Unknown,
    /// In the code set of another vintage, not on this date of service.
    Inactive,
    /// The date of service is outside every loaded vintage: nothing to validate against.
    NoDataForDate,
}

impl CodeState {
    /// True for the states a claim may carry.
    pub fn is_reportable(self) -> bool {
        self == CodeState::Billable
    }
}

/// A code with its description, as listed in completions and suggestions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeSummary {
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub billable: bool,
}

/// Everything the engine says about one code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeCheck {
    pub system: System,
    /// Exactly what was typed.
    pub input: String,
    /// The normalised code (dotted form for ICD-10-CM), or the cleaned input if unknown.
    pub code: String,
    pub state: CodeState,
    pub billable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Data vintage the answer comes from, e.g. `ICD-10-CM FY2026`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vintage: Option<String>,
    /// Billable completions (for headers) or next codes (for prefixes), capped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub completions: Vec<CodeSummary>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

impl CodeCheck {
    /// A result with no description, completions or findings yet.
    pub fn new(system: System, input: &str, code: String, state: CodeState) -> CodeCheck {
        CodeCheck {
            system,
            input: input.to_owned(),
            code,
            state,
            billable: state == CodeState::Billable,
            description: None,
            vintage: None,
            completions: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// The most severe finding's severity, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// The findings a claim field gets: this check's own, plus — when nothing says the code is
    /// wrong yet it is not a complete billable code (a beginning such as `S64.12X`, `B8`,
    /// `0DTJ4Z`, `J15`, `2`) — one error saying it is incomplete, with its completions. A claim
    /// never accepts an incomplete code, whatever the system.
    pub fn into_claim_findings(self) -> Vec<Finding> {
        let complete = self.state == CodeState::Billable || self.worst() == Some(Severity::Error);
        if complete {
            return self.findings;
        }
        let (rule, what) = match self.system {
            System::Icd10cm => (crate::rules::RuleId::DxValid, "a complete, billable ICD-10-CM code"),
            System::Icd10pcs => (crate::rules::RuleId::PxValid, "a complete ICD-10-PCS code of seven characters"),
            System::Hcpcs => (crate::rules::RuleId::PxValid, "a complete HCPCS Level II code of five characters"),
            System::Cpt => (crate::rules::RuleId::PxValid, "a complete CPT code of five characters"),
            System::Modifier => (crate::rules::RuleId::ModValid, "a complete two-character modifier"),
        };
        let shown = if self.code.is_empty() { self.input.trim().to_owned() } else { self.code.clone() };
        let message = if self.state == CodeState::Empty {
            format!("the code is empty: a claim needs {what}")
        } else {
            format!("{shown} is incomplete: a claim needs {what}")
        };
        let suggestions: Vec<crate::finding::Suggestion> = self
            .completions
            .into_iter()
            .filter(|c| c.billable)
            .take(5)
            .map(|c| crate::finding::Suggestion { code: c.code, description: c.description })
            .collect();
        let mut out = self.findings;
        out.push(crate::rules::finding(rule, message, self.vintage).with_suggestions(suggestions));
        out
    }
}
