//! CMS place-of-service codes (`{"01": "Pharmacy", ...}`).
use crate::compile::sources::sha256_hex;
use crate::compile::{err, Context, Result};
use std::collections::BTreeMap;
use std::path::Path;

pub struct Pos {
    pub name: String,
    pub sha256: String,
    pub label: String,
    /// Sorted by code.
    pub codes: Vec<(String, String)>,
}

pub fn read(path: &Path) -> Result<Pos> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let bytes = std::fs::read(path).context(path.display())?;
    let map: BTreeMap<String, String> =
        serde_json::from_slice(&bytes).map_err(|e| err(format!("{name}:{}:{}: {e}", e.line(), e.column())))?;
    for code in map.keys() {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(format!("{name}: place of service `{code}` is not two digits")));
        }
    }
    Ok(Pos { sha256: sha256_hex(&bytes), label: "CMS Place of Service codes".into(), name, codes: map.into_iter().collect() })
}
