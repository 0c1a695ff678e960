//! The I/OCE tables the shared decoded data leaves out as "pricing" (ioce-c: edits 98 and 99,
//! and the C-APC rank): `data_capc` (rank), `data_apc` (status indicator) and `offset_codepair`
//! (pass-through device + procedure pairs), as `scripts/ioce_pyoce_tables.py` extracts them from
//! PyPI pyoce 0.1.0 into `<cache>/ioce-pyoce/` (no amounts). Optional: without them the section
//! has these tables empty and the edits that need them do not run (the vintage says so).
use super::table::{Built, Rows, Tsv};
use crate::blob::SourceFile;
use crate::compile::{err, Result};
use std::path::Path;

/// The folder under the download cache the extractor writes.
pub const CACHE_FOLDER: &str = "ioce-pyoce";

/// The three tables, packed, and where they came from.
pub struct PyoceTables {
    /// HCPCS (width 5); attrs = comprehensive-APC order key (`capc_order`: compares as the rank).
    pub capc_rank: Built,
    /// APC (width 5); attrs = status indicator index.
    pub apc_status: Built,
    /// Device + procedure (width 10) of list 1 (pass-through devices); attrs = date activated
    /// (yyyymmdd, 0 when none).
    pub device_offsets: Built,
    /// ioce-21: status-indicator index by (APC, version), for the conditionally packaged codes.
    pub apc_si: std::collections::BTreeMap<(String, u8), u32>,
    /// "pyoce 0.1.0, database sha256 …", from `PROVENANCE.tsv`.
    pub provenance: String,
    pub sources: Vec<SourceFile>,
}

/// Reads the tables from `dir` when its `PROVENANCE.tsv` is there; `Ok(None)` otherwise.
pub fn read(dir: &Path, si: &mut Vec<String>) -> Result<Option<PyoceTables>> {
    let Ok(prov) = std::fs::read_to_string(dir.join("PROVENANCE.tsv")) else { return Ok(None) };
    let fields: Vec<&str> = prov.lines().nth(1).unwrap_or("").split('\t').collect();
    let provenance = match fields.as_slice() {
        [package, version, _, sha, ..] => format!("{package} {version}, table database sha256 {sha}"),
        _ => return Err(err(format!("{}: no provenance row", dir.join("PROVENANCE.tsv").display()))),
    };
    let mut sources = Vec::new();
    let mut open = |stem: &str, role: &str| -> Result<Tsv> {
        let t = Tsv::read(&dir.join(format!("{stem}.tsv.gz")))?;
        sources.push(SourceFile { name: format!("{CACHE_FOLDER}/{stem}.tsv.gz"), sha256: t.sha256.clone(), role: format!("CMS I/OCE table {stem} ({role}), from {provenance}") });
        Ok(t)
    };
    let capc = open("data_capc", "comprehensive-APC rank")?;
    let (hcpcs, rank) = (capc.col("hcpcs")?, capc.col("rank")?);
    let mut ranks = super::capc_order::Ranks::new();
    for (n, r) in capc.rows.iter().enumerate() {
        let ((lo, hi), value) = (capc.range(r, n)?, capc.num(r, rank, n)?);
        for v in lo..=hi {
            if ranks.entry(v).or_default().insert(r[hcpcs].clone(), value).is_some() {
                return Err(err(format!("{}: line {}: `{}` has two ranks in version {v}", capc.name, n + 2, r[hcpcs])));
            }
        }
    }
    let mut capc_rank = Rows::default();
    for (code, v, key) in super::capc_order::order_keys(&ranks) {
        capc_rank.push(&code, (v, v), 0, key);
    }
    let apc = open("data_apc", "status indicator by APC")?;
    let (code, s) = (apc.col("apc")?, apc.col("status_indicator")?);
    let mut apc_status = Rows::default();
    let mut apc_si = std::collections::BTreeMap::new();
    for (n, r) in apc.rows.iter().enumerate() {
        let ((lo, hi), i) = (apc.range(r, n)?, super::intern(si, &r[s]));
        apc_status.push(&r[code], (lo, hi), 0, i);
        for v in lo..=hi {
            apc_si.insert((r[code].clone(), v), i);
        }
    }
    let pairs = open("offset_codepair", "pass-through device and procedure pairs")?;
    let (list, a, b, date) = (pairs.col("list_id")?, pairs.col("code1")?, pairs.col("code2")?, pairs.col("date_activated")?);
    let mut device_offsets = Rows::default();
    for (n, r) in pairs.rows.iter().enumerate() {
        if r[list] != "1" {
            continue;
        }
        if r[a].len() != 5 || r[b].len() != 5 {
            return Err(err(format!("{}: row {}: codes `{}` `{}` are not 5 characters", pairs.name, n + 2, r[a], r[b])));
        }
        device_offsets.push(&format!("{}{}", r[a], r[b]), pairs.range(r, n)?, 1, pairs.num(r, date, n)?);
    }
    Ok(Some(PyoceTables { capc_rank: capc_rank.build(5), apc_status: apc_status.build(5), device_offsets: device_offsets.build(10), apc_si, provenance, sources }))
}
