//! The blob container: magic, format version, manifest, named sections, checksum.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! 0   8  magic "CLMLINT\x1a"
//! 8   2  format version
//! 10  2  reserved (0)
//! 12  4  manifest length M
//! 16  M  manifest (postcard): metadata + section table
//! ..     section payloads (postcard, each read in place)
//! -4  4  CRC-32 of every byte before it
//! ```
//!
//! Sections are named and carry their own layout version, so later code sets are added as
//! new sections without breaking readers; a reader ignores sections it does not know.
//!
//! The same container carries the whole data set (one file, the native CLI's) or one *part*
//! of it (the browser's downloads, see [`parts`]): every part is a complete blob holding some
//! of the sections, with its own checksum. [`Blob::join`] puts parts back together.
pub mod columns;
pub mod crc32;
mod error;
mod key_sample;
pub mod parts;

pub use error::BlobError;

use serde::{Deserialize, Serialize};

/// First bytes of every blob.
pub const MAGIC: [u8; 8] = *b"CLMLINT\x1a";
/// Container format this engine reads and writes.
pub const FORMAT_VERSION: u16 = 1;
const HEADER_LEN: usize = 16;
const FOOTER_LEN: usize = 4;

/// One vintage (edition) of a code set, with the dates of service it answers for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vintage {
    /// Code system, e.g. `icd10cm`.
    pub system: String,
    /// Human label, e.g. `FY2026`.
    pub label: String,
    /// First date of service this vintage applies to (yyyymmdd).
    pub valid_from: u32,
    /// Last date of service this vintage applies to, inclusive (yyyymmdd).
    pub valid_to: u32,
    /// Where the data came from, said plainly (file name and publisher).
    pub source: String,
}

/// A source file read by the compiler, for provenance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    pub name: String,
    pub sha256: String,
    /// What it fed, e.g. `icd10cm FY2026 tabular`.
    pub role: String,
}

/// A section's place in the blob.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionEntry {
    pub name: String,
    /// Layout version of this section's payload.
    pub version: u16,
    /// Offset from the start of the blob.
    pub offset: u64,
    pub len: u64,
}

/// Everything the blob says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Tool and version that wrote the blob.
    pub generator: String,
    /// Date of the build (yyyymmdd), informational.
    pub built: u32,
    pub vintages: Vec<Vintage>,
    pub sources: Vec<SourceFile>,
    /// Named counts (`icd10cm.FY2026.billable` → 74719), for `claimlint info` and tests.
    pub counts: Vec<(String, u64)>,
    /// True when a licensed CPT descriptor file was compiled in (private blob).
    pub cpt_licensed: bool,
    pub sections: Vec<SectionEntry>,
}

impl Manifest {
    /// A named count, if recorded.
    pub fn count(&self, name: &str) -> Option<u64> {
        self.counts.iter().find(|(n, _)| n == name).map(|(_, c)| *c)
    }
    /// Vintages of one system, in the order stored (oldest first).
    pub fn vintages_of<'s>(&'s self, system: &'s str) -> impl Iterator<Item = &'s Vintage> + 's {
        self.vintages.iter().filter(move |v| v.system == system)
    }
}

/// An opened blob: the manifest plus borrowed section payloads, and the parts joined to it.
#[derive(Clone, Debug)]
pub struct Blob<'a> {
    pub manifest: Manifest,
    bytes: &'a [u8],
    joined: Vec<Blob<'a>>,
}

impl<'a> Blob<'a> {
    /// Opens and fully checks a blob: magic, version, bounds, checksum. Never panics.
    pub fn open(bytes: &'a [u8]) -> Result<Blob<'a>, BlobError> {
        let blob = Blob::open_unchecked_checksum(bytes)?;
        blob.verify()?;
        Ok(blob)
    }

    /// Opens without recomputing the checksum (structure is still checked). For callers that
    /// verified the bytes already, e.g. by a subresource-integrity hash.
    pub fn open_unchecked_checksum(bytes: &'a [u8]) -> Result<Blob<'a>, BlobError> {
        let got = bytes.len() as u64;
        let magic = bytes.get(..8).ok_or(BlobError::Truncated { needed: HEADER_LEN as u64, got })?;
        if magic != MAGIC {
            return Err(BlobError::BadMagic);
        }
        let header = bytes.get(..HEADER_LEN).ok_or(BlobError::Truncated { needed: HEADER_LEN as u64, got })?;
        let version = u16::from_le_bytes([header.get(8).copied().unwrap_or(0), header.get(9).copied().unwrap_or(0)]);
        if version != FORMAT_VERSION {
            return Err(BlobError::UnsupportedVersion { found: version, supported: FORMAT_VERSION });
        }
        let mlen = u32::from_le_bytes([
            header.get(12).copied().unwrap_or(0),
            header.get(13).copied().unwrap_or(0),
            header.get(14).copied().unwrap_or(0),
            header.get(15).copied().unwrap_or(0),
        ]) as u64;
        let needed = (HEADER_LEN as u64).saturating_add(mlen).saturating_add(FOOTER_LEN as u64);
        if got < needed {
            return Err(BlobError::Truncated { needed, got });
        }
        let mbytes = bytes
            .get(HEADER_LEN..HEADER_LEN.saturating_add(mlen as usize))
            .ok_or(BlobError::Truncated { needed, got })?;
        let manifest: Manifest =
            postcard::from_bytes(mbytes).map_err(|_| BlobError::Corrupt { what: "manifest does not decode".into() })?;
        // `got >= needed >= FOOTER_LEN`, so neither subtraction saturates.
        let body_end = got.saturating_sub(FOOTER_LEN as u64);
        let header_end = needed.saturating_sub(FOOTER_LEN as u64);
        let mut max_end = header_end;
        for s in &manifest.sections {
            let end = s.offset.checked_add(s.len).ok_or_else(|| BlobError::Corrupt { what: format!("section `{}` bounds overflow", s.name) })?;
            if s.offset < header_end {
                return Err(BlobError::Corrupt { what: format!("section `{}` overlaps the header", s.name) });
            }
            max_end = max_end.max(end);
        }
        if max_end > body_end {
            return Err(BlobError::Truncated { needed: max_end.saturating_add(FOOTER_LEN as u64), got });
        }
        Ok(Blob { manifest, bytes, joined: Vec::new() })
    }

    /// A blob with no sections (an engine before its first part).
    pub fn empty() -> Blob<'a> {
        Blob { manifest: Manifest::default(), bytes: &[], joined: Vec::new() }
    }

    /// Adds the sections of another part of the same build. The parts must come from one
    /// compile (same build date, generator and sources) and not repeat a section.
    pub fn join(&mut self, part: Blob<'a>) -> Result<(), BlobError> {
        let m = &part.manifest;
        let same_build = m.built == self.manifest.built && m.generator == self.manifest.generator && m.sources == self.manifest.sources;
        if !same_build {
            return Err(BlobError::MixedParts { what: "a part from another build".into() });
        }
        if let Some(dup) = m.sections.iter().find(|s| self.sections().any(|t| t.name == s.name)) {
            return Err(BlobError::MixedParts { what: format!("section `{}` is in two parts", dup.name) });
        }
        let Blob { manifest, bytes, joined } = part;
        self.joined.push(Blob { manifest, bytes, joined: Vec::new() });
        self.joined.extend(joined);
        Ok(())
    }

    /// Every section of this blob and of the parts joined to it.
    pub fn sections(&self) -> impl Iterator<Item = &SectionEntry> + '_ {
        self.manifest.sections.iter().chain(self.joined.iter().flat_map(|p| p.manifest.sections.iter()))
    }

    /// Recomputes the CRC-32 and compares it with the stored one.
    pub fn verify(&self) -> Result<(), BlobError> {
        let split = self.bytes.len().saturating_sub(FOOTER_LEN);
        let (body, footer) = self.bytes.split_at(split);
        let expected = u32::from_le_bytes([
            footer.first().copied().unwrap_or(0),
            footer.get(1).copied().unwrap_or(0),
            footer.get(2).copied().unwrap_or(0),
            footer.get(3).copied().unwrap_or(0),
        ]);
        let got = crc32::hash(body);
        if got != expected {
            return Err(BlobError::Checksum { expected, got });
        }
        Ok(())
    }

    /// The raw bytes of the blob.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Payload of a named section, checked against the layout version the caller reads.
    /// `Ok(None)` when the section is absent.
    pub fn section(&self, name: &str, supported_version: u16) -> Result<Option<&'a [u8]>, BlobError> {
        if !self.manifest.sections.iter().any(|s| s.name == name) {
            return match self.joined.iter().find(|p| p.manifest.sections.iter().any(|s| s.name == name)) {
                Some(part) => part.section(name, supported_version),
                None => Ok(None),
            };
        }
        let Some(s) = self.manifest.sections.iter().find(|s| s.name == name) else {
            return Ok(None);
        };
        if s.version != supported_version {
            return Err(BlobError::SectionVersion { section: name.to_owned(), found: s.version, supported: supported_version });
        }
        let start = usize::try_from(s.offset).map_err(|_| BlobError::Corrupt { what: format!("section `{name}` offset") })?;
        let len = usize::try_from(s.len).map_err(|_| BlobError::Corrupt { what: format!("section `{name}` length") })?;
        let payload = start
            .checked_add(len)
            .and_then(|end| self.bytes.get(start..end))
            .ok_or_else(|| BlobError::Corrupt { what: format!("section `{name}` out of bounds") })?;
        Ok(Some(payload))
    }

    /// Decodes a named section's postcard payload in place.
    pub fn decode<T: Deserialize<'a>>(&self, name: &str, supported_version: u16) -> Result<Option<T>, BlobError> {
        match self.section(name, supported_version)? {
            None => Ok(None),
            Some(bytes) => postcard::from_bytes(bytes)
                .map(Some)
                .map_err(|_| BlobError::Corrupt { what: format!("section `{name}` does not decode") }),
        }
    }
}

/// Assembles a blob (compile side).
#[cfg(feature = "compile")]
#[derive(Debug, Default)]
pub struct BlobWriter {
    pub manifest: Manifest,
    payloads: Vec<(String, u16, Vec<u8>)>,
}

#[cfg(feature = "compile")]
impl BlobWriter {
    /// Adds a section whose payload is the postcard encoding of `value`.
    pub fn add_section<T: Serialize>(&mut self, name: &str, version: u16, value: &T) -> Result<(), postcard::Error> {
        let bytes = postcard::to_allocvec(value)?;
        self.payloads.retain(|(n, _, _)| n != name);
        self.payloads.push((name.to_owned(), version, bytes));
        Ok(())
    }

    /// Adds a section from already encoded bytes (re-packing sections of another blob).
    pub fn add_raw_section(&mut self, name: &str, version: u16, bytes: Vec<u8>) {
        self.payloads.retain(|(n, _, _)| n != name);
        self.payloads.push((name.to_owned(), version, bytes));
    }

    /// True when no section has been added.
    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }

    /// Serialises header, manifest, sections and checksum into one byte vector.
    pub fn finish(mut self) -> Result<Vec<u8>, postcard::Error> {
        // Section offsets depend on the manifest length, which depends on the offsets'
        // varint sizes: iterate until stable (two rounds in practice).
        let mut mlen = 0usize;
        loop {
            let mut offset = HEADER_LEN.saturating_add(mlen) as u64;
            self.manifest.sections = self
                .payloads
                .iter()
                .map(|(name, version, bytes)| {
                    let e = SectionEntry { name: name.clone(), version: *version, offset, len: bytes.len() as u64 };
                    offset = offset.saturating_add(bytes.len() as u64);
                    e
                })
                .collect();
            let m = postcard::to_allocvec(&self.manifest)?;
            if m.len() == mlen {
                let body: usize = self.payloads.iter().fold(0usize, |n, p| n.saturating_add(p.2.len()));
                let mut out = Vec::with_capacity(HEADER_LEN.saturating_add(m.len()).saturating_add(body).saturating_add(FOOTER_LEN));
                out.extend_from_slice(&MAGIC);
                out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
                out.extend_from_slice(&0u16.to_le_bytes());
                out.extend_from_slice(&(m.len() as u32).to_le_bytes());
                out.extend_from_slice(&m);
                for (_, _, bytes) in &self.payloads {
                    out.extend_from_slice(bytes);
                }
                let crc = crc32::hash(&out);
                out.extend_from_slice(&crc.to_le_bytes());
                return Ok(out);
            }
            mlen = m.len();
        }
    }
}

#[cfg(all(test, feature = "compile"))]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut w = BlobWriter::default();
        w.manifest.generator = "test".into();
        w.add_section("alpha", 1, &(7u32, "hello")).unwrap();
        w.add_section("beta", 2, &vec![1u8, 2, 3]).unwrap();
        w.finish().unwrap()
    }

    #[test]
    fn round_trip_sections() {
        let bytes = sample();
        let blob = Blob::open(&bytes).unwrap();
        let (n, s): (u32, &str) = blob.decode("alpha", 1).unwrap().unwrap();
        assert_eq!((n, s), (7, "hello"));
        assert!(blob.section("gamma", 1).unwrap().is_none());
        assert_eq!(blob.section("beta", 1).unwrap_err().code(), "BLOB_SECTION_VERSION");
    }

    #[test]
    fn every_truncation_and_bit_flip_is_a_typed_error() {
        let bytes = sample();
        for cut in 0..bytes.len() {
            assert!(Blob::open(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[i] ^= 1 << bit;
                assert!(Blob::open(&b).is_err(), "flip byte {i} bit {bit}");
            }
        }
        let mut v = bytes.clone();
        v[8] = 9;
        assert_eq!(Blob::open(&v).unwrap_err(), BlobError::UnsupportedVersion { found: 9, supported: 1 });
        assert_eq!(Blob::open(b"PK\x03\x04 not a blob at all").unwrap_err(), BlobError::BadMagic);
    }
}
