//! `claimlint check` and `claimlint describe`.
use crate::args::{self, BlobArg};
use crate::out::{Out, Outcome};
use claimlint::{Date, Severity, System};

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// Code system: icd10cm, icd10pcs, hcpcs, cpt or modifier.
    #[arg(long, default_value = "icd10cm", value_parser = args::system)]
    pub system: System,
    /// Date of service (YYYY-MM-DD) [default: the newest edition]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub on: Option<Date>,
    /// The codes, as typed (dots, case and look-alike characters are read).
    #[arg(required = true, value_name = "CODE")]
    pub codes: Vec<String>,
}

/// One result per code, on its own line; exit 1 when a code has an error finding.
pub fn run(a: CheckArgs, out: &mut Out) -> Outcome {
    let bytes = a.blob.read()?;
    let engine = args::open(&bytes)?;
    let mut worst = 0;
    for code in &a.codes {
        let c = engine.check_code(a.system, code, a.on);
        if c.worst() == Some(Severity::Error) {
            worst = 1;
        }
        out.either(&c, || crate::text::code_check(&c))?;
    }
    Ok(worst)
}

#[derive(clap::Args, Debug)]
pub struct DescribeArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// Code system (descriptions are kept for icd10cm).
    #[arg(long, default_value = "icd10cm", value_parser = args::system)]
    pub system: System,
    /// Date of service (YYYY-MM-DD) [default: the newest edition]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub on: Option<Date>,
    /// The code.
    pub code: String,
}

/// The description, or `null` and exit 1 when the code is not in the blob.
pub fn describe(a: DescribeArgs, out: &mut Out) -> Outcome {
    let bytes = a.blob.read()?;
    let engine = args::open(&bytes)?;
    let d = engine.describe(a.system, &a.code, a.on);
    let found = d.is_some();
    let value = serde_json::to_value(&d)?;
    out.either_pretty(&value, || if found { crate::text::outline(&value) } else { format!("{}: not found", a.code) })?;
    Ok(u8::from(!found))
}
