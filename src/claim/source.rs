//! Where the claim reader ([`super::parse`]) pulls JSON values from, one at a time: the claim's
//! JSON text itself ([`super::json_text::TextSource`], the wasm face: no tree is built), or a
//! [`Json`] tree a serde format filled (native JSON text, Python objects).
//!
//! A value is pulled as its [`Head`]: a scalar whole, or the start of an array or object
//! whose items follow ([`Source::next_item`], [`Source::next_key`]). A source that fails
//! (malformed text) remembers its first error and from then on gives `null` and empty
//! containers, so the reader runs to its end and the caller asks for the error once.
use super::json::Json;
use std::borrow::Cow;

/// A value as pulled: a scalar, or the start of an array or object.
#[derive(Debug, Clone, PartialEq)]
pub enum Head<'s> {
    Null,
    Bool(bool),
    Num(f64),
    Str(Cow<'s, str>),
    Arr,
    Obj,
}

impl Head<'_> {
    /// The JSON type name, for messages (as [`Json::kind`]).
    pub fn kind(&self) -> &'static str {
        match self {
            Head::Null => "null",
            Head::Bool(_) => "a boolean",
            Head::Num(_) => "a number",
            Head::Str(_) => "a string",
            Head::Arr => "an array",
            Head::Obj => "an object",
        }
    }
    /// An array or object, whose items are still to be read or left.
    pub fn is_container(&self) -> bool {
        matches!(self, Head::Arr | Head::Obj)
    }
}

/// JSON values in document order.
pub trait Source<'s> {
    /// The next value (the root first, then the one after a key or [`Source::next_item`]).
    fn head(&mut self) -> Head<'s>;
    /// Inside an array: whether another item follows; `false` closes the array.
    fn next_item(&mut self) -> bool;
    /// Inside an object: the next member's name, its value next; `None` closes the object.
    fn next_key(&mut self) -> Option<Cow<'s, str>>;
    /// Skips the rest of the innermost open array or object and closes it: how many items
    /// or members it skipped (with those a tree dropped).
    fn leave(&mut self) -> usize;
    /// Items the container closed last held beyond those given (a tree keeps at most
    /// [`super::json::MAX_ITEMS`] and counts the rest); 0 for a source that gives them all.
    fn dropped(&self) -> usize;
    /// Skips the next value whole.
    fn skip(&mut self) {
        if self.head().is_container() {
            self.leave();
        }
    }
}

/// A [`Json`] tree as a [`Source`].
pub struct TreeSource<'j, 't> {
    next: Option<&'j Json<'t>>,
    open: Vec<Frame<'j, 't>>,
    dropped: usize,
}

enum Frame<'j, 't> {
    Arr(std::slice::Iter<'j, Json<'t>>, usize),
    Obj(std::slice::Iter<'j, (Cow<'t, str>, Json<'t>)>, usize),
}

impl<'j, 't> TreeSource<'j, 't> {
    pub fn new(root: &'j Json<'t>) -> TreeSource<'j, 't> {
        TreeSource { next: Some(root), open: Vec::new(), dropped: 0 }
    }

    fn close(&mut self) {
        self.dropped = match self.open.pop() {
            Some(Frame::Arr(_, n) | Frame::Obj(_, n)) => n,
            None => 0,
        };
    }
}

impl<'j> Source<'j> for TreeSource<'j, '_> {
    fn head(&mut self) -> Head<'j> {
        let Some(v) = self.next.take() else { return Head::Null };
        let (v, extra) = match v {
            Json::Truncated(inner, total) => (inner.as_ref(), total.saturating_sub(len(inner))),
            v => (v, 0),
        };
        match v {
            Json::Null | Json::Truncated(..) => Head::Null,
            Json::Bool(b) => Head::Bool(*b),
            Json::Num(n) => Head::Num(*n),
            Json::Str(s) => Head::Str(Cow::Borrowed(s.as_ref())),
            Json::Arr(a) => {
                self.open.push(Frame::Arr(a.iter(), extra));
                Head::Arr
            }
            Json::Obj(m) => {
                self.open.push(Frame::Obj(m.iter(), extra));
                Head::Obj
            }
        }
    }

    fn next_item(&mut self) -> bool {
        let Some(Frame::Arr(items, _)) = self.open.last_mut() else { return false };
        match items.next() {
            Some(v) => {
                self.next = Some(v);
                true
            }
            None => {
                self.close();
                false
            }
        }
    }

    fn next_key(&mut self) -> Option<Cow<'j, str>> {
        let Some(Frame::Obj(members, _)) = self.open.last_mut() else { return None };
        match members.next() {
            Some((k, v)) => {
                self.next = Some(v);
                Some(Cow::Borrowed(k.as_ref()))
            }
            None => {
                self.close();
                None
            }
        }
    }

    fn leave(&mut self) -> usize {
        self.next = None;
        let left = match self.open.last() {
            Some(Frame::Arr(items, _)) => items.len(),
            Some(Frame::Obj(members, _)) => members.len(),
            None => 0,
        };
        self.close();
        left.saturating_add(self.dropped)
    }

    fn dropped(&self) -> usize {
        self.dropped
    }
}

fn len(v: &Json<'_>) -> usize {
    match v {
        Json::Arr(a) => a.len(),
        Json::Obj(m) => m.len(),
        _ => 0,
    }
}
