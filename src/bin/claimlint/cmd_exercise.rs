//! `claimlint exercise seal [--blob F] [--salt S] IN.json > OUT.json`: replaces a plain
//! answer key with salted hashes of each hierarchy level, for exam use in the browser.
use crate::args::Args;
use claimlint::grade::{seal, Exercise};
use claimlint::Engine;

const USAGE: &str = "usage: claimlint exercise seal [--blob FILE] [--salt HEX] IN.json > OUT.json";

pub fn run(argv: &[String]) -> Result<u8, String> {
    let a = Args::parse(argv, &[])?;
    let [verb, path] = a.positional.as_slice() else {
        return Err(USAGE.into());
    };
    if verb != "seal" {
        return Err(format!("unknown exercise command `{verb}`\n{USAGE}"));
    }
    let exercise: Exercise = crate::cmd_grade::read_json(path)?;
    if let Some(p) = exercise.problem() {
        return Err(format!("{path}: {p}"));
    }
    let bytes = crate::load_blob(&a)?;
    let engine = Engine::open(&bytes).map_err(|e| format!("{} ({})", e, e.code()))?;
    let salt = match a.get("salt") {
        Some(s) => s.to_owned(),
        None => fresh_salt()?,
    };
    let sealed = seal(&engine, &exercise, &salt).map_err(|e| format!("{path}: {e}"))?;
    println!(
        "{}",
        serde_json::to_string_pretty(&sealed).map_err(|e| e.to_string())?
    );
    Ok(0)
}

/// 16 random bytes as hex: a new salt per exercise, so equal keys hash differently.
fn fresh_salt() -> Result<String, String> {
    use std::io::Read;
    let mut buf = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| format!("no random source for the salt ({e}); pass --salt"))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}
