//! Ranking keys and a bounded best-first list.
//!
//! Order: exact code, code prefix, then description matches — common conditions
//! (`common.tsv`) first, billable before headers
//! (unless the description leaves many words unexplained),
//! fewer unmatched description words, fewer words matched only in extra text,
//! "unspecified" default codes, code order.

/// Match tiers, best first.
pub const TIER_EXACT: u64 = 0;
pub const TIER_PREFIX: u64 = 1;
pub const TIER_TEXT: u64 = 2;

/// Unexplained words beyond which a match ranks after every closer one, billable or not.
const FAR_EXTRA: u64 = 6;

const COMMON: &str = include_str!("common.tsv");

/// True when an ICD-10-CM code (undotted, as stored) is in the common-conditions list.
pub fn is_common(code: &str) -> bool {
    COMMON
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .any(|c| c.bytes().filter(|&b| b != b'.').eq(code.bytes()))
}

/// Packs a ranking key; smaller is better.
#[allow(clippy::too_many_arguments)]
pub fn key(tier: u64, common: bool, billable: bool, extra_words: usize, extra_only: usize, default_code: bool, doc: usize) -> u64 {
    let uncommon = u64::from(!common);
    let nb = u64::from(!billable);
    let extra = extra_words.min(255) as u64;
    let only = extra_only.min(15) as u64;
    let specific = u64::from(!default_code);
    let doc = (doc as u64) & 0xFFFF_FFFF;
    // A long description with many unexplained words is rarely the one meant: it sinks below
    // headers instead of outranking them for being billable.
    let far = u64::from(extra > FAR_EXTRA);
    (tier << 61) | (far << 60) | (uncommon << 59) | (nb << 58) | (extra << 50) | (only << 46) | (specific << 45) | doc
}

/// The best `limit` (key, item) pairs seen, kept sorted.
#[derive(Debug)]
pub struct TopK<T> {
    limit: usize,
    pub items: Vec<(u64, T)>,
}

impl<T> TopK<T> {
    pub fn new(limit: usize) -> TopK<T> {
        TopK { limit, items: Vec::with_capacity(limit.saturating_add(1)) }
    }
    /// Worst key kept once full (anything not smaller is skipped).
    pub fn bar(&self) -> u64 {
        if self.items.len() < self.limit {
            u64::MAX
        } else {
            self.items.last().map_or(u64::MAX, |x| x.0)
        }
    }
    pub fn push(&mut self, k: u64, item: T) {
        if self.limit == 0 || k >= self.bar() {
            return;
        }
        let at = self.items.partition_point(|x| x.0 <= k);
        self.items.insert(at, (k, item));
        self.items.truncate(self.limit);
    }
}
