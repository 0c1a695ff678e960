//! Reading the front-coded term dictionary and its posting lists in place.
use super::section::{SearchSection, BLOCK};

/// Reads a LEB128 varint at `*pos`, advancing it.
#[inline]
pub fn varint(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    for shift in [0u32, 7, 14, 21, 28] {
        let b = *bytes.get(*pos)?;
        *pos = pos.checked_add(1)?;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// A position in the dictionary: the current term and where its postings are.
pub struct Cursor<'s, 'a> {
    s: &'s SearchSection<'a>,
    /// Index of the current term.
    pub index: usize,
    term: Vec<u8>,
    dict_pos: usize,
    post_pos: usize,
    title: (usize, usize),
    extra: (usize, usize),
    valid: bool,
}

impl<'s, 'a> Cursor<'s, 'a> {
    /// A cursor on the first term of `block`.
    fn at_block(s: &'s SearchSection<'a>, block: usize) -> Cursor<'s, 'a> {
        let mut c = Cursor { s, index: 0, term: Vec::new(), dict_pos: 0, post_pos: 0, title: (0, 0), extra: (0, 0), valid: false };
        let (Some(d), Some(p)) = (s.block_dict.get(block), s.block_post.get(block)) else { return c };
        c.index = block.saturating_mul(BLOCK);
        c.dict_pos = d as usize;
        c.post_pos = p as usize;
        c.valid = c.read_entry(true).is_some();
        c
    }

    /// Decodes the entry at `dict_pos` (first of a block when `head`).
    fn read_entry(&mut self, head: bool) -> Option<()> {
        let d = self.s.dict;
        let mut pos = self.dict_pos;
        let shared = if head { 0 } else { usize::from(*d.get(pos)?) };
        if !head {
            pos = pos.checked_add(1)?;
        }
        let len = usize::from(*d.get(pos)?);
        pos = pos.checked_add(1)?;
        let suffix = d.get(pos..pos.checked_add(len)?)?;
        pos = pos.checked_add(len)?;
        if shared > self.term.len() {
            return None;
        }
        self.term.truncate(shared);
        self.term.extend_from_slice(suffix);
        let tl = varint(d, &mut pos)? as usize;
        let xl = varint(d, &mut pos)? as usize;
        let t_end = self.post_pos.checked_add(tl)?;
        let x_end = t_end.checked_add(xl)?;
        if x_end > self.s.postings.len() {
            return None;
        }
        self.title = (self.post_pos, t_end);
        self.extra = (t_end, x_end);
        self.post_pos = x_end;
        self.dict_pos = pos;
        Some(())
    }

    pub fn valid(&self) -> bool {
        self.valid
    }
    pub fn term(&self) -> &[u8] {
        &self.term
    }
    /// Delta-varint postings of the current term in descriptions.
    pub fn title(&self) -> &'a [u8] {
        self.s.postings.get(self.title.0..self.title.1).unwrap_or(&[])
    }
    /// Delta-varint postings of the current term in extra text only.
    pub fn extra(&self) -> &'a [u8] {
        self.s.postings.get(self.extra.0..self.extra.1).unwrap_or(&[])
    }

    /// Moves to the next term; false at the end.
    pub fn advance(&mut self) -> bool {
        if !self.valid {
            return false;
        }
        let next = self.index.saturating_add(1);
        if next >= self.s.terms as usize {
            self.valid = false;
            return false;
        }
        if next % BLOCK == 0 {
            *self = Cursor::at_block(self.s, next / BLOCK);
            return self.valid;
        }
        self.index = next;
        self.valid = self.read_entry(false).is_some();
        self.valid
    }
}

/// The first term of a block (for bisection).
fn block_head<'a>(s: &SearchSection<'a>, block: usize) -> Option<&'a [u8]> {
    let pos = s.block_dict.get(block)? as usize;
    let len = usize::from(*s.dict.get(pos)?);
    let start = pos.checked_add(1)?;
    s.dict.get(start..start.checked_add(len)?)
}

/// A cursor on the first term `>= key` (invalid when none).
pub fn seek<'s, 'a>(s: &'s SearchSection<'a>, key: &[u8]) -> Cursor<'s, 'a> {
    let blocks = s.block_dict.len();
    // Last block whose head is <= key.
    let (mut lo, mut hi) = (0usize, blocks);
    while lo < hi {
        let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
        match block_head(s, mid) {
            Some(h) if h <= key => lo = mid.saturating_add(1),
            _ => hi = mid,
        }
    }
    let mut c = Cursor::at_block(s, lo.saturating_sub(1));
    while c.valid() && c.term() < key {
        if !c.advance() {
            break;
        }
    }
    c
}

/// Calls `f` for every document id of a delta-varint list.
#[inline]
pub fn for_each_doc(list: &[u8], mut f: impl FnMut(usize)) {
    let mut pos = 0usize;
    let mut doc = 0u32;
    let mut first = true;
    while pos < list.len() {
        let Some(d) = varint(list, &mut pos) else { return };
        doc = if first { d } else { doc.saturating_add(d) };
        first = false;
        f(doc as usize);
    }
}
