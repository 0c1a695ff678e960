//! Agreement of the stored note references with an independent reading of the tabular XML.
//!
//! For every Excludes1, Excludes2, Code first, Use additional code and Code also note of each
//! edition, at code, block and chapter level, the codes the blob's references match equal the
//! codes this file expands from the note's text. The XML is walked here with quick-xml (not
//! the compiler's reader), notes are split into words rather than scanned byte by byte, and
//! ranges run over the XML's own document order. Block and chapter notes must also cover
//! exactly the codes written inside their block or chapter.
mod common;
use claimlint::icd10cm::NoteRef;
use claimlint::CodeTable;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::{BTreeMap, BTreeSet, HashMap};

const KINDS: [&str; 5] = ["excludes1", "excludes2", "codeFirst", "useAdditionalCode", "codeAlso"];

/// Notes whose text this file cannot expand exactly, and why. The compiler must keep them as
/// text (no references) — each is a CMS wording problem, not a reading gap.
const EXCEPTIONS: [(&str, &str); 4] = [
    ("E87.2", "diabetic acidosis - see categories E08-E10, E11, E13 with ketoacidosis"), // qualifier in words ("with ketoacidosis")
    ("F02", "other frontotemporal neurocognitive disorder (G31.90)"), // G31.90 does not exist (G31.09 is meant)
    ("R10.85", "localized abdominal pain (R10.1-R10.4-)"), // R10.4 does not exist in FY2026
    // Written as ranges, but I69.01-I69.11- would take in I69.02-I69.09 (speech, paralysis):
    // the note lists the cognitive-deficit codes I69.01, I69.11, I69.21, I69.31, I69.81, I69.91.
    ("F06.7", "cognitive deficits following (sequelae of) cerebral hemorrhage or infarction (I69.01-I69.11-, I69.21-I69.31-, I69.81- I69.91-)"),
];

/// What the XML says, in document order.
#[derive(Default)]
struct Xml {
    /// Undotted diag names in document order.
    order: Vec<String>,
    /// (owner: code or block/chapter label, kind, text).
    notes: Vec<(String, String, String)>,
    /// Block/chapter label → undotted diag names inside it.
    scopes: BTreeMap<String, Vec<String>>,
    /// Diag name (undotted) with a sevenChrDef → its 7th characters meaning an open fracture.
    open7: HashMap<String, BTreeSet<char>>,
}

fn read_xml(path: &std::path::Path) -> Xml {
    let bytes = std::fs::read(path).expect("tabular XML");
    let mut r = Reader::from_reader(bytes.as_slice());
    let mut x = Xml::default();
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut diag: Vec<String> = Vec::new();
    let (mut chapter, mut section) = (String::new(), String::new());
    let mut ext_char = None;
    let mut adverse = false;
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf).expect("xml") {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "section" {
                    let id = e.attributes().flatten().find(|a| a.key.as_ref() == b"id").map(|a| String::from_utf8_lossy(&a.value).into_owned());
                    section = id.unwrap_or_default();
                }
                if KINDS.contains(&name.as_str()) {
                    adverse = false;
                }
                if name == "sevenChrDef" {
                    if let Some(d) = diag.last() {
                        x.open7.entry(d.clone()).or_default();
                    }
                }
                if name == "extension" {
                    ext_char = e.attributes().flatten().find(|a| a.key.as_ref() == b"char").and_then(|a| a.value.first().map(|c| char::from(*c)));
                }
                stack.push(name);
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.unescape().expect("text")),
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                let parent = stack.last().cloned().unwrap_or_default();
                let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
                match (name.as_str(), parent.as_str()) {
                    ("name", "chapter") => chapter = format!("Chapter {words}"),
                    ("name", "diag") => {
                        let code = words.replace('.', "");
                        x.order.push(code.clone());
                        x.scopes.entry(section.clone()).or_default().push(code.clone());
                        x.scopes.entry(chapter.clone()).or_default().push(code.clone());
                        diag.push(code);
                    }
                    ("diag", _) => {
                        diag.pop();
                    }
                    ("section", _) => section.clear(),
                    ("extension", _) if words.to_lowercase().contains("open fracture") => {
                        if let (Some(c), Some(d)) = (ext_char, diag.last()) {
                            x.open7.entry(d.clone()).or_default().insert(c);
                        }
                    }
                    ("note", kind) if KINDS.contains(&kind) && !words.is_empty() => {
                        adverse |= words.to_lowercase().contains("for adverse effects");
                        let owner = match stack.get(stack.len().wrapping_sub(2)).map(String::as_str) {
                            Some("diag") => diag.last().map(|d| claimlint::icd10cm::dotted(d)).unwrap_or_default(),
                            Some("section") if adverse => format!("{section}, adverse effects"),
                            Some("section") => section.clone(),
                            Some("chapter") => chapter.clone(),
                            _ => String::new(),
                        };
                        x.notes.push((owner, kind.to_owned(), words.clone()));
                    }
                    _ => {}
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    x
}

/// One edition's codes, with Tabular positions and what the qualifiers need.
struct Codes {
    sorted: Vec<String>,
    pos: HashMap<String, usize>,
    by_pos: Vec<String>,
    extension: HashSet7,
    open: BTreeSet<String>,
}
type HashSet7 = BTreeSet<String>;

fn codes(x: &Xml, all: &[(String, bool)]) -> Codes {
    let mut extensions: HashMap<String, Vec<String>> = HashMap::new();
    for (c, ext) in all {
        if *ext {
            let base = c[..6].trim_end_matches('X').to_owned();
            extensions.entry(base).or_default().push(c.clone());
        }
    }
    let mut by_pos = Vec::new();
    for name in &x.order {
        by_pos.push(name.clone());
        let mut ext = extensions.get(name).cloned().unwrap_or_default();
        ext.sort();
        by_pos.extend(ext);
    }
    let pos = by_pos.iter().enumerate().map(|(i, c)| (c.clone(), i)).collect();
    // An extension is an open fracture when the nearest sevenChrDef above it says so.
    let mut open = BTreeSet::new();
    for (c, ext) in all {
        if !*ext {
            continue;
        }
        let seventh = c.chars().nth(6).unwrap_or(' ');
        let mut p = c[..6].to_owned();
        while p.len() >= 3 {
            if let Some(chars) = x.open7.get(p.trim_end_matches('X')) {
                if chars.contains(&seventh) {
                    open.insert(c.clone());
                }
                break;
            }
            p.pop();
        }
    }
    Codes {
        sorted: all.iter().map(|(c, _)| c.clone()).collect(),
        pos,
        by_pos,
        extension: all.iter().filter(|(_, e)| *e).map(|(c, _)| c.clone()).collect(),
        open,
    }
}

/// A code at the start of a word: letter, two characters (one a digit), optional dot and up
/// to four characters. Returns it undotted and the rest of the word.
fn code_prefix(word: &str) -> Option<(String, &str)> {
    let ch: Vec<char> = word.chars().collect();
    let ok = |c: char| c.is_ascii_digit() || c.is_ascii_uppercase();
    if ch.len() < 3 || !ch[0].is_ascii_uppercase() || !ok(ch[1]) || !ok(ch[2]) || !(ch[1].is_ascii_digit() || ch[2].is_ascii_digit()) {
        return None;
    }
    let mut n = 3;
    let mut code: String = ch[..3].iter().collect();
    if ch.get(3) == Some(&'.') {
        n = 4;
        while n < ch.len() && n < 8 && ok(ch[n]) {
            code.push(ch[n]);
            n += 1;
        }
    }
    if ch.get(n).is_some_and(|c| c.is_ascii_alphanumeric()) || code == "A1C" {
        return None;
    }
    Some((code, &word[n..]))
}

#[derive(Debug, Clone)]
enum Part {
    Code(String),
    RangeMark,
    With(String),
}

/// Splits a stretch of text into codes, range marks and "with" phrases.
fn parts(text: &str) -> Vec<Part> {
    let mut out = Vec::new();
    let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let mut prev_vitamin = false;
    let mut k = 0;
    while k < words.len() {
        let mut w = words[k];
        if w.eq_ignore_ascii_case("with") && matches!(out.last(), Some(Part::Code(_))) {
            out.push(Part::With(words[k + 1..].join(" ")));
            break;
        }
        if w == "to" || w == "-" {
            out.push(Part::RangeMark);
            k += 1;
            continue;
        }
        if let Some(rest) = w.strip_prefix('-') {
            if code_prefix(rest).is_some() {
                out.push(Part::RangeMark);
                w = rest;
            }
        }
        // A word may hold a range ("A00-A09", "F10.--F19.-") and a trailing "-with".
        let mut rest = w;
        while let Some((code, after)) = if prev_vitamin { None } else { code_prefix(rest) } {
            out.push(Part::Code(code));
            let after = after.trim_start_matches('.');
            if let Some(a) = after.strip_prefix("--").or_else(|| after.strip_prefix('-').filter(|a| code_prefix(a).is_some())) {
                out.push(Part::RangeMark);
                rest = a;
            } else if let Some(a) = after.strip_prefix("-with") {
                out.push(Part::With(format!("{a} {}", words[k + 1..].join(" ")).trim().to_owned()));
                return out;
            } else {
                break;
            }
        }
        prev_vitamin = w.eq_ignore_ascii_case("vitamin");
        k += 1;
    }
    out
}

/// How a "with" phrase picks codes: a test on (code without 7th character, full code).
type Pick = Box<dyn Fn(&str, &str, &Codes) -> bool>;

fn phrase(p: &str) -> Result<Pick, String> {
    let p = p.to_lowercase();
    let list = |s: &str| -> Vec<String> {
        s.split([' ', ','])
            .map(|v| v.trim_matches(|c: char| c == '.' || c == ')'))
            .filter(|v| !v.is_empty() && *v != "or" && *v != "and")
            .map(str::to_uppercase)
            .collect()
    };
    // Expands "1-4" into 1, 2, 3, 4.
    let spread = |vals: Vec<String>| -> Vec<String> {
        vals.into_iter()
            .flat_map(|v| match v.split_once('-') {
                Some((a, b)) if a.len() == 1 && b.len() == 1 => (a.as_bytes()[0]..=b.as_bytes()[0]).map(|c| char::from(c).to_string()).collect(),
                _ => vec![v],
            })
            .collect()
    };
    let first_token = |s: &str| s.split(')').next().unwrap_or("").to_owned();
    if p.starts_with('.') {
        // ".42", ".61-", ".51-.52", ".15. .25, .95": characters after the category's dot.
        let mut vals = Vec::new();
        for v in first_token(&p).split([',', ' ']).map(|v| v.trim_end_matches('.')).filter(|v| v.starts_with('.')) {
            let v = v.trim_start_matches('.').trim_end_matches('-').to_uppercase();
            match v.split_once("-.") {
                Some((a, b)) => {
                    let (a, b): (u32, u32) = (a.parse().expect("suffix"), b.parse().expect("suffix"));
                    vals.extend((a..=b).map(|n| format!("{n:0w$}", w = v.find('-').unwrap_or(2))));
                }
                None => vals.push(v),
            }
        }
        return Ok(Box::new(move |_, full, _| vals.iter().any(|v| full.get(3..3 + v.len()) == Some(v.as_str()))));
    }
    if p.starts_with("open fracture 7th character") {
        return Ok(Box::new(|_, full, c| c.open.contains(full)));
    }
    let intent = ["fifth or sixth character ", "fifth or six character ", "final character "];
    if let Some(rest) = intent.iter().find_map(|i| p.strip_prefix(i)) {
        let vals = if rest.starts_with("to indicate intent") { spread(vec!["1-4".into()]) } else { spread(list(&first_token(rest))) };
        return Ok(Box::new(move |base, _, _| vals.iter().any(|v| base.len() >= 5 && base.ends_with(v.as_str()))));
    }
    if let Some(rest) = p.strip_prefix("final characters ") {
        let raw = first_token(rest);
        let dashes = raw.trim_start().chars().take_while(|c| *c == '-').count();
        let vals = list(&raw.replace('-', ""));
        let from = 3 + dashes;
        return Ok(Box::new(move |base, _, _| vals.iter().any(|v| base.len() == from + v.len() && base.ends_with(v.as_str()))));
    }
    let nth = [
        ("5th character ", 4),
        ("fifth character ", 4),
        ("fifth-character ", 4),
        ("sixth character ", 5),
        ("7th character ", 6),
        ("seventh character ", 6),
        ("fifth to sixth characters ", 4),
    ];
    if let Some((rest, at)) = nth.iter().find_map(|(w, at)| p.strip_prefix(w).map(|r| (r, *at))) {
        let vals: Vec<String> = spread(list(&first_token(rest))).into_iter().take_while(|v| v.len() <= 2).collect();
        return Ok(Box::new(move |_, full, _| vals.iter().any(|v| full.get(at..at + v.len()) == Some(v.as_str()))));
    }
    Err(format!("phrase \"{p}\""))
}

/// The codes a note's text names in this edition, expanded independently.
fn expand(text: &str, c: &Codes) -> Result<BTreeSet<String>, String> {
    // Parenthesised stretches, then the running text; a "with" right after ")" joins the
    // stretch before it.
    let (mut inside, mut outside) = (Vec::new(), String::new());
    let mut depth = 0;
    let mut cur = String::new();
    for ch in text.chars() {
        match ch {
            '(' => {
                if depth == 0 {
                    outside.push_str(&cur);
                    outside.push(' ');
                    cur.clear();
                } else {
                    cur.push(ch);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inside.push(std::mem::take(&mut cur));
                } else {
                    cur.push(ch);
                }
            }
            _ => cur.push(ch),
        }
    }
    let tail = cur;
    let mut stretches: Vec<Vec<Part>> = Vec::new();
    for s in &inside {
        let mut st = parts(s);
        if !st.iter().any(|x| matches!(x, Part::Code(_))) {
            continue;
        }
        // "(T36-T50) with fifth or sixth character 6": the words right after ")".
        let after = text.split(&format!("({s})")).nth(1).unwrap_or("").trim_start_matches([' ', ',']);
        let after = after.split('(').next().unwrap_or("");
        if after.to_lowercase().starts_with("with ") && after.contains("character") && !st.iter().any(|x| matches!(x, Part::With(_))) {
            st.push(Part::With(after[5..].to_owned()));
        }
        stretches.push(st);
    }
    if stretches.is_empty() {
        let running = parts(&format!("{outside} {tail}"));
        if running.iter().any(|x| matches!(x, Part::Code(_))) {
            stretches.push(running);
        }
    }
    let mut out = BTreeSet::new();
    for st in stretches {
        let mut spans: Vec<(String, String)> = Vec::new();
        let mut pending_range = false;
        let mut pick: Option<Pick> = None;
        for p in st {
            match p {
                Part::Code(code) if pending_range => {
                    spans.last_mut().expect("range start").1 = code;
                    pending_range = false;
                }
                Part::Code(code) => spans.push((code.clone(), code)),
                Part::RangeMark => pending_range = !spans.is_empty(),
                Part::With(ph) => pick = Some(phrase(&ph)?),
            }
        }
        for (lo, hi) in &spans {
            if lo.len() >= 5 && lo.len() == hi.len() && lo[..3] == hi[..3] && lo[3..4] != hi[3..4] && lo[4..] == hi[4..] {
                return Err(format!("parallel range {lo}-{hi}"));
            }
        }
        let mut named: BTreeSet<String> = BTreeSet::new();
        for (lo, hi) in spans {
            let under = |p: &str| -> Vec<usize> {
                let from = c.sorted.partition_point(|x| x.as_str() < p);
                c.sorted[from..].iter().take_while(|x| x.starts_with(p)).filter_map(|x| c.pos.get(x).copied()).collect()
            };
            let (a, b) = (under(&lo), under(&hi));
            let (Some(first), Some(last)) = (a.iter().min(), b.iter().max()) else { return Err(format!("{lo} or {hi} is not a code")) };
            named.extend(c.by_pos[*first..=*last].iter().cloned());
        }
        if let Some(pick) = pick {
            let is_leaf = |x: &str| {
                let at = c.sorted.partition_point(|y| y.as_str() <= x);
                !c.sorted.get(at).is_some_and(|y| y.starts_with(x))
            };
            let leaves: BTreeSet<String> = named.iter().filter(|x| is_leaf(x)).cloned().collect();
            let chosen: BTreeSet<String> = leaves
                .iter()
                .filter(|x| {
                    let base = if c.extension.contains(*x) { &x[..6] } else { x.as_str() };
                    pick(base, x, c)
                })
                .cloned()
                .collect();
            named.retain(|x| chosen.contains(x) || (!leaves.contains(x) && leaves.iter().filter(|l| l.starts_with(x.as_str())).all(|l| chosen.contains(l))));
        }
        out.extend(named);
    }
    Ok(out)
}

/// The edition's codes a stored reference list matches.
fn matched(refs: &[NoteRef], sorted: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for r in refs {
        let from = sorted.partition_point(|c| c.get(..r.lo.len().min(c.len())).unwrap_or(c) < r.lo.as_str());
        out.extend(sorted[from..].iter().take_while(|c| r.matches(c)).cloned());
    }
    out
}

#[test]
fn every_note_reference_equals_the_independent_expansion() {
    let engine = common::engine();
    let cm = engine.get().icd10cm.as_ref().expect("icd10cm section");
    let exceptions: BTreeSet<(String, String)> = EXCEPTIONS.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
    // FY2026 always; both editions under CLAIMLINT_FULL (about a minute each in a test build).
    let editions: &[(usize, u32)] = if std::env::var_os("CLAIMLINT_FULL").is_some() { &[(0, 2025), (1, 2026)] } else { &[(1, 2026)] };
    for &(e, fy) in editions {
        assert_eq!(cm.label(e), format!("FY{fy}"));
        let path = claimlint::compile::sources::cached_tabular(&common::cache_dir(), fy).expect("run scripts/fetch-sources.sh first");
        let x = read_xml(&path);
        let all: Vec<(String, bool)> = (0..cm.len()).filter(|&i| cm.exists(i, e)).map(|i| (cm.code(i).to_owned(), cm.is_extension(i))).collect();
        let c = codes(&x, &all);
        // Stored notes of this edition, by (owner, kind, text).
        let mut stored: BTreeMap<(String, String, String), Vec<NoteRef>> = BTreeMap::new();
        for i in 0..cm.len() {
            for n in cm.notes_at(i, e) {
                stored.insert((n.at.clone(), n.kind.id().to_owned(), n.text.clone()), n.refs);
            }
        }
        let mut scopes = BTreeMap::new();
        for (n, scope) in cm.block_notes(e) {
            scopes.insert(n.at.clone(), scope);
            stored.insert((n.at.clone(), n.kind.id().to_owned(), n.text.clone()), n.refs);
        }
        let mut checked = 0usize;
        let mut differ = Vec::new();
        let mut unexpanded = BTreeSet::new();
        for (owner, kind, text) in &x.notes {
            let refs = stored.get(&(owner.clone(), kind.clone(), text.clone()));
            let Some(refs) = refs else {
                differ.push(format!("{owner} {kind} \"{text}\": not stored"));
                continue;
            };
            match expand(text, &c) {
                Ok(want) => {
                    let got = matched(refs, &c.sorted);
                    if got != want {
                        let extra: Vec<_> = got.difference(&want).take(4).collect();
                        let missing: Vec<_> = want.difference(&got).take(4).collect();
                        differ.push(format!("{owner} {kind} \"{text}\": extra {extra:?} missing {missing:?}"));
                    }
                    checked += 1;
                }
                Err(_) => {
                    assert!(refs.is_empty(), "{owner} \"{text}\" is not exactly readable but has references");
                    unexpanded.insert((owner.clone(), text.clone()));
                }
            }
        }
        assert!(differ.is_empty(), "FY{fy}: {} notes differ:\n{}", differ.len(), differ.join("\n"));
        assert!(checked > 10_000, "FY{fy}: only {checked} notes checked");
        let listed: BTreeSet<_> = exceptions.iter().filter(|ex| x.notes.iter().any(|(o, _, t)| *o == ex.0 && *t == ex.1)).cloned().collect();
        assert_eq!(unexpanded, listed, "FY{fy}: notes not expanded, against the listed exceptions");
        // Block and chapter notes cover exactly the codes written inside them.
        for (label, scope) in &scopes {
            let mut want: BTreeSet<String> = BTreeSet::new();
            // A series headed "Code first, for adverse effects, ..." covers the block's
            // adverse-effect codes only.
            if let Some(block) = label.strip_suffix(", adverse effects") {
                let want = expand(&format!("({block} with fifth or sixth character 5)"), &c).expect("adverse effects");
                assert_eq!(matched(scope, &c.sorted), want, "FY{fy}: codes below {label}");
                continue;
            }
            match x.scopes.get(label) {
                Some(names) => {
                    for name in names {
                        want.extend(c.sorted.iter().filter(|s| s.starts_with(name.as_str())).cloned());
                    }
                }
                // A heading block without codes of its own spans the blocks its label names.
                None => want = expand(&format!("({label})"), &c).expect("block label"),
            }
            assert_eq!(matched(scope, &c.sorted), want, "FY{fy}: codes below {label}");
        }
        assert!(scopes.len() >= 120, "FY{fy}: {} blocks and chapters with notes", scopes.len());
    }
}
