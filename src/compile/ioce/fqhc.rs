//! The FQHC visit table of the `ioce` section (`crate::ioce::fqhc`, I/OCE edits 88, 89): each
//! FQHC visit payment code with the codes that qualify it as a visit, from `map_fqhc_visit`.
use super::table::{Rows, Tsv};
use crate::compile::{err, Result};

/// Payment code + qualifying code (10 characters) → present, by version range.
pub fn read_visits(t: &Tsv) -> Result<Rows> {
    let (payment, qualifying) = (t.col("code1")?, t.col("code2")?);
    let mut rows = Rows::default();
    for (n, r) in t.rows.iter().enumerate() {
        if r[payment].len() != 5 || r[qualifying].len() != 5 {
            return Err(err(format!("{}: line {}: `{}` `{}` are not two HCPCS codes", t.name, n + 2, r[payment], r[qualifying])));
        }
        rows.push(&format!("{}{}", r[payment], r[qualifying]), t.range(r, n)?, 1, 0);
    }
    Ok(rows)
}
