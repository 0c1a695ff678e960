//! Every loaded table with its window and the date its data is current through, for
//! `info().tables` and the widget's data panel.
//!
//! A code set (`kind: "code-set"`) answers only dates inside its window; past it the engine
//! says `no_data_for_date`. An edit table (`kind: "edit-table"`) past its window is applied
//! from its newest release and every finding it produces is marked `DATA-STALE` (see
//! [`crate::currency`]).
use crate::blob::Vintage;
use crate::date::Date;
use serde::{Deserialize, Serialize};

/// One table of the blob.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TableInfo {
    /// `icd10cm`, `icd10pcs`, `hcpcs`, `cpt`, `mue-practitioner`, `mue-outpatient`, `mue-dme`,
    /// `aoc`, `ptp-practitioner`, `ptp-outpatient`, `mce`, `poa`, `ioce`.
    pub id: String,
    pub label: String,
    /// `code-set` or `edit-table`.
    pub kind: String,
    /// First date of service the table answers for (`YYYY-MM-DD`).
    pub valid_from: String,
    /// Last date of service the table answers for without a caveat.
    pub valid_to: String,
    /// Last date of service the newest loaded release is known to be current for.
    pub current_through: String,
    pub source: String,
}

pub const CODE_SET: &str = "code-set";
pub const EDIT_TABLE: &str = "edit-table";

fn day(n: u32) -> String {
    Date::from_yyyymmdd(n).map(|d| d.to_string()).unwrap_or_default()
}

/// Manifest vintage system → (table id, kind). The POA-exempt list is an edit table: a claim
/// past its fiscal year is still checked against it, under the stale-edit policy.
const KNOWN: [(&str, &str, &str); 11] = [
    ("icd10cm", "icd10cm", CODE_SET),
    ("icd10pcs", "icd10pcs", CODE_SET),
    ("hcpcs", "hcpcs", CODE_SET),
    ("cpt", "cpt", CODE_SET),
    ("mue", "mue", EDIT_TABLE),
    ("aoc", "aoc", EDIT_TABLE),
    ("ncci_ptp_practitioner", "ptp-practitioner", EDIT_TABLE),
    ("ncci_ptp_outpatient", "ptp-outpatient", EDIT_TABLE),
    ("mce", "mce", CODE_SET),
    ("poa", "poa", EDIT_TABLE),
    ("ioce", "ioce", EDIT_TABLE),
];

impl super::Engine<'_> {
    /// The tables this blob holds, one entry per table (editions of a code set merged).
    pub fn tables(&self) -> Vec<TableInfo> {
        let vintages = &self.blob.manifest.vintages;
        let mut out: Vec<TableInfo> = Vec::new();
        for (system, id, kind) in KNOWN {
            let of: Vec<&Vintage> = vintages.iter().filter(|v| v.system == system).collect();
            let (Some(first), Some(last)) = (of.iter().min_by_key(|v| v.valid_from), of.iter().max_by_key(|v| v.valid_to)) else { continue };
            let labels: Vec<&str> = of.iter().map(|v| v.label.as_str()).collect();
            let valid_to = self.window_end(id).unwrap_or(last.valid_to);
            let through = self.current_through(id).unwrap_or(valid_to);
            let t = TableInfo {
                id: id.to_owned(),
                label: labels.join(", "),
                kind: kind.to_owned(),
                valid_from: day(first.valid_from),
                valid_to: day(valid_to),
                current_through: day(through),
                source: last.source.clone(),
            };
            if id == "mue" {
                out.extend(self.mue_tables(&t));
            } else {
                out.push(t);
            }
        }
        out
    }

    /// One entry per MUE claim setting the blob has rows for.
    fn mue_tables(&self, t: &TableInfo) -> Vec<TableInfo> {
        use crate::claim::ClaimType;
        let Some(mue) = self.procedures.as_ref().and_then(|p| p.mue.as_ref()) else { return Vec::new() };
        [(ClaimType::Professional, "mue-practitioner"), (ClaimType::Outpatient, "mue-outpatient"), (ClaimType::Dme, "mue-dme")]
            .into_iter()
            .filter(|(ct, _)| mue.len(*ct) > 0)
            .map(|(ct, id)| TableInfo { id: id.to_owned(), label: format!("{} {}", crate::procedure::mue::table_name(ct), t.label), ..t.clone() })
            .collect()
    }

    /// Where a table's window ends before its manifest vintage says: the I/OCE tables leave
    /// the newest release open-ended, but a quarterly release answers for its quarter.
    fn window_end(&self, id: &str) -> Option<u32> {
        match id {
            "ioce" => self.ioce.as_ref()?.edit_window().map(|w| w.to.yyyymmdd()),
            _ => None,
        }
    }

    /// Where a table's data is current to a different date than its window's end (e.g. HCPCS:
    /// the January file answers the calendar year, the newest quarterly list is older).
    fn current_through(&self, id: &str) -> Option<u32> {
        let q = self.procedures.as_ref()?.quarters.as_ref()?;
        match id {
            "hcpcs" => Some(q.s.hcpcs_current_through),
            "cpt" => Some(q.s.cpt_current_through),
            _ => None,
        }
    }
}
