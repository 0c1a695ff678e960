//! One word of facts per code row that a caller derives from the code alone (not the date),
//! remembered so a code that recurs across claims is not looked up again in other tables:
//! the claim checks keep a diagnosis's MCE table rows and POA exemption here
//! (`crate::claim::dx_facts`). Native builds only: the browser's module derives every time
//! (no 800 KB table, no code for it).
use super::section::Icd10Cm;

/// The words, one per code row, allocated on first use; 0 means nothing known yet. Facts are
/// OR-ed in, so two threads that derive the same fact at once store the same bits.
#[derive(Debug, Default)]
pub struct RowMemo(#[cfg(not(target_arch = "wasm32"))] std::sync::OnceLock<Box<[std::sync::atomic::AtomicU64]>>);

impl Clone for RowMemo {
    fn clone(&self) -> RowMemo {
        RowMemo::default()
    }
}

impl Icd10Cm<'_> {
    /// The bits remembered for code row `i` (0 when none, or past the table).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn row_facts(&self, i: usize) -> u64 {
        self.row_memo.0.get().and_then(|w| w.get(i)).map_or(0, |w| w.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Adds `bits` to what is remembered for code row `i`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn remember_row_facts(&self, i: usize, bits: u64) {
        use crate::blob::columns::CodeTable;
        let words = self.row_memo.0.get_or_init(|| (0..self.len()).map(|_| std::sync::atomic::AtomicU64::new(0)).collect());
        if let Some(w) = words.get(i) {
            w.fetch_or(bits, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Nothing is remembered in the browser's module.
    #[cfg(target_arch = "wasm32")]
    pub fn row_facts(&self, _i: usize) -> u64 {
        let RowMemo() = self.row_memo;
        0
    }

    #[cfg(target_arch = "wasm32")]
    pub fn remember_row_facts(&self, _i: usize, _bits: u64) {}
}
