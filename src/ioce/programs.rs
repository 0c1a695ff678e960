//! The I/OCE's program lists: which HCPCS codes belong to partial hospitalization (PHP),
//! intensive outpatient (IOP), opioid treatment (OTP) and mental-health education, which are
//! not covered at FQHCs and RHCs, and which diagnoses are mental-health or "code first"
//! diagnoses; and the code + modifier pairs an RHC may not bill. Three versioned tables of the
//! `ioce` section (only codes carrying one of the flags are stored).
use super::data::IoceData;

/// `data_hcpcs` program flags (and the observation flag edit 35 needs) kept in [`super::data::IoceSection::programs`], by bit.
pub mod program_flag {
    pub const PH_PRIMARY: u32 = 1 << 0;
    pub const PH_SERVICE: u32 = 1 << 1;
    pub const MH_NOT_PH: u32 = 1 << 2;
    pub const PH_NOT_MH: u32 = 1 << 3;
    pub const IOP_PRIMARY: u32 = 1 << 4;
    pub const IOP_SERVICE: u32 = 1 << 5;
    pub const MH_NOT_IOP: u32 = 1 << 6;
    pub const IOP_NOT_MH: u32 = 1 << 7;
    pub const OPIOID_TREATMENT: u32 = 1 << 8;
    pub const EDUCATIONAL: u32 = 1 << 9;
    /// Observation for hospitals only (G0378, G0379): on 12x the I/OCE rejects these lines
    /// (its edit 53) before it looks for education-only days (edit 35).
    pub const OBSERVATION_HOSPITAL_ONLY: u32 = 1 << 10;
    /// Not covered under the FQHC PPS or for RHCs (edit 91).
    pub const FQHC_NON_COVERED: u32 = 1 << 11;
    /// May conflict with a modifier on an RHC claim (edit 104, pairs in `map_conflict_rhc`).
    pub const RHC_MODIFIER_CONFLICT: u32 = 1 << 12;
    // I/OCE edit 88 (`super::fqhc`): FQHC services billed without a visit payment code.
    /// An FQHC chronic-care management service.
    pub const FQHC_CHRONIC_CARE: u32 = 1 << 13;
    /// An FQHC digital mental-health treatment device (DCAPS) service.
    pub const FQHC_DCAPS: u32 = 1 << 14;
    /// A preventive service the FQHC does not package into its visit.
    pub const FQHC_NON_PACKAGED_PREVENTIVE: u32 = 1 << 15;
    /// The `data_hcpcs` column names, in bit order.
    pub const COLUMNS: [&str; 16] = [
        "ph_primary",
        "ph_service",
        "mh_not_ph",
        "ph_not_mh",
        "iop_primary",
        "iop_service",
        "mh_not_iop",
        "iop_not_mh",
        "opioid_treatment_program",
        "educational",
        "observation_hospital_only",
        "fqhc_non_covered",
        "rhc_modifier_conflict",
        // I/OCE edit 88.
        "fqhc_chronic_care",
        "fqhc_dcaps",
        "fqhc_non_packaged_preventive",
    ];
}

/// `data_dx10` mental-health flags kept in [`super::data::IoceSection::mental_dx`], by bit.
pub mod mental_dx_flag {
    pub const MENTAL_HEALTH: u32 = 1 << 0;
    /// A "code first" diagnosis: the mental-health condition must follow it.
    pub const CODE_FIRST: u32 = 1 << 1;
    pub const COLUMNS: [&str; 2] = ["mental_health", "code_first"];
}

impl IoceData<'_> {
    /// The [`program_flag`] bits of a HCPCS code in `version` (0 when it has none).
    pub fn program_flags(&self, code: &str, version: u8) -> u32 {
        self.s.programs.get(code.as_bytes(), version).map_or(0, |r| r.flags)
    }

    /// The [`mental_dx_flag`] bits of a diagnosis (no dot) in `version` (0 when it has none).
    pub fn mental_dx_flags(&self, code: &str, version: u8) -> u32 {
        self.s.mental_dx.get(code.as_bytes(), version).map_or(0, |r| r.flags)
    }
}

impl IoceData<'_> {
    /// True when an RHC may not bill `code` with `modifier` in `version` (edit 104).
    pub fn rhc_conflict(&self, code: &str, modifier: &str, version: u8) -> bool {
        code.len() == 5 && modifier.len() == 2 && self.s.rhc_conflicts.get(format!("{code}{modifier}").as_bytes(), version).is_some()
    }
}
