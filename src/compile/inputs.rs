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

/// The ICD-10-CM editions compiled by default: the cached tabular XML of FY2025 and FY2026,
/// then each following fiscal year the data directory has a CMS order file or order-file
/// addenda for (FY2027: `icd10cm/icd10cm_order_addenda_2027.txt` on top of FY2026).
pub fn default_icd10cm(cache: &std::path::Path, data_dir: Option<&std::path::Path>) -> Vec<Icd10CmInput> {
    let mut out: Vec<Icd10CmInput> =
        [2025, 2026].into_iter().filter_map(|fy| Some(Icd10CmInput { path: super::sources::cached_tabular(cache, fy)?, fiscal_year: fy })).collect();
    let mut next = out.iter().map(|i| i.fiscal_year).max().map(|y| y + 1);
    while let (Some(fy), Some(dir)) = (next, data_dir) {
        let Some(path) = super::sources::data_dir_icd10cm(dir, fy) else { break };
        out.push(Icd10CmInput { path, fiscal_year: fy });
        next = Some(fy + 1);
    }
    out
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
    let mut editions: Vec<icd10cm::Edition> = Vec::new();
    for input in &inputs {
        let previous = editions.last().filter(|p| p.label == format!("FY{}", input.fiscal_year.saturating_sub(1)));
        let ed = read_icd10cm(input, previous, &mut w)?;
        editions.push(ed);
    }
    if !editions.is_empty() {
        icd10cm::build::add_section(&mut w, &editions)?;
    }
    let mut docs = Vec::new();
    if let Some(dir) = &opts.data_dir {
        docs.extend(super::procedure::add_sections(&mut w, dir, opts)?);
        docs.extend(super::ptp::add_sections(&mut w, dir, opts)?);
        docs.extend(super::claim::add_sections(&mut w, dir, opts)?);
        super::ioce::add_section(&mut w, dir)?;
    }
    super::search::add_section(&mut w, &editions, &docs)?;
    if w.is_empty() {
        return Err(err("nothing to compile: give an ICD-10-CM source or a CMS data directory"));
    }
    w.finish().map_err(|e| err(format!("writing blob: {e}")))
}

/// Reads one edition: a tabular XML or order file on its own, or — given the previous fiscal
/// year's edition — an order file or order-file addenda applied on top of it, so codes kept
/// from the previous year keep their tabular notes.
fn read_icd10cm(input: &Icd10CmInput, previous: Option<&icd10cm::Edition>, w: &mut BlobWriter) -> Result<icd10cm::Edition> {
    let fy = input.fiscal_year;
    let (order, addenda) = (format!("order_{fy}.txt"), format!("order_addenda_{fy}.txt"));
    let (bytes, name) = read_source(&input.path, &[".xml", &order, &addenda])?;
    let is_xml = bytes.iter().take(200).any(|&b| b == b'<');
    let text = if is_xml { String::new() } else { icd10cm::order::decode(&bytes) };
    let is_addenda = !is_xml && icd10cm::addenda::is_addenda(&text);
    let (mut ed, kind) = if is_xml {
        (icd10cm::tabular::parse_tabular(&bytes).context(&name)?, "tabular XML".to_owned())
    } else if is_addenda {
        let prev = previous.ok_or_else(|| {
            err(format!("{name}: an order-file addenda for FY{fy} needs the FY{} edition too (pass --icd10cm {}=...)", fy - 1, fy - 1))
        })?;
        let changes = icd10cm::addenda::parse_addenda(&text).context(&name)?;
        let ed = icd10cm::addenda::apply(prev, &changes).context(&name)?;
        (ed, format!("= {} {} + FY{fy} order-file addenda", prev.label, source_kind(prev)))
    } else {
        let full = icd10cm::order::parse_order(&text).context(&name)?;
        match previous {
            // The order file has no notes: keep the previous year's for the codes it kept.
            Some(prev) if !prev.notes.is_empty() => {
                let changes = icd10cm::addenda::diff(prev, &full);
                let ed = icd10cm::addenda::apply(prev, &changes).context(&name)?;
                (ed, format!("order file, with the tabular notes of {} {}", prev.label, source_kind(prev)))
            }
            _ => (full, "order file".to_owned()),
        }
    };
    let (from, to) = fiscal_year_window(fy);
    ed.label = format!("FY{fy}");
    ed.valid_from = from;
    ed.valid_to = to;
    ed.sha256 = sha256_hex(&bytes);
    let files = match previous.filter(|_| is_addenda || kind.contains("notes of")) {
        Some(prev) => format!("{}, {name}", prev.source_name),
        None => name.clone(),
    };
    ed.source_name = name.clone();
    w.manifest.vintages.push(Vintage {
        system: "icd10cm".into(),
        label: ed.label.clone(),
        valid_from: from,
        valid_to: to,
        source: format!("CMS ICD-10-CM {} {kind} ({files})", ed.label),
    });
    let role = if is_addenda { "order-file addenda" } else if is_xml { "tabular XML" } else { "order file" };
    w.manifest.sources.push(SourceFile { name, sha256: ed.sha256.clone(), role: format!("icd10cm {} {role}", ed.label) });
    Ok(ed)
}

/// "tabular XML" or "order file", as read for an edition.
fn source_kind(ed: &icd10cm::Edition) -> &'static str {
    if ed.chapters.is_empty() {
        "order file"
    } else {
        "tabular XML"
    }
}
