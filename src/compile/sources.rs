//! Finding and reading source files: plain files, members of CMS zips, hashes.
use super::{err, Context, Result};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Environment variable naming the CMS data directory.
pub const DATA_ENV: &str = "CLAIMLINT_DATA";
/// Environment variable naming the download cache (registry sources).
pub const CACHE_ENV: &str = "CLAIMLINT_CACHE";

/// The CMS data directory: `$CLAIMLINT_DATA`, else `../shared/data/cms` when it exists.
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(DATA_ENV) {
        let d = PathBuf::from(d);
        return d.is_dir().then_some(d);
    }
    let d = PathBuf::from("../shared/data/cms");
    d.is_dir().then_some(d)
}

/// The download cache: `$CLAIMLINT_CACHE`, else `.cache` in the working directory.
pub fn default_cache_dir() -> PathBuf {
    std::env::var_os(CACHE_ENV).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(".cache"))
}

/// The cached ICD-10-CM tabular XML for a fiscal year (written by scripts/fetch-sources.sh
/// under its CMS file name), if present.
pub fn cached_tabular(cache: &Path, fiscal_year: u32) -> Option<PathBuf> {
    let dir = cache.join("sources").join(format!("icd10cm-FY{fiscal_year}"));
    let mut xml: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    xml.sort();
    xml.pop()
}

/// Lowercase hex sha-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a file, or the first zip member whose name ends with one of `member_suffixes`.
/// Returns the bytes and the name to record (zip name + member).
pub fn read_source(path: &Path, member_suffixes: &[&str]) -> Result<(Vec<u8>, String)> {
    let bytes = std::fs::read(path).context(path.display())?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).context(path.display())?;
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).context(path.display())?;
            let mname = f.name().to_owned();
            let lower = mname.to_ascii_lowercase();
            if member_suffixes.iter().any(|s| lower.ends_with(&s.to_ascii_lowercase())) {
                let mut out = Vec::new();
                f.read_to_end(&mut out).context(format!("{} member {mname}", path.display()))?;
                return Ok((out, format!("{name}:{mname}")));
            }
        }
        return Err(err(format!("{}: no member ending in {:?}", path.display(), member_suffixes)));
    }
    Ok((bytes, name))
}
