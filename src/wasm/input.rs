//! Typed inputs (lines, options, exercises, answers) from JS values, by way of one
//! `JSON.stringify` and the claim's JSON reader ([`parse_json_text`]): the module carries one
//! JSON reader instead of a second, per-type walk over JS objects (serde-wasm-bindgen), which
//! cost it ~70 KB of code. The tree is then read into the type by serde through [`Value`].
//!
//! As everywhere JS values become JSON: `undefined` members and functions are left out, a
//! cycle or a BigInt is an error, a lone surrogate becomes U+FFFD.
use super::error_message;
use crate::claim::json::MAX_ITEMS;
use crate::claim::json_text::parse_json_text;
use crate::claim::Json;
use core::fmt;
use std::borrow::Cow;
use serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, Unexpected, Visitor};
use wasm_bindgen::JsValue;

/// Reads a JS value as `T`; `undefined` and `null` read as JSON `null`.
pub(crate) fn read<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    // A function (and `undefined`) stringifies to `undefined`: no value, read as `null`.
    let text = if value.is_undefined() || value.is_null() {
        None
    } else {
        js_sys::JSON::stringify(value).map_err(|e| error_message(&e))?.as_string()
    };
    let json = match &text {
        Some(t) => parse_json_text(t)?,
        None => Json::Null,
    };
    T::deserialize(Value(&json)).map_err(|e| e.0)
}

/// Reads a JS value as `T`, its default when `undefined` or `null` (absent options).
pub(crate) fn read_or_default<T: DeserializeOwned + Default>(value: &JsValue) -> Result<T, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    read(value)
}

/// A deserialisation error: serde's message.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// One node of the JSON tree as a serde [`Deserializer`].
#[derive(Clone, Copy)]
struct Value<'a>(&'a Json<'a>);

impl<'de> IntoDeserializer<'de, Error> for Value<'_> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

fn members<'a>(m: &'a [(Cow<'a, str>, Json<'a>)]) -> impl Iterator<Item = (&'a str, Value<'a>)> {
    m.iter().map(|(k, v)| (k.as_ref(), Value(v)))
}

impl Value<'_> {
    /// What the value is, for serde's "invalid type" message.
    fn unexpected(&self) -> Unexpected<'_> {
        match self.0 {
            Json::Null => Unexpected::Unit,
            Json::Bool(b) => Unexpected::Bool(*b),
            Json::Num(n) => Unexpected::Float(*n),
            Json::Str(s) => Unexpected::Str(s),
            Json::Arr(_) => Unexpected::Seq,
            Json::Obj(_) => Unexpected::Map,
            Json::Truncated(..) => Unexpected::Other("a list too long"),
        }
    }

    fn invalid<'de, V: Visitor<'de>, T>(&self, visitor: &V) -> Result<T, Error> {
        Err(de::Error::invalid_type(self.unexpected(), visitor))
    }
}

/// The numeric requests: each reads a JSON number ([`Value::number`]).
macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.number(visitor)
        }
    )*};
}

// Each typed request reads only the JSON type it wants (a struct only an object, a string
// only a string): the derived visitors' other arms (a struct read from an array, ...) are
// then never instantiated, which keeps the module small.
impl<'de> Deserializer<'de> for Value<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Null => visitor.visit_unit(),
            Json::Bool(b) => visitor.visit_bool(*b),
            Json::Num(_) => self.number(visitor),
            Json::Str(s) => visitor.visit_str(s),
            Json::Arr(_) => self.deserialize_seq(visitor),
            Json::Obj(_) => self.deserialize_map(visitor),
            Json::Truncated(_, n) => Err(too_long(*n)),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Bool(b) => visitor.visit_bool(*b),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Str(s) => visitor.visit_str(s),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Arr(items) => {
                let mut seq = SeqDeserializer::new(items.iter().map(Value));
                let v = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(v)
            }
            Json::Truncated(_, n) => Err(too_long(*n)),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Obj(m) => {
                let mut map = MapDeserializer::new(members(m));
                let v = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(v)
            }
            Json::Truncated(_, n) => Err(too_long(*n)),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(self, _name: &'static str, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    /// A unit variant is its name; a variant with data, an object of one member.
    fn deserialize_enum<V: Visitor<'de>>(self, _name: &'static str, _variants: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Str(s) => visitor.visit_enum(s.as_ref().into_deserializer()),
            Json::Obj(m) => visitor.visit_enum(MapAccessDeserializer::new(MapDeserializer::new(members(m)))),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32 deserialize_f64);

    serde::forward_to_deserialize_any! {
        i128 u128 char
        bytes byte_buf unit unit_struct tuple tuple_struct
    }
}

impl Value<'_> {
    /// Whole numbers as integers (so `units: 2` reads as a u32), others as floats.
    fn number<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Json::Num(n) if n.fract() == 0.0 && *n >= 0.0 && *n < 18_446_744_073_709_551_616.0 => visitor.visit_u64(*n as u64),
            Json::Num(n) if n.fract() == 0.0 && *n >= -9_223_372_036_854_775_808.0 && *n < 0.0 => visitor.visit_i64(*n as i64),
            Json::Num(n) => visitor.visit_f64(*n),
            _ => self.invalid(&visitor),
        }
    }
}

fn too_long(n: usize) -> Error {
    Error(format!("{n} items, more than the {MAX_ITEMS} accepted"))
}
