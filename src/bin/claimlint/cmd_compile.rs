//! `claimlint compile`.
use crate::args::Args;
use claimlint::compile::{self, sources, CompileOptions, Icd10CmInput};
use std::path::PathBuf;

pub fn run(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &["no-data-dir"])?;
    let out = PathBuf::from(a.get("out").unwrap_or("pkg/codesets.blob"));
    let cache = a.get("cache").map(PathBuf::from).unwrap_or_else(sources::default_cache_dir);
    let data_dir = if a.has("no-data-dir") { None } else { a.get("data-dir").map(PathBuf::from).or_else(sources::default_data_dir) };
    let mut icd10cm = Vec::new();
    for spec in a.all("icd10cm") {
        let (fy, path) = spec.split_once('=').ok_or_else(|| format!("--icd10cm {spec}: expected FY=PATH, e.g. 2026=icd10cm.xml"))?;
        let fy: u32 = fy.trim_start_matches("FY").parse().map_err(|_| format!("--icd10cm {spec}: fiscal year must be a number"))?;
        icd10cm.push(Icd10CmInput { path: PathBuf::from(path), fiscal_year: fy });
    }
    if icd10cm.is_empty() {
        icd10cm = compile::default_icd10cm(&cache, data_dir.as_deref());
        if icd10cm.is_empty() {
            return Err(format!(
                "no ICD-10-CM source in {}; run scripts/fetch-sources.sh first, or pass --icd10cm FY=PATH",
                cache.display()
            ));
        }
    }
    let opts = CompileOptions {
        icd10cm,
        data_dir,
        built: claimlint::Date::today_utc().yyyymmdd(),
        cpt_file: a.get("cpt").map(PathBuf::from),
        rule_packs: a.all("rules").iter().map(PathBuf::from).collect(),
    };
    let started = std::time::Instant::now();
    let bytes = compile::compile(&opts).map_err(|e| e.to_string())?;
    if let Some(dir) = out.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes) in {:.1} s", out.display(), bytes.len(), started.elapsed().as_secs_f64());
    Ok(0)
}
