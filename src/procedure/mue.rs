//! The `mue` blob section: NCCI Medically Unlikely Edits, one table per claim setting.
use crate::blob::columns::{FixedKeys, U32Col};
use crate::claim::ClaimType;
use crate::blob::{Blob, BlobError};
use crate::date::Date;
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "mue";
pub const VERSION: u16 = 1;

/// The claim types that own an MUE table, in section order: practitioner services,
/// outpatient hospital services (every facility claim), DME supplier services.
pub const TABLES: [ClaimType; 3] = [ClaimType::Professional, ClaimType::Outpatient, ClaimType::Dme];

/// The claim type whose table holds a claim type's lines: inpatient lines are facility lines.
pub fn table_of(t: ClaimType) -> ClaimType {
    match t {
        ClaimType::Inpatient => ClaimType::Outpatient,
        other => other,
    }
}

/// Index of a claim type's table in the section.
fn table_index(t: ClaimType) -> usize {
    match table_of(t) {
        ClaimType::Professional => 0,
        ClaimType::Outpatient | ClaimType::Inpatient => 1,
        ClaimType::Dme => 2,
    }
}

/// The CMS name of a claim type's table.
pub fn table_name(t: ClaimType) -> &'static str {
    match table_of(t) {
        ClaimType::Professional => "Practitioner Services",
        ClaimType::Outpatient | ClaimType::Inpatient => "Outpatient Hospital Services",
        ClaimType::Dme => "DME Supplier Services",
    }
}

/// One MUE table (sorted by code).
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct MueTable<'a> {
    #[serde(borrow)]
    pub codes: FixedKeys<'a>,
    #[serde(borrow)]
    pub values: U32Col<'a>,
    /// MUE adjudication indicator: 1 line, 2 date of service (policy), 3 date of service (clinical).
    #[serde(borrow)]
    pub mai: &'a [u8],
    /// Index into [`MueSection::rationales`].
    #[serde(borrow)]
    pub rationale: &'a [u8],
}

/// The stored layout: tables in [`TABLES`] order.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct MueSection<'a> {
    #[serde(borrow)]
    pub label: &'a str,
    pub window: (u32, u32),
    #[serde(borrow)]
    pub tables: Vec<MueTable<'a>>,
    #[serde(borrow)]
    pub rationales: Vec<&'a str>,
}

/// One code's MUE.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MueEntry {
    pub code: String,
    pub value: u32,
    pub mai: u8,
    pub rationale: String,
    pub table: ClaimType,
}

impl MueEntry {
    /// "line edit" or "date-of-service edit (policy)".
    pub fn mai_text(&self) -> &'static str {
        match self.mai {
            1 => "MAI 1, line edit",
            2 => "MAI 2, date-of-service edit based on policy (not appealable)",
            3 => "MAI 3, date-of-service edit based on clinical benchmarks (appealable with documentation)",
            _ => "unknown MAI",
        }
    }
}

/// A checked view of the section.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Mue<'a> {
    pub s: MueSection<'a>,
}

impl<'a> Mue<'a> {
    /// Decodes and shape-checks the section; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<Mue<'a>>, BlobError> {
        let Some(s): Option<MueSection<'a>> = blob.decode(SECTION, VERSION)? else { return Ok(None) };
        let rs = s.rationales.len();
        let ok = s.tables.len() == 3
            && s.tables.iter().all(|t| {
                let n = t.codes.len();
                t.codes.well_formed()
                    && t.codes.width == 5
                    && t.values.well_formed()
                    && t.values.len() == n
                    && t.mai.len() == n
                    && t.rationale.len() == n
                    && t.rationale.iter().all(|&r| usize::from(r) < rs)
            });
        if !ok {
            return Err(BlobError::Corrupt { what: "mue section: column shapes".into() });
        }
        Ok(Some(Mue { s }))
    }
    pub fn len(&self, t: ClaimType) -> usize {
        self.s.tables.get(table_index(t)).map_or(0, |t| t.codes.len())
    }
    /// The MUE of a code in a claim setting's table.
    pub fn get(&self, t: ClaimType, code: &str) -> Option<MueEntry> {
        let tb = self.s.tables.get(table_index(t))?;
        let i = tb.codes.find(code.as_bytes())?;
        self.entry(t, i)
    }
    /// Row `i` of a table.
    pub fn entry(&self, t: ClaimType, i: usize) -> Option<MueEntry> {
        let tb = self.s.tables.get(table_index(t))?;
        Some(MueEntry {
            code: tb.codes.key_str(i)?.to_owned(),
            value: tb.values.get(i)?,
            mai: *tb.mai.get(i)?,
            rationale: self.s.rationales.get(usize::from(*tb.rationale.get(i)?))?.to_string(),
            table: table_of(t),
        })
    }
    pub fn contains(&self, code: &str) -> bool {
        self.s.tables.iter().any(|t| t.codes.find(code.as_bytes()).is_some())
    }
    pub fn vintage_name(&self) -> String {
        format!("NCCI MUE {}", self.s.label)
    }
    pub fn window(&self) -> Option<(Date, Date)> {
        Some((Date::from_yyyymmdd(self.s.window.0)?, Date::from_yyyymmdd(self.s.window.1)?))
    }
    /// The window of one claim setting's table, for the data-currency policy.
    pub fn edit_window(&self, t: ClaimType) -> Option<crate::currency::EditWindow> {
        let (from, to) = self.window()?;
        Some(crate::currency::EditWindow { table: format!("{} {} table", self.vintage_name(), table_name(t)), from, to })
    }
}
