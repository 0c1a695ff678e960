//! `claimlint claim FILE.json|-`: one claim's findings; `claimlint claim --jsonl FILE|-`: one
//! claim per input line, one result per output line, in input order, on every core.
//!
//! Exit 0 when nothing is an error, 1 when a finding or input error is, 2 for usage/data errors.
use crate::args::{self, BlobArg, StaleArg};
use crate::out::{Fail, Out, Outcome};
use claimlint::claim::{check_claim_json, CheckOptions, ClaimResult};
use claimlint::{Date, Engine, Severity};
use std::io::{BufRead, Read};

/// Lines read and checked together: enough to keep every core busy, little memory.
const CHUNK: usize = 4096;

#[derive(clap::Args, Debug)]
pub struct ClaimArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// "Today" for the future-date edit (YYYY-MM-DD) [default: today, UTC]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub today: Option<Date>,
    /// Payer rule pack to apply when the claim names none.
    #[arg(long, value_name = "ID")]
    pub payer: Option<String>,
    #[command(flatten)]
    pub stale: StaleArg,
    /// Indent the JSON (single claim).
    #[arg(long, conflicts_with = "jsonl")]
    pub pretty: bool,
    /// Many claims as JSON Lines: one claim per line, one result per line (- for stdin).
    #[arg(long, value_name = "FILE|-", conflicts_with = "file")]
    pub jsonl: Option<String>,
    /// Worker threads for --jsonl [default: one per core]
    #[arg(long, value_name = "N", requires = "jsonl", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// The claim (JSON), or - for stdin.
    #[arg(value_name = "FILE.json|-", required_unless_present = "jsonl")]
    pub file: Option<String>,
}

pub fn run(a: ClaimArgs, out: &mut Out) -> Outcome {
    // `..default()` keeps this valid as CheckOptions gains options.
    #[allow(clippy::needless_update)]
    let opts = CheckOptions { today: Some(a.today.unwrap_or_else(Date::today_utc)), payer: a.payer.clone(), stale_edits: a.stale.stale_edits, ..CheckOptions::default() };
    if let Some(source) = &a.jsonl {
        let reader = open_input(source)?;
        let bytes = a.blob.read()?;
        let engine = args::open(&bytes)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(a.threads.map_or(0, usize::from))
            .build()
            .map_err(|e| format!("thread pool: {e}"))?;
        return batch(&engine, &pool, reader, source, &opts, out);
    }
    let file = a.file.as_deref().unwrap_or("-");
    let mut text = String::new();
    open_input(file)?.read_to_string(&mut text).map_err(|e| format!("{}: {e}", shown(file)))?;
    let bytes = a.blob.read()?;
    let engine = args::open(&bytes)?;
    let result = check_claim_json(&engine, &text, &opts);
    if out.is_text() {
        out.line(crate::text::claim(&result, "claim").trim_end())?;
    } else if a.pretty {
        out.json_pretty(&result)?;
    } else {
        out.json_line(&result)?;
    }
    Ok(u8::from(result.worst() == Some(Severity::Error)))
}

fn shown(file: &str) -> &str {
    if file == "-" {
        "stdin"
    } else {
        file
    }
}

fn open_input(file: &str) -> Result<Box<dyn BufRead>, Fail> {
    if file == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    let f = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
    Ok(Box::new(std::io::BufReader::new(f)))
}

/// Checks the claims chunk by chunk, results written in input order. On one thread everything
/// runs on it in turn; with more, the pool checks a chunk (each result rendered on its worker)
/// while this thread writes the previous chunk's results and reads the next chunk.
fn batch(engine: &Engine<'_>, pool: &rayon::ThreadPool, mut reader: Box<dyn BufRead>, source: &str, opts: &CheckOptions, out: &mut Out) -> Outcome {
    let text = out.is_text();
    let check = |lines: &[Vec<u8>]| pool.install(|| claimlint::batch::check_claims_with(engine, lines, opts, |r| render(&r, text)));
    let mut written = Written { worst: 0, next: 1, text };
    let mut lines = read_chunk(&mut reader, source)?;
    if pool.current_num_threads() == 1 {
        while !lines.is_empty() {
            written.write(check(&lines), out)?;
            lines = read_chunk(&mut reader, source)?;
        }
        return Ok(written.worst);
    }
    let mut done: Vec<Rendered> = Vec::new();
    while !lines.is_empty() {
        let mut rendered = Vec::new();
        let (wrote, next) = pool.in_place_scope(|s| {
            s.spawn(|_| rendered = check(&lines));
            (written.write(std::mem::take(&mut done), out), read_chunk(&mut reader, source))
        });
        wrote?;
        (done, lines) = (rendered, next?);
    }
    written.write(done, out)?;
    Ok(written.worst)
}

/// A result as `render` makes it on a worker.
type Rendered = (bool, Result<String, String>);

/// What the batch has written: the worst exit code so far and the next input line's number.
struct Written {
    worst: u8,
    next: usize,
    text: bool,
}

impl Written {
    fn write(&mut self, rendered: Vec<Rendered>, out: &mut Out) -> Result<(), Fail> {
        for (error, line) in rendered {
            let line = line?;
            self.worst |= u8::from(error);
            if self.text {
                out.line(&format!("line {}: {}", self.next, line))?;
            } else {
                out.line(&line)?;
            }
            self.next = self.next.saturating_add(1);
        }
        Ok(())
    }
}

/// Up to `CHUNK` lines (end-of-line bytes cut); empty at the end of the input.
fn read_chunk(reader: &mut Box<dyn BufRead>, source: &str) -> Result<Vec<Vec<u8>>, Fail> {
    let mut lines: Vec<Vec<u8>> = Vec::with_capacity(CHUNK);
    while lines.len() < CHUNK {
        let mut line = Vec::new();
        let n = reader.read_until(b'\n', &mut line).map_err(|e| format!("{}: {e}", shown(source)))?;
        if n == 0 {
            break;
        }
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        lines.push(line);
    }
    Ok(lines)
}

/// (has an error finding, the result as one JSON line or as text).
fn render(r: &ClaimResult, text: bool) -> Rendered {
    let error = r.worst() == Some(Severity::Error);
    let s = Ok(if text { crate::text::claim(r, "claim").trim_end().to_owned() } else { r.to_json() });
    (error, s)
}
