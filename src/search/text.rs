//! Word normalisation shared by the index builder and the query side, so both see the
//! same terms: lower-case ASCII, diacritics folded, possessive `'s` dropped, light plural
//! stemming. Spans are reported in characters of the original description.

/// Words too common to index or to require in a query ("fracture of femur" = "femur fracture").
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "be", "by", "due", "for", "from", "in", "into", "is", "its", "of", "on", "or", "the", "to",
    "than",
];

/// Counted as an extra word when ranking, but too common to be worth indexing.
const UNINDEXED: &[&str] = &["other"];

/// Indexed, but not counted when ranking "fewer extra words": qualifiers every chapter repeats.
const GENERIC: &[&str] = &["unspecified", "specified", "not", "elsewhere", "classified", "site", "nos", "nec", "with", "without", "type"];

pub fn is_stopword(term: &str) -> bool {
    STOPWORDS.contains(&term)
}

/// Worth a posting list (and worth requiring when typed).
pub fn indexed(term: &str) -> bool {
    !is_stopword(term) && !UNINDEXED.contains(&term)
}

pub fn is_generic(term: &str) -> bool {
    GENERIC.contains(&term)
}

/// Lower-cases text as far as [`tokens`] can tell: ASCII letters, and the few other characters
/// whose lower case [`fold`] reads as a letter (the Latin-1 capitals it folds itself). The
/// same tokens as `str::to_lowercase`, without carrying Unicode's case tables into the wasm.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{178}' => out.push('ÿ'),
            '\u{1E9E}' => out.push('ß'),
            '\u{212A}' => out.push('k'),
            '\u{212B}' => out.push('å'),
            // Capital I with dot above: `i` and a combining dot (one more character, as Unicode).
            '\u{130}' => out.push_str("i\u{307}"),
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// Folds a character to lower-case ASCII; `None` for separators.
fn fold(c: char) -> Option<&'static str> {
    const ASCII: [&str; 36] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
        "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    if c.is_ascii_digit() {
        return ASCII.get(usize::from(c as u8).checked_sub(usize::from(b'0'))?).copied();
    }
    if c.is_ascii_alphabetic() {
        let l = c.to_ascii_lowercase() as u8;
        return ASCII.get(usize::from(l).checked_sub(usize::from(b'a'))?.checked_add(10)?).copied();
    }
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        _ => return None,
    })
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Light stemming: plural `s`/`ies` only, never on `ss`, `us`, `is`, `as`, `os`, `ys`.
pub fn stem(word: &mut String) {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        word.truncate(n.saturating_sub(3));
        word.push('y');
    } else if n > 3 && word.ends_with('s') && !["ss", "us", "is", "as", "os", "ys"].iter().any(|e| word.ends_with(e)) {
        word.truncate(n.saturating_sub(1));
    }
}

/// One word of a text: its normalised term and where it stood (character offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub start: u32,
    pub end: u32,
}

/// Splits text into normalised words (stopwords included; callers decide).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0u32;
    let mut pos = 0u32;
    let mut last_end = 0u32;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(f) = fold(c) {
            if cur.is_empty() {
                start = pos;
            }
            cur.push_str(f);
            last_end = pos.saturating_add(1);
        } else if is_apostrophe(c) && !cur.is_empty() && chars.peek().is_some_and(|n| fold(*n).is_some()) {
            // "Crohn's" -> "crohn"; "o'clock" keeps the letters joined.
            let next_is_s = chars.peek().is_some_and(|n| *n == 's' || *n == 'S');
            if next_is_s {
                chars.next();
                pos = pos.saturating_add(1);
                last_end = pos.saturating_add(1);
            }
        } else if !cur.is_empty() {
            push(&mut out, &mut cur, start, last_end);
        }
        pos = pos.saturating_add(1);
    }
    if !cur.is_empty() {
        push(&mut out, &mut cur, start, last_end);
    }
    out
}

fn push(out: &mut Vec<Token>, cur: &mut String, start: u32, end: u32) {
    let mut term = core::mem::take(cur);
    stem(&mut term);
    out.push(Token { term, start, end });
}

/// Words counted for ranking: not stopwords, not generic qualifiers.
pub fn counts(term: &str) -> bool {
    !is_stopword(term) && !is_generic(term)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn folds_and_stems() {
        assert_eq!(terms("Ménière's diseases"), ["meniere", "disease"]);
        assert_eq!(terms("Crohn's, injuries; abscess"), ["crohn", "injury", "abscess"]);
        assert_eq!(terms("Type 2 diabetes mellitus"), ["type", "2", "diabete", "mellitus"]);
        let t = tokens("Essential (primary) hypertension");
        assert_eq!((t[2].start, t[2].end), (20, 32));
    }

    #[test]
    fn lowercase_gives_the_tokens_of_unicode_lower_case() {
        // Every character, alone and between letters: the same terms and spans.
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("A{c}B {c}s"), format!("X{c}")] {
                assert_eq!(tokens(&lowercase(&text)), tokens(&text.to_lowercase()), "U+{:04X}", u32::from(c));
            }
        }
    }
}
