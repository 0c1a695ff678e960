//! Inpatient claims per second, claimlint native (one thread) beside the CMS MCE Java (warm,
//! one thread), on the same seeded corpus in the same run (`cargo bench --bench mce_side_by_side`).
//! Prints a Markdown table; never asserts a time. `CLAIMLINT_MCE_CLAIMS` sets the corpus size,
//! `CLAIMLINT_MCE_PASSES` the passes per round (5), `CLAIMLINT_MCE_ROUNDS` the rounds (5);
//! `CLAIMLINT_MCE_JSONL=FILE` writes the corpus as JSON lines for the batch mode;
//! `CLAIMLINT_MCE_JAVA=0` skips the MCE Java (to compare two claimlint builds quickly).
#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/mce/corpus.rs"]
mod corpus;
#[path = "../tests/mce/oracle.rs"]
mod oracle;

/// The allocator the `claimlint` binary runs with (src/bin/claimlint/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimlint::claim::{check_claim, check_claim_value, CheckOptions, Json};
use std::time::Instant;

fn main() {
    let env = |k: &str, default: usize| std::env::var(k).ok().and_then(|s| s.parse().ok()).unwrap_or(default);
    let n = env("CLAIMLINT_MCE_CLAIMS", 6_000);
    let passes = env("CLAIMLINT_MCE_PASSES", 5);
    let rounds = env("CLAIMLINT_MCE_ROUNDS", 5).max(1);
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
    // The MCE starts first and warms up (as many passes as a round) before anything is timed.
    let java = std::env::var("CLAIMLINT_MCE_JAVA").map_or(true, |v| v != "0");
    let mut mce = match oracle::Oracle::open().and_then(|o| if java { Ok(o) } else { Err("CLAIMLINT_MCE_JAVA=0".into()) }) {
        Ok(o) => Some(o.rounds(&claims.iter().map(|c| c.tsv()).collect::<Vec<_>>(), passes)),
        Err(why) => {
            eprintln!("MCE Java not run: {why}");
            None
        }
    };
    let typed_pass = || typed.iter().map(|c| check_claim(engine, c, &opts).findings.len()).count();
    let json_pass = || trees.iter().map(|c| check_claim_value(engine, c, &opts).findings.len()).count();
    // (wall-clock rate, thread-CPU rate) of one round: on a shared machine the CPU rate is the steadier one.
    let round = |f: &dyn Fn() -> usize| {
        let (t, cpu) = (Instant::now(), thread_cpu_seconds());
        let k: usize = (0..passes).map(|_| f()).sum();
        let cpu = thread_cpu_seconds().zip(cpu).map(|(b, a)| k as f64 / (b - a));
        (k as f64 / t.elapsed().as_secs_f64(), cpu)
    };
    for _ in 0..passes {
        typed_pass(); // warm-up passes, as many as the MCE's
        json_pass();
    }
    // Rounds alternate between the runners, so a burst of load elsewhere on the machine falls
    // on all of them alike; each runner's figure is its median round.
    let (mut typed_rounds, mut json_rounds, mut mce_rounds) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        typed_rounds.push(round(&typed_pass));
        json_rounds.push(round(&json_pass));
        if let Some(m) = mce.as_mut() {
            // "N claims in S s: R claims/s; process CPU C s: Q claims/s"
            let l = m.round();
            let num = |k: usize| l.split(": ").nth(k)?.split_whitespace().next()?.parse::<f64>().ok();
            mce_rounds.push((num(1).unwrap_or(f64::NAN), num(2)));
        }
    }
    drop(mce);
    // Batch mode as `claimlint claim --jsonl` runs it (JSON text in, JSON text out, a rayon
    // pool), on one thread and on every core: wall-clock rates, in the same run.
    let lines: Vec<String> = typed.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
    let batch = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let run = || pool.install(|| claimlint::batch::check_claims_with(engine, &lines, &opts, |r| r.to_json().len()).len());
        run(); // warm-up pass
        let t = Instant::now();
        let k: usize = (0..passes).map(|_| run()).sum();
        k as f64 / t.elapsed().as_secs_f64()
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (batch_one, batch_all) = (batch(1), batch(cores));
    println!("### Inpatient claims: claimlint beside the CMS MCE Java (same {n}-claim corpus, one thread, warm)\n");
    println!(
        "Rates by CPU time (claimlint: its one thread; the MCE: its JVM process, JIT and garbage collection included), steadier on a shared machine, and by the wall clock. \
         Each runner is warmed up with {passes} passes, then {rounds} rounds of {passes} passes alternate between the runners; each figure is the runner's median round, with the range of its rounds' CPU rates.\n"
    );
    println!("| runner | claims/s (CPU) | vs MCE | CPU rounds | claims/s (wall) | vs MCE |");
    println!("|---|---|---|---|---|---|");
    let vs = |r: Option<f64>, m: Option<f64>| match (r, m) {
        (Some(r), Some(m)) => format!("{:.2}×", r / m),
        _ => "—".to_owned(),
    };
    let show = |r: Option<f64>| r.map_or("—".to_owned(), |r| format!("{r:.0}"));
    let summary = |rs: &[(f64, Option<f64>)]| {
        let cpu: Vec<f64> = rs.iter().filter_map(|r| r.1).collect();
        let range = match (cpu.iter().copied().reduce(f64::min), cpu.iter().copied().reduce(f64::max)) {
            (Some(lo), Some(hi)) => format!("{lo:.0}–{hi:.0}"),
            _ => "—".to_owned(),
        };
        (median(rs.iter().map(|r| r.0).collect()), median(cpu), range)
    };
    let (m_wall, m_cpu, m_range) = summary(&mce_rounds);
    for (name, rs) in [("claimlint native, typed claim", &typed_rounds), ("claimlint native, JSON tree (reader + checks)", &json_rounds)] {
        let (wall, cpu, range) = summary(rs);
        println!("| {name} | {} | {} | {range} | {} | {} |", show(cpu), vs(cpu, m_cpu), show(wall), vs(wall, m_wall));
    }
    match m_wall {
        Some(_) => println!("| CMS MCE 2.0 v43.1 Java (warm, record built per claim) | {} | 1.00× | {m_range} | {} | 1.00× |", show(m_cpu), show(m_wall)),
        None => println!("| CMS MCE 2.0 v43.1 Java | not run (no Java or oracle folder) | — | — | — | — |"),
    }
    println!("\n#### Batch mode (`claimlint claim --jsonl`: JSON text in and out, a thread pool), same corpus, wall clock\n");
    println!("| threads | claims/s (wall) | vs 1 thread |");
    println!("|---|---|---|");
    println!("| 1 (baseline) | {batch_one:.0} | 1.00× |");
    println!("| {cores} (every core) | {batch_all:.0} | {:.2}× |", batch_all / batch_one);
    println!("\nThe batch ratio needs the cores to itself: on a loaded machine it measures the contention.");
}

/// The median of some rates (the mean of the middle two for an even count); `None` for none.
fn median(mut v: Vec<f64>) -> Option<f64> {
    v.retain(|x| x.is_finite());
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    match v.len() {
        0 => None,
        k if k % 2 == 1 => Some(v[mid]),
        _ => Some((v[mid - 1] + v[mid]) / 2.0),
    }
}

/// CPU time of the calling thread (Linux `/proc/thread-self/schedstat`, nanoseconds).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}
