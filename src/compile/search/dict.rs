//! Inverted index construction: sorted terms, front-coded in blocks, delta-varint postings.
use super::docs::DocText;
use crate::search::section::BLOCK;
use std::collections::BTreeMap;

/// Encoded dictionary and postings.
pub struct Encoded {
    pub terms: u32,
    pub block_dict: Vec<u32>,
    pub block_post: Vec<u32>,
    pub dict: Vec<u8>,
    pub postings: Vec<u8>,
}

pub fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn encode_list(ids: &[u32]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev = None;
    for &id in ids {
        push_varint(&mut out, prev.map_or(id, |p| id - p));
        prev = Some(id);
    }
    out
}

/// Builds the index over `docs` (document id = position).
pub fn encode(docs: &[DocText]) -> Encoded {
    let mut title: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    let mut extra: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (id, d) in docs.iter().enumerate() {
        for t in &d.title {
            title.entry(t.as_str()).or_default().push(id as u32);
        }
        for t in &d.extra {
            extra.entry(t.as_str()).or_default().push(id as u32);
        }
    }
    let mut all: Vec<&str> = title.keys().chain(extra.keys()).copied().filter(|t| t.len() <= 255).collect();
    all.sort_unstable();
    all.dedup();
    let mut e = Encoded { terms: all.len() as u32, block_dict: Vec::new(), block_post: Vec::new(), dict: Vec::new(), postings: Vec::new() };
    let mut prev: &[u8] = &[];
    for (i, term) in all.iter().enumerate() {
        let t = term.as_bytes();
        if i % BLOCK == 0 {
            e.block_dict.push(e.dict.len() as u32);
            e.block_post.push(e.postings.len() as u32);
            e.dict.push(t.len() as u8);
            e.dict.extend_from_slice(t);
        } else {
            let shared = prev.iter().zip(t).take_while(|(a, b)| a == b).count().min(255);
            e.dict.push(shared as u8);
            e.dict.push((t.len() - shared) as u8);
            e.dict.extend_from_slice(&t[shared..]);
        }
        let tl = encode_list(title.get(term).map(Vec::as_slice).unwrap_or(&[]));
        let xl = encode_list(extra.get(term).map(Vec::as_slice).unwrap_or(&[]));
        push_varint(&mut e.dict, tl.len() as u32);
        push_varint(&mut e.dict, xl.len() as u32);
        e.postings.extend_from_slice(&tl);
        e.postings.extend_from_slice(&xl);
        prev = t;
    }
    e
}
