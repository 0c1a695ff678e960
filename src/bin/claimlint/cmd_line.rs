//! `claimlint line`: checks one claim line (code, modifiers, units, date, claim type), or with
//! `--lines FILE.json` (an array of line objects) several lines of one claim together (MUE
//! date-of-service sums, add-on primaries).
use crate::args::{self, BlobArg, StaleArg};
use crate::out::{Out, Outcome};
use claimlint::claim::ClaimType;
use claimlint::procedure::{check_line_with, check_lines_with, LineInput};
use claimlint::{Date, Severity};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct LineArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// HCPCS Level II or CPT code (or give it as the argument).
    #[arg(long, value_name = "CODE", conflicts_with = "code_arg")]
    pub code: Option<String>,
    #[arg(value_name = "CODE", hide = true)]
    pub code_arg: Option<String>,
    /// A modifier; repeat for several.
    #[arg(long = "mod", value_name = "M")]
    pub mods: Vec<String>,
    /// Units of service.
    #[arg(long, default_value_t = 1)]
    pub units: u32,
    /// Date of service (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub on: Option<Date>,
    /// Which MUE table applies: professional, outpatient or dme.
    #[arg(long, default_value = "professional", value_parser = claim_type)]
    pub claim_type: ClaimType,
    /// Check the lines of one claim together from a JSON array of line objects.
    #[arg(long, value_name = "FILE.json", conflicts_with_all = ["code", "code_arg"])]
    pub lines: Option<PathBuf>,
    #[command(flatten)]
    pub stale: StaleArg,
}

fn claim_type(s: &str) -> Result<ClaimType, String> {
    ClaimType::parse(s).ok_or_else(|| format!("`{s}`: use professional, outpatient, inpatient or dme"))
}

pub fn run(a: LineArgs, out: &mut Out) -> Outcome {
    let bytes = a.blob.read()?;
    let engine = args::open(&bytes)?;
    if let Some(path) = &a.lines {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        let lines: Vec<LineInput> = serde_json::from_str(&text).map_err(|e| format!("{shown}: {e}"))?;
        let findings = check_lines_with(&engine, &lines, a.stale.stale_edits);
        out.either_pretty(&findings, || {
            let mut s = format!("{} line(s): {} finding(s)\n", lines.len(), findings.len());
            crate::text::findings(&mut s, &findings, "  ");
            s
        })?;
        return Ok(u8::from(findings.iter().any(|f| f.severity == Severity::Error)));
    }
    let code = a.code.or(a.code_arg).ok_or("give --code CODE")?;
    let line = LineInput { code, modifiers: a.mods, units: a.units, date_of_service: a.on, claim_type: a.claim_type };
    let lc = check_line_with(&engine, &line, a.stale.stale_edits);
    out.either_pretty(&lc, || {
        let mut s = crate::text::code_check(&lc.code);
        for m in &lc.modifiers {
            s.push_str(&crate::text::code_check(m));
        }
        if !lc.findings.is_empty() {
            s.push_str("line:\n");
            crate::text::findings(&mut s, &lc.findings, "  ");
        }
        s
    })?;
    Ok(u8::from(lc.findings.iter().any(|f| f.severity == Severity::Error)))
}
