//! Inpatient claims per second, claimlint native (one thread) beside the CMS MCE Java (warm,
//! one thread), on the same seeded corpus in the same run (`cargo bench --bench mce_side_by_side`).
//! Prints a Markdown table; never asserts a time. `CLAIMLINT_MCE_CLAIMS` sets the corpus size;
//! `CLAIMLINT_MCE_JSONL=FILE` writes the corpus as JSON lines for the batch mode.
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
    // `CLAIMLINT_MCE_JSONL=FILE` also writes the corpus, one claim per line, for
    // `claimlint claim --jsonl FILE` (batch mode) to run on the same claims.
    if let Some(path) = std::env::var_os("CLAIMLINT_MCE_JSONL") {
        let text: String = typed.iter().map(|c| serde_json::to_string(c).unwrap() + "\n").collect();
        std::fs::write(&path, text).unwrap();
    }
    let trees: Vec<Json> = claims.iter().map(|c| serde_json::from_value(serde_json::to_value(c.claim()).unwrap()).unwrap()).collect();
    // (wall-clock rate, thread-CPU rate): on a shared machine the CPU rate is the steadier one.
    let rate = |f: &dyn Fn() -> usize| {
        f(); // warm-up pass
        let (t, cpu) = (Instant::now(), thread_cpu_seconds());
        let mut k = 0usize;
        for _ in 0..passes {
            k += f();
        }
        let cpu = thread_cpu_seconds().zip(cpu).map(|(b, a)| k as f64 / (b - a));
        (k as f64 / t.elapsed().as_secs_f64(), cpu)
    };
    let typed_rate = rate(&|| typed.iter().map(|c| check_claim(engine, c, &opts).findings.len()).count());
    // Batch mode as `claimlint claim --jsonl` runs it (JSON text in, JSON text out, a rayon
    // pool), on one thread and on every core: wall-clock rates, in the same run.
    let lines: Vec<String> = typed.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
    let batch = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let run = || pool.install(|| claimlint::batch::check_claims_with(engine, &lines, &opts, |r| serde_json::to_string(&r).unwrap().len()).len());
        run(); // warm-up pass
        let t = Instant::now();
        let k: usize = (0..passes).map(|_| run()).sum();
        k as f64 / t.elapsed().as_secs_f64()
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (batch_one, batch_all) = (batch(1), batch(cores));
    let json_rate = rate(&|| trees.iter().map(|c| check_claim_value(engine, c, &opts).findings.len()).count());
    let mce = match oracle::Oracle::open() {
        Ok(o) => {
            let lines: Vec<String> = claims.iter().map(|c| c.tsv()).collect();
            let out = o.run_lines(&lines, &["--bench", &passes.to_string()]);
            // "N claims in S s: R claims/s; process CPU C s: Q claims/s"
            out.iter().find_map(|l| {
                let num = |k: usize| l.split(": ").nth(k)?.split_whitespace().next()?.parse::<f64>().ok();
                Some((num(1)?, num(2)))
            })
        }
        Err(why) => {
            eprintln!("MCE Java not run: {why}");
            None
        }
    };
    println!("### Inpatient claims: claimlint beside the CMS MCE Java (same {n}-claim corpus, one thread, warm)\n");
    println!("Rates by CPU time (claimlint: its one thread; the MCE: its JVM process, JIT and garbage collection included), steadier on a shared machine, and by the wall clock.\n");
    println!("| runner | claims/s (CPU) | vs MCE | claims/s (wall) | vs MCE |");
    println!("|---|---|---|---|---|");
    let vs = |r: Option<f64>, m: Option<f64>| match (r, m) {
        (Some(r), Some(m)) => format!("{:.2}×", r / m),
        _ => "—".to_owned(),
    };
    let show = |r: Option<f64>| r.map_or("—".to_owned(), |r| format!("{r:.0}"));
    let (m_wall, m_cpu) = (mce.map(|m| m.0), mce.and_then(|m| m.1));
    for (name, (wall, cpu)) in [("claimlint native, typed claim", typed_rate), ("claimlint native, JSON tree (reader + checks)", json_rate)] {
        println!("| {name} | {} | {} | {wall:.0} | {} |", show(cpu), vs(cpu, m_cpu), vs(Some(wall), m_wall));
    }
    match mce {
        Some(_) => println!("| CMS MCE 2.0 v43.1 Java (warm, record built per claim) | {} | 1.00× | {} | 1.00× |", show(m_cpu), show(m_wall)),
        None => println!("| CMS MCE 2.0 v43.1 Java | not run (no Java or oracle folder) | — | — | — |"),
    }
    println!("\n#### Batch mode (`claimlint claim --jsonl`: JSON text in and out, a thread pool), same corpus, wall clock\n");
    println!("| threads | claims/s (wall) | vs 1 thread |");
    println!("|---|---|---|");
    println!("| 1 (baseline) | {batch_one:.0} | 1.00× |");
    println!("| {cores} (every core) | {batch_all:.0} | {:.2}× |", batch_all / batch_one);
    println!("\nThe batch ratio needs the cores to itself: on a loaded machine it measures the contention.");
}

/// CPU time of the calling thread (Linux `/proc/thread-self/schedstat`, nanoseconds).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}
