//! Search and autocomplete over every loaded code system: by code or code prefix, or by
//! words (any order, word prefixes, one typo, curated abbreviations), offline, per keystroke.
//!
//! The index is the `search` blob section ([`section`]): a front-coded term dictionary with
//! delta-varint posting lists, read in place. ICD-10-CM text is resolved through the
//! `icd10cm` section at query time, never stored twice.
mod abbrev;
mod bits;
mod codes;
pub mod dict;
mod eval;
mod matching;
pub mod query;
mod rank;
pub mod section;
mod spans;
pub mod text;

use crate::blob::columns::CodeTable;
use crate::blob::{Blob, BlobError};
use crate::date::Date;
use crate::engine::Engine;
use crate::icd10cm::{dotted, Icd10Cm};
use crate::system::System;
use eval::Ctx;
use rank::TopK;
use section::SearchSection;
use serde::Serialize;

/// Default number of results.
pub const DEFAULT_LIMIT: usize = 10;
/// Most results one call returns.
pub const MAX_LIMIT: usize = 100;

/// Read-in-place view of the `search` section.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct SearchIndex<'a> {
    pub s: SearchSection<'a>,
}

impl<'a> SearchIndex<'a> {
    /// Opens the sections; `Ok(None)` when the blob has none.
    pub fn open(blob: &Blob<'a>) -> Result<Option<SearchIndex<'a>>, BlobError> {
        Ok(SearchSection::open(blob)?.map(|s| SearchIndex { s }))
    }

    /// True when ICD-10-CM document ids line up with the `icd10cm` section.
    fn icd_ok(&self, cm: &Icd10Cm<'_>) -> bool {
        self.s.icd_docs as usize == cm.len()
    }

    /// Billable flag of a plain document, `None` when it is filtered out (system, edition).
    fn doc_billable(&self, ctx: &Ctx<'_, '_, 'a>, d: usize) -> Option<bool> {
        if d < self.s.icd_docs as usize {
            let (cm, e) = (ctx.cm?, ctx.edition?);
            if !ctx.icd_allowed || !cm.exists(d, e) || cm.is_extension(d) {
                return None;
            }
            return Some(cm.billable(d, e));
        }
        let (gi, g) = self.group_of(d)?;
        if !ctx.groups_allowed.get(gi).copied().unwrap_or(false) {
            return None;
        }
        let i = d.checked_sub(g.first_doc as usize)?;
        Some(g.billable.get(i).copied().unwrap_or(0) != 0)
    }

    fn group_of(&self, d: usize) -> Option<(usize, &section::DocGroup<'a>)> {
        self.s.groups.iter().enumerate().find(|(_, g)| d >= g.first_doc as usize && d < (g.first_doc as usize).saturating_add(g.codes.len()))
    }

    /// The pseudo-document of a 7th-character code's own text (its interned title `id`).
    fn ext_doc(&self, cm: &Icd10Cm<'_>, id: u32) -> Option<usize> {
        let own = cm.s.strings.get(id)?;
        let pool = &self.s.ext_titles;
        let (mut lo, mut hi) = (0usize, pool.len());
        while lo < hi {
            let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
            match pool.get(u32::try_from(mid).ok()?) {
                Some(t) if t < own => lo = mid.saturating_add(1),
                _ => hi = mid,
            }
        }
        (pool.get(u32::try_from(lo).ok()?)? == own).then(|| (self.s.ext_first as usize).saturating_add(lo))
    }
}

/// What to search and how much to return.
#[derive(Debug, Clone, Default)]
pub struct SearchOptions {
    /// Systems to search; empty means all loaded.
    pub systems: Vec<System>,
    /// Results wanted (0 means [`DEFAULT_LIMIT`]; capped at [`MAX_LIMIT`]).
    pub limit: usize,
    pub billable_only: bool,
    /// Date of service: picks the ICD-10-CM edition (`None`: the newest).
    pub on: Option<Date>,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub system: System,
    /// Dotted for ICD-10-CM.
    pub code: String,
    pub description: String,
    pub billable: bool,
    /// `[start, end)` character offsets of matched words in `description`, for highlighting.
    pub spans: Vec<[u32; 2]>,
}

/// Searches every loaded system. Never panics; a query is cut at 200 characters.
pub fn search(engine: &Engine<'_>, raw: &str, opts: &SearchOptions) -> Vec<SearchHit> {
    let Some(ix) = engine.search.as_ref() else { return Vec::new() };
    let raw = query::capped(raw);
    let q = query::parse(raw);
    let want = |s: System| opts.systems.is_empty() || opts.systems.contains(&s);
    let cm = engine.icd10cm.as_ref().filter(|cm| ix.icd_ok(cm));
    let edition = cm.and_then(|cm| match opts.on {
        None => Some(cm.latest()),
        Some(d) => cm.edition_for(d),
    });
    let ctx = Ctx {
        ix,
        cm,
        edition,
        icd_allowed: want(System::Icd10cm),
        groups_allowed: ix.s.groups.iter().map(|g| System::parse(g.system).is_some_and(want)).collect(),
        billable_only: opts.billable_only,
        query: &q,
    };
    let limit = if opts.limit == 0 { DEFAULT_LIMIT } else { opts.limit.min(MAX_LIMIT) };
    let mut top = TopK::new(limit);
    if let Some(code) = codes::as_code(raw) {
        codes::code_matches(&ctx, &code, &mut top, limit);
    }
    let coded: Vec<usize> = top.items.iter().map(|x| x.1).collect();
    let m = eval::match_query(&ctx);
    eval::text_matches(&ctx, &m, &mut top, &coded);
    top.items.iter().filter_map(|&(_, d)| hit(engine, &ctx, &m, d)).collect()
}

/// The description of a group document: the code's long description in its system's section.
fn group_text(engine: &Engine<'_>, system: System, code: &str) -> Option<String> {
    let table = match system {
        System::Hcpcs => crate::procedure::Table::Codes,
        System::Modifier => crate::procedure::Table::Modifiers,
        _ => return None,
    };
    let hcpcs = engine.procedures.as_ref()?.hcpcs.as_ref()?;
    Some(hcpcs.long(table, hcpcs.find(table, code)?)?.to_owned())
}

fn hit(engine: &Engine<'_>, ctx: &Ctx<'_, '_, '_>, m: &eval::Matched, d: usize) -> Option<SearchHit> {
    let s = &ctx.ix.s;
    let (system, code, description, billable) = if d < s.icd_docs as usize {
        let (cm, e) = (ctx.cm?, ctx.edition?);
        (System::Icd10cm, dotted(cm.code(d)), cm.description(d, e)?, cm.billable(d, e))
    } else {
        let (_, g) = ctx.ix.group_of(d)?;
        let i = d.checked_sub(g.first_doc as usize)?;
        let system = System::parse(g.system)?;
        let code = g.codes.key_str(i)?;
        (system, code.to_owned(), group_text(engine, system, code)?, g.billable.get(i).copied().unwrap_or(0) != 0)
    };
    let spans = spans::spans(&description, ctx.query, &m.words);
    Some(SearchHit { system, code, description, billable, spans })
}
