//! `claimlint pair`: is a pair of procedure codes billable together (NCCI PTP edits)?
//!
//! `claimlint pair --blob F --on DATE [--claim-type professional|outpatient] CODE_A CODE_B
//! [--mod-a 59] [--mod-b XS]` prints JSON; exit 1 when a finding is an error.
use crate::args::Args;
use claimlint::ptp::{check_pair_with, ClaimType, PairInput};
use claimlint::{Engine, Severity};

pub fn run(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &[])?;
    let [code_a, code_b] = a.positional.as_slice() else {
        return Err("usage: claimlint pair --blob FILE --on YYYY-MM-DD [--claim-type professional|outpatient] CODE_A CODE_B [--mod-a M]... [--mod-b M]...".into());
    };
    let dos = crate::date_of_service(&a)?.ok_or("--on YYYY-MM-DD is required: PTP edits depend on the date of service")?;
    let claim_type = match a.get("claim-type") {
        None => ClaimType::Professional,
        Some(s) => ClaimType::parse(s).ok_or_else(|| format!("--claim-type {s}: use professional or outpatient"))?,
    };
    let mods_a: Vec<&str> = a.all("mod-a").iter().flat_map(|m| m.split(',')).collect();
    let mods_b: Vec<&str> = a.all("mod-b").iter().flat_map(|m| m.split(',')).collect();
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    let input = PairInput { a: code_a, b: code_b, mods_a: &mods_a, mods_b: &mods_b, dos, claim_type };
    let findings = check_pair_with(&engine, &input, crate::stale_edits(&a)?);
    let out = serde_json::json!({
        "a": code_a, "b": code_b, "modsA": mods_a, "modsB": mods_b,
        "on": dos.to_string(), "claimType": claim_type, "findings": findings,
    });
    println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    Ok(u8::from(findings.iter().any(|f| f.severity == Severity::Error)))
}
