//! Any query through the search index of the real blob. The first byte sets the options
//! (systems, limit, billable only, date); results stay within the limit and their highlight
//! spans within their descriptions.
#![no_main]
use claimlint::search::{search, SearchOptions};
use claimlint::{Date, System};
use claimlint_fuzz::real_engine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(engine) = real_engine() else { return };
    let (selector, rest) = data.split_first().unwrap_or((&0, &[]));
    let query = String::from_utf8_lossy(rest);
    let s = usize::from(*selector);
    let systems = match s % 4 {
        0 => Vec::new(),
        1 => vec![System::Icd10cm],
        2 => vec![System::Hcpcs, System::Modifier],
        _ => vec![System::ALL[(s / 4) % System::ALL.len()]],
    };
    let limit = [0, 1, 10, 50][(s / 16) % 4];
    let on = if s & 0x40 != 0 { Date::parse("2025-03-01") } else { None };
    let opts = SearchOptions { systems, limit, billable_only: s & 0x80 != 0, on };
    let hits = search(engine.get(), &query, &opts);
    assert!(hits.len() <= if limit == 0 { claimlint::search::DEFAULT_LIMIT } else { limit });
    for h in &hits {
        let chars = h.description.chars().count() as u32;
        for &[start, end] in &h.spans {
            assert!(start < end && end <= chars, "span {start}..{end} outside a {chars}-character description");
        }
    }
});
