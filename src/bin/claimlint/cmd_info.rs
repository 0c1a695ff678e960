//! `claimlint info` and `claimlint codes`.
use claimlint::CodeTable;
use crate::args::Args;
use claimlint::icd10cm::dotted;
use claimlint::{Engine, System};

pub fn run(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &[])?;
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    println!("{}", serde_json::to_string_pretty(&engine.info()).map_err(|e| e.to_string())?);
    Ok(0)
}

pub fn codes(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &["billable"])?;
    let system = System::parse(a.get("system").unwrap_or("icd10cm")).ok_or("unknown --system")?;
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    let dos = crate::date_of_service(&a)?;
    if system != System::Icd10cm {
        return Err(format!("`codes` lists icd10cm for now, not {system}"));
    }
    let cm = engine.icd10cm.as_ref().ok_or("blob has no icd10cm section")?;
    let e = match dos {
        Some(d) => cm.edition_for(d).ok_or_else(|| format!("no ICD-10-CM edition for {d}"))?,
        None => cm.latest(),
    };
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for i in 0..cm.len() {
        if cm.exists(i, e) && (!a.has("billable") || cm.billable(i, e)) {
            writeln!(out, "{}", dotted(cm.code(i))).map_err(|e| e.to_string())?;
        }
    }
    Ok(0)
}
