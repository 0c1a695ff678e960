//! NCCI procedure-to-procedure (PTP) edits.
use crate::blob::{Blob, BlobError};

/// Read-in-place view of this area's blob sections.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Ptp<'a> {
    _blob: core::marker::PhantomData<&'a ()>,
}

impl<'a> Ptp<'a> {
    /// Opens the sections; `Ok(None)` when the blob has none.
    pub fn open(_blob: &Blob<'a>) -> Result<Option<Ptp<'a>>, BlobError> {
        Ok(None)
    }
}
