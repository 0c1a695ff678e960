//! The data set in parts, for downloads fetched in order of need (docs/parts.md).
//!
//! Every section of the blob belongs to exactly one part, here and nowhere else. Each part is
//! written as a blob of its own (same container, its own checksum) and listed in an index
//! (`parts.json`) with its size and SHA-256, so a browser can check a part once when it stores
//! it, answer ICD-10-CM checks as soon as `core` is in, and fetch later parts only when they
//! changed. A section missing from this table stops the split (a new section must be placed).

/// One part: a name, the sections it carries, and what it lets the engine answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub name: &'static str,
    pub sections: &'static [&'static str],
    pub answers: &'static str,
    /// The engine feature that reads the part (`outpatient`: the I/OCE edits, in the facility
    /// wasm module only); an engine without it never fetches the part. `None`: every engine.
    pub needs: Option<&'static str>,
}

/// The parts in download order. Within a part, sections are written in the order listed
/// here: the search index repeats the titles of ICD-10-CM and HCPCS, so it travels in the
/// titles part, right after them, and compresses against them (as a part of its own it costs
/// about 330 KB more brotli).
///
/// The I/OCE tables travel alone, in `outpatient`: only the facility module, built with the
/// outpatient editor, reads them, so the core module's "all data" leaves them out.
pub const PARTS: &[Part] = &[
    Part { name: "core", sections: &["icd10cm.codes"], answers: "ICD-10-CM code checks (validity, billable, header, edition)", needs: None },
    Part {
        name: "titles",
        sections: &["icd10cm", "icd10pcs", "code_quarters", "cpt", "hcpcs", "search"],
        answers: "ICD-10-CM titles and notes; ICD-10-PCS, HCPCS, CPT and modifier checks; search by words",
        needs: None,
    },
    Part { name: "claim", sections: &["claim", "mue", "aoc"], answers: "claim tables: MCE, POA, POS, MUE, add-on codes, payer packs", needs: None },
    Part { name: "outpatient", sections: &["ioce"], answers: "the I/OCE tables: outpatient facility claims", needs: Some(OUTPATIENT) },
    Part { name: "ptp", sections: &["ptp"], answers: "NCCI PTP pair edits (and so whole-claim checks)", needs: None },
];

/// The engine feature of the outpatient editor (cargo feature `outpatient`), as parts.json names it.
pub const OUTPATIENT: &str = "outpatient";

/// The part a section belongs to.
pub fn part_of(section: &str) -> Option<&'static Part> {
    PARTS.iter().find(|p| p.sections.contains(&section))
}

#[cfg(feature = "compile")]
pub use writer::{split, PartFile};

#[cfg(feature = "compile")]
mod writer {
    use super::{part_of, PARTS};
    use crate::blob::{Blob, BlobWriter, FORMAT_VERSION};
    use serde_json::{json, Value};
    use sha2::{Digest, Sha256};

    /// One written part.
    #[derive(Debug, Clone)]
    pub struct PartFile {
        pub name: &'static str,
        /// `NAME-SHA16.blob`: a new build of a part gets a new name, so caches never mix.
        pub file: String,
        pub sha256: String,
        pub bytes: Vec<u8>,
        pub sections: Vec<(String, u16)>,
        /// The first part is also written under a stable name (`core.blob`), so a page can
        /// preload it before it has read the index; the index names it as `preload`.
        pub preload: Option<String>,
        /// The engine feature that reads it (`Part::needs`), written to the index.
        pub needs: Option<&'static str>,
    }

    /// Splits a whole blob into its parts and the index that lists them (`parts.json`).
    /// Parts with no section in this blob are left out. Every part carries the blob's
    /// metadata (vintages, sources, counts), so any one of them says what build it is.
    pub fn split(whole: &[u8]) -> Result<(Vec<PartFile>, Value), String> {
        let blob = Blob::open(whole).map_err(|e| e.to_string())?;
        if let Some(s) = blob.sections().find(|s| part_of(&s.name).is_none()) {
            return Err(format!("section `{}` belongs to no part: add it to PARTS in src/blob/parts.rs", s.name));
        }
        let mut files = Vec::new();
        for part in PARTS {
            let mut w = BlobWriter { manifest: blob.manifest.clone(), ..BlobWriter::default() };
            let mut sections = Vec::new();
            for name in part.sections {
                let Some(s) = blob.sections().find(|s| s.name == *name) else { continue };
                let payload = blob.section(&s.name, s.version).map_err(|e| e.to_string())?.unwrap_or(&[]);
                w.add_raw_section(&s.name, s.version, payload.to_vec());
                sections.push((s.name.clone(), s.version));
            }
            if w.is_empty() {
                continue;
            }
            let bytes = w.finish().map_err(|e| format!("part {}: {e}", part.name))?;
            let sha256: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
            let file = format!("{}-{}.blob", part.name, sha256.get(..16).unwrap_or(&sha256));
            let preload = files.is_empty().then(|| format!("{}.blob", part.name));
            files.push(PartFile { name: part.name, file, sha256, bytes, sections, preload, needs: part.needs });
        }
        let index = json!({
            "format": FORMAT_VERSION,
            "generator": blob.manifest.generator,
            "built": blob.manifest.built,
            "parts": files.iter().map(|p| {
                let mut entry = json!({
                    "name": p.name,
                    "file": p.file,
                    "bytes": p.bytes.len(),
                    "sha256": p.sha256,
                    "sections": p.sections.iter().map(|(n, v)| json!({"name": n, "version": v})).collect::<Vec<_>>(),
                });
                if let (Some(alias), Some(obj)) = (&p.preload, entry.as_object_mut()) {
                    obj.insert("preload".into(), json!(alias));
                }
                if let (Some(needs), Some(obj)) = (p.needs, entry.as_object_mut()) {
                    obj.insert("needs".into(), json!(needs));
                }
                entry
            }).collect::<Vec<_>>(),
        });
        Ok((files, index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "compile")]
    use crate::blob::Blob;

    #[test]
    fn every_section_has_one_part_and_the_core_comes_first() {
        let mut seen = std::collections::BTreeSet::new();
        for p in PARTS {
            for s in p.sections {
                assert!(seen.insert(*s), "section {s} is in two parts");
            }
        }
        assert_eq!(PARTS.first().map(|p| p.name), Some("core"));
        assert_eq!(part_of("icd10cm.codes").map(|p| p.name), Some("core"));
        assert_eq!(PARTS.last().map(|p| p.name), Some("ptp"));
        assert_eq!(part_of("no-such-section"), None);
        // The I/OCE tables alone, for the engine with the outpatient editor only.
        let outpatient = part_of("ioce").unwrap();
        assert_eq!((outpatient.name, outpatient.sections, outpatient.needs), ("outpatient", &["ioce"][..], Some(OUTPATIENT)));
        assert_eq!(PARTS.iter().filter(|p| p.needs.is_some()).count(), 1);
    }

    #[cfg(feature = "compile")]
    #[test]
    fn split_parts_join_back_to_the_whole() {
        let mut w = crate::blob::BlobWriter::default();
        w.manifest.generator = "test".into();
        w.add_section("icd10cm.codes", 1, &(1u32, "a")).unwrap();
        w.add_section("ptp", 2, &vec![9u8; 40]).unwrap();
        w.add_section("search", 1, &7u8).unwrap();
        w.add_section("ioce", 5, &3u8).unwrap();
        let whole = w.finish().unwrap();
        let (files, index) = split(&whole).unwrap();
        assert_eq!(files.iter().map(|f| f.name).collect::<Vec<_>>(), ["core", "titles", "outpatient", "ptp"]);
        assert_eq!(index["parts"][3]["sections"][0]["name"], "ptp");
        // The outpatient part says which engine feature reads it; the others say nothing.
        assert_eq!(index["parts"][2]["needs"], "outpatient");
        assert!(index["parts"].as_array().unwrap().iter().filter(|p| p["name"] != "outpatient").all(|p| p.get("needs").is_none()));
        // The first part alone has a stable name to preload.
        assert_eq!(index["parts"][0]["preload"], "core.blob");
        assert_eq!(files.iter().filter_map(|f| f.preload.as_deref()).collect::<Vec<_>>(), ["core.blob"]);
        let mut joined = Blob::open(&files[0].bytes).unwrap();
        for f in &files[1..] {
            joined.join(Blob::open(&f.bytes).unwrap()).unwrap();
        }
        let original = Blob::open(&whole).unwrap();
        for name in ["icd10cm.codes", "ptp", "search", "ioce"] {
            let v = original.sections().find(|s| s.name == name).unwrap().version;
            assert_eq!(joined.section(name, v).unwrap(), original.section(name, v).unwrap(), "{name}");
        }
        // The same part twice, or a part of another build, is refused.
        assert_eq!(joined.join(Blob::open(&files[1].bytes).unwrap()).unwrap_err().code(), "BLOB_MIXED_PARTS");
        let mut other = crate::blob::BlobWriter::default();
        other.manifest.generator = "another build".into();
        other.add_section("claim", 2, &1u8).unwrap();
        let other = other.finish().unwrap();
        assert_eq!(joined.join(Blob::open(&other).unwrap()).unwrap_err().code(), "BLOB_MIXED_PARTS");
        // A section no part names stops the split.
        let mut stray = crate::blob::BlobWriter::default();
        stray.add_section("unplaced", 1, &1u8).unwrap();
        assert!(split(&stray.finish().unwrap()).unwrap_err().contains("unplaced"));
    }
}
