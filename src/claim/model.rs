//! The claim a caller sends: CMS-1500 / 837P professional, 837I facility, or DME supplier.
//!
//! Fields keep what was typed (dates and codes as text) so a malformed value becomes a
//! finding that quotes it, rather than a parse failure that loses it.
use serde::{Deserialize, Serialize};
pub use super::text::Text;

/// Most diagnoses on a professional or DME claim (CMS-1500 item 21, 837P HI): A to L.
pub const MAX_DIAGNOSES: usize = 12;
/// Most diagnoses on a facility claim (837I: principal + 24 others; the UB-04 prints 18).
pub const MAX_FACILITY_DIAGNOSES: usize = 25;
/// Most ICD-10-PCS procedures on an inpatient claim (837I: principal + 24 others).
pub const MAX_PROCEDURES: usize = 25;
/// Most modifiers per line (24D, SV101-3..6).
pub const MAX_MODIFIERS: usize = 4;
/// Most diagnosis pointers per line (24E, C004).
pub const MAX_POINTERS: usize = 4;
/// Diagnosis letters, by position.
pub const LETTERS: [char; MAX_DIAGNOSES] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];

/// A diagnosis's name by position: its letter A to L, then its number (facility forms).
pub fn dx_label(pos: usize) -> String {
    match LETTERS.get(pos) {
        Some(c) => c.to_string(),
        None => format!("#{}", pos.saturating_add(1)),
    }
}

/// Which claim form the lines come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// Most diagnoses the form carries.
    pub fn max_diagnoses(self) -> usize {
        if self.is_facility() {
            MAX_FACILITY_DIAGNOSES
        } else {
            MAX_DIAGNOSES
        }
    }
    pub fn is_facility(self) -> bool {
        matches!(self, ClaimType::Outpatient | ClaimType::Inpatient)
    }
    /// Parses a claim type and its common spellings (`837p`, `practitioner`, `facility`, ...).
    pub fn parse(s: &str) -> Option<ClaimType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "professional" | "practitioner" | "837p" | "prof" => Some(ClaimType::Professional),
            "outpatient" | "institutional" | "facility" | "837i" | "hospital" => Some(ClaimType::Outpatient),
            "inpatient" => Some(ClaimType::Inpatient),
            "dme" | "supplier" | "dme_supplier" => Some(ClaimType::Dme),
            _ => None,
        }
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
    pub code: Text,
    /// Present-on-admission indicator: Y, N, U, W, 1 (or blank for exempt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poa: Option<Text>,
}

/// One service line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    #[serde(default)]
    pub date_from: Text,
    /// Defaults to `date_from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_to: Option<Text>,
    /// Two-digit CMS place of service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pos: Option<Text>,
    /// CPT or HCPCS code.
    #[serde(default)]
    pub code: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<f64>,
    /// Diagnosis letters (A–L), first = primary for the line.
    #[serde(default)]
    pub pointers: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<f64>,
    /// 11-digit National Drug Code (5-4-2), hyphens allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ndc: Option<Text>,
    /// Rendering provider NPI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npi: Option<Text>,
    /// UB-04 revenue code (facility lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_code: Option<Text>,
    /// Non-covered charges of the line (UB-04 FL 48; facility lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_covered_charge: Option<f64>,
}

/// A UB-04 occurrence code with its date (FL 31-34).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Occurrence {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A UB-04 value code with its amount (FL 39-41).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValueCode {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
}

/// The outpatient facility header (UB-04 / 837I): bill type, statement period, OPPS or not,
/// condition, occurrence and value codes, reasons for visit. Outpatient claims only.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Facility {
    /// Type of bill (UB-04 FL 4), `0131` or `131`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_type: Option<String>,
    /// Statement covers period from (UB-04 FL 6, `YYYY-MM-DD`); selects the I/OCE quarter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement_from: Option<String>,
    /// Statement covers period through (UB-04 FL 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement_through: Option<String>,
    /// Date the payer received the claim (`YYYY-MM-DD`): the I/OCE reads revenue codes in the
    /// quarter of this date and rejects a claim received before its from-date (edit 119).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_date: Option<String>,
    /// Paid under the OPPS (true, the default) or not (critical access, Maryland, ...: false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opps: Option<bool>,
    /// Condition codes (UB-04 FL 18-28), two characters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub condition_codes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occurrence_codes: Vec<Occurrence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub value_codes: Vec<ValueCode>,
    /// Patient's reasons for visit (UB-04 FL 70a-c), ICD-10-CM.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reason_for_visit: Vec<String>,
}

/// One ICD-10-PCS procedure of an inpatient stay (837I HI BBR/BBQ, UB-04 FL 74).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Procedure {
    /// ICD-10-PCS code, seven characters.
    pub code: String,
    /// Date performed (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// The inpatient stay (837I / UB-04 header): dates, discharge status, admitting diagnosis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stay {
    /// UB-04 FL 12 (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admission_date: Option<String>,
    /// The statement's through date (UB-04 FL 6); the date of service for code edits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharge_date: Option<String>,
    /// UB-04 FL 17 patient discharge status, two digits ("01" home, "20" died, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharge_status: Option<String>,
    /// Days; derived from the admission and discharge dates when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length_of_stay: Option<u32>,
    /// UB-04 FL 69.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admitting_diagnosis: Option<String>,
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
    /// The inpatient stay; inpatient claims only.
    #[serde(default, flatten)]
    pub stay: Stay,
    /// The outpatient facility header; outpatient claims only.
    #[serde(default, flatten)]
    pub facility: Facility,
    /// ICD-10-PCS procedures; inpatient claims only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<Procedure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_npi: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes1_overrides: Vec<Excludes1Override>,
}
