//! A claim result as JSON text, written directly: the one writer of claim results as text on
//! every face (wasm, the CLI's JSON lines, Python's `check_claims_json`). Its bytes are what
//! `serde_json::to_string` writes for [`ClaimResult`] (field order, omitted empty fields,
//! escapes), which the tests keep as the oracle; the serde derive remains for Python's dicts.
//! A result is mostly long finding messages: plain text is copied eight bytes at a time.
use super::result::ClaimResult;
use crate::finding::{Finding, Severity, Suggestion};
use core::fmt::Write;

impl ClaimResult {
    /// The result as JSON text, byte for byte what `serde_json::to_string(self)` gives.
    pub fn to_json(&self) -> String {
        let size = |v: &[Finding]| v.iter().map(|f| f.message.len().saturating_add(f.source.len()).saturating_add(160)).sum::<usize>();
        let mut w = Writer { out: String::with_capacity(size(&self.findings).saturating_add(size(&self.input_errors)).saturating_add(64)), scratch: String::new() };
        w.out.push('{');
        if let Some(id) = &self.id {
            w.key("id");
            w.str(id);
            w.out.push(',');
        }
        if let Some(p) = &self.payer_pack {
            w.key("payerPack");
            w.str(p);
            w.out.push(',');
        }
        w.key("findings");
        w.findings(&self.findings);
        w.out.push(',');
        w.key("inputErrors");
        w.findings(&self.input_errors);
        w.out.push('}');
        w.out
    }
}

struct Writer {
    out: String,
    /// A location's pointer text before it is escaped, reused across findings.
    scratch: String,
}

impl Writer {
    fn key(&mut self, k: &str) {
        self.out.push('"');
        self.out.push_str(k);
        self.out.push_str("\":");
    }

    fn str(&mut self, s: &str) {
        write_json_str(&mut self.out, s);
    }

    fn findings(&mut self, v: &[Finding]) {
        self.out.push('[');
        for (i, f) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.finding(f);
        }
        self.out.push(']');
    }

    fn finding(&mut self, f: &Finding) {
        self.out.push_str("{\"rule\":");
        self.str(&f.rule);
        self.out.push_str(match f.severity {
            Severity::Info => ",\"severity\":\"info\",\"message\":",
            Severity::Warning => ",\"severity\":\"warning\",\"message\":",
            Severity::Error => ",\"severity\":\"error\",\"message\":",
        });
        self.str(&f.message);
        if !f.suggestions.is_empty() {
            self.out.push_str(",\"suggestions\":[");
            for (i, s) in f.suggestions.iter().enumerate() {
                if i > 0 {
                    self.out.push(',');
                }
                self.suggestion(s);
            }
            self.out.push(']');
        }
        self.out.push_str(",\"source\":");
        self.str(&f.source);
        if let Some(v) = &f.vintage {
            self.out.push_str(",\"vintage\":");
            self.str(v);
        }
        if let Some(loc) = &f.location {
            self.scratch.clear();
            // Writing to a String cannot fail.
            let _ = write!(self.scratch, "{loc}");
            self.out.push_str(",\"location\":");
            write_json_str(&mut self.out, &self.scratch);
        }
        self.out.push('}');
    }

    fn suggestion(&mut self, s: &Suggestion) {
        self.out.push_str("{\"code\":");
        self.str(&s.code);
        if let Some(d) = &s.description {
            self.out.push_str(",\"description\":");
            self.str(d);
        }
        self.out.push('}');
    }
}

/// Appends `s` as a JSON string literal, escaped as serde_json escapes: `"` and `\`, the
/// short forms `\b \f \n \r \t`, other control characters as `\u00xx`; nothing else.
pub fn write_json_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut from = 0usize;
    loop {
        let at = next_escape(bytes, from);
        // Escaped bytes are ASCII, so both ends of the run are character boundaries.
        out.push_str(s.get(from..at).unwrap_or(""));
        let Some(&b) = bytes.get(at) else { break };
        push_escape(out, b);
        from = at.saturating_add(1);
    }
    out.push('"');
}

/// The index of the first byte from `from` that needs an escape (or the length).
fn next_escape(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(word) = bytes.get(i..i.saturating_add(8)).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        if word_needs_escape(u64::from_ne_bytes(word)) {
            break;
        }
        i = i.saturating_add(8);
    }
    let rest = bytes.get(i..).unwrap_or(&[]);
    i.saturating_add(rest.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\').unwrap_or(rest.len()))
}

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
const SPACES: u64 = u64::from_ne_bytes([0x20; 8]);
const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);

/// Whether any of eight bytes is below 0x20, a quote or a backslash (exact for "any"; the
/// borrow trick may misplace which byte, so the caller finds it byte by byte).
fn word_needs_escape(w: u64) -> bool {
    let below = |x: u64, n: u64| x.wrapping_sub(n) & !x & HIGHS;
    (below(w, SPACES) | below(w ^ QUOTES, ONES) | below(w ^ BACKSLASHES, ONES)) != 0
}

fn push_escape(out: &mut String, b: u8) {
    match b {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
            out.push(char::from(HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0')));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Location;

    fn serde_str(s: &str) -> String {
        serde_json::to_string(s).expect("a string serialises")
    }

    #[test]
    fn escapes_as_serde_json_does() {
        let mut every_ascii: String = (0u8..0x80).map(char::from).collect();
        every_ascii.push_str("é — 😷 \u{2028}\u{7f}");
        let cases = [
            "",
            "a",
            "plain ASCII text longer than eight bytes",
            "\"",
            "x\\y",
            "tab\there, newline\nthen \u{1}\u{1f}",
            "12345678\"12345678\\",
            "1234567\u{0}",
            every_ascii.as_str(),
        ];
        for s in cases {
            let mut out = String::new();
            write_json_str(&mut out, s);
            assert_eq!(out, serde_str(s), "{s:?}");
        }
        // Every byte value at every position of an eight-byte word.
        for b in (0u8..0x80).map(char::from) {
            for pos in 0..9 {
                let s: String = "abcdefghijkl".chars().take(pos).chain([b]).chain("mnopqrstu".chars()).collect();
                let mut out = String::new();
                write_json_str(&mut out, &s);
                assert_eq!(out, serde_str(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn results_are_serde_json_bytes() {
        let f = Finding::new("PTP-NCCI", Severity::Error, "99214 and \"36415\" are\nbundled".into(), "CMS NCCI", Some("2026Q1".into()));
        let results = [
            ClaimResult::default(),
            ClaimResult {
                id: Some("c/1".into()),
                payer_pack: Some("medicare".into()),
                findings: vec![
                    f.clone().at(Location::parse("/lines/3/modifiers/0")),
                    f.clone().with_suggestions(vec![
                        Suggestion { code: "J18.9".into(), description: Some("Pneumonia, unspecified organism".into()) },
                        Suggestion { code: "J15.9".into(), description: None },
                    ]),
                ],
                input_errors: vec![Finding::new("CLAIM-FIELD", Severity::Warning, "unknown field `x~y`".into(), "claimlint", None).at(Location::parse("/x~0y"))],
            },
        ];
        for r in results {
            assert_eq!(r.to_json(), serde_json::to_string(&r).expect("serialises"));
        }
    }
}
