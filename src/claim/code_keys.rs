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
}
