//! Inpatient claims per second, claimlint native (one thread) beside the CMS MCE Java (warm,
//! one thread), on the same seeded corpus in the same run (`cargo bench --bench mce_side_by_side`).
//! Prints a Markdown table; never asserts a time. `CLAIMLINT_MCE_CLAIMS` sets the corpus size.
#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/mce/corpus.rs"]
mod corpus;
#[path = "../tests/mce/oracle.rs"]
mod oracle;

use claimlint::claim::{check_claim, check_claim_value, CheckOptions, Json};
use std::time::Instant;

fn main() {
    let n: usize = std::env::var("CLAIMLINT_MCE_CLAIMS").ok().and_then(|s| s.parse().ok()).unwrap_or(6_000);
    let passes: usize = std::env::var("CLAIMLINT_MCE_PASSES").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let pools = corpus::Pools::load(&common::data_dir());
    let claims = corpus::generate(&pools, 0x4d43_455f_7631, n);
    let engine = common::engine().get();
    let opts = CheckOptions::default();
    let typed: Vec<_> = claims.iter().map(|c| c.claim()).collect();
    let trees: Vec<Json> = claims.iter().map(|c| serde_json::from_value(serde_json::to_value(c.claim()).unwrap()).unwrap()).collect();
    let rate = |f: &dyn Fn() -> usize| {
        f(); // warm-up pass
        let t = Instant::now();
        let mut k = 0usize;
        for _ in 0..passes {
            k += f();
        }
        k as f64 / t.elapsed().as_secs_f64()
    };
    let typed_rate = rate(&|| typed.iter().map(|c| check_claim(engine, c, &opts).findings.len()).filter(|_| true).count());
    let json_rate = rate(&|| trees.iter().map(|c| check_claim_value(engine, c, &opts).findings.len()).count());
    let mce = match oracle::Oracle::open() {
        Ok(o) => {
            let lines: Vec<String> = claims.iter().map(|c| c.tsv()).collect();
            let out = o.run_lines(&lines, &["--bench", &passes.to_string()]);
            // "N claims in S s: R claims/s"
            out.iter().find_map(|l| l.split(": ").nth(1)?.split_whitespace().next()?.parse::<f64>().ok())
        }
        Err(why) => {
            eprintln!("MCE Java not run: {why}");
            None
        }
    };
    println!("### Inpatient claims: claimlint beside the CMS MCE Java (same {n}-claim corpus, one thread, warm)\n");
    println!("| runner | claims/s | vs MCE |");
    println!("|---|---|---|");
    let vs = |r: f64| mce.map_or("—".to_owned(), |m| format!("{:.2}×", r / m));
    println!("| claimlint native, typed claim | {typed_rate:.0} | {} |", vs(typed_rate));
    println!("| claimlint native, JSON tree (reader + checks) | {json_rate:.0} | {} |", vs(json_rate));
    match mce {
        Some(m) => println!("| CMS MCE 2.0 v43.1 Java (warm, record built per claim) | {m:.0} | 1.00× |"),
        None => println!("| CMS MCE 2.0 v43.1 Java | not run (no Java or oracle folder) | — |"),
    }
}
