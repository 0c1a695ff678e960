//! Packs the two PTP tables into the `ptp` section (layout in `crate::ptp::section`).
use super::model::{EditRow, RawTable};
use crate::blob::columns::{build, FixedKeys, U16Col, U32Col};
use crate::ptp::section::{PtpSection, TableSection, BLOCK_ROWS, WIDTH};
use crate::ptp::varint;
use std::collections::{BTreeSet, HashMap};

/// Owned bytes of one encoded table.
pub struct TableBytes {
    pub vintage: String,
    pub release: u32,
    pub effective_unknown: bool,
    pub history_start: u32,
    pub column_one: Vec<u8>,
    pub group_block: Vec<u8>,
    pub block_offset: Vec<u8>,
    pub rows: Vec<u8>,
}

/// Owned bytes of the whole section.
pub struct SectionBytes {
    pub codes: Vec<u8>,
    pub dates: Vec<u8>,
    pub attr_effective: Vec<u8>,
    pub attr_deletion: Vec<u8>,
    pub attr_meta: Vec<u8>,
    pub rationales: Vec<String>,
    pub practitioner: Option<TableBytes>,
    pub outpatient: Option<TableBytes>,
}

impl SectionBytes {
    /// Borrows the bytes as the serialisable section.
    pub fn section(&self) -> PtpSection<'_> {
        fn table(t: &TableBytes) -> TableSection<'_> {
            TableSection {
            vintage: &t.vintage,
            release: t.release,
            effective_unknown: t.effective_unknown,
            history_start: t.history_start,
            column_one: U16Col(&t.column_one),
            group_block: U32Col(&t.group_block),
            block_offset: U32Col(&t.block_offset),
            rows: &t.rows,
        }
        }
        PtpSection {
            codes: FixedKeys { width: WIDTH, bytes: &self.codes },
            dates: U32Col(&self.dates),
            attr_effective: U16Col(&self.attr_effective),
            attr_deletion: U16Col(&self.attr_deletion),
            attr_meta: &self.attr_meta,
            rationales: self.rationales.iter().map(String::as_str).collect(),
            practitioner: self.practitioner.as_ref().map(table),
            outpatient: self.outpatient.as_ref().map(table),
        }
    }
}

type Attr = (u16, u16, u8);

/// Encodes both tables (either may be absent). `vintage(t)` names a table for findings.
pub fn encode(practitioner: Option<&RawTable>, outpatient: Option<&RawTable>, rationales: &[String], vintage: impl Fn(&RawTable) -> String) -> SectionBytes {
    let tables: Vec<&RawTable> = practitioner.into_iter().chain(outpatient).collect();
    let codes: Vec<[u8; 5]> = tables
        .iter()
        .flat_map(|t| t.rows.iter().flat_map(|r| [r.column_one, r.column_two]))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(codes.len() < usize::from(u16::MAX), "more than 65,535 PTP codes");
    let code_id: HashMap<[u8; 5], u16> = codes.iter().enumerate().map(|(i, c)| (*c, i as u16)).collect();
    let mut dates: Vec<u32> = tables.iter().flat_map(|t| t.rows.iter().flat_map(|r| [r.effective, r.deletion])).chain([0]).collect::<BTreeSet<_>>().into_iter().collect();
    dates.dedup();
    assert!(dates.len() < usize::from(u16::MAX), "too many distinct PTP dates");
    let date_id: HashMap<u32, u16> = dates.iter().enumerate().map(|(i, d)| (*d, i as u16)).collect();
    let attr_of = |r: &EditRow| -> Attr {
        let ind = match r.indicator {
            0 => 0,
            1 => 1,
            _ => 2,
        };
        (date_id[&r.effective], date_id[&r.deletion], ind | (r.rationale << 2))
    };
    // Attribute tuples, most frequent first, so common rows need a one-byte index.
    let mut freq: HashMap<Attr, u64> = HashMap::new();
    for t in &tables {
        for r in &t.rows {
            *freq.entry(attr_of(r)).or_default() += 1;
        }
    }
    let mut attrs: Vec<(Attr, u64)> = freq.into_iter().collect();
    attrs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let attr_id: HashMap<Attr, u32> = attrs.iter().enumerate().map(|(i, (a, _))| (*a, i as u32)).collect();
    let encode_table = |t: &RawTable| {
        let mut rows: Vec<(u16, u16, u32)> = t.rows.iter().map(|r| (code_id[&r.column_one], code_id[&r.column_two], attr_id[&attr_of(r)])).collect();
        rows.sort_unstable();
        encode_rows(&rows, vintage(t), t)
    };
    SectionBytes {
        codes: build::fixed_keys(&codes, WIDTH),
        dates: build::u32s(dates.iter().copied()),
        attr_effective: build::u16s(attrs.iter().map(|(a, _)| a.0)),
        attr_deletion: build::u16s(attrs.iter().map(|(a, _)| a.1)),
        attr_meta: attrs.iter().map(|(a, _)| a.2).collect(),
        rationales: rationales.to_vec(),
        practitioner: practitioner.map(encode_table),
        outpatient: outpatient.map(encode_table),
    }
}

/// Groups sorted `(column one, column two, attr)` rows and varint-codes them in blocks.
fn encode_rows(rows: &[(u16, u16, u32)], vintage: String, t: &RawTable) -> TableBytes {
    let mut column_one = Vec::new();
    let mut group_block = Vec::new();
    let mut block_offset = Vec::new();
    let mut out = Vec::with_capacity(rows.len() * 2);
    let mut i = 0;
    while i < rows.len() {
        let c1 = rows[i].0;
        column_one.push(c1);
        group_block.push(block_offset.len() as u32);
        let mut in_block = usize::MAX;
        let (mut prev_c2, mut prev_attr) = (0u16, u32::MAX);
        while i < rows.len() && rows[i].0 == c1 {
            let (_, c2, attr) = rows[i];
            if in_block == usize::MAX || (in_block >= BLOCK_ROWS && c2 != prev_c2) {
                block_offset.push(out.len() as u32);
                in_block = 0;
                prev_c2 = 0;
                prev_attr = u32::MAX;
            }
            let explicit = attr != prev_attr;
            varint::write(&mut out, (u32::from(c2 - prev_c2) << 1) | u32::from(explicit));
            if explicit {
                varint::write(&mut out, attr);
            }
            prev_c2 = c2;
            prev_attr = attr;
            in_block += 1;
            i += 1;
        }
    }
    group_block.push(block_offset.len() as u32);
    block_offset.push(out.len() as u32);
    TableBytes {
        vintage,
        release: t.release,
        effective_unknown: t.effective_unknown,
        history_start: t.history_start,
        column_one: build::u16s(column_one),
        group_block: build::u32s(group_block),
        block_offset: build::u32s(block_offset),
        rows: out,
    }
}
