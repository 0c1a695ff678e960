//! The masked answer sheet of a sealed practice exercise: each expected code's label and the
//! author's explanation, shown only when the learner asks for the answers.
//!
//! Masking is not encryption. The sheet is XOR-ed with a keystream derived from the salt
//! that travels with the exercise, so anyone who runs the engine (or reads this file) can
//! unmask it; it only keeps the key from being read as an answer list in the JSON file.
//! Exams are sealed without a sheet.
use super::sha256;
use serde::{Deserialize, Serialize};

/// What the learner may see of one expected code once the answers are revealed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    /// The code in standard form (`J18.9`, `73502-RT`).
    pub label: String,
    pub explanation: Option<String>,
}

/// Masks the sheet (postcard bytes XOR keystream) as lower-case hex.
pub fn mask(sheet: &[Shown], salt: &str) -> String {
    let bytes = postcard::to_allocvec(sheet).unwrap_or_default();
    let masked = xor(&bytes, salt);
    sha256::to_hex(&masked)
}

/// The sheet from its masked hex, or `None` when it was altered or masked with another salt.
pub fn unmask(hex: &str, salt: &str) -> Option<Vec<Shown>> {
    let bytes = from_hex(hex)?;
    postcard::from_bytes(&xor(&bytes, salt)).ok()
}

fn xor(data: &[u8], salt: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for (n, chunk) in data.chunks(32).enumerate() {
        let block = sha256::digest(format!("claimlint-reveal\u{1f}{salt}\u{1f}{n}").as_bytes());
        out.extend(chunk.iter().zip(block.iter()).map(|(a, b)| a ^ b));
    }
    out
}

fn from_hex(hex: &str) -> Option<Vec<u8>> {
    if hex.len() % 2 != 0 {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i.checked_add(2)?)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_wrong_salt() {
        let sheet = vec![
            Shown {
                label: "J18.9".into(),
                explanation: Some("Pneumonia, organism not named.".into()),
            },
            Shown {
                label: "71046".into(),
                explanation: None,
            },
        ];
        let hex = mask(&sheet, "s1");
        assert!(!hex.to_ascii_uppercase().contains("J18"));
        assert_eq!(unmask(&hex, "s1"), Some(sheet.clone()));
        assert_ne!(unmask(&hex, "s2"), Some(sheet));
        assert_eq!(unmask("zz", "s1"), None);
        assert_eq!(unmask("abc", "s1"), None);
    }
}
