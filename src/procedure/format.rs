//! Code shapes: which system a typed code looks like, and what exactly is wrong with it.
//! Shape checks come before lookups so a coder hears "that is a CPT code" rather than "unknown".

/// CPT categories, by shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CptCategory {
    /// Five digits.
    One,
    /// Four digits + F (performance measurement).
    Two,
    /// Four digits + T (emerging technology).
    Three,
    /// Four digits + U (proprietary laboratory analyses).
    Pla,
    /// Four digits + M (multianalyte assays with algorithmic analyses).
    Maa,
}

impl CptCategory {
    pub fn name(self) -> &'static str {
        match self {
            CptCategory::One => "CPT Category I",
            CptCategory::Two => "CPT Category II",
            CptCategory::Three => "CPT Category III",
            CptCategory::Pla => "CPT PLA",
            CptCategory::Maa => "CPT MAA",
        }
    }
}

/// The CPT category of a 5-character code, if it has a CPT shape.
pub fn cpt_category(code: &str) -> Option<CptCategory> {
    let b = code.as_bytes();
    if b.len() != 5 || !b.iter().take(4).all(u8::is_ascii_digit) {
        return None;
    }
    Some(match b.get(4)? {
        b'0'..=b'9' => CptCategory::One,
        b'F' => CptCategory::Two,
        b'T' => CptCategory::Three,
        b'U' => CptCategory::Pla,
        b'M' => CptCategory::Maa,
        _ => return None,
    })
}

/// HCPCS Level II shape: one letter then four digits.
pub fn is_level2(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5 && b.first().is_some_and(u8::is_ascii_uppercase) && b.iter().skip(1).all(u8::is_ascii_digit)
}

/// True when a possibly partial Level II code could still become one.
pub fn level2_prefix(code: &str) -> bool {
    let b = code.as_bytes();
    !b.is_empty() && b.len() < 5 && b.first().is_some_and(u8::is_ascii_uppercase) && b.iter().skip(1).all(u8::is_ascii_digit)
}

/// ICD-10-CM shape (letter, digit, then letters/digits; 3 to 7 characters).
pub fn looks_like_icd10cm(code: &str, had_dot: bool) -> bool {
    let b = code.as_bytes();
    (3..=7).contains(&b.len())
        && b.first().is_some_and(u8::is_ascii_uppercase)
        && b.get(1).is_some_and(u8::is_ascii_digit)
        && b.iter().all(u8::is_ascii_alphanumeric)
        && (had_dot || b.len() != 5 || !b.iter().skip(1).all(u8::is_ascii_digit))
}

/// ICD-10-PCS axis names, by position.
pub const PCS_AXES: [&str; 7] = ["section", "body system", "root operation", "body part", "approach", "device", "qualifier"];
/// Valid first characters (sections) of ICD-10-PCS.
const PCS_SECTIONS: &[u8] = b"0123456789BCDFGHX";

/// ICD-10-PCS shape: exactly 7 characters from 0-9 and A-Z except I and O.
pub fn looks_like_pcs(code: &str) -> bool {
    code.len() == 7 && code.bytes().all(pcs_char) && code.as_bytes().first().is_some_and(|c| PCS_SECTIONS.contains(c))
}

fn pcs_char(c: u8) -> bool {
    (c.is_ascii_digit() || c.is_ascii_uppercase()) && c != b'I' && c != b'O'
}

/// The specific problem with a would-be ICD-10-PCS code, in a coder's words.
pub fn pcs_problem(code: &str, had_dot: bool) -> Option<String> {
    if had_dot {
        return Some(if looks_like_icd10cm(code, true) {
            format!("{code} has a dot, so it looks like an ICD-10-CM diagnosis code; ICD-10-PCS codes are 7 characters with no dot")
        } else {
            "ICD-10-PCS codes have no dot; type the 7 characters only".into()
        });
    }
    if let Some(pos) = code.bytes().position(|c| c == b'O') {
        return Some(format!("ICD-10-PCS codes never contain the letter O; did you mean 0 (zero) at position {}?", pos.saturating_add(1)));
    }
    if let Some(pos) = code.bytes().position(|c| c == b'I') {
        return Some(format!("ICD-10-PCS codes never contain the letter I; did you mean 1 (one) at position {}?", pos.saturating_add(1)));
    }
    if code.len() > 7 {
        return Some(format!("{code} has {} characters; ICD-10-PCS codes have exactly 7", code.len()));
    }
    if let Some(first) = code.as_bytes().first() {
        if !PCS_SECTIONS.contains(first) {
            if cpt_category(code).is_some() || is_level2(code) {
                return Some(format!("{code} looks like a CPT/HCPCS procedure code; this field takes a 7-character ICD-10-PCS code"));
            }
            if looks_like_icd10cm(code, false) {
                return Some(format!("{code} looks like an ICD-10-CM diagnosis code; this field takes a 7-character ICD-10-PCS code"));
            }
            return Some(format!(
                "the first character of an ICD-10-PCS code is its section (0-9, B, C, D, F, G, H or X), not {}",
                *first as char
            ));
        }
    }
    if code.len() == 5 && (cpt_category(code).is_some() || is_level2(code)) {
        return Some(format!("{code} looks like a CPT/HCPCS procedure code; this field takes a 7-character ICD-10-PCS code"));
    }
    None
}

/// Known CPT (Level I) modifier numbers. CMS does not publish these (AMA copyright); this list
/// holds numbers only, no descriptions.
pub const CPT_MODIFIERS: &[&str] = &[
    "22", "23", "24", "25", "26", "27", "32", "33", "47", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "62",
    "63", "66", "73", "74", "76", "77", "78", "79", "80", "81", "82", "90", "91", "92", "93", "95", "96", "97", "99", "1P",
    "2P", "3P", "8P",
];

/// True for a known CPT modifier number.
pub fn is_cpt_modifier(m: &str) -> bool {
    CPT_MODIFIERS.contains(&m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(cpt_category("99213"), Some(CptCategory::One));
        assert_eq!(cpt_category("0001U"), Some(CptCategory::Pla));
        assert_eq!(cpt_category("0042T"), Some(CptCategory::Three));
        assert_eq!(cpt_category("1036F"), Some(CptCategory::Two));
        assert_eq!(cpt_category("0002M"), Some(CptCategory::Maa));
        assert_eq!(cpt_category("J1100"), None);
        assert!(is_level2("J1100") && !is_level2("99213"));
        assert!(looks_like_pcs("0DTJ4ZZ") && !looks_like_pcs("0DTJ4ZO"));
        assert!(pcs_problem("0DTJ4ZO", false).unwrap().contains("letter O"));
        assert!(pcs_problem("J159", true).unwrap().contains("ICD-10-CM"));
    }
}
