//! The program lists of the `ioce` section (`crate::ioce::programs`): HCPCS codes with
//! PHP / IOP / OTP / education flags from `data_hcpcs`, diagnoses with mental-health and
//! code-first flags from `data_dx10`. Codes without any of the flags are left out.
use super::table::{Rows, Tsv};
use crate::compile::Result;
use crate::ioce::programs::{mental_dx_flag, program_flag};

/// HCPCS code → [`program_flag`] bits.
pub fn read_programs(t: &Tsv) -> Result<Rows> {
    read_flagged(t, "hcpcs", &program_flag::COLUMNS)
}

/// Diagnosis → [`mental_dx_flag`] bits.
pub fn read_mental_dx(t: &Tsv) -> Result<Rows> {
    read_flagged(t, "diagnosis", &mental_dx_flag::COLUMNS)
}

/// HCPCS + modifier pairs an RHC may not bill (`map_conflict_rhc`, edit 104).
pub fn read_rhc_conflicts(t: &Tsv) -> Result<Rows> {
    let (code, modifier) = (t.col("hcpcs")?, t.col("modifier")?);
    let mut rows = Rows::default();
    for (n, r) in t.rows.iter().enumerate() {
        if r[code].len() != 5 || r[modifier].len() != 2 {
            return Err(crate::compile::err(format!("{}: line {}: `{}` `{}` is not a code and a modifier", t.name, n + 2, r[code], r[modifier])));
        }
        rows.push(&format!("{}{}", r[code], r[modifier]), t.range(r, n)?, 1, 0);
    }
    Ok(rows)
}

fn read_flagged(t: &Tsv, key: &str, columns: &[&str]) -> Result<Rows> {
    let key = t.col(key)?;
    let cols = columns.iter().map(|c| t.col(c)).collect::<Result<Vec<_>>>()?;
    let mut rows = Rows::default();
    for (n, r) in t.rows.iter().enumerate() {
        let flags = t.flags(r, &cols, n)?;
        if flags != 0 {
            rows.push(&r[key], t.range(r, n)?, flags, 0);
        }
    }
    Ok(rows)
}
