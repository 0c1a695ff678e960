//! The blob's self-description, shared by `claimlint info` and the wasm `info()`.
use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VintageInfo {
    pub system: String,
    pub label: String,
    pub valid_from: String,
    pub valid_to: String,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionInfo {
    pub name: String,
    pub version: u16,
    pub bytes: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub name: String,
    pub sha256: String,
    pub role: String,
}

/// Format, vintages, counts, section sizes and sources of an opened blob.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlobInfo {
    pub format: u16,
    pub generator: String,
    pub built: String,
    pub bytes: u64,
    pub cpt_licensed: bool,
    /// Code systems `check_code` answers from data in this blob (others: no data).
    pub systems: Vec<String>,
    pub vintages: Vec<VintageInfo>,
    pub counts: BTreeMap<String, u64>,
    pub sections: Vec<SectionInfo>,
    pub sources: Vec<SourceInfo>,
    /// Every table with its window and "current through" date.
    pub tables: Vec<super::TableInfo>,
}

fn day(n: u32) -> String {
    Date::from_yyyymmdd(n).map(|d| d.to_string()).unwrap_or_default()
}

impl super::Engine<'_> {
    /// The systems answered from data. CPT numbers and modifiers have no dated vintage of
    /// their own (they come from the MUE/AOC and HCPCS files), so vintages alone would miss them.
    pub fn systems(&self) -> Vec<crate::system::System> {
        use crate::system::System;
        let p = self.procedures.as_ref();
        let has = |s: System| match s {
            System::Icd10cm => self.icd10cm.is_some(),
            System::Icd10pcs => p.is_some_and(|p| p.pcs.is_some()),
            System::Hcpcs | System::Modifier => p.is_some_and(|p| p.hcpcs.is_some()),
            System::Cpt => p.is_some_and(|p| p.cpt.is_some()),
        };
        System::ALL.into_iter().filter(|&s| has(s)).collect()
    }

    /// What this blob holds.
    pub fn info(&self) -> BlobInfo {
        let m = &self.blob.manifest;
        BlobInfo {
            format: crate::blob::FORMAT_VERSION,
            generator: m.generator.clone(),
            built: day(m.built),
            bytes: self.blob.bytes().len() as u64,
            cpt_licensed: m.cpt_licensed,
            systems: self.systems().into_iter().map(|s| s.id().to_owned()).collect(),
            vintages: m
                .vintages
                .iter()
                .map(|v| VintageInfo {
                    system: v.system.clone(),
                    label: v.label.clone(),
                    valid_from: day(v.valid_from),
                    valid_to: day(v.valid_to),
                    source: v.source.clone(),
                })
                .collect(),
            counts: m.counts.iter().cloned().collect(),
            sections: self.blob.sections().map(|s| SectionInfo { name: s.name.clone(), version: s.version, bytes: s.len }).collect(),
            sources: m.sources.iter().map(|s| SourceInfo { name: s.name.clone(), sha256: s.sha256.clone(), role: s.role.clone() }).collect(),
            tables: self.tables(),
        }
    }
}
