//! Outpatient facility claims per second, claimlint native (one thread) and its facility wasm
//! module in Node (`pkg/claimlint-facility.js`, when built; the core module has no I/OCE edits) beside pyoce 0.1.0's I/OCE (Python, warm, one process), on the
//! seeded corpus of `tests/ioce_differential.rs` (`cargo bench --features cli --bench ioce_side_by_side`). Prints a Markdown table; never
//! asserts a time. `CLAIMLINT_IOCE_CLAIMS` sets the corpus size, `CLAIMLINT_IOCE_PASSES` the passes.
#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/ioce/corpus.rs"]
mod corpus;
#[path = "../tests/mce/corpus.rs"]
mod mce_corpus;
#[path = "../tests/ioce/oracle.rs"]
mod oracle;
#[path = "../tests/ioce/tables.rs"]
mod tables;

/// The allocator the `claimlint` binary runs with (src/bin/claimlint/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimlint::claim::{check_claim_value, CheckOptions, Json};
use std::time::Instant;

fn main() {
    let n: usize = std::env::var("CLAIMLINT_IOCE_CLAIMS").ok().and_then(|s| s.parse().ok()).unwrap_or(6_000);
    let passes: usize = std::env::var("CLAIMLINT_IOCE_PASSES").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    let pools = tables::Pools::load(&common::data_dir());
    let claims = corpus::generate(&pools, 0x494f_4345_3237, n);
    let engine = common::engine().get();
    let opts = CheckOptions::default();
    let trees: Vec<Json> = claims.iter().map(|c| serde_json::from_value(c.clone()).expect("claim tree")).collect();
    let run = || {
        for c in &trees {
            std::hint::black_box(check_claim_value(engine, c, &opts));
        }
        trees.len()
    };
    run(); // warm-up pass
    let (t, cpu) = (Instant::now(), thread_cpu_seconds());
    let k: usize = (0..passes).map(|_| run()).sum();
    let wall = k as f64 / t.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds().zip(cpu).map(|(b, a)| k as f64 / (b - a));
    let pyoce = match oracle::Oracle::open() {
        Ok(o) => {
            let r = o.run_passes(&claims, passes);
            Some((r.processed as f64 / r.seconds.max(1e-9), r.processed as f64 / r.cpu_seconds.max(1e-9)))
        }
        Err(why) => {
            eprintln!("pyoce not run: {why}");
            None
        }
    };
    let wasm = wasm_rate(&claims, passes);
    println!("### Outpatient claims: claimlint beside pyoce's I/OCE (same {n}-claim corpus, one thread, warm)\n");
    println!("Rates by CPU time (claimlint: its thread; pyoce: its process inside `process()`) and by the wall clock.\n");
    println!("| runner | claims/s (CPU) | vs pyoce | claims/s (wall) | vs pyoce |");
    println!("|---|---|---|---|---|");
    let vs = |r: Option<f64>, m: Option<f64>| match (r, m) {
        (Some(r), Some(m)) => format!("{:.1}×", r / m),
        _ => "—".to_owned(),
    };
    let show = |r: Option<f64>| r.map_or("—".to_owned(), |r| format!("{r:.0}"));
    let (p_wall, p_cpu) = (pyoce.map(|p| p.0), pyoce.map(|p| p.1));
    println!("| claimlint native, JSON tree (reader + checks) | {} | {} | {wall:.0} | {} |", show(cpu), vs(cpu, p_cpu), vs(Some(wall), p_wall));
    match wasm {
        Some((w, c)) => println!("| claimlint wasm in Node (pkg/claimlint-facility: the facility module, checkClaim on a JS object) | {c:.0} | {} | {w:.0} | {} |", vs(Some(c), p_cpu), vs(Some(w), p_wall)),
        None => println!("| claimlint wasm in Node | not run (no node or pkg/) | — | — | — |"),
    }
    match pyoce {
        Some(_) => println!("| pyoce 0.1.0 (I/OCE 26.0.5–27.1.0, Python 3.12, dict per claim) | {} | 1.0× | {} | 1.0× |", show(p_cpu), show(p_wall)),
        None => println!("| pyoce 0.1.0 | not run (no Python 3.12 with pyoce) | — | — | — |"),
    }
}

/// claimlint's wasm build in Node over the same corpus (`tests/ioce/wasm_rate.mjs`): (wall, CPU) claims/s.
fn wasm_rate(claims: &[serde_json::Value], passes: usize) -> Option<(f64, f64)> {
    let root = common::root();
    let corpus = root.join("target/ioce-corpus.jsonl");
    std::fs::write(&corpus, claims.iter().map(|c| c.to_string() + "\n").collect::<String>()).ok()?;
    let out = std::process::Command::new("node").arg(root.join("tests/ioce/wasm_rate.mjs")).arg(&corpus).arg(passes.to_string()).output();
    let out = match out {
        Ok(o) if o.status.success() => o,
        Ok(o) => {
            eprintln!("wasm in Node not run: {}", String::from_utf8_lossy(&o.stderr));
            return None;
        }
        Err(e) => {
            eprintln!("wasm in Node not run: {e}");
            return None;
        }
    };
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    let n = v["claims"].as_f64()?;
    Some((n / v["seconds"].as_f64()?, n / v["cpuSeconds"].as_f64()?))
}

/// CPU time of the calling thread (Linux `/proc/thread-self/schedstat`, nanoseconds).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}
