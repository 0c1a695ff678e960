//! HCPCS Level II, CPT code numbers, ICD-10-PCS, modifiers, MUE and add-on codes.
use crate::blob::{Blob, BlobError};

/// Read-in-place view of this area's blob sections.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Procedures<'a> {
    _blob: core::marker::PhantomData<&'a ()>,
}

impl<'a> Procedures<'a> {
    /// Opens the sections; `Ok(None)` when the blob has none.
    pub fn open(_blob: &Blob<'a>) -> Result<Option<Procedures<'a>>, BlobError> {
        Ok(None)
    }
}
