//! The `search` blob section: a front-coded term dictionary with posting lists, read in place.
//!
//! Document ids: `[0, icd_docs)` are ICD-10-CM code positions in the `icd10cm` section (its
//! text is read from there, never copied); then one group per other system (codes and billable
//! flags stored here, text read from the system's section); then one pseudo-document per distinct 7th-character text.
//! 7th-character codes are not indexed themselves: a query matches one when its parent
//! matches some words and its 7th-character text the rest, which keeps ~45k codes out of
//! the posting lists.
use crate::blob::columns::{FixedKeys, StrPool, U32Col};
use crate::blob::{Blob, BlobError};
use serde::{Deserialize, Serialize};

pub const SECTION: &str = "search";
/// Version 2: no text in the document groups (read from the `hcpcs` section).
pub const VERSION: u16 = 2;
/// Terms per front-coded dictionary block.
pub const BLOCK: usize = 16;

/// Documents of one non-ICD-10-CM system, in code order. Their text is not stored here: a
/// hit's description is the code's long description in its system's own section (`hcpcs`).
#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct DocGroup<'a> {
    /// System id (`hcpcs`, `modifier`, ...).
    #[serde(borrow)]
    pub system: &'a str,
    pub first_doc: u32,
    #[serde(borrow)]
    pub codes: FixedKeys<'a>,
    /// One byte per code: 1 when billable.
    #[serde(borrow)]
    pub billable: &'a [u8],
}

#[derive(Debug, Clone, Serialize, Deserialize, yoke::Yokeable)]
pub struct SearchSection<'a> {
    /// Number of `icd10cm` codes the ids were built against (0 when none).
    pub icd_docs: u32,
    #[serde(borrow)]
    pub groups: Vec<DocGroup<'a>>,
    /// First pseudo-document id of the 7th-character texts.
    pub ext_first: u32,
    /// Distinct 7th-character texts, sorted (pseudo-document `ext_first + i`).
    #[serde(borrow)]
    pub ext_titles: StrPool<'a>,
    /// Per document: description words that count for ranking (capped at 255).
    #[serde(borrow)]
    pub word_counts: &'a [u8],
    /// Number of terms.
    pub terms: u32,
    /// Per block of [`BLOCK`] terms: byte offset of the block in `dict`.
    #[serde(borrow)]
    pub block_dict: U32Col<'a>,
    /// Per block: byte offset of its first term's postings in `postings`.
    #[serde(borrow)]
    pub block_post: U32Col<'a>,
    /// Entries: first of a block `len, bytes`; others `shared, suffix_len, suffix`; then
    /// varint byte lengths of the title postings and of the extra-text postings.
    #[serde(borrow)]
    pub dict: &'a [u8],
    /// Delta-varint document ids, title list then extra list, per term.
    #[serde(borrow)]
    pub postings: &'a [u8],
}

impl<'a> SearchSection<'a> {
    /// Decodes and shape-checks the section.
    pub fn open(blob: &Blob<'a>) -> Result<Option<SearchSection<'a>>, BlobError> {
        let Some(s): Option<SearchSection<'a>> = blob.decode(SECTION, VERSION)? else { return Ok(None) };
        let bad = |what: &str| Err(BlobError::Corrupt { what: format!("search section: {what}") });
        let blocks = (s.terms as usize).div_ceil(BLOCK);
        if !s.block_dict.well_formed() || s.block_dict.len() != blocks || s.block_post.len() != blocks || !s.block_post.well_formed() {
            return bad("dictionary blocks");
        }
        if s.block_dict.iter().any(|o| o as usize >= s.dict.len()) || s.block_post.iter().any(|o| o as usize > s.postings.len()) {
            return bad("dictionary offsets");
        }
        if !s.ext_titles.well_formed() {
            return bad("7th-character texts");
        }
        let total = (s.ext_first as usize).checked_add(s.ext_titles.len());
        if total != Some(s.word_counts.len()) {
            return bad("word counts");
        }
        let mut next = s.icd_docs;
        for g in &s.groups {
            let n = g.codes.len();
            if g.first_doc != next || !g.codes.well_formed() || g.billable.len() != n {
                return bad("document groups");
            }
            next = next.checked_add(n as u32).ok_or(BlobError::Corrupt { what: "search section: document count".into() })?;
        }
        if next != s.ext_first {
            return bad("document ranges");
        }
        Ok(Some(s))
    }

    /// All document ids including pseudo-documents.
    pub fn total_docs(&self) -> usize {
        self.word_counts.len()
    }
}
