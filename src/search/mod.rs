//! Search and autocomplete over every loaded code system.
use crate::blob::{Blob, BlobError};

/// Read-in-place view of this area's blob sections.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct SearchIndex<'a> {
    _blob: core::marker::PhantomData<&'a ()>,
}

impl<'a> SearchIndex<'a> {
    /// Opens the sections; `Ok(None)` when the blob has none.
    pub fn open(_blob: &Blob<'a>) -> Result<Option<SearchIndex<'a>>, BlobError> {
        Ok(None)
    }
}
