//! Gathers the text of every searchable document in document-id order.
use crate::compile::icd10cm::Edition;
use crate::compile::SearchDoc;
use crate::icd10cm::NoteKind;
use crate::search::text::{counts, indexed, tokens, Token};
use crate::system::System;
use std::collections::{BTreeMap, BTreeSet};

/// What the index knows of one document.
#[derive(Debug, Default, Clone)]
pub struct DocText {
    /// Description terms (deduplicated, stopwords dropped).
    pub title: BTreeSet<String>,
    /// Extra-text terms not already in the title.
    pub extra: BTreeSet<String>,
    /// Description words counted for ranking.
    pub word_count: u8,
}

impl DocText {
    /// `icd`: ICD-10-CM conventions apply (parenthesised words are nonessential modifiers).
    pub fn new(title: &str, extra: &[&str], icd: bool) -> DocText {
        let mut d = DocText::default();
        let toks = tokens(title);
        d.word_count = rank_byte(title, &toks, icd);
        for t in toks {
            if indexed(&t.term) {
                d.title.insert(t.term);
            }
        }
        for x in extra {
            for t in tokens(x) {
                if indexed(&t.term) && !d.title.contains(&t.term) {
                    d.extra.insert(t.term);
                }
            }
        }
        d
    }
}

/// The ranking byte: low 7 bits count the description words a match leaves unexplained, not
/// counting generic qualifiers, words in parentheses (ICD-10-CM's nonessential modifiers; `icd`) or
/// anything after "without" (what the code rules out); bit 7 marks a default code
/// ("unspecified", "NOS"), preferred among equals.
pub fn rank_byte(title: &str, toks: &[Token], icd: bool) -> u8 {
    let chars: Vec<char> = title.chars().collect();
    let mut depth = vec![0u8; chars.len() + 1];
    let mut d = 0u8;
    for (i, c) in chars.iter().enumerate() {
        if *c == '(' || *c == '[' {
            d = d.saturating_add(1);
        }
        depth[i] = d;
        if *c == ')' || *c == ']' {
            d = d.saturating_sub(1);
        }
    }
    let mut n = 0usize;
    let mut default = false;
    for t in toks {
        if t.term == "without" {
            break;
        }
        default |= t.term == "unspecified" || t.term == "nos";
        if (!icd || depth[t.start as usize] == 0) && counts(&t.term) {
            n += 1;
        }
    }
    n.min(127) as u8 | if default { 0x80 } else { 0 }
}

/// A non-ICD-10-CM system's documents, sorted by code.
pub struct Group {
    pub system: System,
    /// (code, text, billable)
    pub docs: Vec<(String, String, bool)>,
    pub texts: Vec<DocText>,
}

/// ICD-10-CM documents in `icd10cm` section order (every code of every edition), plus the
/// distinct 7th-character texts. 7th-character codes get empty documents.
pub fn icd10cm(editions: &[Edition]) -> (Vec<DocText>, Vec<String>) {
    // Newest edition wins for each code's text.
    let mut title: BTreeMap<&str, (&str, bool)> = BTreeMap::new();
    let mut extra: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for ed in editions.iter().rev() {
        for c in &ed.codes {
            title.entry(c.code.as_str()).or_insert((c.title.as_str(), c.extension));
        }
        for n in &ed.notes {
            if n.kind == NoteKind::InclusionTerm {
                let v = extra.entry(n.code.as_str()).or_default();
                if !v.contains(&n.text.as_str()) {
                    v.push(n.text.as_str());
                }
            }
        }
    }
    let mut ext_titles = BTreeSet::new();
    let mut docs = Vec::with_capacity(title.len());
    for (code, (text, is_ext)) in &title {
        if *is_ext {
            ext_titles.insert(text.to_string());
            docs.push(DocText::default());
        } else {
            let x = extra.get(code).map(Vec::as_slice).unwrap_or(&[]);
            docs.push(DocText::new(text, x, true));
        }
    }
    // Older editions' 7th-character texts too, so their codes still match by date.
    (docs, ext_titles.into_iter().collect())
}

/// Other systems' documents grouped by system (ICD-10-CM docs are ignored: taken from the editions).
pub fn groups(docs: &[SearchDoc]) -> Vec<Group> {
    let mut by: BTreeMap<System, BTreeMap<String, &SearchDoc>> = BTreeMap::new();
    for d in docs {
        if d.system == System::Icd10cm {
            continue;
        }
        let code = d.code.trim().to_ascii_uppercase();
        if code.is_empty() || code.contains(' ') || code.len() > 16 {
            continue;
        }
        by.entry(d.system).or_default().entry(code).or_insert(d);
    }
    by.into_iter()
        .map(|(system, m)| {
            let texts = m
                .values()
                .map(|d| DocText::new(&d.text, &d.extra.iter().map(String::as_str).collect::<Vec<_>>(), false))
                .collect();
            let docs = m.into_iter().map(|(c, d)| (c, d.text.clone(), d.billable)).collect();
            Group { system, docs, texts }
        })
        .collect()
}
