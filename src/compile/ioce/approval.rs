//! The approval and termination dates of the `ioce` section (`crate::ioce::approval`), from
//! `data_hcpcs`; codes without any are left out.
use super::table::{Rows, Tsv};
use crate::compile::Result;

/// HCPCS code → its approval and termination dates ([`crate::ioce::approval::pack`]).
pub fn read_approvals(t: &Tsv) -> Result<Rows> {
    let (key, edit, approved, terminated, phe) =
        (t.col("hcpcs")?, t.col("mid_quarter_date_edit")?, t.col("date_approved")?, t.col("date_terminated")?, t.col("cms_mid_quarter_termination")?);
    let mut rows = Rows::default();
    for (n, r) in t.rows.iter().enumerate() {
        let (e, a, z): (u8, u32, u32) = (t.num(r, edit, n)?, t.num(r, approved, n)?, t.num(r, terminated, n)?);
        let phe = r[phe] == "1";
        if e != 0 || phe {
            let (flags, attrs) = crate::ioce::approval::pack(e, a, z, phe);
            rows.push(&r[key], t.range(r, n)?, flags, attrs);
        }
    }
    Ok(rows)
}
