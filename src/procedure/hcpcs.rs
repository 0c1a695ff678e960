//! The `hcpcs` blob section: HCPCS Level II codes and Level II modifiers from the CMS
//! ANWEB file, with their dates, so a code is answered for any date of service the file speaks for.
use crate::blob::columns::{DeltaCol, FixedKeys, NulStrs, U32Col};
use crate::blob::{Blob, BlobError};
use crate::date::Date;
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "hcpcs";
/// Version 2: the strings NUL-terminated, without an offset column; string ids as `DeltaCol`s.
pub const VERSION: u16 = 2;

/// One table of the ANWEB file (procedure codes, or modifiers). Columns are indexed by row.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct HcpcsTable<'a> {
    /// Sorted, unique codes (width 5 for codes, 2 for modifiers).
    #[serde(borrow)]
    pub codes: FixedKeys<'a>,
    /// Long description (continuation records joined), string id.
    #[serde(borrow)]
    pub long: DeltaCol<'a>,
    /// Short description (28 characters at most), string id.
    #[serde(borrow)]
    pub short: DeltaCol<'a>,
    /// Date the code was added (yyyymmdd).
    #[serde(borrow)]
    pub added: U32Col<'a>,
    /// Effective date of the latest action (yyyymmdd, 0 when blank).
    #[serde(borrow)]
    pub action_effective: U32Col<'a>,
    /// Last date of service the code may be used (yyyymmdd, 0 when open).
    #[serde(borrow)]
    pub terminated: U32Col<'a>,
    /// Action code (A add, D discontinue, N no change, ...).
    #[serde(borrow)]
    pub action: &'a [u8],
    /// Medicare coverage code (C, D, I, M, S; space when blank).
    #[serde(borrow)]
    pub coverage: &'a [u8],
    /// BETOS code (width 3, unsorted, blank when none).
    #[serde(borrow)]
    pub betos: FixedKeys<'a>,
    /// Type-of-service codes, up to five one-character codes concatenated (width 5, unsorted).
    #[serde(borrow)]
    pub tos: FixedKeys<'a>,
    /// Pricing indicators, up to four two-character codes concatenated (width 8, unsorted).
    #[serde(borrow)]
    pub pricing: FixedKeys<'a>,
    /// Multiple pricing indicator (space when blank).
    #[serde(borrow)]
    pub multiple_pricing: &'a [u8],
    /// Lab certification codes, up to eight three-character codes concatenated (width 24, unsorted).
    #[serde(borrow)]
    pub lab_cert: FixedKeys<'a>,
    /// Cross-reference codes, up to five five-character codes concatenated (width 25, unsorted).
    #[serde(borrow)]
    pub xref: FixedKeys<'a>,
}

/// The stored layout.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct HcpcsSection<'a> {
    /// Release label, e.g. `2026 January`.
    #[serde(borrow)]
    pub label: &'a str,
    /// Dates of service the release answers for (inclusive yyyymmdd).
    pub window: (u32, u32),
    #[serde(borrow)]
    pub codes: HcpcsTable<'a>,
    #[serde(borrow)]
    pub modifiers: HcpcsTable<'a>,
    #[serde(borrow)]
    pub strings: NulStrs<'a>,
}

/// Everything the file says about one code or modifier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HcpcsRecord {
    pub code: String,
    pub long_description: String,
    pub short_description: String,
    pub added: Option<Date>,
    pub action_effective: Option<Date>,
    pub terminated: Option<Date>,
    pub action: String,
    pub coverage: String,
    pub betos: String,
    pub type_of_service: String,
    pub pricing: String,
    pub multiple_pricing: String,
    pub lab_cert: String,
    /// Cross-reference codes (often the replacement of a discontinued code).
    pub cross_reference: Vec<String>,
}

/// A checked view of the section.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Hcpcs<'a> {
    pub s: HcpcsSection<'a>,
}

fn table_ok(t: &HcpcsTable<'_>, width: u8) -> bool {
    let n = t.codes.len();
    t.codes.well_formed()
        && t.codes.width == width
        && t.long.len() == n
        && t.short.len() == n
        && [&t.added, &t.action_effective, &t.terminated].iter().all(|c| c.well_formed() && c.len() == n)
        && t.action.len() == n
        && t.coverage.len() == n
        && t.multiple_pricing.len() == n
        && [&t.betos, &t.tos, &t.pricing, &t.lab_cert, &t.xref].iter().all(|c| c.well_formed() && c.len() == n)
}

/// Which table of the section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Codes,
    Modifiers,
}

impl<'a> Hcpcs<'a> {
    /// Decodes and shape-checks the section; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<Hcpcs<'a>>, BlobError> {
        let Some(s): Option<HcpcsSection<'a>> = blob.decode(SECTION, VERSION)? else { return Ok(None) };
        if !table_ok(&s.codes, 5) || !table_ok(&s.modifiers, 2) || !s.strings.well_formed() {
            return Err(BlobError::Corrupt { what: "hcpcs section: column shapes".into() });
        }
        Ok(Some(Hcpcs { s }))
    }

    fn table(&self, t: Table) -> &HcpcsTable<'a> {
        match t {
            Table::Codes => &self.s.codes,
            Table::Modifiers => &self.s.modifiers,
        }
    }
    pub fn len(&self, t: Table) -> usize {
        self.table(t).codes.len()
    }
    pub fn find(&self, t: Table, code: &str) -> Option<usize> {
        self.table(t).codes.find(code.as_bytes())
    }
    pub fn code(&self, t: Table, i: usize) -> &'a str {
        self.table(t).codes.key_str(i).unwrap_or("")
    }
    pub fn prefix_range(&self, t: Table, prefix: &str) -> core::ops::Range<usize> {
        self.table(t).codes.prefix_range(prefix.as_bytes())
    }
    pub fn long(&self, t: Table, i: usize) -> Option<&'a str> {
        self.s.strings.get(self.table(t).long.get(i)?)
    }
    pub fn short(&self, t: Table, i: usize) -> Option<&'a str> {
        self.s.strings.get(self.table(t).short.get(i)?)
    }
    pub fn added(&self, t: Table, i: usize) -> Option<Date> {
        Date::from_yyyymmdd(self.table(t).added.get(i)?)
    }
    pub fn terminated(&self, t: Table, i: usize) -> Option<Date> {
        Date::from_yyyymmdd(self.table(t).terminated.get(i)?)
    }
    /// True when the code may be reported on the date of service.
    pub fn valid_on(&self, t: Table, i: usize, dos: Date) -> bool {
        self.added(t, i).is_none_or(|a| a <= dos) && self.terminated(t, i).is_none_or(|e| dos <= e)
    }
    /// Cross-reference codes of row `i`.
    pub fn cross_reference(&self, t: Table, i: usize) -> Vec<String> {
        let k = self.table(t).xref.key_str(i).unwrap_or("");
        k.as_bytes().chunks(5).filter_map(|c| core::str::from_utf8(c).ok()).map(str::to_owned).collect()
    }
    /// "HCPCS Level II 2026 January".
    pub fn vintage_name(&self) -> String {
        format!("HCPCS Level II {}", self.s.label)
    }
    pub fn window(&self) -> Option<(Date, Date)> {
        Some((Date::from_yyyymmdd(self.s.window.0)?, Date::from_yyyymmdd(self.s.window.1)?))
    }

    /// The full record of row `i`.
    pub fn record(&self, t: Table, i: usize) -> Option<HcpcsRecord> {
        let tb = self.table(t);
        let ch = |c: &[u8]| c.get(i).map(|&b| (b as char).to_string().trim().to_owned()).unwrap_or_default();
        let key = |k: &FixedKeys<'a>| k.key_str(i).unwrap_or("").to_owned();
        Some(HcpcsRecord {
            code: self.code(t, i).to_owned(),
            long_description: self.long(t, i)?.to_owned(),
            short_description: self.short(t, i)?.to_owned(),
            added: self.added(t, i),
            action_effective: Date::from_yyyymmdd(tb.action_effective.get(i)?),
            terminated: self.terminated(t, i),
            action: ch(tb.action),
            coverage: ch(tb.coverage),
            betos: key(&tb.betos),
            type_of_service: key(&tb.tos),
            pricing: key(&tb.pricing),
            multiple_pricing: ch(tb.multiple_pricing),
            lab_cert: key(&tb.lab_cert),
            cross_reference: self.cross_reference(t, i),
        })
    }
}
