//! The engine: an opened blob and the checks that run against it.
mod check;
mod describe;
mod icd10cm_check;
mod info;
mod suggest;
mod tables;

pub use check::{CodeCheck, CodeState, CodeSummary};
pub use describe::Description;
pub use info::BlobInfo;
pub use tables::TableInfo;

use crate::blob::{Blob, BlobError};
use crate::date::Date;
use crate::icd10cm::Icd10Cm;
use crate::system::System;
use yoke::Yoke;

/// An opened blob with its sections, borrowed from the blob bytes.
#[derive(Debug, Clone, yoke::Yokeable)]
pub struct Engine<'a> {
    pub blob: Blob<'a>,
    pub icd10cm: Option<Icd10Cm<'a>>,
    pub procedures: Option<crate::procedure::Procedures<'a>>,
    pub ptp: Option<crate::ptp::Ptp<'a>>,
    pub claim: Option<crate::claim::ClaimData<'a>>,
    /// The I/OCE tables for outpatient facility claims.
    pub ioce: Option<crate::ioce::IoceData<'a>>,
    pub search: Option<crate::search::SearchIndex<'a>>,
}

impl<'a> Engine<'a> {
    /// Opens and checks a blob (checksum included). Never panics on any bytes.
    pub fn open(bytes: &'a [u8]) -> Result<Engine<'a>, BlobError> {
        Engine::from_blob(Blob::open(bytes)?)
    }

    /// Opens the sections of an already opened blob (e.g. one whose checksum was verified
    /// elsewhere with [`Blob::open_unchecked_checksum`]). Still never panics.
    pub fn open_blob(blob: Blob<'a>) -> Result<Engine<'a>, BlobError> {
        Engine::from_blob(blob)
    }

    /// An engine over no data: every check says its data is missing.
    pub fn empty() -> Engine<'a> {
        Engine { blob: Blob::empty(), icd10cm: None, procedures: None, ptp: None, claim: None, search: None, ioce: None }
    }

    fn from_blob(blob: Blob<'a>) -> Result<Engine<'a>, BlobError> {
        let icd10cm = Icd10Cm::open(&blob)?;
        let procedures = crate::procedure::Procedures::open(&blob)?;
        let ptp = crate::ptp::Ptp::open(&blob)?;
        let claim = crate::claim::ClaimData::open(&blob)?;
        // The I/OCE tables are read only by the outpatient editor: a build without it (the core
        // wasm module) leaves them closed, and its tables list says no I/OCE.
        #[cfg(feature = "outpatient")]
        let ioce = crate::ioce::IoceData::open(&blob)?;
        #[cfg(not(feature = "outpatient"))]
        let ioce = None;
        let search = crate::search::SearchIndex::open(&blob)?;
        Ok(Engine { blob, icd10cm, procedures, ptp, claim, ioce, search })
    }

    /// Checks one code of `system` on a date of service (`None`: the newest edition).
    pub fn check_code(&self, system: System, raw: &str, dos: Option<Date>) -> CodeCheck {
        match system {
            System::Icd10cm => icd10cm_check::check(self, raw, dos, icd10cm_check::Detail::Full),
            System::Icd10pcs | System::Hcpcs | System::Cpt | System::Modifier => crate::procedure::check_code(self, system, raw, dos),
        }
    }

    /// [`check_code`](Self::check_code) for a caller that reads only the findings' messages:
    /// the same state and messages, without the descriptions of the code, its suggestions and
    /// completions (ICD-10-CM; other systems get the full check).
    pub(crate) fn check_code_messages(&self, system: System, raw: &str, dos: Option<Date>) -> CodeCheck {
        match system {
            System::Icd10cm => icd10cm_check::check(self, raw, dos, icd10cm_check::Detail::Brief),
            _ => self.check_code(system, raw, dos),
        }
    }

    /// True when `raw` is a complete, valid code on the date typed in its plain form, so a full
    /// [`check_code`](Self::check_code) would report nothing. Claims take this path first: most
    /// of their codes are clean, and the full check builds descriptions and completions.
    pub fn is_clean_code(&self, system: System, raw: &str, dos: Option<Date>) -> bool {
        match system {
            System::Icd10cm => icd10cm_check::is_clean(self, raw, dos),
            System::Icd10pcs => crate::procedure::pcs_is_clean(self, raw, dos),
            System::Hcpcs | System::Cpt | System::Modifier => false,
        }
    }

    /// Details of one code, or `None` when it is not in the blob.
    pub fn describe(&self, system: System, raw: &str, dos: Option<Date>) -> Option<Description> {
        match system {
            // Before the titles part has arrived there is nothing to describe yet.
            System::Icd10cm => describe::icd10cm(self.icd10cm.as_ref().filter(|cm| cm.has_titles())?, raw, dos),
            _ => None,
        }
    }

    /// Direct children of a code in the edition for the date.
    pub fn children(&self, system: System, raw: &str, dos: Option<Date>) -> Vec<CodeSummary> {
        match (system, self.icd10cm.as_ref()) {
            (System::Icd10cm, Some(cm)) => describe::icd10cm_children(cm, raw, dos),
            _ => Vec::new(),
        }
    }
}

/// An engine that owns its blob bytes (for the wasm face and long-lived handles): one whole
/// blob, or parts of one build added as they arrive (see [`crate::blob::parts`]).
pub struct OwnedEngine(Yoke<Engine<'static>, Vec<Box<[u8]>>>);

impl core::fmt::Debug for OwnedEngine {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let bytes: usize = self.0.backing_cart().iter().map(|p| p.len()).sum();
        f.debug_struct("OwnedEngine").field("parts", &self.0.backing_cart().len()).field("bytes", &bytes).finish()
    }
}

/// Whether to recompute a part's checksum when opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    /// Recompute the CRC-32 (bytes fresh from a download or a disk).
    Checksum,
    /// The bytes were verified when they were stored (e.g. a browser cache that checked the
    /// part's SHA-256 and checksum on arrival): check the structure only.
    StoredVerified,
}

fn open_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>, verify: &[Verify]) -> Result<Engine<'a>, BlobError> {
    let mut joined: Option<Blob<'_>> = None;
    for (i, bytes) in parts.into_iter().enumerate() {
        let part = match verify.get(i).copied().unwrap_or(Verify::StoredVerified) {
            Verify::Checksum => Blob::open(bytes)?,
            Verify::StoredVerified => Blob::open_unchecked_checksum(bytes)?,
        };
        match joined.as_mut() {
            None => joined = Some(part),
            Some(b) => b.join(part)?,
        }
    }
    Engine::from_blob(joined.unwrap_or_else(Blob::empty))
}

impl OwnedEngine {
    /// Takes ownership of the bytes of one whole blob and opens them (checksum included).
    pub fn open(bytes: Vec<u8>) -> Result<OwnedEngine, BlobError> {
        OwnedEngine::open_part(bytes.into_boxed_slice(), Verify::Checksum)
    }

    /// Opens the first part of a data set (or a whole blob).
    pub fn open_part(bytes: Box<[u8]>, verify: Verify) -> Result<OwnedEngine, BlobError> {
        Yoke::try_attach_to_cart(vec![bytes], |parts: &[Box<[u8]>]| open_parts(parts.iter().map(|p| &**p), &[verify])).map(OwnedEngine)
    }

    /// Adds a part of the same build; the engine answers from it at once. On an error the
    /// engine stays as it was. Only the new part is checked (checksum when `verify` says so).
    pub fn add_part(&mut self, bytes: Box<[u8]>, verify: Verify) -> Result<(), BlobError> {
        // Open everything once as borrowed first (the new part checked as asked), so a part that
        // is damaged or does not fit never costs the engine what it had.
        {
            let held = self.0.backing_cart();
            let mut verify_new = vec![Verify::StoredVerified; held.len()];
            verify_new.push(verify);
            open_parts(held.iter().map(|p| &**p).chain(core::iter::once(&*bytes)), &verify_new)?;
        }
        let empty: Yoke<Engine<'static>, Vec<Box<[u8]>>> = Yoke::attach_to_cart(Vec::new(), |_| Engine::empty());
        let mut parts = core::mem::replace(&mut self.0, empty).into_backing_cart();
        parts.push(bytes);
        // Checked just above: structure only from here on.
        self.0 = Yoke::try_attach_to_cart(parts, |p: &[Box<[u8]>]| open_parts(p.iter().map(|b| &**b), &[]))?;
        Ok(())
    }

    /// Names of the sections present so far.
    pub fn sections(&self) -> Vec<String> {
        self.get().blob.sections().map(|s| s.name.clone()).collect()
    }

    pub fn get(&self) -> &Engine<'_> {
        self.0.get()
    }
}
