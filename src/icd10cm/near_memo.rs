//! The near misses found for codes that are not in an edition (see
//! `crate::engine::suggest::near_misses`), remembered by the code typed: a mistyped code that
//! recurs across claims (a header cut short, a common typo) costs a few hundred lookups of
//! candidate codes once. Bounded: emptied when it holds [`MEMO_CODES`] codes. Native builds
//! only (the module is not compiled for the browser, which searches every time).
use super::section::Icd10Cm;

/// (code typed, edition, most answers) → the code rows found.
type MemoMap = std::collections::HashMap<(Box<[u8]>, u8, u8), Box<[usize]>, std::hash::BuildHasherDefault<super::note_rows::KeyHasher>>;

#[derive(Debug, Default)]
pub struct NearMemo(std::sync::RwLock<MemoMap>);

impl Clone for NearMemo {
    fn clone(&self) -> NearMemo {
        NearMemo::default()
    }
}

/// Most codes the memo holds.
const MEMO_CODES: usize = 1 << 14;

impl Icd10Cm<'_> {
    /// The near misses remembered for `code` in `edition` (at most `limit`), if any.
    pub fn recall_near_misses(&self, code: &str, edition: usize, limit: usize) -> Option<Vec<usize>> {
        let key = (Box::<[u8]>::from(code.as_bytes()), u8::try_from(edition).ok()?, u8::try_from(limit).ok()?);
        self.near_memo.0.read().ok()?.get(&key).map(|v| v.to_vec())
    }

    /// Remembers the near misses found for `code` in `edition` (at most `limit`).
    pub fn keep_near_misses(&self, code: &str, edition: usize, limit: usize, found: &[usize]) {
        let (Ok(e), Ok(l)) = (u8::try_from(edition), u8::try_from(limit)) else { return };
        if let Ok(mut m) = self.near_memo.0.write() {
            if m.len() >= MEMO_CODES {
                m.clear();
            }
            m.insert((Box::<[u8]>::from(code.as_bytes()), e, l), found.into());
        }
    }
}
