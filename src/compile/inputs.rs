//! What to compile, and the top-level compile step.
use super::icd10cm::{self, fiscal_year_window};
use super::sources::{read_source, sha256_hex};
use super::{err, Context, Result};
use crate::blob::{BlobWriter, SourceFile, Vintage};
use std::path::PathBuf;

/// One ICD-10-CM edition to compile.
#[derive(Debug, Clone)]
pub struct Icd10CmInput {
    /// Tabular XML, order file, or a CMS zip holding either.
    pub path: PathBuf,
    /// Fiscal year the edition belongs to (sets its date-of-service window).
    pub fiscal_year: u32,
}

/// Everything `claimlint compile` reads.
#[derive(Debug, Clone, Default)]
pub struct CompileOptions {
    /// ICD-10-CM editions, any order (stored oldest first).
    pub icd10cm: Vec<Icd10CmInput>,
    /// The CMS data directory (HCPCS, MUE, AOC, MCE, PTP files), when available.
    pub data_dir: Option<PathBuf>,
    /// Build date written into the manifest (yyyymmdd).
    pub built: u32,
    /// A licensed CPT descriptor file (`code,description` CSV): makes a private blob.
    pub cpt_file: Option<PathBuf>,
    /// Payer rule packs compiled into the blob.
    pub rule_packs: Vec<PathBuf>,
}

/// Reads every source and returns the blob bytes.
pub fn compile(opts: &CompileOptions) -> Result<Vec<u8>> {
    let mut w = BlobWriter::default();
    w.manifest.generator = format!("claimlint {}", env!("CARGO_PKG_VERSION"));
    w.manifest.built = opts.built;
    let mut inputs = opts.icd10cm.clone();
    inputs.sort_by_key(|i| i.fiscal_year);
    let mut editions = Vec::new();
    for input in &inputs {
        editions.push(read_icd10cm(input, &mut w)?);
    }
    if !editions.is_empty() {
        icd10cm::build::add_section(&mut w, &editions)?;
    }
    let mut docs = Vec::new();
    if let Some(dir) = &opts.data_dir {
        docs.extend(super::procedure::add_sections(&mut w, dir, opts)?);
        docs.extend(super::ptp::add_sections(&mut w, dir, opts)?);
        docs.extend(super::claim::add_sections(&mut w, dir, opts)?);
    }
    super::search::add_section(&mut w, &editions, &docs)?;
    if w.is_empty() {
        return Err(err("nothing to compile: give an ICD-10-CM source or a CMS data directory"));
    }
    w.finish().map_err(|e| err(format!("writing blob: {e}")))
}

fn read_icd10cm(input: &Icd10CmInput, w: &mut BlobWriter) -> Result<icd10cm::Edition> {
    let (bytes, name) = read_source(&input.path, &[".xml", "order_2025.txt", "order_2026.txt", "order_2027.txt", ".txt"])?;
    let is_xml = bytes.iter().take(200).any(|&b| b == b'<');
    let mut ed = if is_xml {
        icd10cm::tabular::parse_tabular(&bytes).context(&name)?
    } else {
        icd10cm::order::parse_order(&icd10cm::order::decode(&bytes)).context(&name)?
    };
    let (from, to) = fiscal_year_window(input.fiscal_year);
    ed.label = format!("FY{}", input.fiscal_year);
    ed.valid_from = from;
    ed.valid_to = to;
    ed.source_name = name.clone();
    ed.sha256 = sha256_hex(&bytes);
    let kind = if is_xml { "tabular XML" } else { "order file" };
    w.manifest.vintages.push(Vintage {
        system: "icd10cm".into(),
        label: ed.label.clone(),
        valid_from: from,
        valid_to: to,
        source: format!("CMS ICD-10-CM {} {kind} ({name})", ed.label),
    });
    w.manifest.sources.push(SourceFile { name, sha256: ed.sha256.clone(), role: format!("icd10cm {} {kind}", ed.label) });
    Ok(ed)
}
