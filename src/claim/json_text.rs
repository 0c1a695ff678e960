//! The claim's JSON text, read in one pass: as a [`Source`] the claim reader pulls values
//! from (the wasm face's claims: no tree is built), or into a [`Json`] tree (the wasm face's
//! other inputs). One tokenizer serves both. A JS value crosses into wasm as one
//! `JSON.stringify` string, far cheaper than a property-by-property walk.
//!
//! Both keep the [`Json`] serde reader's rules (same nesting cap, same truncation of long
//! arrays and objects). One difference from a strict parser: a `\uD800`-style escape of a
//! lone surrogate (which `JSON.stringify` writes for a JS string holding one) becomes U+FFFD,
//! as the browser's own string-to-UTF-8 conversion does, instead of failing the input.
use super::json::{Json, MAX_DEPTH, MAX_ITEMS};
use super::source::{Head, Source};
use std::borrow::Cow;

/// Parses JSON text into a tree; an error names what was wrong and the byte offset.
pub fn parse_json_text(text: &str) -> Result<Json<'_>, String> {
    let mut p = Parser::new(text);
    let v = tree(&mut p)?;
    p.finish()?;
    Ok(v)
}

fn tree<'t>(p: &mut Parser<'t>) -> Result<Json<'t>, String> {
    let mut total = 0usize;
    Ok(match p.head()? {
        Head::Null => Json::Null,
        Head::Bool(b) => Json::Bool(b),
        Head::Num(n) => Json::Num(n),
        Head::Str(s) => Json::Str(s),
        Head::Arr => {
            let mut out = Vec::new();
            while p.next_item()? {
                let v = tree(p)?;
                total = total.saturating_add(1);
                if out.len() < MAX_ITEMS {
                    out.push(v);
                }
            }
            if total > out.len() { Json::Truncated(Box::new(Json::Arr(out)), total) } else { Json::Arr(out) }
        }
        Head::Obj => {
            let mut out = Vec::new();
            while let Some(k) = p.next_key()? {
                let v = tree(p)?;
                total = total.saturating_add(1);
                if out.len() < MAX_ITEMS {
                    out.push((k, v));
                }
            }
            if total > out.len() { Json::Truncated(Box::new(Json::Obj(out)), total) } else { Json::Obj(out) }
        }
    })
}

/// JSON text as a [`Source`]. After the reader is done, [`TextSource::finish`] gives the
/// first error (malformed text, or text after the value).
pub struct TextSource<'t> {
    p: Parser<'t>,
    error: Option<String>,
}

impl<'t> TextSource<'t> {
    pub fn new(text: &'t str) -> TextSource<'t> {
        TextSource { p: Parser::new(text), error: None }
    }

    /// `Ok` when the whole text was one well-formed value and all of it was read.
    pub fn finish(self) -> Result<(), String> {
        match self.error {
            Some(e) => Err(e),
            None => self.p.finish(),
        }
    }

    fn or_fail<T>(&mut self, r: Result<T, String>, failed: T) -> T {
        r.unwrap_or_else(|e| {
            self.error = Some(e);
            failed
        })
    }
}

impl<'t> Source<'t> for TextSource<'t> {
    fn head(&mut self) -> Head<'t> {
        if self.error.is_some() {
            return Head::Null;
        }
        let r = self.p.head();
        self.or_fail(r, Head::Null)
    }
    fn next_item(&mut self) -> bool {
        if self.error.is_some() {
            return false;
        }
        let r = self.p.next_item();
        self.or_fail(r, false)
    }
    fn next_key(&mut self) -> Option<Cow<'t, str>> {
        if self.error.is_some() {
            return None;
        }
        let r = self.p.next_key();
        self.or_fail(r, None)
    }
    fn leave(&mut self) -> usize {
        if self.error.is_some() {
            return 0;
        }
        let r = self.p.leave();
        self.or_fail(r, 0)
    }
    fn dropped(&self) -> usize {
        0
    }
}

/// An open array or object.
#[derive(Clone, Copy)]
struct Open {
    object: bool,
    /// Its first item or member has been asked for.
    started: bool,
}

struct Parser<'t> {
    text: &'t str,
    pos: usize,
    /// The arrays and objects the position is inside, innermost last.
    open: Vec<Open>,
}

impl<'t> Parser<'t> {
    fn new(text: &'t str) -> Parser<'t> {
        Parser { text, pos: 0, open: Vec::new() }
    }
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }
    #[inline(always)]
    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos = self.pos.saturating_add(1);
        Some(b)
    }
    /// What went wrong and where, as an editor shows it: line and column (in characters), 1-based.
    fn error(&self, what: &str) -> String {
        let before = self.text.as_bytes().get(..self.pos).unwrap_or(self.text.as_bytes());
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i.saturating_add(1));
        let line = before.iter().filter(|b| **b == b'\n').count().saturating_add(1);
        // Characters, not bytes: count the bytes that start one.
        let column = before.get(line_start..).unwrap_or(&[]).iter().filter(|b| (**b & 0xC0) != 0x80).count().saturating_add(1);
        format!("{what} at line {line} column {column}")
    }
    #[inline(always)]
    fn skip_ws(&mut self) {
        // `JSON.stringify` writes none: one byte decides.
        if !matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            return;
        }
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or(&[]);
        let n = rest.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
        self.pos = self.pos.saturating_add(n);
    }
    fn expect_word(&mut self, word: &str, v: Head<'t>) -> Result<Head<'t>, String> {
        if self.text.get(self.pos..).is_some_and(|rest| rest.starts_with(word)) {
            self.pos = self.pos.saturating_add(word.len());
            Ok(v)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    /// Nothing but whitespace after the root value.
    fn finish(mut self) -> Result<(), String> {
        self.skip_ws();
        if self.pos < self.text.len() {
            return Err(self.error("trailing characters"));
        }
        Ok(())
    }

    /// The next value: a scalar whole, or an array or object opened.
    fn head(&mut self) -> Result<Head<'t>, String> {
        if self.open.len() > MAX_DEPTH {
            return Err(format!("nested deeper than {MAX_DEPTH} levels"));
        }
        self.skip_ws();
        match self.peek() {
            Some(c @ (b'{' | b'[')) => {
                self.pos = self.pos.saturating_add(1);
                let object = c == b'{';
                self.open.push(Open { object, started: false });
                Ok(if object { Head::Obj } else { Head::Arr })
            }
            Some(b'"') => self.string().map(Head::Str),
            Some(b't') => self.expect_word("true", Head::Bool(true)),
            Some(b'f') => self.expect_word("false", Head::Bool(false)),
            Some(b'n') => self.expect_word("null", Head::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a JSON value")),
            None => Err(self.error("unexpected end of JSON")),
        }
    }

    /// Whether the innermost open array has another item; its end closes it.
    fn next_item(&mut self) -> Result<bool, String> {
        let Some(top) = self.open.last_mut().filter(|o| !o.object) else { return Ok(false) };
        let first = !top.started;
        top.started = true;
        self.skip_ws();
        if first {
            if self.peek() != Some(b']') {
                return Ok(true);
            }
            self.pos = self.pos.saturating_add(1);
            self.open.pop();
            return Ok(false);
        }
        match self.bump() {
            Some(b',') => Ok(true),
            Some(b']') => {
                self.open.pop();
                Ok(false)
            }
            _ => Err(self.error("expected `,` or `]`")),
        }
    }

    /// The next member name of the innermost open object; its end closes it.
    fn next_key(&mut self) -> Result<Option<Cow<'t, str>>, String> {
        let Some(top) = self.open.last_mut().filter(|o| o.object) else { return Ok(None) };
        let first = !top.started;
        top.started = true;
        self.skip_ws();
        if first {
            if self.peek() == Some(b'}') {
                self.pos = self.pos.saturating_add(1);
                self.open.pop();
                return Ok(None);
            }
        } else {
            match self.bump() {
                Some(b',') => {}
                Some(b'}') => {
                    self.open.pop();
                    return Ok(None);
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
        self.skip_ws();
        if self.peek() != Some(b'"') {
            return Err(self.error("expected a member name"));
        }
        let k = self.string()?;
        self.skip_ws();
        if self.bump() != Some(b':') {
            return Err(self.error("expected `:`"));
        }
        Ok(Some(k))
    }

    /// Reads past the rest of the innermost open array or object (checking it as it goes):
    /// how many items or members it had left.
    fn leave(&mut self) -> Result<usize, String> {
        let depth = self.open.len();
        let mut left = 0usize;
        while self.open.len() >= depth && depth > 0 {
            let object = self.open.last().is_some_and(|o| o.object);
            let more = if object { self.next_key()?.is_some() } else { self.next_item()? };
            if more {
                if self.open.len() == depth {
                    left = left.saturating_add(1);
                }
                // A nested array or object opens here and is read by this loop.
                self.head()?;
            }
        }
        Ok(left)
    }

    /// A string at the opening quote; escapes decoded. Text without escapes (nearly all of a
    /// claim) is borrowed, not copied.
    fn string(&mut self) -> Result<Cow<'t, str>, String> {
        self.pos = self.pos.saturating_add(1);
        let mut out: Option<String> = None;
        loop {
            let start = self.pos;
            let text = self.text;
            let rest = text.as_bytes().get(start..).unwrap_or(&[]);
            let run = rest.iter().position(|&b| b == b'"' || b == b'\\').unwrap_or(rest.len());
            self.pos = start.saturating_add(run);
            // Quotes and backslashes are ASCII, so both ends are character boundaries.
            let piece = text.get(start..self.pos).ok_or_else(|| self.error("bad string"))?;
            match self.bump() {
                Some(b'"') => {
                    return Ok(match out {
                        None => Cow::Borrowed(piece),
                        Some(mut s) => {
                            s.push_str(piece);
                            Cow::Owned(s)
                        }
                    })
                }
                Some(b'\\') => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(piece);
                    self.escape(s)?;
                }
                _ => return Err(self.error("unterminated string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), String> {
        let c = match self.bump() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode_escape()?,
            _ => return Err(self.error("bad escape")),
        };
        out.push(c);
        Ok(())
    }

    /// The character after `\u`: a surrogate pair joined; a lone surrogate is U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let unit = self.hex4()?;
        if (0xD800..0xDC00).contains(&unit) && self.text.get(self.pos..).is_some_and(|r| r.starts_with("\\u")) {
            let save = self.pos;
            self.pos = self.pos.saturating_add(2);
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let high = unit.saturating_sub(0xD800);
                let code = 0x10000u32.saturating_add(high << 10).saturating_add(low.saturating_sub(0xDC00));
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            // Not a low surrogate: the high one stands alone; the next escape is read again.
            self.pos = save;
        }
        Ok(char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.pos..self.pos.saturating_add(4)).ok_or_else(|| self.error("short \\u escape"))?;
        let v = u32::from_str_radix(digits, 16).map_err(|_| self.error("bad \\u escape"))?;
        self.pos = self.pos.saturating_add(4);
        Ok(v)
    }

    fn number(&mut self) -> Result<Head<'t>, String> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
            self.pos = self.pos.saturating_add(1);
        }
        let s = self.text.get(start..self.pos).unwrap_or("");
        // Digits only, at most 15 (units, charges, most numbers): exact in an f64 digit by
        // digit, as `parse` reads them, without its general float reader.
        if !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
            let n = s.bytes().fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d.saturating_sub(b'0'))));
            return Ok(Head::Num(n as f64));
        }
        s.parse::<f64>().map(Head::Num).map_err(|_| self.error("bad number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde(text: &str) {
        let serde: Json = serde_json::from_str(text).expect("valid JSON");
        assert_eq!(parse_json_text(text), Ok(serde), "{text}");
    }

    #[test]
    fn whole_numbers_read_as_the_float_parser_reads_them() {
        for n in ["0", "7", "007", "100", "149", "999999999999999", "1000000000000000", "9007199254740993", "12345678901234567890", "-1", "1.5", "1e3"] {
            assert_eq!(parse_json_text(n), Ok(Json::Num(n.parse::<f64>().expect("a number"))), "{n}");
        }
    }

    #[test]
    fn agrees_with_serde_json_on_claims() {
        same_as_serde(r#"{"claimType":"professional","patient":{"sex":"F","age":40},"diagnoses":[{"code":"J18.9"}],"lines":[{"code":"99214","units":1.5,"charge":-2e3,"modifiers":["25"],"x":null,"y":true,"z":false}]}"#);
        same_as_serde(r#" [ 1 , "a\"b\\c\/d\n\t\u00e9\ud83e\udd12" , {} , [] ] "#);
        same_as_serde("\"J15.9 \u{1F912}\u{202E}\"");
        same_as_serde("0");
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(parse_json_text(r#""J15\ud800""#), Ok(Json::Str("J15\u{FFFD}".into())));
        assert_eq!(parse_json_text(r#""\udc00x\ud800\u0041""#), Ok(Json::Str("\u{FFFD}x\u{FFFD}A".into())));
    }

    #[test]
    fn caps_nesting_and_truncates_long_lists() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 2), "]".repeat(MAX_DEPTH + 2));
        assert!(parse_json_text(&deep).is_err_and(|e| e.contains("nested deeper")));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse_json_text(&ok).is_ok());
        let long = format!("[{}]", vec!["1"; MAX_ITEMS + 5].join(","));
        match parse_json_text(&long) {
            Ok(Json::Truncated(inner, n)) => {
                assert_eq!(n, MAX_ITEMS + 5);
                assert!(matches!(*inner, Json::Arr(ref v) if v.len() == MAX_ITEMS));
            }
            other => panic!("not truncated: {other:?}"),
        }
    }

    #[test]
    fn rejects_malformed_text() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "\"abc", "tru", "1 2", "\"\\x\"", "\"\\u12\"", "{1:2}", "-"] {
            assert!(parse_json_text(bad).is_err(), "{bad:?}");
        }
    }
}
