//! Where a finding points in a claim: a typed place, rendered as a JSON pointer
//! (`/lines/0/code`) only when a result is serialised or shown.
//!
//! Rules build the typed place directly (a line's index on the claim, a diagnosis's
//! position), so no pointer text is built, parsed or rewritten on the way; results sort by
//! place segment by segment, numbers numerically (`/lines/2` before `/lines/10`).
use core::cmp::Ordering;
use core::fmt;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field of a service line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineField {
    /// The line itself.
    Whole,
    Code,
    Units,
    /// The modifier list.
    Modifiers,
    /// One modifier, by position.
    Modifier(usize),
    /// The pointer list.
    Pointers,
    /// One diagnosis pointer, by position.
    Pointer(usize),
    DateFrom,
    DateTo,
    Pos,
    Charge,
    Ndc,
    Npi,
    /// UB-04 revenue code (facility lines).
    RevenueCode,
}

impl LineField {
    /// The field's name and index segments after `/lines/N`.
    fn segs(self) -> (Option<&'static str>, Option<usize>) {
        match self {
            LineField::Whole => (None, None),
            LineField::Code => (Some("code"), None),
            LineField::Units => (Some("units"), None),
            LineField::Modifiers => (Some("modifiers"), None),
            LineField::Modifier(k) => (Some("modifiers"), Some(k)),
            LineField::Pointers => (Some("pointers"), None),
            LineField::Pointer(k) => (Some("pointers"), Some(k)),
            LineField::DateFrom => (Some("dateFrom"), None),
            LineField::DateTo => (Some("dateTo"), None),
            LineField::Pos => (Some("pos"), None),
            LineField::Charge => (Some("charge"), None),
            LineField::Ndc => (Some("ndc"), None),
            LineField::Npi => (Some("npi"), None),
            LineField::RevenueCode => (Some("revenueCode"), None),
        }
    }

    fn parse(name: &str, index: Option<&str>) -> Option<LineField> {
        let k = match index {
            None => None,
            Some(i) => Some(number(i)?),
        };
        Some(match (name, k) {
            ("code", None) => LineField::Code,
            ("units", None) => LineField::Units,
            ("modifiers", None) => LineField::Modifiers,
            ("modifiers", Some(k)) => LineField::Modifier(k),
            ("pointers", None) => LineField::Pointers,
            ("pointers", Some(k)) => LineField::Pointer(k),
            ("dateFrom", None) => LineField::DateFrom,
            ("dateTo", None) => LineField::DateTo,
            ("pos", None) => LineField::Pos,
            ("charge", None) => LineField::Charge,
            ("ndc", None) => LineField::Ndc,
            ("npi", None) => LineField::Npi,
            ("revenueCode", None) => LineField::RevenueCode,
            _ => return None,
        })
    }
}

/// A place in a claim (or in a line checked on its own).
#[derive(Clone, Debug)]
pub enum Location {
    /// The whole claim: `""`.
    Claim,
    /// A fixed path that is not a list item, e.g. `/payer`, `/patient/dateOfBirth`.
    Field(&'static str),
    /// `/diagnoses/{i}`.
    Diagnosis(usize),
    /// `/diagnoses/{i}/poa`.
    DiagnosisPoa(usize),
    /// `/procedures/{i}`.
    Procedure(usize),
    /// `/procedures/{i}/date`.
    ProcedureDate(usize),
    /// A field of service line `line` (its index on the claim): `/lines/{line}/...`.
    Line { line: usize, field: LineField },
    /// A field of a line checked on its own, with no claim around it: `/code`, `/units`, ...
    OwnLine(LineField),
    /// Any other pointer (paths the claim reader meets, locations read back from JSON).
    Pointer(String),
}

/// One segment of a pointer, ordered numbers before text and numbers numerically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Seg<'s> {
    Num(u64),
    Text(&'s str),
}

fn seg(s: &str) -> Seg<'_> {
    s.parse::<u64>().map_or(Seg::Text(s), Seg::Num)
}

fn num(n: usize) -> Seg<'static> {
    Seg::Num(u64::try_from(n).unwrap_or(u64::MAX))
}

/// A list index as a pointer writes it: digits, no sign, no leading zero.
fn number(s: &str) -> Option<usize> {
    let ok = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    if ok {
        s.parse().ok()
    } else {
        None
    }
}

impl Location {
    /// A place read from a JSON pointer; typed where the claim's shape is recognised.
    pub fn parse(pointer: &str) -> Location {
        Location::typed(pointer).unwrap_or_else(|| if pointer.is_empty() { Location::Claim } else { Location::Pointer(pointer.to_owned()) })
    }

    fn typed(p: &str) -> Option<Location> {
        let mut it = p.strip_prefix('/')?.split('/');
        let head = it.next()?;
        let (a, b, c, rest) = (it.next(), it.next(), it.next(), it.next());
        if rest.is_some() {
            return None;
        }
        Some(match (head, a, b, c) {
            ("diagnoses", Some(i), None, None) => Location::Diagnosis(number(i)?),
            ("diagnoses", Some(i), Some("poa"), None) => Location::DiagnosisPoa(number(i)?),
            ("procedures", Some(i), None, None) => Location::Procedure(number(i)?),
            ("procedures", Some(i), Some("date"), None) => Location::ProcedureDate(number(i)?),
            ("lines", Some(i), None, None) => Location::Line { line: number(i)?, field: LineField::Whole },
            ("lines", Some(i), Some(name), k) => Location::Line { line: number(i)?, field: LineField::parse(name, k)? },
            (name, k, None, None) => Location::OwnLine(LineField::parse(name, k)?),
            _ => return None,
        })
    }

    /// The place within service line `line` of the claim, when this is a place in a line
    /// checked on its own.
    pub fn in_line(self, line: usize) -> Location {
        match self {
            Location::OwnLine(field) => Location::Line { line, field },
            other => other,
        }
    }

    /// Visits the pointer's segments in order.
    fn each_seg<'s>(&'s self, f: &mut dyn FnMut(Seg<'s>)) {
        match self {
            Location::Claim => {}
            Location::Field(p) => p.split('/').skip(1).for_each(|s| f(seg(s))),
            Location::Pointer(p) => p.split('/').skip(1).for_each(|s| f(seg(s))),
            Location::Diagnosis(i) => {
                f(Seg::Text("diagnoses"));
                f(num(*i));
            }
            Location::DiagnosisPoa(i) => {
                f(Seg::Text("diagnoses"));
                f(num(*i));
                f(Seg::Text("poa"));
            }
            Location::Procedure(i) => {
                f(Seg::Text("procedures"));
                f(num(*i));
            }
            Location::ProcedureDate(i) => {
                f(Seg::Text("procedures"));
                f(num(*i));
                f(Seg::Text("date"));
            }
            Location::Line { line, field } => {
                f(Seg::Text("lines"));
                f(num(*line));
                field_segs(*field, f);
            }
            Location::OwnLine(field) => field_segs(*field, f),
        }
    }

    /// Up to six segments inline; longer pointers (only from the reader) spill to the heap.
    fn segs(&self) -> Segs<'_> {
        let mut s = Segs::default();
        self.each_seg(&mut |x| s.push(x));
        s
    }

    /// The JSON pointer.
    pub fn pointer(&self) -> String {
        self.to_string()
    }
}

fn field_segs<'s>(field: LineField, f: &mut dyn FnMut(Seg<'s>)) {
    let (name, k) = field.segs();
    if let Some(n) = name {
        f(Seg::Text(n));
    }
    if let Some(k) = k {
        f(num(k));
    }
}

#[derive(Default)]
struct Segs<'s> {
    inline: [Option<Seg<'s>>; 6],
    n: usize,
    more: Vec<Seg<'s>>,
}

impl<'s> Segs<'s> {
    fn push(&mut self, x: Seg<'s>) {
        match self.inline.get_mut(self.n) {
            Some(slot) => {
                *slot = Some(x);
                self.n = self.n.saturating_add(1);
            }
            None => self.more.push(x),
        }
    }
    fn iter(&self) -> impl Iterator<Item = Seg<'s>> + '_ {
        self.inline.iter().take(self.n).flatten().copied().chain(self.more.iter().copied())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Claim => Ok(()),
            Location::Field(p) => f.write_str(p),
            Location::Pointer(p) => f.write_str(p),
            _ => {
                let mut r = Ok(());
                self.each_seg(&mut |s| {
                    if r.is_ok() {
                        r = match s {
                            Seg::Num(n) => write!(f, "/{n}"),
                            Seg::Text(t) => write!(f, "/{t}"),
                        };
                    }
                });
                r
            }
        }
    }
}

impl Ord for Location {
    fn cmp(&self, other: &Location) -> Ordering {
        // The places claims report most, compared without walking their segments.
        match (self, other) {
            (Location::Line { line: a, field: fa }, Location::Line { line: b, field: fb }) => a.cmp(b).then_with(|| field_order(*fa, *fb)),
            (Location::Diagnosis(a), Location::Diagnosis(b)) => a.cmp(b),
            _ => self.segs().iter().cmp(other.segs().iter()),
        }
    }
}

/// Two fields of one line in pointer order.
fn field_order(a: LineField, b: LineField) -> Ordering {
    let segs = |f: LineField| {
        let (name, k) = f.segs();
        [name.map(Seg::Text), k.map(num)]
    };
    segs(a).into_iter().flatten().cmp(segs(b).into_iter().flatten())
}

impl PartialOrd for Location {
    fn partial_cmp(&self, other: &Location) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Two places are equal when their pointers are.
impl PartialEq for Location {
    fn eq(&self, other: &Location) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Location {}

impl PartialEq<&str> for Location {
    fn eq(&self, other: &&str) -> bool {
        self == &Location::parse(other)
    }
}

impl From<&Location> for Location {
    fn from(l: &Location) -> Location {
        l.clone()
    }
}

impl From<&'static str> for Location {
    fn from(p: &'static str) -> Location {
        Location::typed(p).unwrap_or(if p.is_empty() { Location::Claim } else { Location::Field(p) })
    }
}

impl From<String> for Location {
    fn from(p: String) -> Location {
        match Location::typed(&p) {
            Some(l) => l,
            None if p.is_empty() => Location::Claim,
            None => Location::Pointer(p),
        }
    }
}

impl From<&String> for Location {
    fn from(p: &String) -> Location {
        Location::parse(p)
    }
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Location, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Location::from(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_reads_back_the_same_pointer() {
        for p in ["", "/payer", "/patient/dateOfBirth", "/diagnoses/3", "/diagnoses/0/poa", "/procedures/2/date", "/lines/4", "/lines/0/code", "/lines/1/modifiers/2", "/lines/3/pointers", "/units", "/modifiers/0", "/lines/0/x~1y", "/lines/01/code"] {
            assert_eq!(Location::parse(p).pointer(), p);
        }
        assert!(matches!(Location::parse("/lines/7/units"), Location::Line { line: 7, field: LineField::Units }));
        assert!(matches!(Location::parse("/lines/01/code"), Location::Pointer(_)));
    }

    #[test]
    fn orders_numbers_numerically() {
        let mut v = vec![Location::parse("/lines/10"), Location::Line { line: 2, field: LineField::Code }, Location::Claim, Location::Field("/payer"), Location::Diagnosis(1)];
        v.sort();
        let shown: Vec<String> = v.iter().map(Location::pointer).collect();
        assert_eq!(shown, ["", "/diagnoses/1", "/lines/2/code", "/lines/10", "/payer"]);
        assert_eq!(Location::Field("/diagnoses/0"), Location::Diagnosis(0));
    }

    #[test]
    fn typed_order_is_pointer_segment_order() {
        let fields = [LineField::Whole, LineField::Code, LineField::Units, LineField::Modifiers, LineField::Modifier(0), LineField::Modifier(10), LineField::Modifier(2), LineField::Pointers, LineField::Pointer(1), LineField::DateFrom, LineField::DateTo, LineField::Pos, LineField::Charge, LineField::Ndc, LineField::Npi, LineField::RevenueCode];
        let mut places: Vec<Location> = [0usize, 2, 10].iter().flat_map(|&line| fields.iter().map(move |&field| Location::Line { line, field })).collect();
        places.extend([Location::Diagnosis(0), Location::Diagnosis(2), Location::Diagnosis(10), Location::Claim, Location::Field("/payer")]);
        for a in &places {
            for b in &places {
                let by_segments = a.segs().iter().cmp(b.segs().iter());
                assert_eq!(a.cmp(b), by_segments, "{a} vs {b}");
            }
        }
    }
}
