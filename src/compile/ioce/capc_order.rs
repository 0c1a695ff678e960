//! The comprehensive-APC rank (`data_capc`) as an order key. The I/OCE only compares the ranks
//! of a claim's J1 procedures within one version (lowest positive rank wins, ties keep the first
//! line), so any key that orders — and ties — the codes of every version exactly as the rank does
//! answers the same. The rank itself renumbers nearly every code each quarter (a code added shifts
//! all behind it); the key is one topological position per code over the longest run of versions
//! whose orders agree, so a code keeps one key for the whole run and the table has a row per
//! (code, run) instead of per (code, quarter).
use std::collections::{BTreeMap, BTreeSet};

/// Rank of each code, by version.
pub type Ranks = BTreeMap<u8, BTreeMap<String, u32>>;

/// `(code, version, key)` rows, keys ≥ 1, such that in every version of `ranks` two codes' keys
/// compare exactly as their ranks do.
pub fn order_keys(ranks: &Ranks) -> Vec<(String, u8, u32)> {
    let mut out = Vec::new();
    let mut span: Vec<u8> = Vec::new();
    let mut keys = BTreeMap::new();
    for &v in ranks.keys() {
        span.push(v);
        match span_keys(ranks, &span) {
            Some(k) => keys = k,
            None => {
                span.pop();
                emit(ranks, &span, &keys, &mut out);
                span = vec![v];
                keys = span_keys(ranks, &span).unwrap_or_default();
            }
        }
    }
    emit(ranks, &span, &keys, &mut out);
    out
}

fn emit(ranks: &Ranks, span: &[u8], keys: &BTreeMap<&str, u32>, out: &mut Vec<(String, u8, u32)>) {
    for v in span {
        for code in ranks[v].keys() {
            out.push((code.clone(), *v, keys[code.as_str()]));
        }
    }
}

/// One key per code of `span`'s versions ordering each version as its ranks do, or `None` when
/// their orders disagree (two codes swap, or tie in one version and not in another).
fn span_keys<'a>(ranks: &'a Ranks, span: &[u8]) -> Option<BTreeMap<&'a str, u32>> {
    // Codes tied in some version are one class.
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for v in span {
        for code in ranks[v].keys() {
            let n = index.len();
            index.entry(code).or_insert(n);
        }
    }
    let mut parent: Vec<usize> = (0..index.len()).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut sorted: Vec<Vec<(u32, usize)>> = Vec::new();
    for v in span {
        let mut by_rank: Vec<(u32, usize)> = ranks[v].iter().map(|(c, r)| (*r, index[c.as_str()])).collect();
        by_rank.sort_unstable();
        for w in by_rank.windows(2) {
            if w[0].0 == w[1].0 {
                let (a, b) = (root(&mut parent, w[0].1), root(&mut parent, w[1].1));
                parent[a] = b;
            }
        }
        sorted.push(by_rank);
    }
    // Each version's next higher rank comes after: edges between classes.
    let mut after: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); index.len()];
    let mut before = vec![0usize; index.len()];
    for by_rank in &sorted {
        for w in by_rank.windows(2) {
            if w[0].0 == w[1].0 {
                continue;
            }
            let (a, b) = (root(&mut parent, w[0].1), root(&mut parent, w[1].1));
            if a == b {
                return None;
            }
            if after[a].insert(b) {
                before[b] += 1;
            }
        }
    }
    let classes: Vec<usize> = (0..index.len()).filter(|&i| root(&mut parent, i) == i).collect();
    let mut ready: BTreeSet<usize> = classes.iter().copied().filter(|&c| before[c] == 0).collect();
    let mut key = vec![0u32; index.len()];
    let mut next = 0u32;
    while let Some(c) = ready.pop_first() {
        next += 1;
        key[c] = next;
        for &d in &after[c] {
            before[d] -= 1;
            if before[d] == 0 {
                ready.insert(d);
            }
        }
    }
    if next as usize != classes.len() {
        return None; // a cycle: some pair swaps order within the span
    }
    Some(index.iter().map(|(c, &i)| (*c, key[root(&mut parent, i)])).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranks(table: &[(u8, &[(&str, u32)])]) -> Ranks {
        table.iter().map(|(v, rows)| (*v, rows.iter().map(|(c, r)| (c.to_string(), *r)).collect())).collect()
    }

    fn key(rows: &[(String, u8, u32)], code: &str, v: u8) -> u32 {
        rows.iter().find(|r| r.0 == code && r.1 == v).map(|r| r.2).unwrap_or(0)
    }

    /// True when every version's codes compare by key exactly as by rank.
    fn agrees(ranks: &Ranks, rows: &[(String, u8, u32)]) -> bool {
        ranks.iter().all(|(v, m)| {
            m.iter().all(|(a, ra)| m.iter().all(|(b, rb)| ra.cmp(rb) == key(rows, a, *v).cmp(&key(rows, b, *v))))
        })
    }

    #[test]
    fn a_code_inserted_between_keeps_the_others_keys() {
        // Version 2 inserts C between A and B: the ranks of B renumber, the keys do not.
        let r = ranks(&[(1, &[("A", 1), ("B", 2)]), (2, &[("A", 1), ("C", 2), ("B", 3)])]);
        let rows = order_keys(&r);
        assert!(agrees(&r, &rows));
        assert_eq!(key(&rows, "B", 1), key(&rows, "B", 2));
    }

    #[test]
    fn a_swap_or_a_broken_tie_starts_a_new_run() {
        let r = ranks(&[(1, &[("A", 1), ("B", 2), ("C", 2)]), (2, &[("A", 2), ("B", 1), ("C", 1)]), (3, &[("A", 2), ("B", 1), ("C", 3)])]);
        let rows = order_keys(&r);
        assert!(agrees(&r, &rows));
        assert!(key(&rows, "A", 1) < key(&rows, "B", 1) && key(&rows, "A", 2) > key(&rows, "B", 2));
        assert_eq!(key(&rows, "B", 2), key(&rows, "C", 2));
        assert!(key(&rows, "B", 3) < key(&rows, "C", 3));
    }

    /// The real table, when the cache has it (`scripts/ioce_pyoce_tables.py`): every version
    /// orders every pair of its codes by key exactly as by rank, in fewer rows than the rank.
    #[test]
    fn orders_the_cached_table_as_its_ranks() {
        let dir = crate::compile::sources::default_cache_dir().join(super::super::pyoce_tables::CACHE_FOLDER);
        let Ok(t) = super::super::table::Tsv::read(&dir.join("data_capc.tsv.gz")) else {
            eprintln!("no {}: skipped", dir.display());
            return;
        };
        let (code, rank) = (t.col("hcpcs").unwrap(), t.col("rank").unwrap());
        let mut r = Ranks::new();
        for (n, row) in t.rows.iter().enumerate() {
            let (lo, hi) = t.range(row, n).unwrap();
            for v in lo..=hi {
                assert!(r.entry(v).or_default().insert(row[code].clone(), t.num(row, rank, n).unwrap()).is_none());
            }
        }
        let rows = order_keys(&r);
        let by: BTreeMap<(u8, &str), u32> = rows.iter().map(|(c, v, k)| ((*v, c.as_str()), *k)).collect();
        for (v, m) in &r {
            let mut codes: Vec<(&String, &u32)> = m.iter().collect();
            codes.sort_by_key(|(_, r)| **r);
            // Sorted by rank, neighbours compare alike; keys then order every pair alike.
            for w in codes.windows(2) {
                let (ka, kb) = (by[&(*v, w[0].0.as_str())], by[&(*v, w[1].0.as_str())]);
                assert_eq!(w[0].1.cmp(w[1].1), ka.cmp(&kb), "version {v}: {} {}", w[0].0, w[1].0);
            }
            assert_eq!(m.len(), rows.iter().filter(|x| x.1 == *v).count());
        }
    }
}
