//! Exact lookups in the claim section's seven-wide diagnosis key columns (MCE codes, POA-exempt
//! codes), one integer comparison per bisection step ([`FixedKeys::number`]): a code of at
//! most seven characters, padded with spaces as the column stores it, read as one big-endian
//! number sorts the way the column does (the padding sorts before any code character).
use crate::blob::columns::FixedKeys;

/// The rows holding exactly `code` in a seven-wide column (empty when none).
pub(crate) fn rows_of(keys: &FixedKeys<'_>, code: &[u8]) -> core::ops::Range<usize> {
    let Some(k) = keys.number(code, b' ') else { return 0..0 };
    let start = keys.first_at_least(0..keys.len(), k);
    let mut end = start;
    while keys.row_number(end) == Some(k) {
        end = end.saturating_add(1);
    }
    start..end
}

/// True when a key of the column is a beginning of `code` at least `shortest` characters long.
/// The last key not above the code is such a beginning, or else shares some first characters
/// with it; no longer beginning can exist (it would sort between the two), so the search goes
/// on with that shared part: one bisection per step, and the part shrinks every step.
pub(crate) fn has_beginning_of(keys: &FixedKeys<'_>, code: &[u8], shortest: usize) -> bool {
    let mut head = code;
    while head.len() >= shortest && !head.is_empty() {
        let Some(k) = keys.number(head, b' ') else { return false };
        // The first row above `head`.
        let above = keys.first_at_least(0..keys.len(), k.saturating_add(1));
        let Some(key) = above.checked_sub(1).and_then(|i| keys.key(i)) else { return false };
        if head.starts_with(key) {
            return key.len() >= shortest;
        }
        // Shorter than `head` in a sorted column; `min` keeps a damaged one from looping.
        let shared = key.iter().zip(head).take_while(|(a, b)| a == b).count();
        head = head.get(..shared.min(head.len().saturating_sub(1))).unwrap_or(&[]);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_codes_as_the_padded_column_sorts_them() {
        // Sorted as stored: "A00" < "A000" < "A001" < "A01" < "B20" (twice) < "Z3A0".
        let bytes = b"A00    A000   A001   A01    B20    B20    Z3A0   ";
        let keys = FixedKeys { width: 7, bytes };
        assert_eq!(rows_of(&keys, b"A00"), 0..1);
        assert_eq!(rows_of(&keys, b"A001"), 2..3);
        assert_eq!(rows_of(&keys, b"B20"), 4..6);
        assert_eq!(rows_of(&keys, b"Z3A0"), 6..7);
        assert!(rows_of(&keys, b"A0").is_empty());
        assert!(rows_of(&keys, b"A0011").is_empty());
        assert!(rows_of(&keys, b"Z3A01234").is_empty());
        assert!(rows_of(&keys, b"A00 ").is_empty());
        assert!(rows_of(&keys, b"").is_empty());
    }

    #[test]
    fn finds_a_key_that_begins_the_code() {
        let bytes = b"A00    A000   A001   A01    B20    B20    Z3A0   ";
        let keys = FixedKeys { width: 7, bytes };
        assert!(has_beginning_of(&keys, b"A0019", 3));
        assert!(has_beginning_of(&keys, b"A009", 3));
        assert!(has_beginning_of(&keys, b"B2011", 3));
        assert!(has_beginning_of(&keys, b"Z3A0", 3));
        assert!(!has_beginning_of(&keys, b"A01", 4));
        assert!(!has_beginning_of(&keys, b"A02", 3));
        assert!(!has_beginning_of(&keys, b"Z3A1", 3));
        assert!(!has_beginning_of(&keys, b"A0", 3));
        // More keys of the category than one scan takes: the lookups by length answer.
        let many: Vec<u8> = (0..40).flat_map(|i| format!("C1{i:02}   ").into_bytes()).chain(*b"C19    ").collect();
        let keys = FixedKeys { width: 7, bytes: &many };
        assert!(has_beginning_of(&keys, b"C1912", 2));
        assert!(!has_beginning_of(&keys, b"C18", 2));
        assert!(!has_beginning_of(&keys, b"C2", 2));
    }
}
