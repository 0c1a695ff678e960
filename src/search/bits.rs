//! A plain bitset over document ids (one per query word; ~12 KB for 100k documents).

#[derive(Debug, Clone)]
pub struct Bits(Vec<u64>);

impl Bits {
    pub fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    /// Every id in `[0, n)` set.
    pub fn all(n: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if let (Some(last), r) = (b.0.last_mut(), n % 64) {
            if r != 0 {
                *last = (1u64 << r).wrapping_sub(1);
            }
        }
        b
    }
    #[inline]
    pub fn set(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1u64 << (i % 64);
        }
    }
    #[inline]
    pub fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1u64 << (i % 64)) != 0)
    }
    pub fn and_with(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a &= *b;
        }
    }
    pub fn or_with(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= *b;
        }
    }
    /// Set bits in `[from, to)`, ascending.
    pub fn ones(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let first = from / 64;
        let last = to.div_ceil(64).min(self.0.len());
        self.0
            .get(first..last)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .flat_map(move |(k, &w)| {
                let base = first.saturating_add(k).saturating_mul(64);
                let mut w = w;
                core::iter::from_fn(move || {
                    if w == 0 {
                        return None;
                    }
                    let tz = w.trailing_zeros() as usize;
                    w &= w.wrapping_sub(1);
                    Some(base.saturating_add(tz))
                })
            })
            .filter(move |&i| i >= from && i < to)
    }
}
