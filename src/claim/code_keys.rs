//! Exact lookups in the claim section's seven-wide diagnosis key columns (MCE codes, POA-exempt
//! codes), one integer comparison per bisection step: a code of at most seven characters,
//! padded with spaces as the column stores it, read as one big-endian number sorts the way the
//! column does (the padding sorts before any code character).
use crate::blob::columns::FixedKeys;

/// The key number of a code; `None` when no key of the column can be it (longer than seven
/// characters, or holding a space or control character).
pub(crate) fn key_number(code: &[u8]) -> Option<u64> {
    if code.len() > 7 || code.iter().any(|&b| b <= b' ') {
        return None;
    }
    let mut b = [b' ', b' ', b' ', b' ', b' ', b' ', b' ', 0];
    b.get_mut(..code.len())?.copy_from_slice(code);
    Some(u64::from_be_bytes(b))
}

/// The key number of row `i` of a seven-wide column.
fn row_number(keys: &FixedKeys<'_>, i: usize) -> Option<u64> {
    let start = i.checked_mul(7)?;
    let k = keys.bytes.get(start..start.checked_add(7)?)?;
    let mut b = [0u8; 8];
    b.get_mut(..7)?.copy_from_slice(k);
    Some(u64::from_be_bytes(b))
}

/// Index of the first row whose key is `>= k` in a seven-wide column.
fn lower_bound(keys: &FixedKeys<'_>, k: u64) -> usize {
    let (mut lo, mut hi) = (0usize, keys.len());
    while lo < hi {
        // mid < hi, so neither step can saturate.
        let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
        match row_number(keys, mid) {
            Some(m) if m < k => lo = mid.saturating_add(1),
            _ => hi = mid,
        }
    }
    lo
}

/// The rows holding exactly `code` in a seven-wide column (empty when none).
pub(crate) fn rows_of(keys: &FixedKeys<'_>, code: &[u8]) -> core::ops::Range<usize> {
    let Some(k) = key_number(code) else { return 0..0 };
    let start = lower_bound(keys, k);
    let mut end = start;
    while row_number(keys, end) == Some(k) {
        end = end.saturating_add(1);
    }
    start..end
}

/// True when a key of the column is a beginning of `code` at least `shortest` characters long.
/// Such keys sort between the code's first `shortest` characters and the code itself, so one
/// bisection and a short forward scan find them; a long run falls back to one lookup per length.
pub(crate) fn has_beginning_of(keys: &FixedKeys<'_>, code: &[u8], shortest: usize) -> bool {
    const SCAN: usize = 32;
    let (Some(head), Some(whole)) = (code.get(..shortest).and_then(key_number), key_number(code)) else { return false };
    let start = lower_bound(keys, head);
    for i in start..start.saturating_add(SCAN) {
        let Some(k) = row_number(keys, i) else { return false };
        if k > whole {
            return false;
        }
        let Some(key) = keys.key(i) else { return false };
        if code.starts_with(key) {
            return true;
        }
    }
    (shortest..=code.len()).any(|n| code.get(..n).is_some_and(|p| !rows_of(keys, p).is_empty()))
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
