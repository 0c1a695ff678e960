//! The `ioce` blob section: the CMS I/OCE tables a charge-entry validator needs, versioned by
//! I/OCE quarter (internal versions 76..103 = 2019-07..2026-04), read in place.
//!
//! Each table is a run of (key, version range, flags, attributes) rows sorted by key then
//! first version; within one key the ranges never overlap, so "the row in force in version V"
//! is unique. Adjacent rows whose kept columns are equal are merged by the compiler.
use crate::blob::columns::{FixedKeys, U16Col};
use crate::blob::{Blob, BlobError};
use crate::date::Date;
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "ioce";
pub const VERSION: u16 = 6;

/// `data_hcpcs` flags kept, by bit.
pub mod hcpcs_flag {
    pub const QUESTIONABLE: u32 = 1 << 0;
    pub const NOT_RECOGNIZED_MCARE: u32 = 1 << 1;
    pub const NOT_RECOGNIZED_OPPS: u32 = 1 << 2;
    pub const NON_COVERED: u32 = 1 << 3;
    pub const NON_REPORTABLE_SITE: u32 = 1 << 4;
    pub const BILATERAL_CONDITIONAL: u32 = 1 << 5;
    pub const BILATERAL_INDEPENDENT: u32 = 1 << 6;
    pub const BILATERAL_INHERENT: u32 = 1 << 7;
    pub const SEPARATE_PROCEDURE: u32 = 1 << 8;
    pub const STATUTORY_EXCLUSION: u32 = 1 << 9;
    pub const DMERC_BILLABLE_ONLY: u32 = 1 << 10;
    pub const NON_BILLABLE_MAC: u32 = 1 << 11;
    pub const BYPASS_E72_FQHC_RHC: u32 = 1 << 12;
    pub const TOKEN_CHARGE_ONLY: u32 = 1 << 13;
    pub const DEVICE_PROCEDURE: u32 = 1 << 14;
    pub const DEVICE: u32 = 1 << 15;
    pub const BYPASS_E92_MODIFIER: u32 = 1 << 16;
    pub const DEVICE_DEPENDENT_PROCEDURE: u32 = 1 << 17;
    pub const ADDON_TYPE1: u32 = 1 << 18;
    pub const ADDON_TYPE2: u32 = 1 << 19;
    pub const ADDON_TYPE3: u32 = 1 << 20;
    pub const ADDON_DRUG_ADMIN: u32 = 1 << 21;
    pub const ADDON_SAAS: u32 = 1 << 22;
    pub const REMOTE_MENTAL_HEALTH_ADDON: u32 = 1 << 23;
    pub const INFORMATION_ONLY: u32 = 1 << 24;
    pub const PART_B_BILLABLE: u32 = 1 << 25;
    pub const OBSERVATION_HOURLY: u32 = 1 << 26;
    pub const OBSERVATION_DIRECT_ADMIT: u32 = 1 << 27;
    /// Any of [`SERVICES_34X_COLUMNS`]: a vaccine, antigen, splint, cast or negative-pressure
    /// wound therapy service, which sends an OPPS 34x claim through the OPPS edits.
    pub const SERVICE_34X: u32 = 1 << 28;
    /// The code's APC is 05041, critical care (the APC the I/OCE names in its logic).
    pub const CRITICAL_CARE_APC: u32 = 1 << 29;
    pub const TRAUMA_RESPONSE: u32 = 1 << 30;
    pub const TRAUMA_CRITICAL_CARE: u32 = 1 << 31;
    pub const SERVICES_34X_COLUMNS: [&str; 5] = ["vaccine", "antigen", "splint", "cast", "negative_pressure_wound_therapy"];
    /// The `data_hcpcs` column names, in bit order (the compiler reads them by name).
    pub const COLUMNS: [&str; 28] = [
        "questionable",
        "not_recognized_mcare",
        "not_recognized_opps",
        "non_covered",
        "non_reportable_site",
        "bilateral_conditional",
        "bilateral_independent",
        "bilateral_inherent",
        "separate_procedure",
        "statutory_exclusion",
        "dmerc_billable_only",
        "non_billable_mac",
        "bypass_e72_fqhc_rhc",
        "token_charge_only",
        "device_procedure",
        "device",
        "bypass_e92_modifier",
        "device_dependent_procedure",
        "addon_type1",
        "addon_type2",
        "addon_type3",
        "addon_drug_admin",
        "addon_saas",
        "remote_mental_health_addon",
        "information_only",
        "part_b_billable",
        "observation_hourly",
        "observation_direct_admit",
    ];
}

/// `data_revenue` flags kept, by bit.
pub mod revenue_flag {
    pub const NOT_RECOGNIZED: u32 = 1 << 0;
    pub const BYPASS_E48: u32 = 1 << 1;
    pub const STATUTORY_EXCLUSION: u32 = 1 << 2;
    pub const PART_B_BILLABLE_INPATIENT: u32 = 1 << 3;
    /// Edit 111 (ioce-b): a revenue-code-only line of a cost included in a biological.
    pub const BUNDLED_IN_BIOLOGICAL: u32 = 1 << 4;
    pub const COLUMNS: [&str; 5] = ["not_recognized", "bypass_e48", "statutory_exclusion", "part_b_billable_inpatient", "bundled_in_biological"];
}

/// `data_dx10` flags kept (only codes with `unacceptable_pdx` are stored), by bit.
pub mod dx_flag {
    pub const UNACCEPTABLE_PDX: u32 = 1 << 0;
    pub const EXCLUSION: u32 = 1 << 1;
    pub const EXCLUSION_IGNORED: u32 = 1 << 2;
    pub const COLUMNS: [&str; 3] = ["unacceptable_pdx", "unacceptable_pdx_exclusion", "unacceptable_pdx_exclusion_ignored"];
}

/// Add-on map a (add-on, primary) pair comes from, by bit.
pub mod addon_map {
    pub const TYPE1: u32 = 1 << 0;
    pub const TYPE3: u32 = 1 << 1;
    pub const DRUG_ADMIN: u32 = 1 << 2;
    pub const SAAS: u32 = 1 << 3;
    pub const REMOTE_MENTAL_HEALTH: u32 = 1 << 4;
    /// (file stem, bit).
    pub const FILES: [(&str, u32); 5] = [
        ("map_addon_type1", TYPE1),
        ("map_addon_type3", TYPE3),
        ("map_addon_drug_admin", DRUG_ADMIN),
        ("map_addon_saas", SAAS),
        ("map_addon_remote_mental_health", REMOTE_MENTAL_HEALTH),
    ];
}

/// More `data_hcpcs` flags, of the observation, blood, tissue, drug, device and modifier edits
/// (ioce-b: 43, 44, 53, 73, 79, 87, 93, 99, 100, 111, 120, 125, 126, 137), by bit:
/// the [`IoceSection::hcpcs_services`] table (only codes with one of them are stored).
pub mod service_flag {
    pub const OBSERVATION: u32 = 1 << 0;
    pub const OBSERVATION_HOSPITAL_ONLY: u32 = 1 << 1;
    pub const BLOOD_SERVICE: u32 = 1 << 2;
    pub const BLOOD_PRODUCT: u32 = 1 << 3;
    pub const PACKED_RED_CELLS: u32 = 1 << 4;
    pub const WHOLE_BLOOD: u32 = 1 << 5;
    pub const CORNEA_TRANSPLANT: u32 = 1 << 6;
    pub const CORNEA_TISSUE_PROCESSING: u32 = 1 << 7;
    pub const ALLOGENEIC_TRANSPLANT: u32 = 1 << 8;
    pub const BUNDLED_IN_BIOLOGICAL: u32 = 1 << 9;
    pub const COLORECTAL_SCREENING: u32 = 1 << 10;
    pub const IMRT: u32 = 1 << 11;
    pub const TELEHEALTH: u32 = 1 << 12;
    pub const BYPASS_E99: u32 = 1 << 13;
    pub const SKIN_SUBSTITUTE_APPLICATION: u32 = 1 << 14;
    pub const SKIN_SUBSTITUTE_SG_LO: u32 = 1 << 15;
    pub const SKIN_SUBSTITUTE_LO: u32 = 1 << 16;
    pub const SKIN_SUBSTITUTE_SG_HI: u32 = 1 << 17;
    pub const SKIN_SUBSTITUTE_HI: u32 = 1 << 18;
    pub const NONOPIOID_DEVICE: u32 = 1 << 19;
    pub const PASSTHROUGH_DEVICE: u32 = 1 << 20;
    /// ioce-c: a comprehensive APC does not package the code (edits 98, 99).
    pub const CAPC_EXCLUSION: u32 = 1 << 21;
    // ioce-21: edits 21, 38 (conditionally packaged codes).
    /// The I/OCE packages the code when the claim has a type S, T or V service (Q1).
    pub const STV_PACKAGED: u32 = 1 << 22;
    /// The I/OCE packages the code when the claim has a type T procedure (Q2).
    pub const T_PACKAGED: u32 = 1 << 23;
    /// A daily mental-health service (of the mental-health composite).
    pub const DAILY_MENTAL_HEALTH: u32 = 1 << 24;
    /// A remote mental-health service (of the mental-health composite unless an add-on).
    pub const REMOTE_MENTAL_HEALTH: u32 = 1 << 25;
    /// Reportable on a PHP or IOP claim, packaged on a program day without a composite.
    pub const PHP_IOP_REPORTABLE: u32 = 1 << 26;
    /// Packaged with trauma critical care (the critical care ancillary list).
    pub const CRITICAL_CARE_ANCILLARY: u32 = 1 << 27;
    /// Of the ultrasound imaging composite (`map_composite`, not a `data_hcpcs` column).
    pub const IMAGING_ULTRASOUND: u32 = 1 << 28;
    /// Of the CT / CTA imaging composite (`map_composite`).
    pub const IMAGING_CT: u32 = 1 << 29;
    /// Of the MRI / MRA imaging composite (`map_composite`).
    pub const IMAGING_MRI: u32 = 1 << 30;
    /// The imaging composite families, with the composite APC (without contrast) of each.
    pub const IMAGING_FAMILIES: [(u32, &str); 3] = [(IMAGING_ULTRASOUND, "08004"), (IMAGING_CT, "08005"), (IMAGING_MRI, "08007")];
    /// The `data_hcpcs` column names, in bit order.
    pub const COLUMNS: [&str; 28] = [
        "observation",
        "observation_hospital_only",
        "blood_service",
        "blood_product",
        "packed_red_cells",
        "whole_blood",
        "cornea_transplant",
        "cornea_tissue_processing",
        "allogeneic_transplant",
        "bundled_in_biological",
        "colorectal",
        "imrt",
        "telehealth",
        "bypass_e99",
        "skin_substitute_application_procedure",
        "skin_substitute_sg_lo",
        "skin_substitute_lo",
        "skin_substitute_sg_hi",
        "skin_substitute_hi",
        "nonopioid_device",
        "passthrough_device",
        // ioce-c
        "capc_exclusion",
        // ioce-21
        "stv_packaged",
        "t_packaged",
        "daily_mental_health",
        "remote_mental_health",
        "php_iop_reportable",
        "critical_care_ancillary",
    ];
}

/// `data_modifier` flags kept, by bit (edit 126).
pub mod modifier_flag {
    pub const TELEHEALTH: u32 = 1 << 0;
    pub const COLUMNS: [&str; 1] = ["telehealth"];
}

/// One I/OCE quarterly release.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    /// Internal version number (76 = 20.2.27).
    pub version: u8,
    /// Release id, e.g. `27.1.0`.
    pub id: String,
    /// First and last date (yyyymmdd) the release covers.
    pub from: u32,
    pub to: u32,
}

/// A versioned table: sorted keys (a key repeats once per version range) and its columns.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Versioned<'a> {
    #[serde(borrow)]
    pub keys: FixedKeys<'a>,
    /// `lo << 8 | hi`: first and last internal version of the row.
    #[serde(borrow)]
    pub range: U16Col<'a>,
    /// Index into `palette` of the row's (flags, attributes).
    #[serde(borrow)]
    pub class: U16Col<'a>,
    /// The distinct (flags, attributes) of the table. Attributes are table-specific (HCPCS:
    /// SI index | lo age << 8 | hi age << 16; revenue: SI index).
    pub palette: Vec<(u32, u32)>,
}

/// The row of a versioned table in force in a version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub flags: u32,
    pub attrs: u32,
    /// First and last internal version of the row.
    pub lo: u8,
    pub hi: u8,
}

impl<'a> Versioned<'a> {
    fn well_formed(&self, width: u8) -> bool {
        let n = self.keys.len();
        (n == 0 || (self.keys.well_formed() && self.keys.width == width))
            && self.range.len() == n
            && self.class.len() == n
            && self.range.well_formed()
            && self.class.well_formed()
    }

    /// Every row of a key, oldest first.
    pub fn rows<'s>(&'s self, key: &'s [u8]) -> impl Iterator<Item = Row> + 's {
        let start = self.keys.lower_bound(key);
        (start..self.keys.len()).map_while(move |i| {
            if self.keys.key(i)? != key {
                return None;
            }
            let r = self.range.get(i)?;
            let &(flags, attrs) = self.palette.get(usize::from(self.class.get(i)?))?;
            Some(Row { flags, attrs, lo: (r >> 8) as u8, hi: (r & 0xff) as u8 })
        })
    }

    /// The row of a key in force in `version`.
    pub fn get(&self, key: &[u8], version: u8) -> Option<Row> {
        self.rows(key).find(|r| r.lo <= version && version <= r.hi)
    }
}

/// The stored layout.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct IoceSection<'a> {
    /// "I/OCE 20.2.27 to 27.1.0".
    #[serde(borrow)]
    pub label: &'a str,
    pub releases: Vec<Release>,
    /// Status indicators by index (`attrs & 0xff`).
    #[serde(borrow)]
    pub status_indicators: Vec<&'a str>,
    /// HCPCS / CPT codes, width 5.
    #[serde(borrow)]
    pub hcpcs: Versioned<'a>,
    /// Revenue codes, width 4.
    #[serde(borrow)]
    pub revenue: Versioned<'a>,
    /// Modifiers, width 2.
    #[serde(borrow)]
    pub modifiers: Versioned<'a>,
    /// Diagnoses (no dot, width 7) flagged unacceptable as principal.
    #[serde(borrow)]
    pub dx: Versioned<'a>,
    /// Add-on + primary (10 characters); flags = [`addon_map`] bits.
    #[serde(borrow)]
    pub addon_pairs: Versioned<'a>,
    /// Procedure + required device (10 characters), edit 135.
    #[serde(borrow)]
    pub device_pairs: Versioned<'a>,
    /// Two modifiers not allowed on one line (4 characters, both orders), edit 102.
    #[serde(borrow)]
    pub modifier_pairs: Versioned<'a>,
    /// HCPCS / CPT codes (width 5) with a [`service_flag`] (observation and blood edits); ioce-21:
    /// attrs = 1 + the status-indicator index of a conditionally packaged code's APC (0: none).
    #[serde(borrow)]
    pub hcpcs_services: Versioned<'a>,
    /// IMRT planning code + a code it includes (10 characters), edit 125.
    #[serde(borrow)]
    pub imrt_pairs: Versioned<'a>,
    // I/OCE edits 29, 35, 81, 109, 116, 133, 190, 191 (program lists, `super::programs`):
    /// HCPCS codes (width 5) with PHP / IOP / OTP / education flags ([`super::programs::program_flag`]).
    #[serde(borrow)]
    pub programs: Versioned<'a>,
    /// Diagnoses (no dot, width 7) flagged mental health or code first ([`super::programs::mental_dx_flag`]).
    #[serde(borrow)]
    pub mental_dx: Versioned<'a>,
    // I/OCE edits 67, 69, 110, 123, 124, 134, 136 (approval dates, `super::approval`):
    /// HCPCS codes (width 5) with approval / termination dates ([`super::approval::pack`]).
    #[serde(borrow)]
    pub approvals: Versioned<'a>,
    // I/OCE edit 104:
    /// HCPCS + modifier (7 characters) an RHC may not bill (`map_conflict_rhc`).
    #[serde(borrow)]
    pub rhc_conflicts: Versioned<'a>,
    // ioce-c (version 3): the tables extracted from pyoce; empty when the compile had none.
    /// HCPCS (width 5) with its comprehensive-APC order key in attrs (version 5): within a
    /// version keys compare exactly as the `data_capc` ranks do (of several J1 procedures the
    /// lowest positive is the primary), but a code keeps its key while the order holds.
    #[serde(borrow)]
    pub capc_rank: Versioned<'a>,
    /// APC (width 5) with its status indicator (`data_apc`) in attrs, as the HCPCS table.
    #[serde(borrow)]
    pub apc_status: Versioned<'a>,
    /// Pass-through device + procedure (10 characters, `offset_codepair` list 1) that pair it;
    /// attrs = date the device was activated for the procedure (yyyymmdd, 0 when none).
    #[serde(borrow)]
    pub device_offsets: Versioned<'a>,
    // I/OCE edits 88, 89 (version 6):
    /// FQHC visit payment code (G0466..G0470) + a code that qualifies it (10 characters,
    /// `map_fqhc_visit`).
    #[serde(borrow)]
    pub fqhc_visits: Versioned<'a>,
}

/// Read-in-place view of the section.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct IoceData<'a> {
    pub s: IoceSection<'a>,
}

/// A HCPCS row with its attributes unpacked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HcpcsRow<'a> {
    pub flags: u32,
    pub status_indicator: &'a str,
    pub lo_age: u8,
    pub hi_age: u8,
}

impl HcpcsRow<'_> {
    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

/// A revenue-code row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RevenueRow<'a> {
    pub flags: u32,
    /// Status indicator a line with this revenue code and no HCPCS gets.
    pub status_indicator: &'a str,
}

impl RevenueRow<'_> {
    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

impl<'a> IoceData<'a> {
    /// Opens the section; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<IoceData<'a>>, BlobError> {
        let Some(s): Option<IoceSection<'a>> = blob.decode(SECTION, VERSION)? else { return Ok(None) };
        let ok = s.hcpcs.well_formed(5)
            && s.revenue.well_formed(4)
            && s.modifiers.well_formed(2)
            && s.dx.well_formed(7)
            && s.addon_pairs.well_formed(10)
            && s.device_pairs.well_formed(10)
            && s.modifier_pairs.well_formed(4)
            && s.hcpcs_services.well_formed(5)
            && s.imrt_pairs.well_formed(10)
            && s.programs.well_formed(5)
            && s.mental_dx.well_formed(7)
            && s.approvals.well_formed(5)
            && s.rhc_conflicts.well_formed(7)
            && s.capc_rank.well_formed(5)
            && s.apc_status.well_formed(5)
            && s.device_offsets.well_formed(10)
            && s.fqhc_visits.well_formed(10);
        if !ok {
            return Err(BlobError::Corrupt { what: "ioce section: columns".into() });
        }
        Ok(Some(IoceData { s }))
    }

    /// The release in force on a date (the claim's from-date, as the I/OCE selects it).
    pub fn release_on(&self, on: Date) -> Option<&Release> {
        let d = on.yyyymmdd();
        self.s.releases.iter().find(|r| r.from <= d && d <= r.to)
    }

    /// The release with an internal version number.
    pub fn release(&self, version: u8) -> Option<&Release> {
        self.s.releases.iter().find(|r| r.version == version)
    }

    /// The newest release loaded.
    pub fn newest(&self) -> Option<&Release> {
        self.s.releases.iter().max_by_key(|r| r.version)
    }

    /// The dates of service a release answers for. The tables leave the newest release open
    /// (to 2036); a quarterly release answers for its quarter, so its window ends with it.
    pub fn window_of(&self, r: &Release) -> (Date, Date) {
        let from = Date::from_yyyymmdd(r.from).unwrap_or(Date::MIN);
        let to = Date::from_yyyymmdd(r.to).unwrap_or(from);
        if self.newest().is_none_or(|n| n.version != r.version) {
            return (from, to);
        }
        let quarter_end = (from.month().saturating_sub(1) / 3).saturating_mul(3).saturating_add(3);
        let next = if quarter_end >= 12 { Date::from_ymd(from.year().saturating_add(1), 1, 1) } else { Date::from_ymd(from.year(), quarter_end.saturating_add(1), 1) };
        (from, next.and_then(Date::pred).map_or(to, |end| end.min(to)))
    }

    /// The newest release's window as an edit table under the data-currency policy.
    pub fn edit_window(&self) -> Option<crate::currency::EditWindow> {
        let r = self.newest()?;
        let (from, to) = self.window_of(r);
        Some(crate::currency::EditWindow { table: format!("I/OCE {} release", r.id), from, to })
    }

    fn si(&self, attrs: u32) -> &'a str {
        self.s.status_indicators.get((attrs & 0xff) as usize).copied().unwrap_or("")
    }

    /// The HCPCS/CPT row in force in `version`; `None` when the code is invalid then (edit 6).
    pub fn hcpcs(&self, code: &str, version: u8) -> Option<HcpcsRow<'a>> {
        let r = self.s.hcpcs.get(code.as_bytes(), version)?;
        Some(HcpcsRow { flags: r.flags, status_indicator: self.si(r.attrs), lo_age: (r.attrs >> 8) as u8, hi_age: (r.attrs >> 16) as u8 })
    }

    /// The revenue-code row (4 digits) in force in `version`; `None` when invalid (edit 41).
    pub fn revenue(&self, code: &str, version: u8) -> Option<RevenueRow<'a>> {
        let r = self.s.revenue.get(code.as_bytes(), version)?;
        Some(RevenueRow { flags: r.flags, status_indicator: self.si(r.attrs) })
    }

    /// True when the modifier is valid in `version` (edit 22).
    pub fn modifier_valid(&self, m: &str, version: u8) -> bool {
        self.s.modifiers.get(m.as_bytes(), version).is_some()
    }

    /// The I/OCE unacceptable-principal flags ([`dx_flag`]) of a diagnosis (no dot) in `version`.
    pub fn dx_flags(&self, code: &str, version: u8) -> u32 {
        self.s.dx.get(code.as_bytes(), version).map_or(0, |r| r.flags)
    }

    /// The add-on maps ([`addon_map`] bits) listing `primary` as a primary of `addon` in `version`.
    pub fn addon_pair(&self, addon: &str, primary: &str, version: u8) -> u32 {
        pair_key(addon, primary).and_then(|k| self.s.addon_pairs.get(&k, version)).map_or(0, |r| r.flags)
    }

    /// True when `device` satisfies the device requirement of `procedure` in `version` (edit 135).
    pub fn device_pair(&self, procedure: &str, device: &str, version: u8) -> bool {
        pair_key(procedure, device).and_then(|k| self.s.device_pairs.get(&k, version)).is_some()
    }
}

impl IoceData<'_> {
    /// True when two modifiers may not be reported on one line in `version` (edit 102).
    pub fn modifiers_conflict(&self, a: &str, b: &str, version: u8) -> bool {
        a.len() == 2 && b.len() == 2 && self.s.modifier_pairs.get(format!("{a}{b}").as_bytes(), version).is_some()
    }
}

impl IoceData<'_> {
    /// The [`service_flag`] bits of a code in `version` (0 when it has none).
    pub fn service_flags(&self, code: &str, version: u8) -> u32 {
        self.s.hcpcs_services.get(code.as_bytes(), version).map_or(0, |r| r.flags)
    }

    /// The [`modifier_flag`] bits of a modifier in `version` (0 when invalid).
    pub fn modifier_flags(&self, m: &str, version: u8) -> u32 {
        self.s.modifiers.get(m.as_bytes(), version).map_or(0, |r| r.flags)
    }

    /// True when IMRT planning code `plan` includes `code` in `version` (edit 125).
    pub fn imrt_pair(&self, plan: &str, code: &str, version: u8) -> bool {
        pair_key(plan, code).and_then(|k| self.s.imrt_pairs.get(&k, version)).is_some()
    }
}

/// Two five-character codes as one ten-byte key.
fn pair_key(a: &str, b: &str) -> Option<[u8; 10]> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != 5 || b.len() != 5 {
        return None;
    }
    let mut k = [0u8; 10];
    for (slot, byte) in k.iter_mut().zip(a.iter().chain(b)) {
        *slot = *byte;
    }
    Some(k)
}

// ioce-c: the tables extracted from pyoce (edits 98, 99 and the comprehensive-APC primary).
impl<'a> IoceData<'a> {
    /// True when the blob has the tables extracted from pyoce (`data_capc`, `data_apc`,
    /// `offset_codepair`); without them edits 98 and 99 are not checked, and edits 21, 38, 137 and 138 approximate the status indicators.
    pub fn has_pyoce_tables(&self) -> bool {
        !self.s.capc_rank.keys.is_empty() && !self.s.device_offsets.keys.is_empty()
    }

    /// The comprehensive-APC order key of a code in `version`: compares with other codes' keys
    /// of the same version as their `data_capc` ranks do; 0 when it has none.
    pub fn capc_rank(&self, code: &str, version: u8) -> u32 {
        self.s.capc_rank.get(code.as_bytes(), version).map_or(0, |r| r.attrs)
    }

    /// ioce-21: the status indicator of the APC a conditionally packaged code (Q1, Q2, Q3) or a
    /// comprehensive observation code (J2) is paid in when the I/OCE does not package it (`data_hcpcs` APC → `data_apc`), in `version`.
    pub fn conditional_status_indicator(&self, code: &str, version: u8) -> Option<&'a str> {
        self.service_row(code, version).1
    }

    /// A code's `hcpcs_services` row in `version` read once: its [`service_flag`] bits (0 when
    /// none) and its [`Self::conditional_status_indicator`].
    pub fn service_row(&self, code: &str, version: u8) -> (u32, Option<&'a str>) {
        match self.s.hcpcs_services.get(code.as_bytes(), version) {
            Some(r) => (r.flags, r.attrs.checked_sub(1).map(|i| self.si(i))),
            None => (0, None),
        }
    }

    /// The status indicator of an APC (five digits, `00701`) in `version` (`data_apc`).
    pub fn apc_status_indicator(&self, apc: &str, version: u8) -> Option<&'a str> {
        self.s.apc_status.get(apc.as_bytes(), version).map(|r| self.si(r.attrs))
    }

    /// The pass-through device offset pair of `device` and `procedure` in force in `version`:
    /// `Some(date activated, yyyymmdd or 0)` when the procedure pairs the device.
    pub fn device_offset(&self, device: &str, procedure: &str, version: u8) -> Option<u32> {
        pair_key(device, procedure).and_then(|k| self.s.device_offsets.get(&k, version)).map(|r| r.attrs)
    }
}
