//! `claimlint check` and `claimlint describe`.
use crate::args::{self, CodeArgs};
use crate::out::{Out, Outcome};
use claimlint::Severity;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub code: CodeArgs,
    /// The codes, as typed (dots, case and look-alike characters are read).
    #[arg(required = true, value_name = "CODE")]
    pub codes: Vec<String>,
}

/// One result per code, on its own line; exit 1 when a code has an error finding.
pub fn run(a: CheckArgs, out: &mut Out) -> Outcome {
    let bytes = a.code.blob.read()?;
    let engine = args::open(&bytes)?;
    let mut worst = 0;
    for code in &a.codes {
        let c = engine.check_code(a.code.system, code, a.code.on);
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
    pub code: CodeArgs,
    /// The code (descriptions and notes are kept for icd10cm).
    #[arg(value_name = "CODE")]
    pub value: String,
}

/// The description, or `null` and exit 1 when the code is not in the blob.
pub fn describe(a: DescribeArgs, out: &mut Out) -> Outcome {
    let bytes = a.code.blob.read()?;
    let engine = args::open(&bytes)?;
    let d = engine.describe(a.code.system, &a.value, a.code.on);
    let found = d.is_some();
    let value = serde_json::to_value(&d)?;
    out.either_pretty(&value, || if found { crate::text::outline(&value) } else { format!("{}: not found", a.value) })?;
    Ok(u8::from(!found))
}
