//! One service line as every edit table reads it: the code upper-cased and classified, the
//! modifiers cleaned, whole units, the date of service parsed. Built once per line and
//! handed to the MUE, add-on code and PTP checks, which locate their findings with it.
use crate::date::Date;
use crate::location::{LineField, Location};
use crate::normalize::{normalize_code, normalized_text};
use std::borrow::Cow;
use crate::procedure::format::is_level2;
use crate::system::System;

/// A normalised service line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceLine<'c> {
    /// Index of the line on the claim; `None` for a line checked on its own.
    pub index: Option<usize>,
    /// The code as typed (code checks echo it).
    pub raw_code: &'c str,
    /// Upper case, no dots or spaces: the code as typed when it is already so (most are).
    pub code: Cow<'c, str>,
    /// HCPCS Level II (a letter and four digits) or CPT (anything else).
    pub system: System,
    /// The modifiers as typed (code checks echo them).
    pub raw_modifiers: &'c [String],
    /// The modifiers, upper case, no spaces.
    pub modifiers: Vec<String>,
    /// Units as the MUE tables count them: whole units, at least one.
    pub units: u32,
    /// Date of service: the line's own, or the claim's for code edits.
    pub dos: Option<Date>,
    /// True when `dos` is the line's own date (PTP pairs lines by their own dates only).
    pub dated: bool,
}

impl<'c> ServiceLine<'c> {
    pub fn new(index: Option<usize>, code: &'c str, modifiers: &'c [String], units: u32, dos: Option<Date>) -> ServiceLine<'c> {
        let clean = normalized_text(code);
        let system = if is_level2(&clean) { System::Hcpcs } else { System::Cpt };
        ServiceLine {
            index,
            raw_code: code,
            code: clean,
            system,
            raw_modifiers: modifiers,
            modifiers: modifiers.iter().map(|m| normalize_code(m).text).collect(),
            units,
            dos,
            dated: dos.is_some(),
        }
    }

    /// The line `index` of a claim, dated by its own first date (`own`, its `dateFrom` read)
    /// or else the claim's date of service for code edits.
    pub fn of_claim(index: usize, line: &'c super::model::Line, own: Option<Date>, claim_dos: Option<Date>) -> ServiceLine<'c> {
        let mut l = ServiceLine::new(Some(index), &line.code, &line.modifiers, whole_units(line.units), own.or(claim_dos));
        l.dated = own.is_some();
        l
    }

    /// Where a field of this line is.
    pub fn at(&self, field: LineField) -> Location {
        match self.index {
            Some(line) => Location::Line { line, field },
            None => Location::OwnLine(field),
        }
    }

    /// The modifiers as `&str`, for the PTP bypass check.
    pub fn modifier_strs(&self) -> Vec<&str> {
        self.modifiers.iter().map(String::as_str).collect()
    }
}

/// Units as the MUE tables count them: whole units (rounded), at least one.
pub fn whole_units(u: Option<f64>) -> u32 {
    match u {
        Some(x) if x.is_finite() && x >= 1.0 => {
            let r = x.round();
            if r >= f64::from(u32::MAX) {
                u32::MAX
            } else {
                r as u32
            }
        }
        _ => 1,
    }
}
