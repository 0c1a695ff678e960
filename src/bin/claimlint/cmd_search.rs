//! `claimlint search`: codes by code, code prefix or words, best first, one per line.
use crate::args::{self, BlobArg};
use crate::out::{Out, Outcome};
use claimlint::search::{search, SearchOptions};
use claimlint::{Date, System};

#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// Systems to search; repeat or separate with commas [default: all loaded]
    #[arg(long, value_delimiter = ',', value_parser = args::system)]
    pub system: Vec<System>,
    /// Results wanted (0: the default of 10).
    #[arg(long, default_value_t = 0)]
    pub limit: usize,
    /// Billable codes only.
    #[arg(long)]
    pub billable: bool,
    /// Date of service (YYYY-MM-DD): picks the ICD-10-CM edition.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub on: Option<Date>,
    /// Words, a code or a code prefix.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
}

pub fn run(a: SearchArgs, out: &mut Out) -> Outcome {
    let opts = SearchOptions { systems: a.system, limit: a.limit, billable_only: a.billable, on: a.on };
    let bytes = a.blob.read()?;
    let engine = args::open(&bytes)?;
    if engine.search.is_none() {
        return Err("this blob has no search index; recompile it".into());
    }
    for hit in search(&engine, &a.query.join(" "), &opts) {
        out.either(&hit, || crate::text::hit(&hit))?;
    }
    Ok(0)
}
