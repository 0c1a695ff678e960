//! `claimlint search [--blob F] [--system S]... [--limit N] [--billable] [--on DATE] QUERY...`:
//! one JSON object per result line, best first. Exit 0, or 2 for usage and blob errors.
use crate::args::Args;
use claimlint::search::{search, SearchOptions};
use claimlint::{Engine, System};

pub fn run(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &["billable"])?;
    if a.positional.is_empty() {
        return Err("give a QUERY (code, code prefix or words)".into());
    }
    let mut systems = Vec::new();
    for s in a.all("system") {
        for part in s.split(',') {
            systems.push(System::parse(part).ok_or_else(|| format!("--system {part}: unknown code system"))?);
        }
    }
    let limit = match a.get("limit") {
        None => 0,
        Some(n) => n.parse().map_err(|_| format!("--limit {n}: not a number"))?,
    };
    let opts = SearchOptions { systems, limit, billable_only: a.has("billable"), on: crate::date_of_service(&a)? };
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    if engine.search.is_none() {
        return Err("this blob has no search index; recompile it".into());
    }
    let query = a.positional.join(" ");
    for hit in search(&engine, &query, &opts) {
        println!("{}", serde_json::to_string(&hit).map_err(|e| e.to_string())?);
    }
    Ok(0)
}
