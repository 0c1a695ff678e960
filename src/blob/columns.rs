//! Zero-copy column views over blob bytes, and their builders.
//!
//! Every accessor is bounds-checked and returns `Option`, so a damaged section can never
//! panic a reader; sections validate their shapes once at open so lookups rarely see `None`.
use serde::{Deserialize, Serialize};

/// Little-endian `u32` values laid end to end.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, yoke::Yokeable)]
pub struct U32Col<'a>(#[serde(borrow)] pub &'a [u8]);

impl<'a> U32Col<'a> {
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The value at `i`, or `None` past the end.
    #[inline]
    pub fn get(&self, i: usize) -> Option<u32> {
        let start = i.checked_mul(4)?;
        let b = self.0.get(start..start.checked_add(4)?)?;
        Some(u32::from_le_bytes([*b.first()?, *b.get(1)?, *b.get(2)?, *b.get(3)?]))
    }
    /// True when the byte length is a whole number of values.
    pub fn well_formed(&self) -> bool {
        self.0.len() % 4 == 0
    }
    /// Index of the first value `>= x` in a sorted column.
    pub fn lower_bound(&self, x: u32) -> usize {
        partition_point(0..self.len(), |i| self.get(i).is_some_and(|v| v < x))
    }
    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        let s = self.0;
        s.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap_or([0; 4])))
    }
}

/// The first index of `rows` where `below` turns false (`rows.start` for an empty range), for
/// a `below` true on a first part of the rows and false after it: a bisection whose steps are
/// conditional moves, not branches (which way a search turns is as good as random, so a
/// branch would be mispredicted about every other step).
pub(crate) fn partition_point(rows: core::ops::Range<usize>, below: impl Fn(usize) -> bool) -> usize {
    if rows.start >= rows.end {
        return rows.start;
    }
    // Every index below `base` is below; the answer is in `base..=base + size`.
    let (mut base, mut size) = (rows.start, rows.end.saturating_sub(rows.start));
    while size > 1 {
        let half = size / 2;
        // base + half < rows.end, so neither step can saturate.
        let mid = base.saturating_add(half);
        base = if below(mid) { mid } else { base };
        size = size.saturating_sub(half);
    }
    base.saturating_add(usize::from(below(base)))
}

/// `u32` values stored as zigzag varints of their (wrapping) differences: a column of ids or
/// positions that mostly climb compresses to a fraction of [`U32Col`]'s size (ICD-10-CM's title
/// ids: 31 KB brotli instead of 48 KB). The values are decoded once, on the first lookup.
#[derive(Clone, Debug, Default, Serialize, Deserialize, yoke::Yokeable)]
pub struct DeltaCol<'a> {
    /// Number of values.
    pub len: u32,
    #[serde(borrow)]
    pub bytes: &'a [u8],
    #[serde(skip)]
    values: std::sync::OnceLock<Vec<u32>>,
}

impl<'a> DeltaCol<'a> {
    pub fn new(len: u32, bytes: &'a [u8]) -> DeltaCol<'a> {
        DeltaCol { len, bytes, values: std::sync::OnceLock::new() }
    }
    fn values(&self) -> &[u32] {
        self.values.get_or_init(|| {
            let mut out = Vec::with_capacity(usize::try_from(self.len).unwrap_or(0).min(self.bytes.len()));
            let (mut prev, mut acc, mut shift) = (0u32, 0u32, 0u32);
            for &b in self.bytes {
                if shift > 28 {
                    break; // damaged: more than five bytes in one varint
                }
                acc |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
                if b & 0x80 != 0 {
                    shift = shift.saturating_add(7);
                    continue;
                }
                // Zigzag back to a signed difference; the sum wraps as the writer's did.
                let delta = (acc >> 1) ^ (acc & 1).wrapping_neg();
                prev = prev.wrapping_add(delta);
                out.push(prev);
                (acc, shift) = (0, 0);
            }
            out
        })
    }
    pub fn len(&self) -> usize {
        usize::try_from(self.len).unwrap_or(0)
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// True when the bytes decode to exactly `len` values (decodes them).
    pub fn well_formed(&self) -> bool {
        self.values().len() == self.len()
    }
    #[inline]
    pub fn get(&self, i: usize) -> Option<u32> {
        self.values().get(i).copied()
    }
    /// Index of the first value `>= x` in a sorted column.
    pub fn lower_bound(&self, x: u32) -> usize {
        self.values().partition_point(|&v| v < x)
    }
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.values().iter().copied()
    }
}

/// Little-endian `u16` values laid end to end.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, yoke::Yokeable)]
pub struct U16Col<'a>(#[serde(borrow)] pub &'a [u8]);

impl<'a> U16Col<'a> {
    pub fn len(&self) -> usize {
        self.0.len() / 2
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline]
    pub fn get(&self, i: usize) -> Option<u16> {
        let start = i.checked_mul(2)?;
        let b = self.0.get(start..start.checked_add(2)?)?;
        Some(u16::from_le_bytes([*b.first()?, *b.get(1)?]))
    }
    pub fn well_formed(&self) -> bool {
        self.0.len() % 2 == 0
    }
}

/// Sorted fixed-width ASCII keys (right-padded with spaces), searched by bisection.
///
/// Medical codes are short and share prefixes, so a sorted fixed-width table gives prefix
/// ranges (completions, "valid so far" states) for free, and needs no build step at open.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, yoke::Yokeable)]
pub struct FixedKeys<'a> {
    pub width: u8,
    #[serde(borrow)]
    pub bytes: &'a [u8],
}

impl<'a> FixedKeys<'a> {
    pub fn len(&self) -> usize {
        // Width 0 (a damaged section) holds no keys.
        self.bytes.len().checked_div(usize::from(self.width)).unwrap_or(0)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn well_formed(&self) -> bool {
        self.bytes.len().checked_rem(usize::from(self.width)) == Some(0)
    }
    /// The key at `i` without its padding.
    #[inline]
    pub fn key(&self, i: usize) -> Option<&'a [u8]> {
        let w = usize::from(self.width);
        let start = i.checked_mul(w)?;
        let k = self.bytes.get(start..start.checked_add(w)?)?;
        let end = k.iter().position(|&c| c == b' ').unwrap_or(k.len());
        k.get(..end)
    }
    /// The key at `i` as text.
    pub fn key_str(&self, i: usize) -> Option<&'a str> {
        core::str::from_utf8(self.key(i)?).ok()
    }
    /// A key of at most eight bytes as one big-endian number, padded to the column's width
    /// with `fill` (a space, as stored, or `0xFF` for the top of a prefix's range); bytes past
    /// the width are zero. `None` when the column is wider than eight bytes, the key wider than
    /// the column, or a byte of it not above the padding. Numbers of such keys and of the rows
    /// (see [`FixedKeys::row_number`]) sort as the keys do, so a bisection step is one integer
    /// comparison rather than a byte-by-byte one.
    #[inline]
    pub(crate) fn number(&self, k: &[u8], fill: u8) -> Option<u64> {
        let w = usize::from(self.width);
        if w > 8 || k.len() > w || k.iter().any(|&b| b <= b' ') {
            return None;
        }
        let mut b = [0u8; 8];
        for (i, d) in b.iter_mut().enumerate().take(w) {
            *d = k.get(i).copied().unwrap_or(fill);
        }
        Some(u64::from_be_bytes(b))
    }
    /// Row `i` as a number (its padded bytes, big-endian, zero past the width); `None` past
    /// the end or for a column wider than eight bytes.
    #[inline(always)]
    pub(crate) fn row_number(&self, i: usize) -> Option<u64> {
        let w = usize::from(self.width);
        let start = i.checked_mul(w)?;
        let end = start.checked_add(w)?;
        let clear = u32::try_from(8usize.checked_sub(w)?.checked_mul(8)?).ok()?;
        // One eight-byte read where the column has the bytes, masked to the width.
        if let Some(b) = self.bytes.get(start..start.checked_add(8)?).and_then(|s| <[u8; 8]>::try_from(s).ok()) {
            return Some(u64::from_be_bytes(b) & u64::MAX.checked_shl(clear).unwrap_or(0));
        }
        let mut b = [0u8; 8];
        for (d, s) in b.iter_mut().zip(self.bytes.get(start..end)?) {
            *d = *s;
        }
        Some(u64::from_be_bytes(b))
    }
    /// Index of the first row among `rows` whose number is `>= n` (`rows.end` when none).
    /// A search over many rows starts in the column's sample ([`super::key_sample`]):
    /// in a sorted column the answer among `rows` is the whole column's answer kept inside them.
    pub(crate) fn first_at_least(&self, rows: core::ops::Range<usize>, n: u64) -> usize {
        let rows = rows.start..rows.end.min(self.len());
        if rows.end.saturating_sub(rows.start) >= super::key_sample::MIN_ROWS {
            if let Some(i) = super::key_sample::first_at_least(self, n) {
                return i.max(rows.start).min(rows.end);
            }
        }
        partition_point(rows, #[inline(always)] |i| self.row_number(i).is_some_and(|m| m < n))
    }
    /// Index of the first key `>= k` (bytewise, padding sorts before any code character).
    pub fn lower_bound(&self, k: &[u8]) -> usize {
        if let Some(n) = self.number(k, b' ') {
            return self.first_at_least(0..self.len(), n);
        }
        let (mut lo, mut hi) = (0usize, self.len());
        while lo < hi {
            // mid < hi, so neither step can saturate.
            let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
            match self.key(mid) {
                Some(m) if short_cmp(m, k).is_lt() => lo = mid.saturating_add(1),
                _ => hi = mid,
            }
        }
        lo
    }
    /// Exact lookup.
    #[inline]
    pub fn find(&self, k: &[u8]) -> Option<usize> {
        let i = self.lower_bound(k);
        (self.key(i)? == k).then_some(i)
    }
    /// Exact lookup among `rows`, a range known to hold the key if the column does (such as
    /// the range of a prefix of it): a shorter bisection over nearby bytes.
    pub fn find_within(&self, rows: core::ops::Range<usize>, k: &[u8]) -> Option<usize> {
        let Some(n) = self.number(k, b' ') else { return self.find(k).filter(|i| rows.contains(i)) };
        let i = self.first_at_least(rows.clone(), n);
        (rows.contains(&i) && self.row_number(i) == Some(n)).then_some(i)
    }
    /// The index range of keys starting with `prefix`.
    pub fn prefix_range(&self, prefix: &[u8]) -> core::ops::Range<usize> {
        if let (Some(lo), Some(hi)) = (self.number(prefix, b' '), self.number(prefix, 0xFF)) {
            // The keys starting with `prefix` are the numbers from `lo` to `hi`.
            let start = self.first_at_least(0..self.len(), lo);
            let end = hi.checked_add(1).map_or(self.len(), |above| self.first_at_least(start..self.len(), above));
            return start..end;
        }
        let start = self.lower_bound(prefix);
        let (mut lo, mut hi) = (start, self.len());
        while lo < hi {
            // mid < hi, so neither step can saturate.
            let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
            match self.key(mid) {
                Some(m) if m.starts_with(prefix) => lo = mid.saturating_add(1),
                _ => hi = mid,
            }
        }
        start..lo
    }
}

/// A read-in-place view whose rows are keyed by one sorted code column (ICD-10-CM, CPT):
/// lookups by code text, written once for every such view.
pub trait CodeTable<'a> {
    /// The sorted code column (no dots, upper case).
    fn codes(&self) -> &FixedKeys<'a>;
    fn len(&self) -> usize {
        self.codes().len()
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Row of an exact code.
    fn find(&self, code: &str) -> Option<usize> {
        self.codes().find(code.as_bytes())
    }
    /// The code of row `i` (empty when out of range).
    fn code(&self, i: usize) -> &'a str {
        self.codes().key_str(i).unwrap_or("")
    }
    /// Rows whose code starts with `prefix`.
    fn prefix_range(&self, prefix: &str) -> core::ops::Range<usize> {
        self.codes().prefix_range(prefix.as_bytes())
    }
}

/// Deduplicated UTF-8 strings: `ends[i]` is the end offset of string `i` in `data`.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, yoke::Yokeable)]
pub struct StrPool<'a> {
    #[serde(borrow)]
    pub ends: U32Col<'a>,
    #[serde(borrow)]
    pub data: &'a str,
}

impl<'a> StrPool<'a> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// String `i`, or `None` when out of range or not on a character boundary.
    #[inline]
    pub fn get(&self, i: u32) -> Option<&'a str> {
        let i = usize::try_from(i).ok()?;
        let start = if i == 0 { 0 } else { self.ends.get(i.checked_sub(1)?)? };
        let end = self.ends.get(i)?;
        self.data.get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)
    }
    pub fn well_formed(&self) -> bool {
        self.ends.well_formed() && self.ends.get(self.ends.len().saturating_sub(1)).is_none_or(|e| e as usize <= self.data.len())
    }
}

/// Deduplicated UTF-8 strings stored one after another, each ended by a NUL byte; string `i`
/// is the `i`-th. Unlike [`StrPool`] it carries no offset column: a column of `u32` ends is
/// nearly incompressible (about 90 KB brotli for ICD-10-CM's 69k strings), while the
/// terminators cost almost nothing. The ends are found once, on the first lookup.
#[derive(Clone, Debug, Default, Serialize, Deserialize, yoke::Yokeable)]
pub struct NulStrs<'a> {
    #[serde(borrow)]
    pub data: &'a str,
    #[serde(skip)]
    ends: std::sync::OnceLock<Vec<u32>>,
}

impl<'a> NulStrs<'a> {
    pub fn new(data: &'a str) -> NulStrs<'a> {
        NulStrs { data, ends: std::sync::OnceLock::new() }
    }
    /// True when the data is empty or ends with a terminator and fits `u32` offsets.
    pub fn well_formed(&self) -> bool {
        u32::try_from(self.data.len()).is_ok() && self.data.as_bytes().last().is_none_or(|&b| b == 0)
    }
    fn ends(&self) -> &[u32] {
        self.ends.get_or_init(|| {
            let bytes = self.data.as_bytes().iter().enumerate();
            bytes.filter(|&(_, &b)| b == 0).filter_map(|(i, _)| u32::try_from(i).ok()).collect()
        })
    }
    pub fn len(&self) -> usize {
        self.ends().len()
    }
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
    /// String `i` (without its terminator), or `None` when out of range.
    #[inline]
    pub fn get(&self, i: u32) -> Option<&'a str> {
        let i = usize::try_from(i).ok()?;
        let ends = self.ends();
        let start = match i.checked_sub(1) {
            None => 0,
            Some(p) => usize::try_from(*ends.get(p)?).ok()?.checked_add(1)?,
        };
        let end = usize::try_from(*ends.get(i)?).ok()?;
        // A NUL is ASCII, so both offsets are character boundaries.
        self.data.get(start..end)
    }
}

#[cfg(feature = "compile")]
#[allow(clippy::expect_used, clippy::panic)]
pub mod build {
    //! Writers for the column types (compile side only).
    use std::collections::HashMap;

    /// Packs `u32` values little-endian.
    pub fn u32s(values: impl IntoIterator<Item = u32>) -> Vec<u8> {
        values.into_iter().flat_map(u32::to_le_bytes).collect()
    }
    /// Zigzag varints of the wrapping differences, the stored form of a [`super::DeltaCol`].
    pub fn deltas(values: impl IntoIterator<Item = u32>) -> Vec<u8> {
        let mut out = Vec::new();
        let mut prev = 0u32;
        for v in values {
            let d = v.wrapping_sub(prev) as i32;
            let mut z = ((d << 1) ^ (d >> 31)) as u32;
            while z >= 0x80 {
                out.push((z as u8) | 0x80);
                z >>= 7;
            }
            out.push(z as u8);
            prev = v;
        }
        out
    }
    /// Packs `u16` values little-endian.
    pub fn u16s(values: impl IntoIterator<Item = u16>) -> Vec<u8> {
        values.into_iter().flat_map(u16::to_le_bytes).collect()
    }
    /// Packs sorted keys right-padded with spaces to `width`. Keys must be sorted and unique.
    pub fn fixed_keys<S: AsRef<[u8]>>(keys: &[S], width: u8) -> Vec<u8> {
        let w = usize::from(width);
        let mut out = Vec::with_capacity(keys.len().saturating_mul(w));
        for k in keys {
            let k = k.as_ref();
            assert!(k.len() <= w && !k.contains(&b' '), "key {:?} does not fit width {w}", String::from_utf8_lossy(k));
            out.extend_from_slice(k);
            out.resize(out.len().saturating_add(w.saturating_sub(k.len())), b' ');
        }
        out
    }

    /// Interns strings so text shared by vintages or codes is stored once.
    #[derive(Default, Debug)]
    pub struct StrPoolBuilder {
        ids: HashMap<String, u32>,
        ends: Vec<u32>,
        data: String,
    }

    impl StrPoolBuilder {
        pub fn intern(&mut self, s: &str) -> u32 {
            if let Some(&id) = self.ids.get(s) {
                return id;
            }
            let id = u32::try_from(self.ends.len()).expect("fewer than 2^32 strings");
            self.data.push_str(s);
            self.ends.push(u32::try_from(self.data.len()).expect("string pool under 4 GiB"));
            self.ids.insert(s.to_owned(), id);
            id
        }
        /// `(ends bytes, data)` ready to store as a [`super::StrPool`].
        pub fn finish(self) -> (Vec<u8>, String) {
            (u32s(self.ends), self.data)
        }
        /// The strings NUL-terminated, in id order, ready to store as a [`super::NulStrs`].
        pub fn finish_nul(self) -> String {
            let mut out = String::with_capacity(self.data.len().saturating_add(self.ends.len()));
            let mut start = 0usize;
            for &end in &self.ends {
                let s = &self.data[start..end as usize];
                assert!(!s.contains('\0'), "string {s:?} holds a NUL");
                out.push_str(s);
                out.push('\0');
                start = end as usize;
            }
            out
        }
    }
}

#[cfg(all(test, feature = "compile"))]
mod tests {
    use super::*;

    #[test]
    fn fixed_keys_find_and_prefix() {
        let keys = ["A00", "A000", "A001", "A01", "B99"];
        let bytes = build::fixed_keys(&keys, 7);
        let fk = FixedKeys { width: 7, bytes: &bytes };
        assert_eq!(fk.len(), 5);
        assert_eq!(fk.find(b"A001"), Some(2));
        assert_eq!(fk.find(b"A0"), None);
        assert_eq!(fk.prefix_range(b"A00"), 0..3);
        assert_eq!(fk.prefix_range(b"C"), 5..5);
        assert_eq!(fk.key_str(4), Some("B99"));
        assert_eq!(fk.key(5), None);
    }

    #[test]
    fn branch_free_bisection_finds_the_first_row_not_below() {
        // Every split point of every range up to 40 rows, against a linear scan.
        for start in 0..4usize {
            for end in start..40 {
                for split in start..=end {
                    assert_eq!(partition_point(start..end, |i| i < split), split, "{start}..{end} split at {split}");
                }
            }
        }
        // A reversed (empty) range answers its start.
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = 7..3;
        assert_eq!(partition_point(reversed, |_| true), 7);
    }

    #[test]
    fn number_bisection_agrees_with_bytewise_order() {
        let keys = ["A0", "A00", "A000", "A001", "A0019", "A01", "B99", "B990", "Z3A0", "Z3A01ZZ", "ZZZZZZZ"];
        let bytes = build::fixed_keys(&keys, 7);
        let fk = FixedKeys { width: 7, bytes: &bytes };
        let queries: [&[u8]; 16] = [
            b"", b"A", b"A0", b"A00", b"A000", b"A0010", b"A002", b"B", b"B99", b"B9900", b"Z", b"Z3A01ZZ", b"ZZZZZZZ", b"a0",
            // Not numbers (a space, longer than the column): the bytewise search answers.
            b"A0 1", b"A0019999",
        ];
        for q in queries {
            let first = keys.iter().position(|k| short_cmp(k.as_bytes(), q).is_ge()).unwrap_or(keys.len());
            let with: Vec<usize> = (0..keys.len()).filter(|&i| keys[i].as_bytes().starts_with(q)).collect();
            let prefix = with.first().map_or(first..first, |&a| a..with.last().unwrap() + 1);
            assert_eq!(fk.lower_bound(q), first, "lower bound of {:?}", String::from_utf8_lossy(q));
            assert_eq!(fk.prefix_range(q), prefix, "prefix range of {:?}", String::from_utf8_lossy(q));
        }
        for (q, within) in [(&b"A001"[..], 0..6), (b"A001", 3..4), (b"A001", 4..11), (b"B990", 6..8), (b"A0 1", 0..11), (b"C00", 0..11)] {
            let at = keys.iter().position(|k| k.as_bytes() == q).filter(|i| within.contains(i));
            assert_eq!(fk.find_within(within.clone(), q), at, "{:?} within {within:?}", String::from_utf8_lossy(q));
        }
        // The last row, fewer than eight bytes from the end, reads as the others do.
        assert_eq!(fk.row_number(keys.len() - 1), fk.number(b"ZZZZZZZ", b' '));
        assert_eq!(fk.row_number(keys.len()), None);
    }

    #[test]
    fn pool_dedups_and_bounds() {
        let mut b = build::StrPoolBuilder::default();
        assert_eq!(b.intern("x"), 0);
        assert_eq!(b.intern("yy"), 1);
        assert_eq!(b.intern("x"), 0);
        let (ends, data) = b.finish();
        let p = StrPool { ends: U32Col(&ends), data: &data };
        assert_eq!(p.get(1), Some("yy"));
        assert_eq!(p.get(2), None);
        assert_eq!(U32Col(&ends[..5]).get(1), None);
    }

    #[test]
    fn delta_columns_round_trip() {
        let values = [5u32, 6, 7, 3, u32::MAX, 0, 1_000_000, 1_000_000];
        let bytes = build::deltas(values);
        let col = DeltaCol::new(values.len() as u32, &bytes);
        assert!(col.well_formed());
        assert_eq!(col.iter().collect::<Vec<_>>(), values);
        assert_eq!((col.get(4), col.get(8)), (Some(u32::MAX), None));
        let sorted = build::deltas([1u32, 4, 4, 9]);
        assert_eq!(DeltaCol::new(4, &sorted).lower_bound(4), 1);
        // A count the bytes do not hold, or a truncated varint, is not well formed.
        assert!(!DeltaCol::new(5, &sorted).well_formed());
        assert!(!DeltaCol::new(1, &[0x80]).well_formed());
    }

    #[test]
    fn nul_strings_round_trip() {
        let mut b = build::StrPoolBuilder::default();
        for s in ["Cholera", "", "due to Vibrio cholerae", "Cholera"] {
            b.intern(s);
        }
        let data = b.finish_nul();
        assert_eq!(data, "Cholera\0\0due to Vibrio cholerae\0");
        let p = NulStrs::new(&data);
        assert!(p.well_formed());
        assert_eq!((p.len(), p.get(0), p.get(1), p.get(2), p.get(3)), (3, Some("Cholera"), Some(""), Some("due to Vibrio cholerae"), None));
        assert!(!NulStrs::new("unterminated").well_formed());
        assert_eq!(NulStrs::new("").get(0), None);
    }
}

/// Bytewise order of two short keys, inline: for keys of a few bytes a library `memcmp`
/// call costs more than the comparison, and lookups do a dozen per binary search.
#[inline]
pub fn short_cmp(a: &[u8], b: &[u8]) -> core::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}
