//! Highlight spans: character ranges of description words a query word matched.
use super::matching::WordHits;
use super::query::Query;
use super::text::tokens;

/// `[start, end)` character offsets in `description` of every matched word.
pub fn spans(description: &str, q: &Query, hits: &[WordHits]) -> Vec<[u32; 2]> {
    let mut out = Vec::new();
    for t in tokens(description) {
        let matched = q.words.iter().zip(hits).any(|(w, h)| {
            let term = t.term.as_str();
            (if w.exact { term == w.text } else { term.starts_with(w.text.as_str()) }) || h.typo_terms.iter().any(|x| x == term)
        });
        if matched {
            out.push([t.start, t.end]);
        }
    }
    out
}
