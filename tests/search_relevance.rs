//! Search relevance: realistic queries with the codes a coder expects near the top.
//! Run with `--nocapture` to see per-query ranks, latency percentiles and index size.
mod common;

use claimlint::search::{search, SearchHit, SearchOptions};
use claimlint::{Engine, System};
use std::time::Instant;

/// (query, expected code pattern (`*` = any characters), must be within top N).
const CASES: &[(&str, &str, usize)] = &[
    ("bacterial pneumonia", "J15.9", 3),
    ("type 2 diabetes without complications", "E11.9", 1),
    ("right femoral neck fracture initial", "S72.0*A", 10),
    ("k35.2", "K35.2", 1),
    ("K352", "K35.2", 1),
    ("htn", "I10", 3),
    ("uti", "N39.0", 3),
    ("chf", "I50.9", 10),
    ("copd exac", "J44.1", 3),
    ("pneumonai", "J18.9", 10),
    ("e11.9", "E11.9", 1),
    ("I10", "I10", 1),
    ("z00.00", "Z00.00", 1),
    ("essential hypertension", "I10", 1),
    ("acute appendicitis", "K35.80", 5),
    ("asthma", "J45.909", 10),
    ("low back pain", "M54.50", 3),
    ("lbp", "M54.50", 3),
    ("headache", "R51.9", 3),
    ("chest pain", "R07.9", 3),
    ("atrial fibrillation", "I48.91", 5),
    ("afib", "I48.91", 5),
    ("hyperlipidemia", "E78.5", 3),
    ("ckd stage 3", "N18.3*", 5),
    ("depression", "F32.A", 10),
    ("major depressive disorder recurrent", "F33.9", 10),
    ("anxiety", "F41.9", 5),
    ("obesity", "E66.9", 5),
    ("vitamin d deficiency", "E55.9", 3),
    ("hypothyroidism", "E03.9", 3),
    ("urinary tract infection", "N39.0", 3),
    ("dm2", "E11.9", 10),
    ("gerd", "K21.9", 5),
    ("sepsis", "A41.9", 5),
    ("acute kidney failure", "N17.9", 3),
    ("aki", "N17.9", 3),
    ("covid", "U07.1", 3),
    ("dementia", "F03.90", 10),
    ("osteoarthritis knee", "M17.*", 10),
    ("fx left wrist", "S62.*", 10),
    ("abdominal pain", "R10.9", 3),
    ("shortness of breath", "R06.02", 3),
    ("sob", "R06.02", 3),
    ("nausea with vomiting", "R11.2", 3),
    ("mi", "I21.9", 10),
    ("fractrue of femur", "S72.*", 10),
    ("diabetes mellitus type 1", "E10.9", 10),
    ("crohns disease", "K50.90", 5),
    ("alzheimers", "G30.9", 5),
    ("menieres", "H81.0*", 10),
    ("pneumonia", "J18.9", 10),
    ("bronchopneumonia", "J18.0", 3),
];

/// Cases that need HCPCS Level II or modifier documents in the blob.
const HCPCS_CASES: &[(&str, &str, usize)] = &[
    ("wheelchair", "[EK]*", 10),
    ("E0100", "E0100", 1),
    ("cane", "E01*", 10),
    ("walker", "E01*", 10),
    ("oxygen concentrator", "E1390", 10),
    ("glucose test strips", "A4253", 10),
];
const MODIFIER_CASES: &[(&str, &str, usize)] = &[("lt", "LT", 1), ("rt", "RT", 1), ("separate encounter", "XE", 3)];

fn engine() -> &'static Engine<'static> {
    common::engine().get()
}

/// Glob match with `*` (any run) and `[AB]` (one of).
fn glob(p: &str, s: &str) -> bool {
    fn go(p: &[u8], s: &[u8]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some(b'*') => (0..=s.len()).any(|i| go(&p[1..], &s[i..])),
            Some(b'[') => {
                let close = p.iter().position(|&c| c == b']').unwrap();
                !s.is_empty() && p[1..close].contains(&s[0]) && go(&p[close + 1..], &s[1..])
            }
            Some(c) => s.first() == Some(c) && go(&p[1..], &s[1..]),
        }
    }
    go(p.as_bytes(), s.as_bytes())
}

fn has_group(e: &Engine<'_>, system: &str) -> bool {
    e.search.as_ref().is_some_and(|ix| ix.s.groups.iter().any(|g| g.system == system))
}

fn run_cases(cases: &[(&str, &str, usize)]) -> (usize, Vec<String>) {
    let e = engine();
    let mut ok = 0;
    let mut fails = Vec::new();
    for &(q, want, n) in cases {
        let hits = search(e, q, &SearchOptions::default());
        let rank = hits.iter().position(|h| glob(want, &h.code));
        let top: Vec<&str> = hits.iter().take(5).map(|h| h.code.as_str()).collect();
        println!("{q:40} want {want:8} top{n:<2} rank {:?}  {:?}", rank.map(|r| r + 1), top);
        if rank.is_some_and(|r| r < n) {
            ok += 1;
        } else {
            fails.push(format!("{q} -> {want} not in top {n}: {top:?}"));
        }
    }
    (ok, fails)
}

#[test]
fn relevance_table() {
    assert!(CASES.len() >= 40);
    let (ok, fails) = run_cases(CASES);
    let (mut t1, mut t3, mut t10) = (0, 0, 0);
    for &(q, want, _) in CASES {
        let hits = search(engine(), q, &SearchOptions::default());
        match hits.iter().position(|h| glob(want, &h.code)) {
            Some(0) => (t1, t3, t10) = (t1 + 1, t3 + 1, t10 + 1),
            Some(r) if r < 3 => (t3, t10) = (t3 + 1, t10 + 1),
            Some(_) => t10 += 1,
            None => {}
        }
    }
    println!("ICD-10-CM relevance: {ok}/{} meet their bar; top1 {t1}, top3 {t3}, top10 {t10}", CASES.len());
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn hcpcs_and_modifier_relevance() {
    let e = engine();
    for (system, cases) in [("hcpcs", HCPCS_CASES), ("modifier", MODIFIER_CASES)] {
        if !has_group(e, system) {
            println!("no {system} documents in this blob: {} cases skipped", cases.len());
            continue;
        }
        let (ok, fails) = run_cases(cases);
        println!("{system} relevance: {ok}/{}", cases.len());
        assert!(fails.is_empty(), "{}", fails.join("\n"));
    }
}

fn find<'h>(hits: &'h [SearchHit], code: &str) -> &'h SearchHit {
    hits.iter().find(|h| h.code == code).unwrap_or_else(|| panic!("{code} not in {hits:?}"))
}

#[test]
fn spans_mark_matched_words() {
    let hits = search(engine(), "bacterial pneumon", &SearchOptions::default());
    let h = find(&hits, "J15.9");
    assert_eq!(h.description, "Unspecified bacterial pneumonia");
    assert_eq!(h.spans, vec![[12, 21], [22, 31]]);
    assert_eq!(h.system, System::Icd10cm);
    assert!(h.billable);
    // 7th-character codes: spans cover the parent's words and the 7th-character text.
    let hits = search(engine(), "right femur neck fracture initial", &SearchOptions::default());
    let h = hits.iter().find(|h| h.code.ends_with('A')).expect("an initial-encounter code");
    let chars: Vec<char> = h.description.chars().collect();
    let words: Vec<String> = h.spans.iter().map(|[a, b]| chars[*a as usize..*b as usize].iter().collect()).collect();
    assert!(words.iter().any(|w| w == "initial"), "{words:?} in {}", h.description);
    assert!(words.iter().any(|w| w == "right"), "{words:?}");
    // A typo highlights the word it was taken for.
    let hits = search(engine(), "pneumonai", &SearchOptions::default());
    assert!(hits.iter().all(|h| !h.spans.is_empty()), "{hits:?}");
}

#[test]
fn limit_billable_only_and_systems() {
    let e = engine();
    assert_eq!(search(e, "fracture", &SearchOptions::default()).len(), 10);
    assert_eq!(search(e, "fracture", &SearchOptions { limit: 3, ..Default::default() }).len(), 3);
    assert_eq!(search(e, "fracture", &SearchOptions { limit: 10_000, ..Default::default() }).len(), 100);
    let hits = search(e, "k35", &SearchOptions { billable_only: true, limit: 50, ..Default::default() });
    assert!(!hits.is_empty() && hits.iter().all(|h| h.billable), "{hits:?}");
    let hits = search(e, "k35", &SearchOptions::default());
    assert_eq!(hits[0].code, "K35");
    assert!(!hits[0].billable);
    let none = search(e, "pneumonia", &SearchOptions { systems: vec![System::Hcpcs], ..Default::default() });
    assert!(none.iter().all(|h| h.system == System::Hcpcs));
    assert!(search(e, "", &SearchOptions::default()).is_empty());
    assert!(search(e, "zzzzqqqq xxyyzz", &SearchOptions::default()).is_empty());
}

#[test]
fn date_of_service_picks_the_edition() {
    let e = engine();
    let fy25 = SearchOptions { on: Some(common::date("2025-03-01")), ..Default::default() };
    let fy26 = SearchOptions { on: Some(common::date("2026-03-01")), ..Default::default() };
    // Every hit exists in the edition for the date (check_code agrees it is valid then).
    for (o, dos) in [(&fy25, "2025-03-01"), (&fy26, "2026-03-01")] {
        for h in search(e, "diabetes", o) {
            let c = e.check_code(System::Icd10cm, &h.code, Some(common::date(dos)));
            assert!(matches!(c.state, claimlint::CodeState::Billable | claimlint::CodeState::Header), "{} on {dos}: {:?}", h.code, c.state);
        }
    }
    let before = SearchOptions { on: Some(common::date("2010-01-01")), ..Default::default() };
    assert!(search(e, "diabetes", &before).iter().all(|h| h.system != System::Icd10cm));
}

#[test]
fn hostile_queries_return_quickly() {
    let e = engine();
    for q in ["a".repeat(1_000_000), "fracture ".repeat(100_000), "\u{0}\u{feff}é".repeat(50_000), "w/o w/ ///".into(), "*".into()] {
        let t = Instant::now();
        let _ = search(e, &q, &SearchOptions::default());
        assert!(t.elapsed().as_millis() < 200, "{} chars took {:?}", q.len(), t.elapsed());
    }
}

#[test]
fn latency_and_size_report() {
    let e = engine();
    let mut queries: Vec<&str> = CASES.iter().chain(HCPCS_CASES).chain(MODIFIER_CASES).map(|c| c.0).collect();
    // Keystroke prefixes, as autocomplete sees them.
    queries.extend(["p", "pn", "pneu", "fract", "diab", "e1", "s72", "hyp"]);
    let o = SearchOptions::default();
    for q in &queries {
        let _ = search(e, q, &o);
    }
    let mut times = Vec::new();
    for _ in 0..5 {
        for q in &queries {
            let t = Instant::now();
            let _ = search(e, q, &o);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!("search latency over {} queries: p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms", times.len(), pct(0.5), pct(0.95), pct(1.0));
    let mut slow: Vec<(f64, &str)> = queries
        .iter()
        .map(|q| {
            let t = Instant::now();
            let _ = search(e, q, &o);
            (t.elapsed().as_secs_f64() * 1e3, *q)
        })
        .collect();
    slow.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
    println!("slowest: {:?}", &slow[..5]);
    let blob = common::blob();
    let section = e.blob.manifest.sections.iter().find(|s| s.name == "search").expect("search section");
    println!("search section {} bytes raw of a {} byte blob", section.len, blob.len());
    if let Ok(dir) = std::env::var("SEARCH_SIZE_DIR") {
        std::fs::write(format!("{dir}/with-search.blob"), blob).unwrap();
        let s = &e.search.as_ref().unwrap().s;
        for (name, bytes) in [("dict", s.dict), ("postings", s.postings), ("word_counts", s.word_counts), ("block_dict", s.block_dict.0), ("block_post", s.block_post.0)] {
            std::fs::write(format!("{dir}/{name}.bin"), bytes).unwrap();
        }
    }
}
