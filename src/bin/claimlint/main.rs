//! The `claimlint` command: compile CMS files into a blob, inspect it, check codes.
//!
//! Exit codes: 0 clean, 1 when a finding has severity error, 2 for usage or data errors.
mod args;
mod bench_claims;
mod cmd_check;
mod cmd_compile;
mod cmd_bench;
mod cmd_claim;
mod cmd_info;
mod cmd_line;
mod cmd_pair;
mod cmd_search;
mod cmd_grade;
mod cmd_exercise;

use std::process::ExitCode;

const USAGE: &str = "claimlint — validate US medical billing codes against official CMS code sets

usage:
  claimlint compile [--out FILE] [--data-dir DIR] [--cache DIR]
                    [--icd10cm FY=PATH]...   tabular XML, order file or CMS zip per fiscal year
  claimlint info    --blob FILE
  claimlint codes   --blob FILE --system icd10cm [--billable] [--on YYYY-MM-DD]
  claimlint check   --blob FILE --system icd10cm [--on YYYY-MM-DD] CODE...
  claimlint describe --blob FILE --system icd10cm [--on YYYY-MM-DD] CODE
  claimlint line     --blob F --code X [--mod M]... [--units N] --on DATE [--claim-type professional|outpatient|dme]
  claimlint pair     --blob F --on DATE [--claim-type professional|outpatient] CODE_A CODE_B [--mod-a M] [--mod-b M]
  claimlint claim    --blob F [--today DATE] FILE.json|-
                     line, pair, claim: [--stale-edits apply|skip]  edit tables past their window (default apply, marked DATA-STALE)
  claimlint search   --blob F [--system S] [--limit N] [--billable] [--on DATE] QUERY...
  claimlint grade    --blob F EXERCISE.json ANSWER.json
  claimlint exercise seal IN.json
  claimlint bench    --blob F [--smoke] [--out FILE] [--emit-baseline DIR]

Defaults: --out pkg/codesets.blob; --data-dir $CLAIMLINT_DATA or ../shared/data/cms;
--cache $CLAIMLINT_CACHE or .cache (filled by scripts/fetch-sources.sh).";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = argv.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match cmd.as_str() {
        "compile" => cmd_compile::run(rest),
        "info" => cmd_info::run(rest),
        "codes" => cmd_info::codes(rest),
        "check" => cmd_check::run(rest),
        "describe" => cmd_check::describe(rest),
        "line" => cmd_line::run(rest),
        "pair" => cmd_pair::run(rest),
        "claim" => cmd_claim::run(rest),
        "search" => cmd_search::run(rest),
        "bench" => cmd_bench::run(rest),
        "grade" => cmd_grade::run(rest),
        "exercise" => cmd_exercise::run(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(0)
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("claimlint: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Reads and opens the blob named by `--blob`.
pub fn load_blob(a: &args::Args) -> Result<Vec<u8>, String> {
    let path = a.get("blob").unwrap_or("pkg/codesets.blob");
    std::fs::read(path).map_err(|e| format!("{path}: {e}"))
}

/// Parses `--stale-edits apply|skip` (default apply).
pub fn stale_edits(a: &args::Args) -> Result<claimlint::currency::StaleEdits, String> {
    match a.get("stale-edits") {
        None => Ok(claimlint::currency::StaleEdits::Apply),
        Some(s) => claimlint::currency::StaleEdits::parse(s).ok_or_else(|| format!("--stale-edits {s}: use apply or skip")),
    }
}

/// Parses `--on`, if given.
pub fn date_of_service(a: &args::Args) -> Result<Option<claimlint::Date>, String> {
    match a.get("on") {
        None => Ok(None),
        Some(s) => claimlint::Date::parse(s).map(Some).ok_or_else(|| format!("--on {s}: not a date (YYYY-MM-DD)")),
    }
}
