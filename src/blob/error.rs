//! Typed errors for opening a blob. Each says what went wrong and how to fix it.
use core::fmt;

/// Why a blob could not be opened. Opening never panics; every bad input lands here.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BlobError {
    /// The bytes do not start with the claimlint magic: not a blob at all.
    BadMagic,
    /// Fewer bytes than the header or the declared sections need: a cut-short download.
    Truncated { needed: u64, got: u64 },
    /// The checksum over the whole blob does not match: damaged in transit or on disk.
    Checksum { expected: u32, got: u32 },
    /// A format version this engine does not read.
    UnsupportedVersion { found: u16, supported: u16 },
    /// A section written by a different build whose layout this engine does not know.
    SectionVersion { section: String, found: u16, supported: u16 },
    /// The manifest or a section did not decode, or points outside the blob.
    Corrupt { what: String },
    /// A section the caller needs is not in this blob.
    MissingSection { section: String },
    /// Parts that do not belong together (another build, or a section twice).
    MixedParts { what: String },
}

impl BlobError {
    /// Stable machine-readable code (also the `code` property of the JS `Error`).
    pub fn code(&self) -> &'static str {
        match self {
            BlobError::BadMagic => "BLOB_BAD_MAGIC",
            BlobError::Truncated { .. } => "BLOB_TRUNCATED",
            BlobError::Checksum { .. } => "BLOB_CHECKSUM",
            BlobError::UnsupportedVersion { .. } => "BLOB_VERSION",
            BlobError::SectionVersion { .. } => "BLOB_SECTION_VERSION",
            BlobError::Corrupt { .. } => "BLOB_CORRUPT",
            BlobError::MissingSection { .. } => "BLOB_MISSING_SECTION",
            BlobError::MixedParts { .. } => "BLOB_MIXED_PARTS",
        }
    }
}

impl fmt::Display for BlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlobError::BadMagic => write!(
                f,
                "not a claimlint blob (wrong magic bytes); check the URL or path, or rebuild it with `claimlint compile`"
            ),
            BlobError::Truncated { needed, got } => write!(
                f,
                "blob is truncated: {got} bytes present, {needed} needed; the download was cut short, fetch it again"
            ),
            BlobError::Checksum { expected, got } => write!(
                f,
                "blob checksum mismatch (stored {expected:08x}, computed {got:08x}); the file is damaged, fetch it again or rebuild it with `claimlint compile`"
            ),
            BlobError::UnsupportedVersion { found, supported } => write!(
                f,
                "blob format version {found} is not supported by this engine (reads version {supported}); rebuild the blob with the `claimlint compile` of this release"
            ),
            BlobError::SectionVersion { section, found, supported } => write!(
                f,
                "section `{section}` has layout version {found}, this engine reads {supported}; the blob comes from a different build, rebuild it with the `claimlint compile` of this release"
            ),
            BlobError::Corrupt { what } => write!(
                f,
                "blob is corrupt ({what}); fetch it again or rebuild it with `claimlint compile`"
            ),
            BlobError::MixedParts { what } => write!(
                f,
                "code-set parts do not fit together ({what}); reload to fetch one consistent set"
            ),
            BlobError::MissingSection { section } => write!(
                f,
                "blob has no `{section}` section; compile it with the sources for that code set"
            ),
        }
    }
}

impl std::error::Error for BlobError {}
