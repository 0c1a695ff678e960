//! `claimlint compile`: the CMS source files into one blob.
use crate::out::Outcome;
use claimlint::compile::{self, sources, CompileOptions, Icd10CmInput};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct CompileArgs {
    /// Where to write the blob.
    #[arg(long, value_name = "FILE", default_value = "pkg/codesets.blob")]
    pub out: PathBuf,
    /// The CMS files (HCPCS, MUE, AOC, MCE, POA, POS, PTP) [default: $CLAIMLINT_DATA or ../shared/data/cms]
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Compile from the ICD-10-CM sources alone, without a data directory.
    #[arg(long, conflicts_with = "data_dir")]
    pub no_data_dir: bool,
    /// Downloaded registry sources [default: $CLAIMLINT_CACHE or .cache]
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// An ICD-10-CM source per fiscal year (tabular XML, order file or CMS zip); repeat.
    #[arg(long, value_name = "FY=PATH", value_parser = icd10cm_input)]
    pub icd10cm: Vec<Icd10CmInput>,
    /// A licensed CPT file (CSV) for CPT descriptions.
    #[arg(long, value_name = "FILE")]
    pub cpt: Option<PathBuf>,
    /// A payer rule pack (JSON) to compile in; repeat.
    #[arg(long, value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Also write the data set in parts for the browser (NAME-SHA.blob files and parts.json).
    #[arg(long, value_name = "DIR")]
    pub parts: Option<PathBuf>,
}

fn icd10cm_input(spec: &str) -> Result<Icd10CmInput, String> {
    let (fy, path) = spec.split_once('=').ok_or("expected FY=PATH, e.g. 2026=icd10cm.xml")?;
    let fiscal_year = fy.trim_start_matches("FY").parse().map_err(|_| format!("fiscal year `{fy}` must be a number"))?;
    Ok(Icd10CmInput { path: PathBuf::from(path), fiscal_year })
}

pub fn run(a: CompileArgs) -> Outcome {
    let cache = a.cache.unwrap_or_else(sources::default_cache_dir);
    let data_dir = if a.no_data_dir { None } else { a.data_dir.or_else(sources::default_data_dir) };
    let mut icd10cm = a.icd10cm;
    if icd10cm.is_empty() {
        icd10cm = compile::default_icd10cm(&cache, data_dir.as_deref());
        if icd10cm.is_empty() {
            return Err(format!(
                "no ICD-10-CM source in {}; run scripts/fetch-sources.sh first, or pass --icd10cm FY=PATH",
                cache.display()
            )
            .into());
        }
    }
    let opts = CompileOptions { icd10cm, data_dir, built: claimlint::Date::today_utc().yyyymmdd(), cpt_file: a.cpt, rule_packs: a.rules };
    let started = std::time::Instant::now();
    let bytes = compile::compile(&opts).map_err(|e| e.to_string())?;
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&a.out, &bytes).map_err(|e| format!("{}: {e}", a.out.display()))?;
    eprintln!("wrote {} ({} bytes) in {:.1} s", a.out.display(), bytes.len(), started.elapsed().as_secs_f64());
    if let Some(dir) = &a.parts {
        write_parts(&bytes, dir)?;
    }
    // The Tabular notes read: per kind, read fully / naming no code / not read (kept as text).
    if let Ok(blob) = claimlint::blob::Blob::open(&bytes) {
        for (name, n) in blob.manifest.counts.iter().filter(|(k, _)| k.starts_with("icd10cm.notes.")) {
            eprintln!("{name} {n}");
        }
    }
    Ok(0)
}

/// Writes the parts and their index into `dir`, removing parts of earlier builds.
fn write_parts(bytes: &[u8], dir: &std::path::Path) -> Result<(), String> {
    let (files, index) = claimlint::blob::parts::split(bytes)?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let stale = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in stale.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.ends_with(".blob") || name.ends_with(".blob.br") || name.ends_with(".blob.gz");
        if ours && !files.iter().any(|f| name.starts_with(&f.file) || f.preload.as_ref().is_some_and(|p| name.starts_with(p.as_str()))) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    for f in &files {
        let path = dir.join(&f.file);
        std::fs::write(&path, &f.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("part {:<7} {:>10} bytes  {}", f.name, f.bytes.len(), f.file);
        if let Some(alias) = &f.preload {
            let path = dir.join(alias);
            std::fs::write(&path, &f.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let path = dir.join("parts.json");
    let text = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())?;
    std::fs::write(&path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))
}
