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

    fn from_blob(blob: Blob<'a>) -> Result<Engine<'a>, BlobError> {
        let icd10cm = Icd10Cm::open(&blob)?;
        let procedures = crate::procedure::Procedures::open(&blob)?;
        let ptp = crate::ptp::Ptp::open(&blob)?;
        let claim = crate::claim::ClaimData::open(&blob)?;
        let ioce = crate::ioce::IoceData::open(&blob)?;
        let search = crate::search::SearchIndex::open(&blob)?;
        Ok(Engine { blob, icd10cm, procedures, ptp, claim, ioce, search })
    }

    /// Checks one code of `system` on a date of service (`None`: the newest edition).
    pub fn check_code(&self, system: System, raw: &str, dos: Option<Date>) -> CodeCheck {
        match system {
            System::Icd10cm => icd10cm_check::check(self, raw, dos),
            System::Icd10pcs | System::Hcpcs | System::Cpt | System::Modifier => crate::procedure::check_code(self, system, raw, dos),
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
            System::Icd10cm => describe::icd10cm(self.icd10cm.as_ref()?, raw, dos),
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

/// An engine that owns its blob bytes (for the wasm face and long-lived handles).
pub struct OwnedEngine(Yoke<Engine<'static>, Box<[u8]>>);

impl core::fmt::Debug for OwnedEngine {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("OwnedEngine").field("bytes", &self.0.backing_cart().len()).finish()
    }
}

impl OwnedEngine {
    /// Takes ownership of the bytes and opens them.
    pub fn open(bytes: Vec<u8>) -> Result<OwnedEngine, BlobError> {
        Yoke::try_attach_to_cart(bytes.into_boxed_slice(), |b: &[u8]| Engine::open(b)).map(OwnedEngine)
    }
    pub fn get(&self) -> &Engine<'_> {
        self.0.get()
    }
}
