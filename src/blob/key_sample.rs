//! A sample of a big sorted key column, kept per thread (natively and in wasm): a search first
//! looks up its first two characters in a table of where each such start begins among every
//! [`STEP`]-th row, bisects those few sampled rows, then one block of `STEP` rows, instead of
//! jumping across the whole column (hundreds of kilobytes, about a cache miss a step).
//! Samples are found by the column's address and shape and are only a hint: the block's
//! bounds are checked against the column itself, so a stale sample (a column freed and
//! another placed at the same address) is dropped and costs one plain bisection, never a
//! wrong answer.
use super::columns::FixedKeys;
use std::cell::RefCell;

/// Rows per sampled row.
const STEP: usize = 32;
/// Columns shorter than this are bisected directly (they stay in cache anyway).
pub(crate) const MIN_ROWS: usize = 2048;
/// Samples each thread keeps (a blob has a handful of big columns).
const KEPT: usize = 16;

/// The numbers of rows 0, STEP, 2·STEP, … of one column.
struct Sample {
    /// The column's address, byte length and width.
    at: (usize, usize, u8),
    numbers: Box<[u64]>,
    /// `starts[b]`: the first sampled row whose [`bucket`] is `b` or above (`BUCKETS + 1` values).
    starts: Box<[u32]>,
}

/// Buckets of the first two characters, 64 values each.
const BUCKETS: usize = 64 * 64;

/// A number's first two bytes as a bucket: numbers in a higher bucket are higher. Codes use
/// bytes from the space (padding) up; 0xFF (the top of a prefix's range) falls in the last.
fn bucket(n: u64) -> usize {
    let byte = |shift: u32| usize::from(((n >> shift) as u8).saturating_sub(b' ').min(63));
    byte(56).saturating_mul(64).saturating_add(byte(48))
}

thread_local! {
    static SAMPLES: RefCell<Vec<Sample>> = const { RefCell::new(Vec::new()) };
}

/// Index of the first row of the whole column whose number is `>= n` (the column's length
/// when none); `None` when the column has no sample (too short, wider than eight bytes) or the
/// sample does not match the column.
pub(crate) fn first_at_least(keys: &FixedKeys<'_>, n: u64) -> Option<usize> {
    let at = (keys.bytes.as_ptr() as usize, keys.bytes.len(), keys.width);
    let block = |s: &[Sample]| {
        let sample = s.iter().find(|s| s.at == at)?;
        // Sampled rows of a lower bucket are below `n`, those of a higher one above it.
        let b = bucket(n);
        let from = *sample.starts.get(b)? as usize;
        let to = *sample.starts.get(b.checked_add(1)?)? as usize;
        // The first sampled row at or above `n` is row j·STEP; the one before it is below.
        let j = from.checked_add(sample.numbers.get(from..to)?.partition_point(|&m| m < n))?;
        let lo = j.checked_sub(1).map_or(Some(0), |p| p.checked_mul(STEP)?.checked_add(1))?;
        Some((lo, j.checked_mul(STEP)?.min(keys.len())))
    };
    let found = SAMPLES.with(|s| s.try_borrow().ok().and_then(|s| block(&s)));
    let (lo, hi) = match found {
        Some(b) => b,
        None => {
            let sample = build(keys, at)?;
            SAMPLES.with(|s| {
                let mut s = s.try_borrow_mut().ok()?;
                if s.len() >= KEPT {
                    s.remove(0);
                }
                s.push(sample);
                block(&s)
            })?
        }
    };
    // Row lo - 1 is below `n` and row hi (or the end) is not: the answer is in lo..=hi.
    let below = |i: usize| keys.row_number(i).is_some_and(|m| m < n);
    let lower_ok = lo == 0 || lo.checked_sub(1).is_some_and(below);
    let upper_ok = hi >= keys.len() || !below(hi);
    if lower_ok && upper_ok && lo <= hi {
        return Some(super::columns::partition_point(lo..hi, below));
    }
    // Stale: built again at the next search.
    SAMPLES.with(|s| s.try_borrow_mut().map(|mut s| s.retain(|s| s.at != at)).ok());
    None
}

fn build(keys: &FixedKeys<'_>, at: (usize, usize, u8)) -> Option<Sample> {
    if keys.len() < MIN_ROWS {
        return None;
    }
    let numbers = (0..keys.len()).step_by(STEP).map(|i| keys.row_number(i)).collect::<Option<Box<[u64]>>>()?;
    let starts = (0..=BUCKETS).map(|b| u32::try_from(numbers.partition_point(|&m| bucket(m) < b)).ok()).collect::<Option<Box<[u32]>>>()?;
    Some(Sample { at, numbers, starts })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys padded with spaces to seven bytes, as a column stores them.
    fn column(keys: &[String]) -> Vec<u8> {
        keys.iter().flat_map(|k| format!("{k:<7}").into_bytes()).collect()
    }

    #[test]
    fn agrees_with_the_plain_bisection_on_every_key_and_gap() {
        // Sorted, with repeats and gaps, long enough to be sampled.
        let keys: Vec<String> = (0..6000u32).map(|i| format!("A{:04}", i / 3 * 2)).collect();
        let bytes = column(&keys);
        let col = FixedKeys { width: 7, bytes: &bytes };
        let probes = (0..4100u32).map(|i| format!("A{i:04}")).chain(["A", "B", "0", "A1", "A39", "A4", "Z"].map(String::from));
        for probe in probes {
            let n = col.number(probe.as_bytes(), b' ').unwrap();
            let plain = crate::blob::columns::partition_point(0..col.len(), |i| col.row_number(i).is_some_and(|m| m < n));
            assert_eq!(first_at_least(&col, n), Some(plain), "{probe}");
        }
    }

    #[test]
    fn a_stale_sample_is_not_used() {
        let keys: Vec<String> = (0..4096u32).map(|i| format!("B{i:04}")).collect();
        let mut bytes = column(&keys);
        let n = FixedKeys { width: 7, bytes: &bytes }.number(b"B2000", b' ').unwrap();
        assert_eq!(first_at_least(&FixedKeys { width: 7, bytes: &bytes }, n), Some(2000));
        // Same address and shape, other keys: the sampled block no longer brackets the answer.
        let other: Vec<String> = (0..4096u32).map(|i| format!("B{:04}", i / 2)).collect();
        bytes.copy_from_slice(&column(&other));
        let col = FixedKeys { width: 7, bytes: &bytes };
        assert_eq!(first_at_least(&col, n), None);
        assert_eq!(col.first_at_least(0..col.len(), n), 4000, "sampled again");
        assert_eq!(first_at_least(&col, n), Some(4000));
    }
}
