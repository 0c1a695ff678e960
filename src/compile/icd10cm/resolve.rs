//! Turns what a note names ([`Reading`]) into the codes of one edition. Ranges run in
//! Tabular order ("D37-D44" does not take in D3A, which the Tabular List puts before D37;
//! "C43-C4A" is C43 and C4A only), and a qualifier keeps only the codes it describes.
use super::model::Edition;
use super::qualifier::{At, Qualifier};
use super::refs::{Reading, RefGroup, Written};
use std::collections::BTreeSet;
use std::ops::Range;

/// One edition's codes in sorted and in Tabular order.
pub struct Outline<'e> {
    sorted: Vec<&'e str>,
    extension: Vec<bool>,
    titles: Vec<&'e str>,
    /// Position in Tabular order, per sorted index.
    tab_pos: Vec<usize>,
    /// Sorted index, per position in Tabular order.
    by_tab: Vec<usize>,
}

impl<'e> Outline<'e> {
    pub fn new(ed: &'e Edition) -> Outline<'e> {
        let sorted: Vec<&str> = ed.codes.iter().map(|c| c.code.as_str()).collect();
        let mut by_tab: Vec<usize> = ed.tabular_order.iter().filter_map(|c| sorted.binary_search(&c.as_str()).ok()).collect();
        let mut seen = vec![false; sorted.len()];
        by_tab.retain(|&i| !std::mem::replace(&mut seen[i], true));
        if by_tab.is_empty() {
            // No Tabular order at all (an order file): sorted order.
            by_tab = (0..sorted.len()).collect();
        } else {
            // Codes the order does not list (added by an addenda) follow the code sorted
            // just before them.
            for i in (0..sorted.len()).filter(|&i| !seen[i]) {
                let at = i.checked_sub(1).and_then(|p| by_tab.iter().position(|&x| x == p)).map_or(0, |p| p + 1);
                by_tab.insert(at, i);
            }
        }
        let mut tab_pos = vec![0; sorted.len()];
        for (p, &i) in by_tab.iter().enumerate() {
            tab_pos[i] = p;
        }
        // A code added by an addenda is not marked as a 7th-character extension; its header
        // needing a 7th character says it is one.
        let needs_seventh: std::collections::HashSet<&str> = ed.codes.iter().filter(|c| c.needs_seventh).map(|c| c.code.as_str()).collect();
        let extension = ed
            .codes
            .iter()
            .map(|c| c.extension || (c.code.len() == 7 && c.code.get(..6).is_some_and(|b| needs_seventh.contains(b.trim_end_matches('X')))))
            .collect();
        Outline {
            extension,
            titles: ed.codes.iter().map(|c| c.title.as_str()).collect(),
            sorted,
            tab_pos,
            by_tab,
        }
    }

    pub fn code(&self, i: usize) -> &'e str {
        self.sorted[i]
    }

    /// Sorted indices of the code and everything under it (codes starting with `prefix`).
    fn subtree(&self, prefix: &str) -> Range<usize> {
        let start = self.sorted.partition_point(|c| *c < prefix);
        let end = start + self.sorted[start..].partition_point(|c| c.starts_with(prefix));
        start..end
    }

    /// Sorted indices from `lo` to `hi` and everything under `hi`, in Tabular order.
    fn span(&self, w: &Written) -> Result<Vec<usize>, String> {
        let (lo, hi) = (self.subtree(&w.lo), self.subtree(&w.hi));
        let missing = |c: &str| format!("{} is not a code of this edition", crate::icd10cm::dotted(c));
        let first = lo.clone().map(|i| self.tab_pos[i]).min().ok_or_else(|| missing(&w.lo))?;
        let last = hi.clone().map(|i| self.tab_pos[i]).max().ok_or_else(|| missing(&w.hi))?;
        if first > last {
            return Err(format!("range {}-{} runs backwards in Tabular order", w.lo, w.hi));
        }
        Ok(self.by_tab[first..=last].to_vec())
    }

    /// Sorted indices of a whole block or chapter (first to last category, Tabular order),
    /// or of its adverse-effect codes only.
    pub fn scope(&self, first: &str, last: &str, adverse_effects: bool) -> Result<Vec<usize>, String> {
        let items = vec![Written { lo: first.to_owned(), hi: last.to_owned() }];
        let qualifier = adverse_effects.then(|| Qualifier::Chars { at: At::Intent, values: vec![("5".into(), "5".into())] });
        self.group(&RefGroup { items, qualifier })
    }

    /// The codes a reading names in this edition.
    pub fn resolve(&self, reading: &Reading) -> Result<BTreeSet<&'e str>, String> {
        if let Some(why) = &reading.unread {
            return Err(why.clone());
        }
        let mut out = BTreeSet::new();
        for g in &reading.groups {
            out.extend(self.group(g)?.into_iter().map(|i| self.sorted[i]));
        }
        Ok(out)
    }

    fn group(&self, g: &RefGroup) -> Result<Vec<usize>, String> {
        let mut named = Vec::new();
        for w in &g.items {
            named.extend(self.span(w)?);
        }
        let Some(q) = &g.qualifier else { return Ok(named) };
        // Billable (leaf) codes the qualifier describes, then any header all of whose
        // codes it describes.
        let set: BTreeSet<usize> = named.iter().copied().collect();
        let leaf = |i: usize| !self.sorted.get(i + 1).is_some_and(|n| n.starts_with(self.sorted[i]));
        let chosen: BTreeSet<usize> = set.iter().copied().filter(|&i| leaf(i) && self.describes(q, i)).collect();
        let out: Vec<usize> = set
            .iter()
            .copied()
            .filter(|&i| chosen.contains(&i) || (!leaf(i) && self.subtree(self.sorted[i]).filter(|&j| leaf(j)).all(|j| chosen.contains(&j))))
            .collect();
        if out.is_empty() {
            return Err("the qualifier leaves no code".into());
        }
        Ok(out)
    }

    fn describes(&self, q: &Qualifier, i: usize) -> bool {
        let code = self.sorted[i];
        let ext = self.extension[i];
        match q {
            Qualifier::OpenFracture => ext && self.titles[i].to_ascii_lowercase().contains("open fracture"),
            Qualifier::Chars { at, values } => {
                let base = if ext { code.get(..6).unwrap_or(code) } else { code };
                let width = values.first().map_or(0, |v| v.0.len());
                let part = match *at {
                    At::Index(s) => code.get(s..s + width),
                    At::Final(s) => base.get(s..).filter(|p| p.len() == width),
                    At::Intent => base.len().checked_sub(width).filter(|&s| s >= 4).and_then(|s| base.get(s..)),
                };
                part.is_some_and(|p| values.iter().any(|(lo, hi)| lo.as_str() <= p && p <= hi.as_str()))
            }
        }
    }
}
