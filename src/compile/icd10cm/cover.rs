//! Stores a set of codes as few prefix ranges ([`NoteRef`]) as the sorted code table allows:
//! each run of consecutive member codes becomes one range, its ends cut to the shortest
//! prefixes that still keep the neighbours out. Every range is checked to cover exactly its
//! run, so the stored references never name a code the note does not.
use crate::icd10cm::NoteRef;
use std::collections::BTreeSet;

/// Ranges covering exactly `members` among `table` (sorted, all codes of all editions).
/// Members missing from the table are an error.
pub fn cover(table: &[&str], members: &BTreeSet<&str>) -> Result<Vec<NoteRef>, String> {
    if let Some(m) = members.iter().find(|m| table.binary_search(m).is_err()) {
        return Err(format!("{m} is not in the code table"));
    }
    let mut out = Vec::new();
    // Member positions in the table, in order; consecutive positions form one run.
    let pos: Vec<usize> = members.iter().filter_map(|m| table.binary_search(m).ok()).collect();
    let mut k = 0;
    while k < pos.len() {
        let start = pos[k];
        while k + 1 < pos.len() && pos[k + 1] == pos[k] + 1 {
            k += 1;
        }
        let i = pos[k] + 1;
        k += 1;
        let (first, last) = (table[start], table[i - 1]);
        let lo = match start.checked_sub(1) {
            Some(p) => cut(first, table[p]),
            None => first.get(..3).unwrap_or(first).to_owned(),
        };
        let hi = match table.get(i) {
            Some(next) => cut(last, next),
            None => last.get(..3).unwrap_or(last).to_owned(),
        };
        // Exact: every code the range matches lies in the run. A single prefix ("K35.2-")
        // reads best, so it is tried first.
        let exact = |r: &NoteRef| {
            let from = table.partition_point(|c| *c < r.lo.as_str());
            let matched = table[from..].iter().take_while(|c| r.matches(c) || **c <= last).filter(|c| r.matches(c)).count();
            matched == i - start && table[start..i].iter().all(|c| r.matches(c))
        };
        let single = NoteRef { lo: lo.clone(), hi: lo.clone() };
        let r = if exact(&single) { single } else { NoteRef { lo, hi } };
        if !exact(&r) {
            return Err(format!("cannot store {first}..{last} as one range"));
        }
        out.push(r);
    }
    Ok(out)
}

/// The shortest prefix of `code` (at least a category) that differs from `neighbour`.
fn cut(code: &str, neighbour: &str) -> String {
    let common = code.bytes().zip(neighbour.bytes()).take_while(|(a, b)| a == b).count();
    let n = (common + 1).max(3).min(code.len());
    code.get(..n).unwrap_or(code).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: &str, hi: &str) -> NoteRef {
        NoteRef { lo: lo.into(), hi: hi.into() }
    }

    #[test]
    fn runs_become_short_ranges() {
        let table = ["D36", "D369", "D37", "D370", "D39", "D3A", "D3A0", "D40", "D44", "D449", "D45"];
        let set = |v: &[&'static str]| v.iter().copied().collect::<BTreeSet<&str>>();
        // D37-D44 in Tabular order leaves D3A out: two ranges.
        let got = cover(&table, &set(&["D37", "D370", "D39", "D40", "D44", "D449"])).unwrap();
        assert_eq!(got, vec![r("D37", "D39"), r("D40", "D44")]);
        assert_eq!(cover(&table, &set(&["D3A", "D3A0"])).unwrap(), vec![r("D3A", "D3A")]);
        // A leaf inside a header that is not named keeps its full code.
        assert_eq!(cover(&table, &set(&["D370"])).unwrap(), vec![r("D370", "D370")]);
    }
}
