//! Typed API inputs (claim lines, pair options, exercises, answers) read from the JSON tree
//! ([`Json`]) by small hand-written readers, one per type, through the helpers here.
//!
//! The wasm module reads its inputs with these instead of serde's derived deserialisers,
//! whose per-type visitors and error formatting (floats, escaped strings) cost it ~30 KB of
//! brotli. They accept what the derived deserialisers accept — absent members take their
//! defaults, `null` is `None` for optional members, unknown members are ignored — and read
//! the same values (a native test holds them to serde's on the same texts). Errors name the
//! member: ``procedures[1].units`: expected a whole number 0 to 4294967295, found a string``.
use crate::claim::json::MAX_ITEMS;
use crate::claim::Json;
use core::fmt;
use std::borrow::Cow;

pub mod exercise;
pub mod line;
pub mod pair;
#[cfg(test)]
mod tests;

/// Why an input could not be read, and where in it (`procedures[1].units`; empty: the top).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    path: String,
    problem: String,
}

impl Bad {
    fn new(problem: impl Into<String>) -> Bad {
        Bad { path: String::new(), problem: problem.into() }
    }

    /// The same problem, inside member `name`.
    fn in_member(mut self, name: &str) -> Bad {
        self.path = match self.path.chars().next() {
            None => name.to_owned(),
            Some('[') => format!("{name}{}", self.path),
            Some(_) => format!("{name}.{}", self.path),
        };
        self
    }

    /// The same problem, inside item `i` of an array.
    fn in_item(mut self, i: usize) -> Bad {
        self.path = match self.path.chars().next() {
            None | Some('[') => format!("[{i}]{}", self.path),
            Some(_) => format!("[{i}].{}", self.path),
        };
        self
    }
}

impl fmt::Display for Bad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.problem)
        } else {
            write!(f, "`{}`: {}", self.path, self.problem)
        }
    }
}

/// Reads one value of a type.
pub type Reader<T> = fn(&Json<'_>) -> Result<T, Bad>;

fn expected(what: &str, v: &Json<'_>) -> Bad {
    Bad::new(format!("expected {what}, found {}", v.kind()))
}

fn too_long(n: usize) -> Bad {
    Bad::new(format!("{n} items, more than the {MAX_ITEMS} accepted"))
}

/// The members of a JSON object.
pub struct Members<'a, 't>(&'a [(Cow<'t, str>, Json<'t>)]);

/// `v` as an object.
pub fn object<'a, 't>(v: &'a Json<'t>) -> Result<Members<'a, 't>, Bad> {
    match v {
        Json::Obj(m) => Ok(Members(m)),
        Json::Truncated(_, n) => Err(too_long(*n)),
        _ => Err(expected("an object", v)),
    }
}

impl<'a, 't> Members<'a, 't> {
    fn member(&self, name: &str) -> Option<&'a Json<'t>> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Member `name` read by `read`; `None` when absent.
    pub fn get<T>(&self, name: &str, read: Reader<T>) -> Result<Option<T>, Bad> {
        self.member(name).map(|v| read(v).map_err(|e| e.in_member(name))).transpose()
    }

    /// An optional member: `None` when absent or `null`.
    pub fn opt<T>(&self, name: &str, read: Reader<T>) -> Result<Option<T>, Bad> {
        match self.member(name) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => read(v).map(Some).map_err(|e| e.in_member(name)),
        }
    }

    /// A member with a default when absent (`null` is read, as serde reads it).
    pub fn or_default<T: Default>(&self, name: &str, read: Reader<T>) -> Result<T, Bad> {
        Ok(self.get(name, read)?.unwrap_or_default())
    }

    /// A member the input must have.
    pub fn required<T>(&self, name: &str, read: Reader<T>) -> Result<T, Bad> {
        self.get(name, read)?.ok_or_else(|| Bad::new("missing (required)").in_member(name))
    }
}

/// A string.
pub fn string(v: &Json<'_>) -> Result<String, Bad> {
    match v {
        Json::Str(s) => Ok(s.as_ref().to_owned()),
        _ => Err(expected("a string", v)),
    }
}

/// `true` or `false`.
pub fn boolean(v: &Json<'_>) -> Result<bool, Bad> {
    match v {
        Json::Bool(b) => Ok(*b),
        _ => Err(expected("true or false", v)),
    }
}

/// A whole number that fits a `u32`.
pub fn whole_u32(v: &Json<'_>) -> Result<u32, Bad> {
    match v {
        Json::Num(n) if n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX) => Ok(*n as u32),
        _ => Err(expected("a whole number 0 to 4294967295", v)),
    }
}

/// A number. Zero reads as +0 (as serde reads a whole number, by way of an integer).
pub fn number(v: &Json<'_>) -> Result<f64, Bad> {
    match v {
        Json::Num(n) if *n == 0.0 => Ok(0.0),
        Json::Num(n) => Ok(*n),
        _ => Err(expected("a number", v)),
    }
}

/// An array of values read by `read`.
pub fn list<T>(v: &Json<'_>, read: Reader<T>) -> Result<Vec<T>, Bad> {
    match v {
        Json::Arr(items) => items.iter().enumerate().map(|(i, x)| read(x).map_err(|e| e.in_item(i))).collect(),
        Json::Truncated(_, n) => Err(too_long(*n)),
        _ => Err(expected("an array", v)),
    }
}

/// An array of strings.
pub fn strings(v: &Json<'_>) -> Result<Vec<String>, Bad> {
    list(v, string)
}

/// One of a fixed set of names (a unit enum variant: its name, or an object of one member
/// `{name: null}`, the two forms serde reads).
pub fn one_of<T: Copy>(v: &Json<'_>, names: &[(&str, T)]) -> Result<T, Bad> {
    let name = match v {
        Json::Str(s) => Some(s.as_ref()),
        Json::Obj(m) => match m.first() {
            Some((k, Json::Null)) => Some(k.as_ref()),
            _ => None,
        },
        _ => None,
    };
    let found = name.and_then(|n| names.iter().find(|(k, _)| *k == n).map(|(_, t)| *t));
    found.ok_or_else(|| {
        let all: Vec<&str> = names.iter().map(|(k, _)| *k).collect();
        match name {
            Some(n) => Bad::new(format!("`{n}` is not one of {}", all.join(", "))),
            None => expected(&format!("one of {}", all.join(", ")), v),
        }
    })
}
