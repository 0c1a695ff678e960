//! A diagnosis's facts from the claim tables that depend on its code alone (its rows in the
//! MCE diagnosis table, its POA exemption), looked up once per code and remembered in the
//! ICD-10-CM row memo ([`Icd10Cm::row_facts`]): most codes recur across a batch's claims.
use super::data::ClaimData;
use crate::date::Date;
use crate::icd10cm::Icd10Cm;
use core::ops::Range;

/// True where facts are remembered (native builds, see [`Icd10Cm::row_facts`]).
pub(crate) const REMEMBERED: bool = cfg!(not(target_arch = "wasm32"));

/// The MCE rows are known: the first in the low 32 bits, how many in the next 8.
const MCE_KNOWN: u64 = 1 << 63;
const MCE_COUNT_SHIFT: u32 = 32;
/// The POA exemption is known, and its value.
const POA_KNOWN: u64 = 1 << 62;
const POA_EXEMPT: u64 = 1 << 61;

/// Where a diagnosis's facts are remembered: its code's row in the ICD-10-CM table of the
/// engine whose claim data is asked (the claim check takes both from one engine).
#[derive(Clone, Copy)]
pub(crate) struct Memo<'c, 'a> {
    pub cm: &'c Icd10Cm<'a>,
    pub row: usize,
}

/// The memo of a code found at `row` of `cm`.
pub(crate) fn memo<'c, 'a>(cm: Option<&'c Icd10Cm<'a>>, row: Option<usize>) -> Option<Memo<'c, 'a>> {
    Some(Memo { cm: cm?, row: row? })
}

/// [`ClaimData::mce_flags`], the code's rows remembered.
pub(crate) fn mce_flags(data: &ClaimData<'_>, memo: Option<Memo<'_, '_>>, code: &str, on: Date) -> Option<u32> {
    data.mce_flags_in(mce_rows(data, memo, code), on)
}

fn mce_rows(data: &ClaimData<'_>, memo: Option<Memo<'_, '_>>, code: &str) -> Range<usize> {
    let Some(m) = memo else { return data.mce_row_range(code) };
    let facts = m.cm.row_facts(m.row);
    if facts & MCE_KNOWN != 0 {
        let start = usize::try_from(facts & 0xFFFF_FFFF).unwrap_or(0);
        let count = usize::from(u8::try_from((facts >> MCE_COUNT_SHIFT) & 0xFF).unwrap_or(0));
        return start..start.saturating_add(count);
    }
    let rows = data.mce_row_range(code);
    // A code with more rows than the word holds is looked up every time.
    if let (Ok(start), Ok(count)) = (u32::try_from(rows.start), u8::try_from(rows.len())) {
        m.cm.remember_row_facts(m.row, MCE_KNOWN | u64::from(start) | (u64::from(count) << MCE_COUNT_SHIFT));
    }
    rows
}

/// [`ClaimData::poa_exempt`], remembered.
pub(crate) fn poa_exempt(data: &ClaimData<'_>, memo: Option<Memo<'_, '_>>, code: &str) -> bool {
    let Some(m) = memo else { return data.poa_exempt(code) };
    let facts = m.cm.row_facts(m.row);
    if facts & POA_KNOWN != 0 {
        return facts & POA_EXEMPT != 0;
    }
    let exempt = data.poa_exempt(code);
    m.cm.remember_row_facts(m.row, POA_KNOWN | if exempt { POA_EXEMPT } else { 0 });
    exempt
}
