//! Argument types shared by the subcommands: the blob, dates, code systems and claim types,
//! each parsed once with an error that names what was wrong.
use claimlint::currency::StaleEdits;
use claimlint::{Date, Engine, System};
use std::path::PathBuf;

/// `--blob FILE`, read once per run.
#[derive(clap::Args, Debug, Clone)]
pub struct BlobArg {
    /// The compiled code-set blob (`claimlint compile`).
    #[arg(long, value_name = "FILE", default_value = "pkg/codesets.blob", env = "CLAIMLINT_BLOB", hide_env_values = true)]
    pub blob: PathBuf,
}

impl BlobArg {
    /// Reads the blob bytes; open them with [`open`].
    pub fn read(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.blob).map_err(|e| format!("{}: {e}", self.blob.display()))
    }
}

/// Opens blob bytes, naming the error and its stable code.
pub fn open(bytes: &[u8]) -> Result<Engine<'_>, String> {
    Engine::open(bytes).map_err(|e| format!("{} ({})", e, e.code()))
}

/// A `YYYY-MM-DD` value.
pub fn date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

/// A code system id: icd10cm, icd10pcs, hcpcs, cpt or modifier.
pub fn system(s: &str) -> Result<System, String> {
    System::parse(s).ok_or_else(|| format!("`{s}` is not a code system; use icd10cm, icd10pcs, hcpcs, cpt or modifier"))
}

/// The blob, a code system and a date of service: what the code commands share.
#[derive(clap::Args, Debug)]
pub struct CodeArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// Code system: icd10cm, icd10pcs, hcpcs, cpt or modifier.
    #[arg(long, default_value = "icd10cm", value_parser = system)]
    pub system: System,
    /// Date of service (YYYY-MM-DD) [default: the newest data]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    pub on: Option<Date>,
}

/// `--stale-edits apply|skip`: edit tables (PTP, MUE, AOC) asked about a date past their window.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct StaleArg {
    /// Edit tables past their window: apply (findings marked DATA-STALE) or skip.
    #[arg(long = "stale-edits", value_name = "apply|skip", default_value = "apply", value_parser = stale_edits)]
    pub stale_edits: StaleEdits,
}

fn stale_edits(s: &str) -> Result<StaleEdits, String> {
    StaleEdits::parse(s).ok_or_else(|| format!("`{s}`: use apply or skip"))
}
