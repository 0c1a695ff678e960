//! The `claimlint` command: compile CMS files into a blob, inspect it, check codes, lines,
//! pairs and claims, search, grade.
//!
//! Exit codes: 0 clean, 1 when a finding has severity error, 2 for usage or data errors.
//! Output is text at a terminal and JSON otherwise (`--format` chooses).
mod args;
mod bench_claims;
mod cmd_bench;
mod cmd_check;
mod cmd_claim;
mod cmd_codes;
mod cmd_compile;
mod cmd_exercise;
mod cmd_grade;
mod cmd_info;
mod cmd_line;
mod cmd_pair;
mod cmd_search;
mod out;
mod text;

use clap::{Parser, Subcommand};
use out::{Fail, Format, Out};
use std::process::ExitCode;

/// mimalloc: a claim's findings are many small strings, and per-thread heaps keep the batch
/// workers from contending (the benches set the same allocator).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Validate US medical billing codes and claims against official CMS code sets.
#[derive(Parser, Debug)]
#[command(name = "claimlint", version, propagate_version = true, arg_required_else_help = true)]
#[command(after_help = "Exit codes: 0 clean, 1 when a finding has severity error, 2 for usage or data errors.\n\
The blob defaults to pkg/codesets.blob ($CLAIMLINT_BLOB); source data to $CLAIMLINT_DATA or ../shared/data/cms.")]
struct Cli {
    /// Output format [default: text at a terminal, json otherwise]
    #[arg(long, global = true, value_enum)]
    format: Option<Format>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compile the CMS source files into one code-set blob.
    Compile(cmd_compile::CompileArgs),
    /// Format, vintages, data tables, counts and section sizes of a blob.
    Info(cmd_info::InfoArgs),
    /// List the codes of one system valid on a date.
    Codes(cmd_codes::CodesArgs),
    /// Check codes: state, description, completions, findings.
    Check(cmd_check::CheckArgs),
    /// Describe one ICD-10-CM code: title, chapter, block, notes.
    Describe(cmd_check::DescribeArgs),
    /// Check one claim line (code, modifiers, units), or several lines of one claim.
    Line(cmd_line::LineArgs),
    /// Check a pair of procedure codes against the NCCI PTP edits.
    Pair(cmd_pair::PairArgs),
    /// Check a claim (JSON), or many claims (JSON Lines) on every core.
    Claim(cmd_claim::ClaimArgs),
    /// Find codes by code, prefix or words.
    Search(cmd_search::SearchArgs),
    /// Grade an answer to a coding exercise.
    Grade(cmd_grade::GradeArgs),
    /// Work on exercise files.
    #[command(subcommand)]
    Exercise(cmd_exercise::ExerciseCommand),
    /// Sizes, open time and check latency next to same-run baselines.
    Bench(cmd_bench::BenchArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print and exit 0; usage errors exit 2. A closed pipe is quiet.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let mut out = Out::new(cli.format);
    let result = match cli.command {
        Command::Compile(a) => cmd_compile::run(a),
        Command::Info(a) => cmd_info::run(a, &mut out),
        Command::Codes(a) => cmd_codes::run(a, &mut out),
        Command::Check(a) => cmd_check::run(a, &mut out),
        Command::Describe(a) => cmd_check::describe(a, &mut out),
        Command::Line(a) => cmd_line::run(a, &mut out),
        Command::Pair(a) => cmd_pair::run(a, &mut out),
        Command::Claim(a) => cmd_claim::run(a, &mut out),
        Command::Search(a) => cmd_search::run(a, &mut out),
        Command::Grade(a) => cmd_grade::run(a, &mut out),
        Command::Exercise(c) => cmd_exercise::run(c, &mut out),
        Command::Bench(a) => cmd_bench::run(a, &mut out),
    };
    match result.and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => ExitCode::from(code),
        Err(Fail::Pipe) => ExitCode::SUCCESS,
        Err(Fail::Msg(msg)) => {
            eprintln!("claimlint: {msg}");
            ExitCode::from(2)
        }
    }
}
