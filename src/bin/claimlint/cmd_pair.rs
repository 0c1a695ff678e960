//! `claimlint pair`: is a pair of procedure codes billable together (NCCI PTP edits)?
use crate::args::{self, BlobArg, StaleArg};
use crate::out::{Out, Outcome};
use claimlint::claim::ClaimType;
use claimlint::ptp::{applies_to, check_pair_with, PairInput};
use claimlint::{Date, Severity};

#[derive(clap::Args, Debug)]
pub struct PairArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// Date of service (YYYY-MM-DD); PTP edits depend on it.
    #[arg(long, required = true, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub on: Date,
    /// Which PTP table applies: professional or outpatient.
    #[arg(long, default_value = "professional", value_parser = claim_type)]
    pub claim_type: ClaimType,
    /// The first (column one) code.
    pub code_a: String,
    /// The second (column two) code.
    pub code_b: String,
    /// Modifiers on the first code; repeat or separate with commas.
    #[arg(long = "mod-a", value_name = "M", value_delimiter = ',')]
    pub mods_a: Vec<String>,
    /// Modifiers on the second code; repeat or separate with commas.
    #[arg(long = "mod-b", value_name = "M", value_delimiter = ',')]
    pub mods_b: Vec<String>,
    #[command(flatten)]
    pub stale: StaleArg,
}

fn claim_type(s: &str) -> Result<ClaimType, String> {
    ClaimType::parse(s).filter(|t| applies_to(*t)).ok_or_else(|| format!("`{s}`: use professional or outpatient"))
}

pub fn run(a: PairArgs, out: &mut Out) -> Outcome {
    let bytes = a.blob.read()?;
    let engine = args::open(&bytes)?;
    let mods_a: Vec<&str> = a.mods_a.iter().map(String::as_str).collect();
    let mods_b: Vec<&str> = a.mods_b.iter().map(String::as_str).collect();
    let input = PairInput { a: &a.code_a, b: &a.code_b, mods_a: &mods_a, mods_b: &mods_b, dos: a.on, claim_type: a.claim_type };
    let findings = check_pair_with(&engine, &input, a.stale.stale_edits);
    let value = serde_json::json!({
        "a": a.code_a, "b": a.code_b, "modsA": mods_a, "modsB": mods_b,
        "on": a.on.to_string(), "claimType": a.claim_type, "findings": findings,
    });
    out.either_pretty(&value, || {
        let mut s = format!("{} + {} on {}: {} finding(s)\n", a.code_a, a.code_b, a.on, findings.len());
        crate::text::findings(&mut s, &findings, "  ");
        s
    })?;
    Ok(u8::from(findings.iter().any(|f| f.severity == Severity::Error)))
}
