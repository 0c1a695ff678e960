//! `claimlint info`: what a blob holds.
use crate::args::{self, BlobArg};
use crate::out::{Out, Outcome};

#[derive(clap::Args, Debug)]
pub struct InfoArgs {
    #[command(flatten)]
    pub blob: BlobArg,
}

pub fn run(a: InfoArgs, out: &mut Out) -> Outcome {
    let bytes = a.blob.read()?;
    let engine = args::open(&bytes)?;
    let value = serde_json::to_value(engine.info())?;
    out.either_pretty(&value, || crate::text::outline(&value))?;
    Ok(0)
}
