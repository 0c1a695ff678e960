//! One PTP edit row, decoded, and whether it is in force on a date of service.
use crate::date::Date;
use serde::Serialize;

/// The modifier indicator of an edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ModifierIndicator {
    /// 0: no modifier bypasses the edit.
    NotAllowed,
    /// 1: an NCCI-associated modifier bypasses the edit.
    Allowed,
    /// 9: not applicable (edit deleted retroactively).
    NotApplicable,
}

impl ModifierIndicator {
    /// From the stored 2-bit value.
    pub fn from_bits(b: u8) -> Option<ModifierIndicator> {
        match b {
            0 => Some(ModifierIndicator::NotAllowed),
            1 => Some(ModifierIndicator::Allowed),
            2 => Some(ModifierIndicator::NotApplicable),
            _ => None,
        }
    }
    /// The CMS digit (0, 1, 9).
    pub fn digit(self) -> u8 {
        match self {
            ModifierIndicator::NotAllowed => 0,
            ModifierIndicator::Allowed => 1,
            ModifierIndicator::NotApplicable => 9,
        }
    }
}

/// One edit row of a table (a pair may have several: history).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit<'a> {
    pub column_one: &'a str,
    pub column_two: &'a str,
    /// First date of service the edit applies to; `None` when unknown (derived tables).
    pub effective: Option<Date>,
    /// Last date of service the edit applies to; `None` when not deleted.
    pub deletion: Option<Date>,
    pub modifier_indicator: ModifierIndicator,
    pub rationale: &'a str,
}

impl Edit<'_> {
    /// In force on `dos`: `effective <= dos <= deletion`.
    ///
    /// CMS writes the deletion date as the last day the edit applies: deletions are quarter
    /// ends (`20231231`) and the July 2024 release's newest deletion is `20240630`, the day
    /// before it took effect. An unknown effective date counts as "in force since before any
    /// date of service".
    pub fn in_force(&self, dos: Date) -> bool {
        self.effective.is_none_or(|e| e <= dos) && self.deletion.is_none_or(|d| dos <= d)
    }
}
