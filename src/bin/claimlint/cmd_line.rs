//! `claimlint line`: checks one claim line (code, modifiers, units, date, claim type).
//!
//! `claimlint line --blob F --code X [--mod 25 --mod LT] [--units N] [--on DATE]
//! [--claim-type professional|outpatient|dme]`, or `--lines FILE.json` (an array of line
//! objects) to check several lines of one claim together (MUE date-of-service sums, add-on primaries).
use crate::args::Args;
use claimlint::procedure::{check_line_with, check_lines_with, ClaimType, LineInput};
use claimlint::{Engine, Severity};

pub fn run(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &[])?;
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    if let Some(path) = a.get("lines") {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let lines: Vec<LineInput> = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
        let findings = check_lines_with(&engine, &lines, crate::stale_edits(&a)?);
        println!("{}", serde_json::to_string_pretty(&findings).map_err(|e| e.to_string())?);
        return Ok(u8::from(findings.iter().any(|f| f.severity == Severity::Error)));
    }
    let code = a.get("code").or(a.positional.first().map(String::as_str)).ok_or("give --code CODE")?;
    let units = match a.get("units") {
        Some(u) => u.parse().map_err(|_| format!("--units {u}: not a whole number"))?,
        None => 1,
    };
    let claim_type = match a.get("claim-type") {
        Some(t) => ClaimType::parse(t).ok_or_else(|| format!("--claim-type {t}: use professional, outpatient or dme"))?,
        None => ClaimType::Professional,
    };
    let line = LineInput {
        code: code.to_owned(),
        modifiers: a.all("mod").to_vec(),
        units,
        date_of_service: crate::date_of_service(&a)?,
        claim_type,
    };
    let lc = check_line_with(&engine, &line, crate::stale_edits(&a)?);
    println!("{}", serde_json::to_string_pretty(&lc).map_err(|e| e.to_string())?);
    Ok(u8::from(lc.findings.iter().any(|f| f.severity == Severity::Error)))
}
