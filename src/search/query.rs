//! Turns typed text into query units: each unit is satisfied by any of its alternatives,
//! an alternative by all of its words (abbreviations expand into alternatives).
use super::abbrev;
use super::text::{indexed, is_generic, tokens};

/// Longest query looked at, in characters; longer pastes are cut, never scanned whole.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most units a query keeps.
pub const MAX_UNITS: usize = 8;
/// Most distinct words across all units.
pub const MAX_WORDS: usize = 16;

/// A word to match against the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    /// Whole-term match only (otherwise a word prefix).
    pub exact: bool,
}

impl Word {
    /// Counts toward "fewer extra words" ranking.
    pub fn counts(&self) -> bool {
        !is_generic(&self.text)
    }
}

/// Alternatives as indices into [`Query::words`].
#[derive(Debug, Clone, Default)]
pub struct Unit {
    pub alts: Vec<Vec<usize>>,
}

#[derive(Debug, Clone, Default)]
pub struct Query {
    pub words: Vec<Word>,
    pub units: Vec<Unit>,
}

impl Query {
    fn word(&mut self, text: &str) -> Option<usize> {
        let (exact, text) = match text.strip_prefix('=') {
            Some(t) => (true, t),
            None => (false, text),
        };
        if let Some(i) = self.words.iter().position(|w| w.text == text && w.exact == exact) {
            return Some(i);
        }
        if self.words.len() >= MAX_WORDS {
            return None;
        }
        self.words.push(Word { text: text.to_owned(), exact });
        Some(self.words.len().saturating_sub(1))
    }
}

/// The first `MAX_QUERY_CHARS` characters of `raw`.
pub fn capped(raw: &str) -> &str {
    match raw.char_indices().nth(MAX_QUERY_CHARS) {
        Some((i, _)) => raw.get(..i).unwrap_or(raw),
        None => raw,
    }
}

/// Parses a (capped) query into units.
pub fn parse(raw: &str) -> Query {
    let lower = abbrev::rewrite_slashes(&super::text::lowercase(capped(raw)));
    let toks = tokens(&lower);
    let all_stop = toks.iter().all(|t| !indexed(&t.term));
    let last = toks.len().saturating_sub(1);
    let mut q = Query::default();
    for (k, t) in toks.into_iter().enumerate() {
        if q.units.len() >= MAX_UNITS {
            break;
        }
        if (!all_stop && !indexed(&t.term)) || abbrev::is_connector(&t.term) {
            continue;
        }
        let mut unit = Unit::default();
        match abbrev::expand(&t.term) {
            Some(alts) => {
                for alt in alts {
                    // Table words go through the same normalisation as descriptions.
                    let mut ids = Vec::new();
                    for w in alt {
                        let (eq, body) = if let Some(b) = w.strip_prefix('=') { ("=", b) } else { ("", w) };
                        for tok in tokens(body) {
                            if let Some(i) = q.word(&format!("{eq}{}", tok.term)) {
                                ids.push(i);
                            }
                        }
                    }
                    if !ids.is_empty() {
                        unit.alts.push(ids);
                    }
                }
            }
            None => {
                // A single letter or digit before the last word is whole ("vitamin d deficiency").
                let whole = k < last && t.term.len() == 1;
                let text = if whole { format!("={}", t.term) } else { t.term };
                if let Some(i) = q.word(&text) {
                    unit.alts.push(vec![i]);
                }
            }
        }
        if !unit.alts.is_empty() {
            q.units.push(unit);
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_abbreviations_and_stopwords() {
        let q = parse("Fracture of the R femur w/o displacement");
        let texts: Vec<&str> = q.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["fracture", "right", "r", "femur", "without", "displacement"]);
        assert_eq!(q.units.len(), 5);
        assert_eq!(q.units[1].alts.len(), 2);
        let long = "a".repeat(1_000_000);
        assert!(parse(&long).units.len() <= 1);
    }
}
