//! The code systems the engine knows.
use core::fmt;
use serde::{Deserialize, Serialize};

/// A US billing code system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum System {
    /// ICD-10-CM diagnoses.
    Icd10cm,
    /// ICD-10-PCS inpatient procedures.
    Icd10pcs,
    /// HCPCS Level II codes.
    Hcpcs,
    /// CPT (HCPCS Level I) code numbers.
    Cpt,
    /// HCPCS Level II and CPT modifiers.
    Modifier,
}

impl System {
    pub const ALL: [System; 5] = [System::Icd10cm, System::Icd10pcs, System::Hcpcs, System::Cpt, System::Modifier];

    /// The identifier used in the API, CLI and blob (`icd10cm`, `hcpcs`, ...).
    pub fn id(self) -> &'static str {
        match self {
            System::Icd10cm => "icd10cm",
            System::Icd10pcs => "icd10pcs",
            System::Hcpcs => "hcpcs",
            System::Cpt => "cpt",
            System::Modifier => "modifier",
        }
    }

    /// The name a coder knows.
    pub fn display_name(self) -> &'static str {
        match self {
            System::Icd10cm => "ICD-10-CM",
            System::Icd10pcs => "ICD-10-PCS",
            System::Hcpcs => "HCPCS Level II",
            System::Cpt => "CPT",
            System::Modifier => "modifier",
        }
    }

    /// Parses an identifier, case-insensitively, accepting common spellings.
    pub fn parse(s: &str) -> Option<System> {
        let s = s.trim().to_ascii_lowercase().replace(['-', '_', ' '], "");
        Some(match s.as_str() {
            "icd10cm" | "icd10" | "dx" | "diagnosis" => System::Icd10cm,
            "icd10pcs" | "pcs" => System::Icd10pcs,
            "hcpcs" | "hcpcs2" | "hcpcsii" | "level2" => System::Hcpcs,
            "cpt" => System::Cpt,
            "modifier" | "mod" => System::Modifier,
            _ => return None,
        })
    }
}

impl fmt::Display for System {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
