//! `claimlint claim --blob F [--today D] [--payer ID] [--pretty] FILE.json|-`: claim findings as JSON.
//!
//! Exit 0 when nothing is an error, 1 when a finding or input error is, 2 for usage/data errors.
use crate::args::Args;
use claimlint::claim::{check_claim_json, CheckOptions};
use claimlint::{Date, Engine, Severity};
use std::io::Read;

pub fn run(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &["pretty"])?;
    let file = a.positional.first().ok_or("give a claim FILE.json (or - for stdin)")?;
    let text = if file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("stdin: {e}"))?;
        s
    } else {
        std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?
    };
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    let today = match a.get("today") {
        Some(s) => Date::parse(s).ok_or_else(|| format!("--today {s}: not a date (YYYY-MM-DD)"))?,
        None => Date::today_utc(),
    };
    let opts = CheckOptions { today: Some(today), payer: a.get("payer").map(str::to_owned), stale_edits: crate::stale_edits(&a)? };
    let result = check_claim_json(&engine, &text, &opts);
    let out = if a.has("pretty") { serde_json::to_string_pretty(&result) } else { serde_json::to_string(&result) };
    println!("{}", out.map_err(|e| e.to_string())?);
    Ok(u8::from(result.worst() == Some(Severity::Error)))
}
