//! Read-in-place lookups over one PTP table: bisection to the column-one group, bisection to
//! the block holding the column-two code, then a short varint decode.
use super::section::TableSection;
use super::varint;

/// One decoded row: column-two code id and attribute index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawRow {
    pub column_two: u16,
    pub attr: u32,
}

/// Rows of one block, in stored order.
#[derive(Clone, Debug)]
pub struct BlockRows<'a> {
    bytes: &'a [u8],
    pos: usize,
    column_two: u32,
    attr: u32,
}

impl<'a> BlockRows<'a> {
    fn new(bytes: &'a [u8]) -> BlockRows<'a> {
        BlockRows { bytes, pos: 0, column_two: 0, attr: 0 }
    }
}

impl Iterator for BlockRows<'_> {
    type Item = RawRow;
    #[inline]
    fn next(&mut self) -> Option<RawRow> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let header = varint::read(self.bytes, &mut self.pos)?;
        self.column_two = self.column_two.checked_add(header >> 1)?;
        if header & 1 == 1 {
            self.attr = varint::read(self.bytes, &mut self.pos)?;
        }
        Some(RawRow { column_two: u16::try_from(self.column_two).ok()?, attr: self.attr })
    }
}

/// Bisection over a sorted `u16` column: index of the first value `>= x`.
fn lower_bound_u16(col: &crate::blob::columns::U16Col<'_>, x: u16) -> usize {
    let (mut lo, mut hi) = (0usize, col.len());
    while lo < hi {
        let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
        match col.get(mid) {
            Some(v) if v < x => lo = mid.saturating_add(1),
            _ => hi = mid,
        }
    }
    lo
}

impl<'a> TableSection<'a> {
    /// Number of column-one groups.
    pub fn groups(&self) -> usize {
        self.column_one.len()
    }

    /// Checks that the columns fit together (lengths, ends, monotonic offsets).
    pub fn well_formed(&self, codes: usize) -> bool {
        let groups = self.column_one.len();
        let blocks = self.block_offset.len().saturating_sub(1);
        if !self.column_one.well_formed() || !self.group_block.well_formed() || !self.block_offset.well_formed() {
            return false;
        }
        if self.group_block.len() != groups.saturating_add(1) || self.block_offset.is_empty() {
            return false;
        }
        let monotonic = |col: &crate::blob::columns::U32Col<'_>| col.iter().try_fold(0u32, |prev, v| (v >= prev).then_some(v)).is_some();
        monotonic(&self.group_block)
            && monotonic(&self.block_offset)
            && self.group_block.get(groups).and_then(|v| usize::try_from(v).ok()) == Some(blocks)
            && self.block_offset.get(blocks).and_then(|v| usize::try_from(v).ok()) == Some(self.rows.len())
            && self.column_one.get(groups.saturating_sub(1)).is_none_or(|c| usize::from(c) < codes)
    }

    /// The group of a column-one code id.
    pub fn group(&self, column_one: u16) -> Option<usize> {
        let g = lower_bound_u16(&self.column_one, column_one);
        (self.column_one.get(g)? == column_one).then_some(g)
    }

    /// Column-one code id of group `g`.
    pub fn group_code(&self, g: usize) -> Option<u16> {
        self.column_one.get(g)
    }

    fn block(&self, b: usize) -> Option<&'a [u8]> {
        let start = usize::try_from(self.block_offset.get(b)?).ok()?;
        let end = usize::try_from(self.block_offset.get(b.checked_add(1)?)?).ok()?;
        self.rows.get(start..end)
    }

    /// Column-two id of a block's first row (its header delta is absolute).
    fn block_first(&self, b: usize) -> Option<u32> {
        let mut pos = 0;
        Some(varint::read(self.block(b)?, &mut pos)? >> 1)
    }

    fn group_blocks(&self, g: usize) -> Option<(usize, usize)> {
        let lo = usize::try_from(self.group_block.get(g)?).ok()?;
        let hi = usize::try_from(self.group_block.get(g.checked_add(1)?)?).ok()?;
        Some((lo, hi))
    }

    /// Every row of the pair (column-one id, column-two id), history included.
    #[inline]
    pub fn pair_rows(&self, column_one: u16, column_two: u16) -> impl Iterator<Item = RawRow> + 'a {
        let rows = self.pair_block(column_one, column_two).map(BlockRows::new);
        rows.into_iter()
            .flatten()
            .skip_while(move |r| r.column_two < column_two)
            .take_while(move |r| r.column_two == column_two)
    }

    fn pair_block(&self, column_one: u16, column_two: u16) -> Option<&'a [u8]> {
        let (lo, hi) = self.group_blocks(self.group(column_one)?)?;
        self.block(self.last_block_from(lo, lo, hi, column_two)?)
    }

    /// The last block in `from..hi` (inside group blocks `lo..hi`) whose first column-two code
    /// is <= `column_two`: the block that holds that code's rows, if any does.
    fn last_block_from(&self, lo: usize, from: usize, hi: usize, column_two: u16) -> Option<usize> {
        let (mut l, mut h) = (from, hi);
        while l < h {
            let mid = l.saturating_add(h.saturating_sub(l) / 2);
            match self.block_first(mid) {
                Some(v) if v <= u32::from(column_two) => l = mid.saturating_add(1),
                _ => h = mid,
            }
        }
        l.checked_sub(1).filter(|&b| b >= lo)
    }

    /// The rows of column-one code `column_one` with each of `column_two` (ascending, no
    /// repeats), in one walk over the group: the group is found once, and a block is
    /// decoded at most once however many of the codes it holds. `each(i, row)` gets the index
    /// in `column_two` of the row's code.
    pub fn rows_with_each(&self, column_one: u16, column_two: &[u16], mut each: impl FnMut(usize, RawRow)) {
        let Some((lo, hi)) = self.group(column_one).and_then(|g| self.group_blocks(g)) else { return };
        // The block being decoded, and its rows not yet read.
        let mut at: Option<(usize, core::iter::Peekable<BlockRows<'a>>)> = None;
        for (i, &c2) in column_two.iter().enumerate() {
            // A later block starts at or before this code: its rows are there (or nowhere).
            let from = at.as_ref().map_or(lo, |(b, _)| b.saturating_add(1));
            let later = self.last_block_from(lo, from, hi, c2).filter(|&b| at.as_ref().is_none_or(|(cur, _)| b > *cur));
            if let Some(b) = later {
                at = self.block(b).map(|bytes| (b, BlockRows::new(bytes).peekable()));
            }
            let Some((_, rows)) = at.as_mut() else { continue };
            while let Some(r) = rows.next_if(|r| r.column_two <= c2) {
                if r.column_two == c2 {
                    each(i, r);
                }
            }
        }
    }

    /// Every row of group `g` (for sweeps and tests).
    pub fn group_rows(&self, g: usize) -> impl Iterator<Item = RawRow> + 'a {
        let this = self.clone();
        let (lo, hi) = self.group_blocks(g).unwrap_or((0, 0));
        (lo..hi).flat_map(move |b| this.block(b).map(BlockRows::new).into_iter().flatten())
    }
}
