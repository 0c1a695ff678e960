//! JSON text into the claim's [`Json`] tree, for the wasm face: a JS claim crosses into wasm
//! as one `JSON.stringify` string, far cheaper than a property-by-property walk.
//!
//! The tree is the one [`Json`]'s serde reader builds (same nesting cap, same truncation of
//! long arrays and objects). One difference from a strict parser: a `\uD800`-style escape of
//! a lone surrogate (which `JSON.stringify` writes for a JS string holding one) becomes
//! U+FFFD, as the browser's own string-to-UTF-8 conversion does, instead of failing the claim.
use super::json::{Json, MAX_DEPTH, MAX_ITEMS};
use std::borrow::Cow;

/// Parses JSON text; an error names what was wrong and the byte offset.
pub fn parse_json_text(text: &str) -> Result<Json<'_>, String> {
    let mut p = Parser { text, pos: 0, items: Vec::new(), members: Vec::new() };
    p.skip_ws();
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos < text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'t> {
    text: &'t str,
    pos: usize,
    /// Values of the arrays being read, innermost last: each array takes its own off the top
    /// in one exact-size allocation instead of growing a vector item by item.
    items: Vec<Json<'t>>,
    /// Members of the objects being read, the same way.
    members: Vec<(Cow<'t, str>, Json<'t>)>,
}

impl<'t> Parser<'t> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }
    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos = self.pos.saturating_add(1);
        Some(b)
    }
    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.pos)
    }
    fn skip_ws(&mut self) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or(&[]);
        let n = rest.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')).count();
        self.pos = self.pos.saturating_add(n);
    }
    fn expect_word(&mut self, word: &str, v: Json<'t>) -> Result<Json<'t>, String> {
        if self.text.get(self.pos..).is_some_and(|rest| rest.starts_with(word)) {
            self.pos = self.pos.saturating_add(word.len());
            Ok(v)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'t>, String> {
        if depth > MAX_DEPTH {
            return Err(format!("nested deeper than {MAX_DEPTH} levels"));
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.expect_word("true", Json::Bool(true)),
            Some(b'f') => self.expect_word("false", Json::Bool(false)),
            Some(b'n') => self.expect_word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a JSON value")),
            None => Err(self.error("unexpected end of JSON")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json<'t>, String> {
        self.pos = self.pos.saturating_add(1);
        let start = self.items.len();
        let mut total = 0usize;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos = self.pos.saturating_add(1);
            return Ok(Json::Arr(Vec::new()));
        }
        loop {
            self.skip_ws();
            let v = self.value(depth.saturating_add(1))?;
            total = total.saturating_add(1);
            if self.items.len().saturating_sub(start) < MAX_ITEMS {
                self.items.push(v);
            }
            self.skip_ws();
            match self.bump() {
                Some(b',') => continue,
                Some(b']') => break,
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
        let out = self.items.split_off(start);
        Ok(if total > out.len() { Json::Truncated(Box::new(Json::Arr(out)), total) } else { Json::Arr(out) })
    }

    fn object(&mut self, depth: usize) -> Result<Json<'t>, String> {
        self.pos = self.pos.saturating_add(1);
        let start = self.members.len();
        let mut total = 0usize;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos = self.pos.saturating_add(1);
            return Ok(Json::Obj(Vec::new()));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name"));
            }
            let k = self.string()?;
            self.skip_ws();
            if self.bump() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            self.skip_ws();
            let v = self.value(depth.saturating_add(1))?;
            total = total.saturating_add(1);
            if self.members.len().saturating_sub(start) < MAX_ITEMS {
                self.members.push((k, v));
            }
            self.skip_ws();
            match self.bump() {
                Some(b',') => continue,
                Some(b'}') => break,
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
        let out = self.members.split_off(start);
        Ok(if total > out.len() { Json::Truncated(Box::new(Json::Obj(out)), total) } else { Json::Obj(out) })
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

    fn number(&mut self) -> Result<Json<'t>, String> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
            self.pos = self.pos.saturating_add(1);
        }
        let s = self.text.get(start..self.pos).unwrap_or("");
        s.parse::<f64>().map(Json::Num).map_err(|_| self.error("bad number"))
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
