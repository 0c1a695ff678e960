//! The curated abbreviation table (`abbreviations.tsv`), read at query time.
//!
//! The table is tiny (under 100 lines), so a linear scan per query word costs less than
//! building any structure, and the file stays the single documented source.

const TABLE: &str = include_str!("abbreviations.tsv");

fn rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|l| l.split_once('\t'))
}

/// Alternatives for a normalised query word, if it is in the table.
pub fn expand(word: &str) -> Option<Vec<Vec<&'static str>>> {
    let (_, alts) = rows().find(|(k, _)| *k == word && !k.contains('/'))?;
    Some(alts.split('|').map(|a| a.split_whitespace().collect()).collect())
}

/// True for a connecting word the table drops (`w` in "DM2 w CKD").
pub fn is_connector(word: &str) -> bool {
    rows().any(|(k, v)| k == word && v.trim() == "-")
}

/// Rewrites slash abbreviations (`w/o`, `w/`) in lower-cased raw text before splitting words.
pub fn rewrite_slashes(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    for (i, chunk) in lower.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut chunk = chunk;
        // The longest key the chunk starts with, so `w/o` wins over `w/` (the first in table
        // order among equally long ones).
        let key = rows().filter(|(k, _)| k.contains('/') && chunk.starts_with(k)).min_by_key(|(k, _)| core::cmp::Reverse(k.len()));
        if let Some((k, alts)) = key {
            let first = alts.split('|').next().unwrap_or("").trim().trim_start_matches('=');
            out.push_str(first);
            chunk = chunk.get(k.len()..).unwrap_or("");
            if !chunk.is_empty() {
                out.push(' ');
            }
        }
        out.push_str(chunk);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_reads() {
        assert_eq!(expand("htn"), Some(vec![vec!["hypertension"]]));
        assert_eq!(expand("chf").map(|a| a.len()), Some(2));
        assert_eq!(rewrite_slashes("fx w/o displacement w/fever"), "fx without displacement with fever");
        assert!(rows().all(|(k, v)| !k.is_empty() && !v.trim().is_empty()));
        assert!(is_connector("w") && !is_connector("htn"));
    }
}
