//! Cleans what a person typed or pasted into a code field.
//!
//! Upper-cases, drops dots and spaces, and maps Unicode look-alikes (full-width forms,
//! Cyrillic and Greek capitals that render like Latin ones) to ASCII, remembering that it did
//! so, so the engine can say "converted look-alike characters" rather than silently accept.

/// Longest input the engine looks at; longer pastes are cut and reported, never scanned whole.
pub const MAX_INPUT_CHARS: usize = 64;

/// The cleaned code and what cleaning found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Normalized {
    /// Upper-case ASCII letters and digits only.
    pub text: String,
    /// A dot was typed (position in `text` where it stood).
    pub dot_at: Option<usize>,
    /// Look-alike characters were converted to ASCII.
    pub converted_lookalikes: bool,
    /// Characters that cannot be part of any code (first one kept for the message).
    pub bad_char: Option<char>,
    /// The input was longer than [`MAX_INPUT_CHARS`] characters.
    pub too_long: bool,
    /// A trailing "-" (the tabular wildcard) was typed.
    pub wildcard: bool,
}

/// Normalises one code field.
pub fn normalize_code(raw: &str) -> Normalized {
    plain_code(raw).unwrap_or_else(|| any_code(raw))
}

/// Only the text of [`normalize_code`], borrowed when the input is already normal (upper-case
/// ASCII letters and digits, short enough: most codes on a claim), else normalised.
pub fn normalized_text(raw: &str) -> std::borrow::Cow<'_, str> {
    let plain = raw.len() <= MAX_INPUT_CHARS && raw.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if plain {
        std::borrow::Cow::Borrowed(raw)
    } else {
        std::borrow::Cow::Owned(normalize_code(raw).text)
    }
}

/// `str::trim`, with the common case decided from two bytes: text that starts and ends with a
/// printable ASCII character (a code, a date: nearly every field of a claim) has nothing to
/// trim, and `str::trim`'s Unicode scan from both ends is a call the size-tuned wasm pays per field.
#[inline]
pub fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Any input, character by character.
fn any_code(raw: &str) -> Normalized {
    let mut n = Normalized { text: String::with_capacity(raw.len().min(MAX_INPUT_CHARS)), ..Normalized::default() };
    let mut count = 0usize;
    for ch in raw.chars() {
        count = count.saturating_add(1);
        if count > MAX_INPUT_CHARS {
            n.too_long = true;
            break;
        }
        if ch.is_whitespace() || ch == '\u{200b}' || ch == '\u{feff}' {
            continue;
        }
        let (c, converted) = ascii_of(ch);
        n.converted_lookalikes |= converted;
        match c {
            Some('.') => {
                if n.dot_at.is_none() {
                    n.dot_at = Some(n.text.len());
                } else if n.bad_char.is_none() {
                    n.bad_char = Some('.');
                }
            }
            Some('-') if !n.text.is_empty() => n.wildcard = true,
            Some(a) if a.is_ascii_alphanumeric() => {
                if n.wildcard && n.bad_char.is_none() {
                    n.bad_char = Some('-');
                }
                n.text.push(a.to_ascii_uppercase());
            }
            _ => {
                if n.bad_char.is_none() {
                    n.bad_char = Some(ch);
                }
            }
        }
    }
    n
}

/// The common case in one pass, no character pushed one at a time: ASCII letters and digits
/// with dots, short enough to keep whole (`J18.9`, `99214`). `None` for anything else.
fn plain_code(raw: &str) -> Option<Normalized> {
    let bytes = raw.as_bytes();
    if bytes.len() > MAX_INPUT_CHARS || !bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'.') {
        return None;
    }
    let mut text = raw.to_ascii_uppercase();
    let mut dot_at = None;
    let mut bad_char = None;
    // Every byte before the first dot is kept, so its index is its place in `text`.
    if let Some(first) = bytes.iter().position(|b| *b == b'.') {
        dot_at = Some(first);
        if bytes.iter().skip(first.saturating_add(1)).any(|b| *b == b'.') {
            bad_char = Some('.');
        }
        text.retain(|c| c != '.');
    }
    Some(Normalized { text, dot_at, bad_char, ..Normalized::default() })
}

/// ASCII equivalent of a character and whether it was a look-alike conversion.
fn ascii_of(ch: char) -> (Option<char>, bool) {
    if ch.is_ascii() {
        return (Some(ch), false);
    }
    let code = u32::from(ch);
    // Full-width ASCII block.
    if (0xFF01..=0xFF5E).contains(&code) {
        // U+FF01..=U+FF5E map to U+0021..=U+007E: subtract 0xFF01 - 0x21 = 0xFEE0.
        return (code.checked_sub(0xFEE0).and_then(char::from_u32), true);
    }
    let mapped = match ch {
        'А' | 'а' | 'Α' | 'α' => 'A',
        'В' | 'в' | 'Β' | 'β' => 'B',
        'С' | 'с' | 'Ϲ' => 'C',
        'Е' | 'е' | 'Ε' | 'ε' => 'E',
        'Н' | 'н' | 'Η' => 'H',
        'І' | 'і' | 'Ι' | 'ι' => 'I',
        'Ј' | 'ј' => 'J',
        'К' | 'к' | 'Κ' | 'κ' => 'K',
        'М' | 'м' | 'Μ' => 'M',
        'Ν' => 'N',
        'О' | 'о' | 'Ο' | 'ο' => 'O',
        'Р' | 'р' | 'Ρ' | 'ρ' => 'P',
        'Ѕ' | 'ѕ' => 'S',
        'Т' | 'т' | 'Τ' | 'τ' => 'T',
        'Х' | 'х' | 'Χ' | 'χ' => 'X',
        'У' | 'у' | 'Υ' => 'Y',
        'Ζ' => 'Z',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2024}' | '\u{FF0E}' | '\u{3002}' => '.',
        _ => return (None, false),
    };
    (Some(mapped), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_str_trim() {
        for s in ["", " ", "99214", " 99214", "99214 ", "\t2026-04-15\n", "\u{b}A", "A\u{c}", "\u{a0}J18.9", "J18.9\u{2003}", "\u{85}", "~x!", "é", "x\u{3000}y", "\u{200b}A"] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn normalized_text_is_the_text_of_normalize_code() {
        let long = "9".repeat(MAX_INPUT_CHARS + 1);
        for raw in ["99214", "J1100", "G0439", "j1100", "992 14", "J18.9", "", "Ј159", "99214-", "A0", "９９２１４", long.as_str()] {
            let text = normalized_text(raw);
            assert_eq!(text, normalize_code(raw).text, "{raw:?}");
            assert_eq!(matches!(text, std::borrow::Cow::Borrowed(_)), ["99214", "J1100", "G0439", "", "A0"].contains(&raw), "{raw:?}");
        }
    }

    #[test]
    fn cleans_what_people_type() {
        let n = normalize_code(" s72.001a ");
        assert_eq!((n.text.as_str(), n.dot_at, n.converted_lookalikes), ("S72001A", Some(3), false));
        let n = normalize_code("Ј15.9"); // Cyrillic Je
        assert_eq!(n.text, "J159");
        assert!(n.converted_lookalikes);
        assert_eq!(normalize_code("Ｋ３５．２").text, "K352");
        assert_eq!(normalize_code("K35.2-").wildcard, true);
        assert_eq!(normalize_code("J15<script>").bad_char, Some('<'));
        assert_eq!(normalize_code("J15\u{202e}9").bad_char, Some('\u{202e}'));
        assert!(normalize_code(&"A".repeat(1_000_000)).too_long);
        assert_eq!(normalize_code("").text, "");
    }

    #[test]
    fn plain_codes_clean_as_any_input_does() {
        let long = "a1".repeat(32);
        for raw in ["", "99214", "j18.9", "S72.001A", ".J18", "J18.", "J1..8", "1.2.3", "...", "zz", long.as_str()] {
            assert_eq!(plain_code(raw), Some(any_code(raw)), "{raw:?}");
        }
        for raw in [" J18.9", "J18-", "J18.9\u{0}", "Ј15.9", &format!("{long}X")] {
            assert_eq!(plain_code(raw), None, "{raw:?}");
        }
    }
}
