//! `claimlint check` and `claimlint describe`.
use crate::args::Args;
use claimlint::{Engine, Severity, System};

pub fn run(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &[])?;
    let system = System::parse(a.get("system").unwrap_or("icd10cm")).ok_or("unknown --system")?;
    if a.positional.is_empty() {
        return Err("give at least one CODE".into());
    }
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    let dos = crate::date_of_service(&a)?;
    let mut worst = 0;
    for code in &a.positional {
        let c = engine.check_code(system, code, dos);
        if c.worst() == Some(Severity::Error) {
            worst = 1;
        }
        println!("{}", serde_json::to_string(&c).map_err(|e| e.to_string())?);
    }
    Ok(worst)
}

pub fn describe(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &[])?;
    let system = System::parse(a.get("system").unwrap_or("icd10cm")).ok_or("unknown --system")?;
    let code = a.positional.first().ok_or("give a CODE")?;
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    match engine.describe(system, code, crate::date_of_service(&a)?) {
        Some(d) => {
            println!("{}", serde_json::to_string_pretty(&d).map_err(|e| e.to_string())?);
            Ok(0)
        }
        None => {
            println!("null");
            Ok(1)
        }
    }
}
