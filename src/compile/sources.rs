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

/// A newer ICD-10-CM source for a fiscal year in the data directory's `icd10cm/` folder: the
/// CMS order-file zip (`2027-code-descriptions-tabular-order.zip`), the order file itself, or
/// the order-file addenda (`icd10cm_order_addenda_2027.txt`, applied to the previous year).
pub fn data_dir_icd10cm(data_dir: &Path, fiscal_year: u32) -> Option<PathBuf> {
    let dir = data_dir.join("icd10cm");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir).ok()?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    let name_of = |p: &PathBuf| p.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let wanted = [
        format!("{fiscal_year}-code-descriptions-tabular-order"),
        format!("icd10cm_order_{fiscal_year}.txt"),
        format!("icd10cm_order_addenda_{fiscal_year}.txt"),
    ];
    wanted.iter().find_map(|w| names.iter().find(|p| name_of(p).starts_with(w.as_str())).cloned())
}

/// Lowercase hex sha-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a file, or a member of a zip: for the first suffix of `member_suffixes` (in that order
/// of preference) that some member's name ends with, the first such member in archive order. Returns the bytes and the name to record
/// (zip name + member).
pub fn read_source(path: &Path, member_suffixes: &[&str]) -> Result<(Vec<u8>, String)> {
    let bytes = std::fs::read(path).context(path.display())?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).context(path.display())?;
        // Members in archive order.
        let names: Vec<String> = (0..zip.len()).filter_map(|i| zip.name_for_index(i).map(str::to_owned)).collect();
        let member = member_suffixes.iter().find_map(|s| {
            let s = s.to_ascii_lowercase();
            names.iter().find(|m| m.to_ascii_lowercase().ends_with(&s)).cloned()
        });
        let Some(mname) = member else {
            return Err(err(format!("{}: no member ending in {:?}", path.display(), member_suffixes)));
        };
        let mut f = zip.by_name(&mname).context(path.display())?;
        let mut out = Vec::new();
        f.read_to_end(&mut out).context(format!("{} member {mname}", path.display()))?;
        return Ok((out, format!("{name}:{mname}")));
    }
    Ok((bytes, name))
}
