//! Compile side of `crate::search`: the `search` section over every loaded code system.
mod dict;
mod docs;

use crate::blob::columns::{build, FixedKeys, StrPool, U32Col};
use crate::system::System;
use crate::blob::BlobWriter;
use crate::compile::icd10cm::Edition;
use crate::compile::{err, Result, SearchDoc};
use crate::search::section::{DocGroup, SearchSection, SECTION, VERSION};
use docs::DocText;

/// Owned bytes of one document group.
struct GroupBytes {
    system: &'static str,
    first_doc: u32,
    width: u8,
    codes: Vec<u8>,
    billable: Vec<u8>,
}

/// Builds the search index section from the ICD-10-CM editions (every code of every
/// edition, text from the newest) and the documents other code sets contributed.
pub fn add_section(w: &mut BlobWriter, icd10cm: &[Edition], docs: &[SearchDoc]) -> Result<()> {
    let (mut all, ext_titles) = docs::icd10cm(icd10cm);
    let icd_docs = all.len() as u32;
    let mut groups = Vec::new();
    for g in docs::groups(docs) {
        // The index stores no text of its own: a hit's description is read from the section
        // of its system (search::SearchIndex::group_text), which only HCPCS has so far.
        if !matches!(g.system, System::Hcpcs | System::Modifier) {
            return Err(err(format!("search section: no description source for {} documents", g.system.id())));
        }
        let width = g.docs.iter().map(|d| d.0.len()).max().unwrap_or(1).max(1) as u8;
        let codes: Vec<&str> = g.docs.iter().map(|d| d.0.as_str()).collect();
        groups.push(GroupBytes {
            system: g.system.id(),
            first_doc: all.len() as u32,
            width,
            codes: build::fixed_keys(&codes, width),
            billable: g.docs.iter().map(|d| u8::from(d.2)).collect(),
        });
        all.extend(g.texts);
    }
    let ext_first = all.len() as u32;
    let mut ext_pool = build::StrPoolBuilder::default();
    for t in &ext_titles {
        ext_pool.intern(t);
        all.push(DocText::new(t, &[], true));
    }
    let (ext_ends, ext_data) = ext_pool.finish();
    let word_counts: Vec<u8> = all.iter().map(|d| d.word_count).collect();
    let e = dict::encode(&all);
    let block_dict = build::u32s(e.block_dict.iter().copied());
    let block_post = build::u32s(e.block_post.iter().copied());
    let section = SearchSection {
        icd_docs,
        groups: groups
            .iter()
            .map(|g| DocGroup {
                system: g.system,
                first_doc: g.first_doc,
                codes: FixedKeys { width: g.width, bytes: &g.codes },
                billable: &g.billable,
            })
            .collect(),
        ext_first,
        ext_titles: StrPool { ends: U32Col(&ext_ends), data: &ext_data },
        word_counts: &word_counts,
        terms: e.terms,
        block_dict: U32Col(&block_dict),
        block_post: U32Col(&block_post),
        dict: &e.dict,
        postings: &e.postings,
    };
    w.add_section(SECTION, VERSION, &section).map_err(|e| err(format!("search section: {e}")))?;
    w.manifest.counts.push(("search.docs".into(), u64::from(ext_first)));
    w.manifest.counts.push(("search.terms".into(), u64::from(e.terms)));
    Ok(())
}
