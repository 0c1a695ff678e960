//! A small JSON tree the lenient claim parser walks.
//!
//! Any serde format deserialises into it (serde_json text, a JS object through
//! serde-wasm-bindgen), so the runtime needs no JSON parser of its own. Nesting is capped, so
//! a deeply nested or cyclic input becomes an error instead of a stack overflow.
use core::fmt;
use std::borrow::Cow;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Deepest nesting accepted (a claim needs four levels).
pub const MAX_DEPTH: usize = 16;
/// Most elements read from one array or object; the rest are dropped and reported.
pub const MAX_ITEMS: usize = 2_000;

/// A JSON value. Object members keep their order. Texts borrow from the JSON text they were
/// read from when they hold no escapes ([`super::json_text`]); a serde source owns them.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'t> {
    Null,
    Bool(bool),
    Num(f64),
    Str(Cow<'t, str>),
    Arr(Vec<Json<'t>>),
    Obj(Vec<(Cow<'t, str>, Json<'t>)>),
    /// An array or object longer than [`MAX_ITEMS`]: the first items, and the true length.
    Truncated(Box<Json<'t>>, usize),
}

impl<'t> Json<'t> {
    /// The JSON type name, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
            Json::Truncated(inner, _) => inner.kind(),
        }
    }
    /// Member of an object.
    pub fn get(&self, key: &str) -> Option<&Json<'t>> {
        match self {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Json<'static> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json<'static>, D::Error> {
        Seed { depth: 0 }.deserialize(d)
    }
}

#[derive(Clone, Copy)]
struct Seed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Json<'static>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json<'static>, D::Error> {
        if self.depth > MAX_DEPTH {
            return Err(de::Error::custom(format!("nested deeper than {MAX_DEPTH} levels")));
        }
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Json<'static>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json<'static>, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json<'static>, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json<'static>, D::Error> {
        self.deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json<'static>, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json<'static>, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json<'static>, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json<'static>, E> {
        Ok(Json::Num(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json<'static>, E> {
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Json<'static>, E> {
        Ok(Json::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'static>, A::Error> {
        let inner = Seed { depth: self.depth.saturating_add(1) };
        let mut out = Vec::new();
        let mut total = 0usize;
        while let Some(v) = seq.next_element_seed(inner)? {
            total = total.saturating_add(1);
            if out.len() < MAX_ITEMS {
                out.push(v);
            }
        }
        Ok(if total > out.len() { Json::Truncated(Box::new(Json::Arr(out)), total) } else { Json::Arr(out) })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'static>, A::Error> {
        let inner = Seed { depth: self.depth.saturating_add(1) };
        let mut out = Vec::new();
        let mut total = 0usize;
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value_seed(inner)?;
            total = total.saturating_add(1);
            if out.len() < MAX_ITEMS {
                out.push((Cow::Owned(k), v));
            }
        }
        Ok(if total > out.len() { Json::Truncated(Box::new(Json::Obj(out)), total) } else { Json::Obj(out) })
    }
}
