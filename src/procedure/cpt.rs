//! The `cpt` blob section: CPT code numbers known from CMS tables, and descriptions only when a
//! licensed CPT file was compiled in (CPT descriptors are AMA-copyrighted; the public blob has none).
use crate::blob::columns::{FixedKeys, StrPool, U32Col};
use crate::blob::{Blob, BlobError};
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "cpt";
pub const VERSION: u16 = 1;
/// Where a CPT number was seen (bits of [`CptSection::seen_in`]).
pub const SEEN_MUE: u8 = 1;
pub const SEEN_AOC: u8 = 2;
pub const SEEN_LICENSED: u8 = 4;
pub const SEEN_PTP: u8 = 8;
pub const SEEN_IOCE: u8 = 16;
/// Description id meaning "no description".
pub const NO_TEXT: u32 = u32::MAX;

/// The stored layout.
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct CptSection<'a> {
    /// Sorted CPT code numbers (width 5).
    #[serde(borrow)]
    pub codes: FixedKeys<'a>,
    /// Bit set of the tables the code was seen in.
    #[serde(borrow)]
    pub seen_in: &'a [u8],
    /// Description string id per code (`NO_TEXT` in the public blob).
    #[serde(borrow)]
    pub descriptions: U32Col<'a>,
    /// CPT (Level I) modifiers described by the licensed file (width 2, sorted).
    #[serde(borrow)]
    pub modifier_codes: FixedKeys<'a>,
    #[serde(borrow)]
    pub modifier_descriptions: U32Col<'a>,
    #[serde(borrow)]
    pub strings: StrPool<'a>,
    /// True when descriptions come from a licensed file.
    pub licensed: bool,
}

/// A checked view of the section.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Cpt<'a> {
    pub s: CptSection<'a>,
}

impl<'a> Cpt<'a> {
    /// Decodes and shape-checks the section; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<Cpt<'a>>, BlobError> {
        let Some(s): Option<CptSection<'a>> = blob.decode(SECTION, VERSION)? else { return Ok(None) };
        let n = s.codes.len();
        let ok = s.codes.well_formed()
            && s.codes.width == 5
            && s.seen_in.len() == n
            && s.descriptions.well_formed()
            && s.descriptions.len() == n
            && s.modifier_codes.width == 2
            && s.modifier_codes.bytes.len() % 2 == 0
            && s.modifier_descriptions.well_formed()
            && s.modifier_descriptions.len() == s.modifier_codes.len()
            && s.strings.well_formed();
        if !ok {
            return Err(BlobError::Corrupt { what: "cpt section: column shapes".into() });
        }
        Ok(Some(Cpt { s }))
    }
    pub fn seen_in(&self, i: usize) -> u8 {
        self.s.seen_in.get(i).copied().unwrap_or(0)
    }
    /// The licensed description, if this blob carries one.
    pub fn description(&self, i: usize) -> Option<&'a str> {
        let id = self.s.descriptions.get(i)?;
        if id == NO_TEXT {
            return None;
        }
        self.s.strings.get(id)
    }
    /// The licensed description of a CPT modifier, if any.
    pub fn modifier_description(&self, m: &str) -> Option<&'a str> {
        let i = self.s.modifier_codes.find(m.as_bytes())?;
        self.s.strings.get(self.s.modifier_descriptions.get(i)?)
    }
    pub fn licensed(&self) -> bool {
        self.s.licensed
    }
    /// Names of the CMS tables a code was seen in, for messages.
    pub fn seen_names(&self, i: usize) -> Vec<&'static str> {
        let bits = self.seen_in(i);
        [(SEEN_MUE, "MUE"), (SEEN_AOC, "add-on code edits"), (SEEN_PTP, "PTP edits"), (SEEN_IOCE, "I/OCE data tables"), (SEEN_LICENSED, "licensed CPT file")]
            .into_iter()
            .filter(|(b, _)| bits & b != 0)
            .map(|(_, n)| n)
            .collect()
    }
}

impl<'a> crate::blob::columns::CodeTable<'a> for Cpt<'a> {
    fn codes(&self) -> &crate::blob::columns::FixedKeys<'a> {
        &self.s.codes
    }
}
