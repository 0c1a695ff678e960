//! Compile side of `crate::procedure`.
use crate::blob::BlobWriter;
use crate::compile::{CompileOptions, Result, SearchDoc};
use std::path::Path;

/// Reads this area's CMS files from the data directory and adds its sections.
/// Returns what it contributes to the search index.
pub fn add_sections(_w: &mut BlobWriter, _data_dir: &Path, _opts: &CompileOptions) -> Result<Vec<SearchDoc>> {
    Ok(Vec::new())
}
