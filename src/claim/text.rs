//! [`Text`]: a claim's short text field (a code, a date, a pointer, a place of service). A
//! claim read from its JSON text keeps its fields as ranges of one shared copy of that text:
//! reading a 50-line claim no longer allocates (and frees) a heap string per field, and a
//! field reads back as a `&str` without being checked again. It reads as a `&str` (`Deref`,
//! `as_str`), compares with `str`, `&str` and `String`, and (de)serialises as a JSON string,
//! so code written for `String` fields reads it unchanged; `.into()` makes one from a `&str`
//! or a `String`.
use core::{borrow::Borrow, cmp::Ordering, fmt, hash::Hash, ops::Deref};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// A short text: a `'static` one, or a range of a shared text.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Static(&'static str),
    /// Bytes `start..end` of the text (character boundaries: cut from a `&str` of it).
    Shared(Arc<str>, u32, u32),
}

impl Text {
    /// An empty text.
    pub const fn new() -> Text {
        Text(Repr::Static(""))
    }
    /// A text that lives as long as the program (no copy).
    pub const fn from_static(s: &'static str) -> Text {
        Text(Repr::Static(s))
    }
    /// Bytes `range` of `shared`, or `None` when they are not a `&str` of it.
    pub fn slice(shared: &Arc<str>, range: core::ops::Range<usize>) -> Option<Text> {
        shared.get(range.clone())?;
        Text::range(shared, range)
    }
    /// As [`Text::slice`] for a range the caller found to be a `&str` of a text equal to `shared`.
    pub(crate) fn range(shared: &Arc<str>, range: core::ops::Range<usize>) -> Option<Text> {
        Some(Text(Repr::Shared(Arc::clone(shared), u32::try_from(range.start).ok()?, u32::try_from(range.end).ok()?)))
    }
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(s) => s,
            // A range of a `str`: only its two ends are looked at, not its characters.
            Repr::Shared(t, a, b) => t.get(*a as usize..*b as usize).unwrap_or(""),
        }
    }
    /// The text as a `String`.
    pub fn into_string(self) -> String {
        self.as_str().to_owned()
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::new()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        if s.is_empty() {
            return Text::new();
        }
        let len = s.len();
        Text::slice(&Arc::from(s), 0..len).unwrap_or_default()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::from(s.as_str())
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::from(s.as_str())
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.into_string()
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_the_text_it_was_made_from() {
        let shared: Arc<str> = Arc::from("J18.9 \u{1F912}");
        let cut = Text::slice(&shared, 6..10);
        assert_eq!(cut.as_deref(), Some("\u{1F912}"));
        assert!(Text::slice(&shared, 6..8).is_none() && Text::slice(&shared, 0..11).is_none());
        for s in ["", "A", "99214", "2026-04-15", "J18.9 \u{1F912}\u{202E}", &"x".repeat(64)] {
            let t = Text::from(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(Text::from(s.to_owned()), t);
            assert_eq!(t.clone().into_string(), s);
            assert!(t == *s);
            assert!(t == s);
            assert!(t == s.to_owned().as_str());
            assert!(s == t);
            assert_eq!(format!("{t}|{t:?}"), format!("{s}|{s:?}"));
            assert_eq!(serde_json::to_string(&t).ok(), serde_json::to_string(s).ok());
        }
        let (a, b) = (Text::from("A"), Text::from("B"));
        assert!(a < b);
        assert_eq!(Text::default(), "");
    }
}
