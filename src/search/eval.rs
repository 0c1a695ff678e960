//! Evaluates a parsed query over the index: plain documents, then 7th-character codes
//! through their parents.
use crate::blob::columns::CodeTable;
use super::bits::Bits;
use super::matching::{word_hits, WordHits};
use super::query::Query;
use super::rank::{is_common, key, TopK, TIER_TEXT};
use super::SearchIndex;
use crate::icd10cm::Icd10Cm;

/// What a candidate needs to be ranked and filtered.
pub struct Ctx<'q, 's, 'a> {
    pub ix: &'s SearchIndex<'a>,
    pub cm: Option<&'s Icd10Cm<'a>>,
    /// ICD-10-CM edition for the date of service (`None`: no ICD-10-CM results).
    pub edition: Option<usize>,
    pub icd_allowed: bool,
    /// Per group: included by the systems option.
    pub groups_allowed: Vec<bool>,
    pub billable_only: bool,
    pub query: &'q Query,
}

/// Per-word hits plus per-unit "matches anywhere" sets.
pub struct Matched {
    pub words: Vec<WordHits>,
    pub units: Vec<Bits>,
}

pub fn match_query(ctx: &Ctx<'_, '_, '_>) -> Matched {
    let n = ctx.ix.s.total_docs();
    let words: Vec<WordHits> = ctx.query.words.iter().map(|w| word_hits(&ctx.ix.s, w, n)).collect();
    let units = ctx
        .query
        .units
        .iter()
        .map(|u| {
            let mut any = Bits::new(n);
            for alt in &u.alts {
                let mut all: Option<Bits> = None;
                for &wi in alt {
                    let Some(h) = words.get(wi) else { continue };
                    match all.as_mut() {
                        None => all = Some(h.all.clone()),
                        Some(a) => a.and_with(&h.all),
                    }
                }
                if let Some(a) = all {
                    any.or_with(&a);
                }
            }
            any
        })
        .collect();
    Matched { words, units }
}

impl Matched {
    /// (matched counted words in descriptions, counted words matched only in extra text) for
    /// a document, or for a 7th-character code as its parent plus its 7th-character text.
    fn counts(&self, ctx: &Ctx<'_, '_, '_>, d: usize, ext: Option<usize>) -> (usize, usize) {
        let (mut title, mut only) = (0usize, 0usize);
        for (w, h) in ctx.query.words.iter().zip(&self.words) {
            if !w.counts() {
                continue;
            }
            let t = h.title.has(d) || ext.is_some_and(|p| h.title.has(p));
            let a = h.all.has(d) || ext.is_some_and(|p| h.all.has(p));
            if t {
                title = title.saturating_add(1);
            } else if a {
                only = only.saturating_add(1);
            }
        }
        (title, only)
    }
}

/// Ranking byte of a document: (words counted, default-code flag).
fn rank_byte(s: &super::section::SearchSection<'_>, d: usize) -> (usize, bool) {
    let b = s.word_counts.get(d).copied().unwrap_or(0);
    (usize::from(b & 0x7f), b & 0x80 != 0)
}

/// Collects the best text matches into `top` (document ids; 7th-character codes as their
/// ICD-10-CM position).
pub fn text_matches(ctx: &Ctx<'_, '_, '_>, m: &Matched, top: &mut TopK<usize>, skip: &[usize]) {
    let s = &ctx.ix.s;
    if m.units.is_empty() {
        return;
    }
    let n = s.total_docs();
    let mut all = m.units.first().cloned().unwrap_or_else(|| Bits::new(n));
    for u in m.units.iter().skip(1) {
        all.and_with(u);
    }
    let counted = ctx.query.words.iter().filter(|w| w.counts()).count();
    for d in all.ones(0, s.ext_first as usize) {
        // Skip before any lookup when even a billable, fully explained match would not place.
        let (wc, default) = rank_byte(s, d);
        let common = d < s.icd_docs as usize && ctx.cm.is_some_and(|cm| is_common(cm.code(d)));
        if key(TIER_TEXT, common, true, wc.saturating_sub(counted), 0, default, d) >= top.bar() || skip.contains(&d) {
            continue;
        }
        let Some(billable) = ctx.ix.doc_billable(ctx, d) else { continue };
        if ctx.billable_only && !billable {
            continue;
        }
        let (t, only) = m.counts(ctx, d, None);
        top.push(key(TIER_TEXT, common, billable, wc.saturating_sub(t), only, default, d), d);
    }
    extensions(ctx, m, top, skip);
}

/// 7th-character codes: the parent matches some units, the 7th-character text the rest.
///
/// Each 7th-character text satisfies a set of units (a bit mask); a parent is a candidate
/// only when it matches every unit outside one of those masks (and at least one unit). That
/// keeps a short query ("type 2 w/o c") from walking every parent that takes a 7th character.
fn extensions(ctx: &Ctx<'_, '_, '_>, m: &Matched, top: &mut TopK<usize>, skip: &[usize]) {
    let (Some(cm), Some(e), true) = (ctx.cm, ctx.edition, ctx.icd_allowed) else { return };
    let s = &ctx.ix.s;
    let icd = s.icd_docs as usize;
    let (ext_lo, ext_hi) = (s.ext_first as usize, s.total_docs());
    let units = m.units.len().min(super::query::MAX_UNITS);
    let full: u16 = (1u16 << units).wrapping_sub(1);
    let mask_of = |d: usize| -> u16 {
        m.units.iter().take(units).enumerate().filter(|(_, u)| u.has(d)).fold(0u16, |acc, (i, _)| acc | (1u16 << i))
    };
    let ext_masks: Vec<u16> = (ext_lo..ext_hi).map(mask_of).collect();
    let mut distinct: Vec<u16> = ext_masks.iter().copied().filter(|&x| x != 0).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut parents = Bits::new(s.total_docs());
    for &mask in &distinct {
        let mut need: Option<Bits> = None;
        for (i, u) in m.units.iter().take(units).enumerate() {
            if mask & (1u16 << i) == 0 {
                match need.as_mut() {
                    None => need = Some(u.clone()),
                    Some(n) => n.and_with(u),
                }
            }
        }
        match need {
            Some(n) => parents.or_with(&n),
            // This text alone satisfies the query: any parent may do.
            None => parents = Bits::all(s.total_docs()),
        }
    }
    // A parent must match some of the query itself: "initial encounter" alone does not
    // list every injury code.
    let mut any_unit = Bits::new(s.total_docs());
    for u in &m.units {
        any_unit.or_with(u);
    }
    parents.and_with(&any_unit);
    // Counted words some 7th-character text has in its own description: with the parent's
    // own, they bound how well any child of a parent can rank.
    let in_ext_titles: Vec<bool> = m.words.iter().map(|h| h.title.ones(ext_lo, ext_hi).next().is_some()).collect();
    let mut ext_doc_of: std::collections::HashMap<u32, Option<usize>> = std::collections::HashMap::new();
    for d in parents.ones(0, icd) {
        if !cm.needs_seventh(d) || !cm.exists(d, e) {
            continue;
        }
        let (wc, default) = rank_byte(s, d);
        let best_t = ctx
            .query
            .words
            .iter()
            .zip(&m.words)
            .zip(&in_ext_titles)
            .filter(|((w, h), &in_ext)| w.counts() && (in_ext || h.title.has(d)))
            .count();
        // Best key any child could reach; children ids follow the parent's.
        if key(TIER_TEXT, false, true, wc.saturating_sub(best_t), 0, default, d) >= top.bar() {
            continue;
        }
        let parent = cm.code(d);
        let parent_mask = mask_of(d);
        // Children follow their parent in code order.
        for c in (d.saturating_add(1)..cm.len()).take_while(|&c| cm.code(c).starts_with(parent)) {
            if !cm.is_extension(c) || !cm.exists(c, e) || skip.contains(&c) {
                continue;
            }
            let code = cm.code(c);
            if code.get(..6).unwrap_or(code).trim_end_matches('X') != parent {
                continue;
            }
            let Some(id) = cm.title_id(c, e) else { continue };
            let Some(p) = *ext_doc_of.entry(id).or_insert_with(|| ctx.ix.ext_doc(cm, id)) else { continue };
            let ext_mask = p.checked_sub(ext_lo).and_then(|i| ext_masks.get(i)).copied().unwrap_or(0);
            if parent_mask | ext_mask != full {
                continue;
            }
            let billable = cm.billable(c, e);
            if ctx.billable_only && !billable {
                continue;
            }
            let (t, only) = m.counts(ctx, d, Some(p));
            // The 7th-character text's own words are not held against it: children of one
            // parent tie and fall back to code order (initial encounter first).
            top.push(key(TIER_TEXT, false, billable, wc.saturating_sub(t), only, default, c), c);
        }
    }
}
