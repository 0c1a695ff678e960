//! Modifier rules that hold regardless of the code: NCCI PTP-associated modifiers and
//! mutually exclusive pairs.

/// Families of NCCI PTP-associated modifiers (NCCI Policy Manual, Chapter I, Section E).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PtpModifierFamily {
    /// E1–E4, FA, F1–F9, TA, T1–T9, LT, RT, LC, LD, RC, LM, RI.
    Anatomic,
    /// 24, 25, 57, 58, 78, 79.
    GlobalSurgery,
    /// 27, 59, 91, XE, XS, XP, XU.
    Other,
}

impl PtpModifierFamily {
    pub fn name(self) -> &'static str {
        match self {
            PtpModifierFamily::Anatomic => "anatomic",
            PtpModifierFamily::GlobalSurgery => "global surgery",
            PtpModifierFamily::Other => "other",
        }
    }
}

const ANATOMIC: &[&str] = &[
    "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4", "T5", "T6",
    "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
];
const GLOBAL_SURGERY: &[&str] = &["24", "25", "57", "58", "78", "79"];
const OTHER: &[&str] = &["27", "59", "91", "XE", "XS", "XP", "XU"];

/// The PTP-associated family of a modifier (upper-case, two characters), if it is one.
pub fn ptp_modifier_family(m: &str) -> Option<PtpModifierFamily> {
    let m = m.trim();
    let upper = m.to_ascii_uppercase();
    let m = upper.as_str();
    if ANATOMIC.contains(&m) {
        Some(PtpModifierFamily::Anatomic)
    } else if GLOBAL_SURGERY.contains(&m) {
        Some(PtpModifierFamily::GlobalSurgery)
    } else if OTHER.contains(&m) {
        Some(PtpModifierFamily::Other)
    } else {
        None
    }
}

/// True when the modifier may bypass an NCCI PTP edit whose modifier indicator is 1.
pub fn is_ptp_modifier(m: &str) -> bool {
    ptp_modifier_family(m).is_some()
}

/// Pairs that cannot both be on one line, with the reason.
pub const CONFLICTS: &[(&str, &str, &str)] = &[
    ("LT", "RT", "left and right on one line: report 50 (bilateral) or put each side on its own line"),
    ("50", "LT", "50 already means both sides; LT (left) contradicts it"),
    ("50", "RT", "50 already means both sides; RT (right) contradicts it"),
    ("26", "TC", "26 (professional component) and TC (technical component) together are the global service; report neither"),
    ("59", "XE", "CMS says not to report 59 together with an X{EPSU} modifier; use the X modifier alone"),
    ("59", "XS", "CMS says not to report 59 together with an X{EPSU} modifier; use the X modifier alone"),
    ("59", "XP", "CMS says not to report 59 together with an X{EPSU} modifier; use the X modifier alone"),
    ("59", "XU", "CMS says not to report 59 together with an X{EPSU} modifier; use the X modifier alone"),
    ("GA", "GZ", "GA (waiver of liability on file) and GZ (no waiver on file) contradict each other"),
    ("52", "53", "52 (reduced service) and 53 (discontinued procedure) describe different situations; choose one"),
    ("76", "77", "76 (repeat by the same practitioner) and 77 (repeat by another practitioner) contradict each other"),
];

/// Every conflicting pair among the modifiers (upper-case), with its reason.
pub fn conflicts(mods: &[String]) -> Vec<(&'static str, &'static str, &'static str)> {
    CONFLICTS
        .iter()
        .filter(|(a, b, _)| mods.iter().any(|m| m == a) && mods.iter().any(|m| m == b))
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_and_conflicts() {
        assert_eq!(ptp_modifier_family("lt"), Some(PtpModifierFamily::Anatomic));
        assert_eq!(ptp_modifier_family("25"), Some(PtpModifierFamily::GlobalSurgery));
        assert_eq!(ptp_modifier_family("XU"), Some(PtpModifierFamily::Other));
        assert!(!is_ptp_modifier("26"));
        assert_eq!(conflicts(&["LT".into(), "RT".into()]).len(), 1);
        assert!(conflicts(&["LT".into(), "59".into()]).is_empty());
    }
}
