//! NCCI PTP-associated modifiers: the ones that may bypass an edit with modifier indicator 1.
//! Kept here (not shared with the modifier table) so PTP semantics do not drift with it.

/// Which NCCI family a bypass modifier belongs to, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModifierFamily {
    /// Anatomic: eyelids, fingers, toes, sides, coronary arteries.
    Anatomic,
    /// Global surgery: 24, 25, 57, 58, 78, 79.
    Global,
    /// Other: 27, 59, 91, XE, XS, XP, XU.
    Other,
}

impl ModifierFamily {
    pub fn name(self) -> &'static str {
        match self {
            ModifierFamily::Anatomic => "anatomic",
            ModifierFamily::Global => "global surgery",
            ModifierFamily::Other => "other",
        }
    }
}

/// Anatomic modifiers (NCCI Policy Manual, Chapter I, section E).
pub const ANATOMIC: &[&str] = &[
    "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4",
    "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
];
/// Global surgery modifiers.
pub const GLOBAL: &[&str] = &["24", "25", "57", "58", "78", "79"];
/// Other NCCI-associated modifiers (59 and its specific X{EPSU} subsets, 27, 91).
pub const OTHER: &[&str] = &["27", "59", "91", "XE", "XS", "XP", "XU"];

/// The family of an NCCI PTP-associated modifier, or `None` when it cannot bypass an edit.
/// Case and surrounding spaces are ignored.
pub fn family(modifier: &str) -> Option<ModifierFamily> {
    let m = crate::normalize::trim(modifier);
    let is = |list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(m));
    if is(ANATOMIC) {
        Some(ModifierFamily::Anatomic)
    } else if is(GLOBAL) {
        Some(ModifierFamily::Global)
    } else if is(OTHER) {
        Some(ModifierFamily::Other)
    } else {
        None
    }
}

/// The first NCCI-associated modifier in a list, upper-cased, with its family.
pub fn first_bypass<S: AsRef<str>>(modifiers: &[S]) -> Option<(String, ModifierFamily)> {
    modifiers.iter().find_map(|m| family(m.as_ref()).map(|f| (m.as_ref().trim().to_ascii_uppercase(), f)))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn families() {
        assert_eq!(family("xs"), Some(ModifierFamily::Other));
        assert_eq!(family(" RT "), Some(ModifierFamily::Anatomic));
        assert_eq!(family("25"), Some(ModifierFamily::Global));
        assert_eq!(family("26"), None);
        assert_eq!(family("76"), None);
        assert_eq!(ANATOMIC.len() + GLOBAL.len() + OTHER.len(), 44);
    }
}
