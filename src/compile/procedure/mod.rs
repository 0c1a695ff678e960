//! Compile side of `crate::procedure`: HCPCS ANWEB, MCE procedure master, MUE CSVs, AOC xlsx,
//! and CPT numbers (plus descriptions only from a user's licensed file).
pub mod aoc;
pub mod cpt;
pub mod files;
pub mod hcpcs;
pub mod mue;
pub mod pcs;
pub mod quarters;

use crate::blob::BlobWriter;
use crate::compile::{CompileOptions, Result, SearchDoc};
use std::path::Path;

/// Reads this area's CMS files from the data directory and adds its sections.
/// Each source is optional: a missing directory simply leaves its section out.
/// Returns what it contributes to the search index.
pub fn add_sections(w: &mut BlobWriter, data_dir: &Path, opts: &CompileOptions) -> Result<Vec<SearchDoc>> {
    let mut docs = Vec::new();
    if let Some(h) = hcpcs::read(data_dir)? {
        docs.extend(hcpcs::add_section(w, &h)?);
    }
    if let Some(p) = pcs::read(data_dir)? {
        pcs::add_section(w, &p)?;
    }
    let mue = mue::read(data_dir)?;
    if let Some(m) = &mue {
        mue::add_section(w, m)?;
    }
    let aoc = aoc::read(data_dir)?;
    if let Some(a) = &aoc {
        aoc::add_section(w, a)?;
    }
    let mut numbers = cpt::numbers(mue.as_ref(), aoc.as_ref(), &[]);
    if let Some(q) = quarters::read(data_dir)? {
        quarters::add_section(w, &q)?;
        for c in q.cpt_numbers() {
            *numbers.entry(c.to_owned()).or_default() |= crate::procedure::cpt::SEEN_IOCE;
        }
    }
    cpt::add_section(w, numbers, opts)?;
    Ok(docs)
}
