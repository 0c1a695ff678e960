//! Claim engine data: MCE diagnosis edits, POA exemptions, place of service, payer rule packs.
use crate::blob::{Blob, BlobError};

/// Read-in-place view of this area's blob sections.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct ClaimData<'a> {
    _blob: core::marker::PhantomData<&'a ()>,
}

impl<'a> ClaimData<'a> {
    /// Opens the sections; `Ok(None)` when the blob has none.
    pub fn open(_blob: &Blob<'a>) -> Result<Option<ClaimData<'a>>, BlobError> {
        Ok(None)
    }
}
