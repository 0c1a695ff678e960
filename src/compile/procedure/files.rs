//! Finding this area's source files in the CMS data directory (plain files or CMS zips).
use crate::blob::{BlobWriter, SourceFile};
use crate::compile::sources::sha256_hex;
use crate::compile::{err, Context, Result};
use std::io::Read;
use std::path::{Path, PathBuf};

/// A read source: bytes, the name to record, and its hash.
#[derive(Clone, Default)]
pub struct Source {
    pub bytes: Vec<u8>,
    pub name: String,
    pub sha256: String,
}

impl core::fmt::Debug for Source {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Source").field("name", &self.name).field("bytes", &self.bytes.len()).finish()
    }
}

impl Source {
    /// Records the file in the manifest's provenance list.
    pub fn record(&self, w: &mut BlobWriter, role: &str) {
        w.manifest.sources.push(SourceFile { name: self.name.clone(), sha256: self.sha256.clone(), role: role.to_owned() });
    }
}

/// Files in `dir` (sorted) whose lower-case name satisfies `pred`.
pub fn matching(dir: &Path, pred: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| pred(&n.to_string_lossy().to_ascii_lowercase())))
        .collect();
    v.sort();
    v
}

/// Reads a plain file.
pub fn read_plain(path: &Path) -> Result<Source> {
    let bytes = std::fs::read(path).context(path.display())?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let sha256 = sha256_hex(&bytes);
    Ok(Source { bytes, name, sha256 })
}

/// Reads the first member of a zip whose lower-case name satisfies `pred`.
pub fn read_member(path: &Path, pred: impl Fn(&str) -> bool) -> Result<Option<Source>> {
    let zbytes = std::fs::read(path).context(path.display())?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&zbytes)).context(path.display())?;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).context(path.display())?;
        let mname = f.name().to_owned();
        let base = mname.rsplit('/').next().unwrap_or(&mname).to_ascii_lowercase();
        if pred(&base) {
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).context(format!("{} member {mname}", path.display()))?;
            let zname = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let sha256 = sha256_hex(&bytes);
            return Ok(Some(Source { bytes, name: format!("{zname}:{mname}"), sha256 }));
        }
    }
    Ok(None)
}

/// A plain file matching `pred` in `dir`, else a matching member of a zip in `dir`.
pub fn find(dir: &Path, pred: impl Fn(&str) -> bool + Copy) -> Result<Option<Source>> {
    if let Some(p) = matching(dir, pred).into_iter().next() {
        return read_plain(&p).map(Some);
    }
    for z in matching(dir, |n| n.ends_with(".zip")) {
        if let Some(s) = read_member(&z, pred)? {
            return Ok(Some(s));
        }
    }
    Ok(None)
}

/// Text of a UTF-8/ASCII source, or an error naming it.
pub fn ascii_text(s: &Source) -> Result<String> {
    String::from_utf8(s.bytes.clone()).map_err(|e| err(format!("{}: not ASCII/UTF-8 text: {e}", s.name)))
}

/// Last day of the calendar quarter holding `yyyymmdd`.
pub fn quarter_end(yyyymmdd: u32) -> u32 {
    let y = yyyymmdd / 10_000;
    let m = (yyyymmdd / 100) % 100;
    match m {
        1..=3 => y * 10_000 + 331,
        4..=6 => y * 10_000 + 630,
        7..=9 => y * 10_000 + 930,
        _ => y * 10_000 + 1231,
    }
}
