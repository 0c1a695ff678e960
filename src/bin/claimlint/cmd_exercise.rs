//! `claimlint exercise seal IN.json > OUT.json`: replaces a plain answer key with salted
//! hashes of each hierarchy level, for exam use in the browser.
use crate::args::{self, BlobArg};
use crate::out::{Out, Outcome};
use claimlint::grade::{seal, Exercise};
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum ExerciseCommand {
    /// Seal an exercise's answer key (prints the sealed exercise as JSON).
    Seal(SealArgs),
}

#[derive(clap::Args, Debug)]
pub struct SealArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// Salt as hex [default: 16 fresh random bytes]
    #[arg(long, value_name = "HEX")]
    pub salt: Option<String>,
    /// The plain exercise.
    #[arg(value_name = "IN.json")]
    pub input: PathBuf,
}

pub fn run(c: ExerciseCommand, out: &mut Out) -> Outcome {
    let ExerciseCommand::Seal(a) = c;
    let shown = a.input.display();
    let exercise: Exercise = crate::cmd_grade::read_json(&a.input)?;
    if let Some(p) = exercise.problem() {
        return Err(format!("{shown}: {p}").into());
    }
    let bytes = a.blob.read()?;
    let engine = args::open(&bytes)?;
    let salt = match a.salt {
        Some(s) => s,
        None => fresh_salt()?,
    };
    let sealed = seal(&engine, &exercise, &salt).map_err(|e| format!("{shown}: {e}"))?;
    // The sealed exercise is a file to keep: JSON whatever the terminal.
    out.json_pretty(&sealed)?;
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
