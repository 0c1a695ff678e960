//! The `icd10pcs` blob section: ICD-10-PCS codes with the date ranges (and MCE flags) of the
//! CMS Medicare Code Editor procedure master, so validity is answered per date of service.
use crate::blob::columns::FixedKeys;
use crate::blob::{Blob, BlobError};
use crate::date::Date;
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "icd10pcs";
pub const VERSION: u16 = 1;

/// The stored layout. A code with several date ranges has several rows, adjacent.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct PcsSection<'a> {
    /// Release label, e.g. `MCE v43.1`.
    #[serde(borrow)]
    pub label: &'a str,
    /// Dates of service the release answers for (inclusive yyyymmdd).
    pub window: (u32, u32),
    /// Codes sorted (duplicates allowed, one per date range), width 7.
    #[serde(borrow)]
    pub codes: FixedKeys<'a>,
    /// Per row: index into `variants`.
    #[serde(borrow)]
    pub variant: &'a [u8],
    /// Distinct (first date, last date, MCE flags `|`-separated).
    #[serde(borrow)]
    pub variants: Vec<(u32, u32, &'a str)>,
}

/// MCE procedure flags, by bit position (names as in the MCE procedure master).
pub const PCS_FLAGS: [&str; 15] = [
    "noncovered",
    "lcov",
    "lcov_artheartxpa",
    "lcov_artheartxpb",
    "ncov12agele60",
    "ncov45",
    "ncov6",
    "ncov7",
    "ncov_z302",
    "csect",
    "vagdel",
    "kidneyxp",
    "los",
    "male",
    "female",
];

/// One MCE procedure flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum PcsFlag {
    /// Always non-covered (MCE 11A).
    NonCovered = 0,
    /// Limited coverage (MCE 17A).
    LimitedCoverage = 1,
    ArtificialHeartA = 2,
    ArtificialHeartB = 3,
    /// Non-covered over age 60 (MCE 11F).
    NonCoveredOver60 = 4,
    /// Pancreas transplant: non-covered alone, unless with a kidney transplant or a type 1 diabetes diagnosis (MCE 11B).
    PancreasTransplant = 5,
    /// Non-covered with a leukaemia diagnosis (MCE 11D).
    NonCoveredLeukaemia = 6,
    /// Non-covered with a multiple myeloma diagnosis (MCE 11E, discontinued 2018-10-01).
    NonCoveredMyeloma = 7,
    /// Non-covered with Z30.2 (MCE 11G).
    NonCoveredSterilization = 8,
    /// Cesarean section (MCE 8B).
    Cesarean = 9,
    /// Vaginal delivery (MCE 8B).
    VaginalDelivery = 10,
    /// Kidney transplant (MCE 11B).
    KidneyTransplant = 11,
    /// Ventilation over 96 hours: needs a stay of more than four days (MCE 19).
    LengthOfStay = 12,
    Male = 13,
    Female = 14,
}

impl PcsFlag {
    pub fn bit(self) -> u32 {
        1u32 << (self as u8)
    }
}

/// Bit set of a `|`-separated flag list; unknown names are ignored (the compiler rejects them).
pub fn flag_bits(list: &str) -> u32 {
    list.split('|')
        .filter_map(|f| PCS_FLAGS.iter().position(|k| *k == f.trim()))
        .fold(0u32, |acc, p| acc | 1u32.checked_shl(u32::try_from(p).unwrap_or(31)).unwrap_or(0))
}

/// A checked view of the section.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Pcs<'a> {
    pub s: PcsSection<'a>,
    /// Flag bits per variant, parsed once.
    bits: Vec<u32>,
}

impl<'a> Pcs<'a> {
    /// Decodes and shape-checks the section; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<Pcs<'a>>, BlobError> {
        let Some(s): Option<PcsSection<'a>> = blob.decode(SECTION, VERSION)? else { return Ok(None) };
        let n = s.codes.len();
        let vs = s.variants.len();
        if !s.codes.well_formed() || s.codes.width != 7 || s.variant.len() != n || s.variant.iter().any(|&v| usize::from(v) >= vs) {
            return Err(BlobError::Corrupt { what: "icd10pcs section: column shapes".into() });
        }
        let bits = s.variants.iter().map(|v| flag_bits(v.2)).collect();
        Ok(Some(Pcs { s, bits }))
    }
    pub fn rows(&self) -> usize {
        self.s.codes.len()
    }
    pub fn code(&self, row: usize) -> &'a str {
        self.s.codes.key_str(row).unwrap_or("")
    }
    /// Rows of one exact code.
    pub fn rows_of(&self, code: &str) -> core::ops::Range<usize> {
        if code.len() != 7 {
            return 0..0;
        }
        self.s.codes.prefix_range(code.as_bytes())
    }
    pub fn prefix_range(&self, prefix: &str) -> core::ops::Range<usize> {
        self.s.codes.prefix_range(prefix.as_bytes())
    }
    /// (first date, last date, flags) of a row.
    pub fn row_range(&self, row: usize) -> Option<(Date, Date, &'a str)> {
        let v = self.s.variants.get(usize::from(*self.s.variant.get(row)?))?;
        Some((Date::from_yyyymmdd(v.0)?, Date::from_yyyymmdd(v.1)?, v.2))
    }
    /// MCE flag bits of a row ([`PcsFlag`]).
    pub fn row_flags(&self, row: usize) -> u32 {
        self.s.variant.get(row).and_then(|&v| self.bits.get(usize::from(v))).copied().unwrap_or(0)
    }
    /// True when row `row` covers the date.
    pub fn row_valid_on(&self, row: usize, dos: Date) -> bool {
        self.row_range(row).is_some_and(|(a, b, _)| a <= dos && dos <= b)
    }
    /// The row of `code` valid on the date, if any.
    pub fn valid_row(&self, code: &str, dos: Date) -> Option<usize> {
        self.rows_of(code).find(|&r| self.row_valid_on(r, dos))
    }
    pub fn vintage_name(&self) -> String {
        format!("ICD-10-PCS ({})", self.s.label)
    }
    pub fn window(&self) -> Option<(Date, Date)> {
        Some((Date::from_yyyymmdd(self.s.window.0)?, Date::from_yyyymmdd(self.s.window.1)?))
    }
    /// Number of distinct codes valid on a date (for counts and tests).
    pub fn count_valid_on(&self, dos: Date) -> usize {
        let mut n = 0usize;
        let mut last: Option<&str> = None;
        for r in 0..self.rows() {
            if self.row_valid_on(r, dos) {
                let c = self.code(r);
                if last != Some(c) {
                    n = n.saturating_add(1);
                    last = Some(c);
                }
            }
        }
        n
    }
}
