//! The CMS POA-exempt code list (zip with `POAexemptCodesFYyy.txt`, tab-separated).
use crate::compile::sources::{read_source, sha256_hex};
use crate::compile::{err, Result};
use std::path::Path;

pub struct Poa {
    pub name: String,
    pub sha256: String,
    /// "POA exempt FY2025".
    pub label: String,
    /// Sorted, unique, no dots.
    pub codes: Vec<String>,
    /// The fiscal year's dates of service (yyyymmdd), 0 when the file names no year.
    pub window: (u32, u32),
}

pub fn read(path: &Path) -> Result<Poa> {
    let (bytes, name) = read_source(path, &["codesfy25.txt", "codesfy26.txt", "codesfy27.txt"])?;
    let member = name.rsplit(':').next().unwrap_or(&name).to_owned();
    let fy = member.to_ascii_lowercase().split("fy").nth(1).and_then(|s| s.get(..2)).map(|y| format!("FY20{y}")).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let mut codes = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let code = line.split('\t').nth(1).ok_or_else(|| err(format!("{name}:{}: expected `order<TAB>code<TAB>description`", n + 1)))?;
        let code = code.trim().replace('.', "").to_ascii_uppercase();
        if code.is_empty() || code.len() > 7 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(err(format!("{name}:{}: bad code `{code}`", n + 1)));
        }
        codes.push(code);
    }
    codes.sort();
    codes.dedup();
    let window = fy.trim_start_matches("FY").parse::<u32>().map_or((0, 0), crate::compile::icd10cm::fiscal_year_window);
    Ok(Poa { sha256: sha256_hex(&bytes), label: format!("POA exempt {fy}"), name, codes, window })
}
