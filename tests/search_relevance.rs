//! Search relevance: realistic queries with the codes a coder expects near the top.
//! Run with `--nocapture` to see per-query ranks, latency percentiles and index size.
mod common;

use claimlint::search::{search, SearchHit, SearchOptions};
use claimlint::{Engine, System};
use std::time::Instant;

include!("search/relevance_table.rs");

fn engine() -> &'static Engine<'static> {
    common::engine().get()
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
