//! `claimlint bench`: sizes, open time and check latency, each next to a baseline measured
//! in the same run (machines are shared and absolute times drift; ratios travel).
use crate::args::BlobArg;
use crate::out::{Out, Outcome};
use claimlint::icd10cm::dotted;
use claimlint::{CodeTable, Engine, OwnedEngine, System};
use serde_json::json;
use std::collections::HashMap;
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    #[command(flatten)]
    pub blob: BlobArg,
    /// A quick run with small inputs (checks the benchmark runs, not the numbers).
    #[arg(long)]
    pub smoke: bool,
    /// Also write the report (JSON) to this file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Write the code table and input mix for the JS and Python baselines into DIR.
    #[arg(long, value_name = "DIR")]
    pub emit_baseline: Option<PathBuf>,
    /// Run one part only.
    #[arg(long, value_parser = ["claims"])]
    pub only: Option<String>,
}

pub fn run(a: BenchArgs, stdout: &mut Out) -> Outcome {
    let smoke = a.smoke;
    let bytes = a.blob.read()?;
    let engine = Engine::open(&bytes).map_err(|e| e.to_string())?;
    let cm = engine.icd10cm.as_ref().ok_or("blob has no icd10cm section")?;
    let e = cm.latest();
    let dos = cm.window(e).map(|(a, _)| a);
    if a.only.as_deref() == Some("claims") {
        let r = claims_throughput(&engine, if smoke { 200 } else { 20_000 });
        stdout.json_pretty(&r)?;
        return Ok(0);
    }

    // Size: blob vs the same codes + descriptions as TSV, compressed the same way.
    let mut tsv = String::new();
    for i in 0..cm.len() {
        if cm.exists(i, e) {
            tsv.push_str(&format!("{}\t{}\t{}\n", dotted(cm.code(i)), u8::from(cm.billable(i, e)), cm.description(i, e).unwrap_or_default()));
        }
    }
    let sizes = |b: &[u8]| json!({"raw": b.len(), "gzip": gzip(b), "brotli": brotli(b, if smoke { 5 } else { 11 })});
    let blob_size = sizes(&bytes);
    let tsv_size = sizes(tsv.as_bytes());
    // Each section compressed on its own: what it costs a download (e.g. the search index).
    let quality = if smoke { 5 } else { 11 };
    let sections: Vec<_> = engine
        .blob
        .manifest
        .sections
        .iter()
        .map(|s| {
            let payload = engine.blob.section(&s.name, s.version).ok().flatten().unwrap_or(&[]);
            json!({"name": s.name, "bytes": s.len, "brotli": brotli(payload, quality)})
        })
        .collect();

    // Open: full open (checksum included) vs opening from owned bytes.
    let rounds = if smoke { 3 } else { 30 };
    let open_ms = median((0..rounds).map(|_| time(|| drop(black_box(Engine::open(&bytes)))) * 1e3).collect());
    let owned_ms = median((0..rounds.min(10)).map(|_| time(|| drop(black_box(OwnedEngine::open(bytes.clone())))) * 1e3).collect());

    // Check latency: 100,000 inputs (valid, header, invalid) vs a HashMap validator doing the
    // same normalisation and billable/header decision.
    let n = if smoke { 10_000 } else { 100_000 };
    let inputs = mix(&engine, n);
    let map: HashMap<String, (bool, String)> = (0..cm.len())
        .filter(|&i| cm.exists(i, e))
        .map(|i| (cm.code(i).to_owned(), (cm.billable(i, e), cm.description(i, e).unwrap_or_default())))
        .collect();
    let ours = latencies(&inputs, |s| {
        black_box(engine.check_code(System::Icd10cm, s, dos));
    });
    let base = latencies(&inputs, |s| {
        let k: String = s.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
        black_box(map.get(&k).map(|(b, d)| (*b, d.clone())));
    });
    let claims = claims_throughput(&engine, if smoke { 200 } else { 5_000 });
    let search_us = search_latency(&engine, if smoke { 3 } else { 50 });
    let report = json!({
        "claims": claims,
        "search_us": search_us,
        "machine": machine(),
        "size": {"blob": blob_size, "tsv_same_content": tsv_size, "sections": sections},
        "open_ms": {"blob_open_checked": open_ms, "owned_open_checked": owned_ms},
        "check_code_us": {"ours": ours, "hashmap_baseline": base,
            "ratio_p50": ours["p50"].as_f64().unwrap_or(0.0) / base["p50"].as_f64().unwrap_or(1.0).max(1e-9)},
        "inputs": n,
    });
    if let Some(dir) = &a.emit_baseline {
        emit_baseline(dir, &map, &inputs)?;
    }
    let out = serde_json::to_string_pretty(&report)?;
    if let Some(path) = &a.out {
        std::fs::File::create(path).and_then(|mut f| f.write_all(out.as_bytes())).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    stdout.line(&out)?;
    Ok(0)
}

/// The query list the browser benchmark also uses (www/bench/bench.js).
const QUERIES: &[&str] = &[
    "bacterial pneumonia", "type 2 diabetes without complications", "right femoral neck fracture initial", "wheelchair",
    "k35.2", "htn", "copd exac", "pneumonai", "chest pain", "uti",
];

/// Top-10 search latency percentiles in microseconds over the fixed query list.
fn search_latency(engine: &Engine<'_>, rounds: usize) -> serde_json::Value {
    if engine.search.is_none() {
        return serde_json::Value::Null;
    }
    let opts = claimlint::search::SearchOptions { limit: 10, ..Default::default() };
    let mut t: Vec<f64> = Vec::new();
    for _ in 0..rounds {
        for q in QUERIES {
            let start = Instant::now();
            black_box(claimlint::search::search(engine, q, &opts));
            t.push(start.elapsed().as_secs_f64() * 1e6);
        }
    }
    t.sort_by(f64::total_cmp);
    let p = |q: f64| t.get(((t.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(0.0);
    json!({"p50": p(0.5), "p95": p(0.95)})
}

/// Claims per second, single-threaded, on the seeded mix with every edit on.
fn claims_throughput(engine: &Engine<'_>, n: usize) -> serde_json::Value {
    let claims_json = crate::bench_claims::claims(n, 42);
    let values: Vec<claimlint::claim::Json> = claims_json.iter().filter_map(|v| serde_json::from_value(v.clone()).ok()).collect();
    let copts = claimlint::claim::CheckOptions::default();
    if engine.claim.is_none() || values.is_empty() {
        return serde_json::Value::Null;
    }
    let secs = time(|| {
        for v in &values {
            black_box(claimlint::claim::check_claim_value(engine, v, &copts));
        }
    });
    json!({"claims": values.len(), "per_second": values.len() as f64 / secs.max(1e-9), "us_per_claim": secs * 1e6 / values.len() as f64})
}

fn time(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Per-call latency percentiles in microseconds, each call timed on its own (the native
/// clock costs tens of nanoseconds), plus the mean over the whole mix.
fn latencies(inputs: &[String], mut f: impl FnMut(&str)) -> serde_json::Value {
    let mut per_call = Vec::with_capacity(inputs.len());
    for s in inputs {
        let t = Instant::now();
        f(s);
        per_call.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let mean = per_call.iter().sum::<f64>() / per_call.len().max(1) as f64;
    per_call.sort_by(f64::total_cmp);
    let p = |q: f64| per_call.get(((per_call.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(0.0);
    json!({"p50": p(0.5), "p99": p(0.99), "mean": mean})
}

/// A seeded mix: 60 % billable, 20 % headers, 20 % invalid or unknown.
fn mix(engine: &Engine<'_>, n: usize) -> Vec<String> {
    let Some(cm) = engine.icd10cm.as_ref() else { return Vec::new() };
    let e = cm.latest();
    let billable: Vec<usize> = (0..cm.len()).filter(|&i| cm.billable(i, e)).collect();
    let headers: Vec<usize> = (0..cm.len()).filter(|&i| cm.exists(i, e) && !cm.billable(i, e)).collect();
    let mut rng = crate::bench_claims::XorShift(0x2545_f491_4f6c_dd1d);
    let mut next = move || rng.next();
    (0..n)
        .map(|_| {
            let r = next();
            match r % 10 {
                0..=5 => dotted(cm.code(billable[(r / 10) as usize % billable.len()])),
                6 | 7 => dotted(cm.code(headers[(r / 10) as usize % headers.len()])).to_lowercase(),
                8 => format!("Z{:02}.{}", r % 100, r % 7),
                _ => "T36.01A".to_owned(),
            }
        })
        .collect()
}

fn gzip(b: &[u8]) -> usize {
    use flate2::{write::GzEncoder, Compression};
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    let _ = e.write_all(b);
    e.finish().map(|v| v.len()).unwrap_or(0)
}

fn brotli(b: &[u8], quality: u32) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 1 << 16, quality, 22);
        let _ = w.write_all(b);
    }
    out.len()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned()))
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cpu}, {} cores", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
}


/// Writes the same content for the JS and Python baselines: `{code: [billable, description]}`
/// of the newest edition (no dots) and the input mix, so every runner checks the same inputs.
fn emit_baseline(dir: &std::path::Path, map: &HashMap<String, (bool, String)>, inputs: &[String]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let codes: serde_json::Map<String, serde_json::Value> =
        map.iter().map(|(k, (b, d))| (k.clone(), json!([u8::from(*b), d]))).collect();
    let write = |name: &str, v: &serde_json::Value| {
        let p = dir.join(name);
        std::fs::write(&p, v.to_string()).map_err(|e| format!("{}: {e}", p.display()))
    };
    write("baseline-icd10cm.json", &serde_json::Value::Object(codes))?;
    write("bench-inputs.json", &json!(inputs))
}
