//! The claim a caller sends: CMS-1500 / 837P professional, 837I facility, or DME supplier.
//!
//! Fields keep what was typed (dates and codes as text) so a malformed value becomes a
//! finding that quotes it, rather than a parse failure that loses it.
use serde::{Deserialize, Serialize};

/// Most diagnoses on a claim (CMS-1500 item 21, 837 HI segments): A to L.
pub const MAX_DIAGNOSES: usize = 12;
/// Most modifiers per line (24D, SV101-3..6).
pub const MAX_MODIFIERS: usize = 4;
/// Most diagnosis pointers per line (24E, C004).
pub const MAX_POINTERS: usize = 4;
/// Diagnosis letters, by position.
pub const LETTERS: [char; MAX_DIAGNOSES] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];

/// Which claim form the lines come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ClaimType {
    /// CMS-1500 / 837P.
    #[default]
    Professional,
    /// UB-04 / 837I outpatient facility.
    Outpatient,
    /// UB-04 / 837I inpatient facility (POA required).
    Inpatient,
    /// DME supplier (CMS-1500 / 837P to a DME MAC).
    Dme,
}

impl ClaimType {
    /// Most service lines the form carries.
    pub fn max_lines(self) -> usize {
        match self {
            ClaimType::Professional | ClaimType::Dme => 50,
            ClaimType::Outpatient | ClaimType::Inpatient => 450,
        }
    }
    pub fn is_facility(self) -> bool {
        matches!(self, ClaimType::Outpatient | ClaimType::Inpatient)
    }
    pub fn id(self) -> &'static str {
        match self {
            ClaimType::Professional => "professional",
            ClaimType::Outpatient => "outpatient",
            ClaimType::Inpatient => "inpatient",
            ClaimType::Dme => "dme",
        }
    }
}

/// Administrative sex as on the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    F,
    M,
    U,
}

/// The patient: sex and date of birth (or age in whole years).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Patient {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// Age in years on the date of service, when the date of birth is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
}

/// One diagnosis; its letter is its position (A = first-listed / principal).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    pub code: String,
    /// Present-on-admission indicator: Y, N, U, W, 1 (or blank for exempt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poa: Option<String>,
}

/// One service line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    #[serde(default)]
    pub date_from: String,
    /// Defaults to `date_from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_to: Option<String>,
    /// Two-digit CMS place of service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pos: Option<String>,
    /// CPT or HCPCS code.
    #[serde(default)]
    pub code: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<f64>,
    /// Diagnosis letters (A–L), first = primary for the line.
    #[serde(default)]
    pub pointers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<f64>,
    /// 11-digit National Drug Code (5-4-2), hyphens allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ndc: Option<String>,
    /// Rendering provider NPI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npi: Option<String>,
    /// UB-04 revenue code (facility lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_code: Option<String>,
}

/// A coder's reason for reporting two codes an Excludes1 note separates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Excludes1Override {
    pub codes: Vec<String>,
    pub reason: String,
}

/// A claim.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    /// Caller's identifier, echoed back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default)]
    pub claim_type: ClaimType,
    /// Selects a compiled payer rule pack by its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer: Option<String>,
    /// The date "the future" starts after (`YYYY-MM-DD`); the caller's clock otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
    #[serde(default)]
    pub patient: Patient,
    #[serde(default)]
    pub diagnoses: Vec<Diagnosis>,
    #[serde(default)]
    pub lines: Vec<Line>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_npi: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes1_overrides: Vec<Excludes1Override>,
}
