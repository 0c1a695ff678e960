//! Agreement with the real PTP tables (SOURCES.md section 8): every edit row is found with its
//! indicator, deletion date and rationale; random code pairs absent from the file report no
//! edit. A seeded sample runs always; `CLAIMLINT_FULL=1` checks every row and 1,000,000 pairs.
//!
//! The outpatient table also holds the I/OCE pairs (SOURCES.md section 9), which replace the
//! 2024-07 rows from the I/OCE history's first day (2019-07-01): a 2024-07 row still in force
//! then ends the day before, or, when the I/OCE continues it, ends when the I/OCE row does.
//! `ptp_outpatient_ioce.rs` checks the I/OCE rows.
mod common;
use claimlint::claim::ClaimType;
use claimlint::ptp::Ptp;
use std::collections::HashSet;
use std::time::Instant;

struct Row {
    c1: String,
    c2: String,
    deletion: u32,
    indicator: u8,
    rationale: String,
}

/// Reads a derived table with the system `gzip`, independently of the compiler's reader.
fn read(file: &str) -> Vec<Row> {
    let path = common::data_dir().join("ncci_ptp").join(file);
    let out = std::process::Command::new("gzip").arg("-dc").arg(&path).output().expect("gzip");
    let text = String::from_utf8(out.stdout).expect("ascii");
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                c1: f[0].into(),
                c2: f[1].into(),
                deletion: if f[2].is_empty() { 0 } else { f[2].parse().unwrap() },
                indicator: f[3].parse().unwrap(),
                rationale: f[4].into(),
            }
        })
        .collect()
}

/// splitmix64, seeded: the same sample every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn full() -> bool {
    std::env::var("CLAIMLINT_FULL").is_ok_and(|v| v == "1")
}

/// First day of the I/OCE history merged into the outpatient table, and the day before.
const IOCE_START: u32 = 2019_07_01;
const IOCE_DAY_BEFORE: u32 = 2019_06_30;

/// `extra`: rows the blob table holds beyond the file's (the I/OCE rows), and their pairs;
/// `clip`: the file's deletions from that day on end the day before it.
fn agree(file: &str, ct: ClaimType, rows_count: u64, active_count: u64, extra: (u64, HashSet<(String, String)>), clip: Option<u32>) {
    let engine = common::engine().get();
    let p: &Ptp = engine.ptp.as_ref().expect("ptp section");
    let m = &engine.blob.manifest;
    let name = claimlint::ptp::table_name(ct);
    assert_eq!(m.count(&format!("ptp.{name}.rows")), Some(rows_count + extra.0));
    assert_eq!(m.count(&format!("ptp.{name}.active")), Some(active_count));
    let t0 = Instant::now();
    let rows = read(file);
    assert_eq!(rows.len() as u64, rows_count);
    println!("{name}: read {} rows with gzip in {:?}", rows.len(), t0.elapsed());

    // Every stored row decodes: the table holds exactly the file's row count.
    let t = p.table(ct).unwrap();
    let decoded: usize = (0..t.groups()).map(|g| t.group_rows(g).count()).sum();
    assert_eq!(decoded as u64, rows_count + extra.0);
    println!("{name}: {decoded} rows stored");

    let mut rng = Rng(0x5eed_0001 ^ rows_count);
    let sample: Vec<usize> = if full() { (0..rows.len()).collect() } else { (0..50_000).map(|_| rng.below(rows.len())).collect() };
    let t0 = Instant::now();
    for &i in &sample {
        let r = &rows[i];
        let edits = p.edits(ct, &r.c1, &r.c2);
        let clipped = clip.is_some_and(|start| r.deletion == 0 || r.deletion >= start);
        let found = edits.iter().any(|e| {
            let deletion = e.deletion.map_or(0, |d| d.yyyymmdd());
            let ends = if clipped { deletion == IOCE_DAY_BEFORE || deletion == 0 || deletion >= IOCE_START } else { deletion == r.deletion };
            ends
                && e.modifier_indicator.digit() == r.indicator
                && e.rationale == r.rationale
                && e.effective.is_none()
        });
        assert!(found, "{name} row {} {}/{} {} {} not found in {edits:?}", i + 2, r.c1, r.c2, r.deletion, r.indicator);
    }
    println!("{name}: {} rows agree in {:?}", sample.len(), t0.elapsed());

    // Random pairs of known codes that the file does not pair report no edit.
    let pairs: HashSet<(&str, &str)> = rows.iter().map(|r| (r.c1.as_str(), r.c2.as_str())).collect();
    let codes: Vec<&str> = (0..p.s.codes.len()).map(|i| p.code(i as u16)).collect();
    let n = if full() { 1_000_000 } else { 100_000 };
    let (mut tried, mut absent) = (0usize, 0usize);
    let t0 = Instant::now();
    while absent < n {
        tried += 1;
        let (a, b) = (codes[rng.below(codes.len())], codes[rng.below(codes.len())]);
        if pairs.contains(&(a, b)) || extra.1.contains(&(a.to_owned(), b.to_owned())) {
            continue;
        }
        absent += 1;
        assert!(p.edits(ct, a, b).is_empty(), "{name}: {a}/{b} is not in the file but reports an edit");
    }
    println!("{name}: {absent} absent pairs report no edit ({tried} drawn) in {:?}", t0.elapsed());
}

#[test]
fn practitioner_table_agrees_with_the_file() {
    agree("ptp_practitioner_2024q3.tsv.gz", ClaimType::Professional, 2_546_017, 1_669_820, (0, HashSet::new()), None);
}

#[test]
fn outpatient_table_agrees_with_the_file() {
    // 1,401,094 rows are still in force in I/OCE 27.1.0. Of the I/OCE's 1,594,456 rows,
    // 1,267,324 continue a 2024-07 row and are stored as that row; 327,132 are rows of their own.
    let out = std::process::Command::new("gzip")
        .arg("-dc")
        .arg(common::data_dir().join("ncci_ptp/ioce_outpatient_ptp_pyoce0.1.0_v76-v103.tsv.gz"))
        .output()
        .expect("gzip");
    let text = String::from_utf8(out.stdout).expect("ascii");
    let pairs: HashSet<(String, String)> = text.lines().skip(1).map(|l| {
        let mut f = l.split('\t');
        (f.next().unwrap().to_owned(), f.next().unwrap().to_owned())
    }).collect();
    agree("ptp_outpatient_2024q3.tsv.gz", ClaimType::Outpatient, 1_775_818, 1_401_094, (327_132, pairs), Some(IOCE_START));
}

#[test]
fn size_and_compile_time() {
    let engine = common::engine().get();
    let ptp = engine.blob.manifest.sections.iter().find(|s| s.name == "ptp").expect("ptp section");
    let rows = 2_546_017u64 + 1_775_818;
    let raw = engine.blob.section("ptp", claimlint::ptp::section::VERSION).unwrap().unwrap();
    println!("ptp section: {} bytes raw, {:.3} bytes per edit row", ptp.len, ptp.len as f64 / rows as f64);
    let mut w = Vec::new();
    let t0 = Instant::now();
    {
        let mut c = brotli::CompressorWriter::new(&mut w, 1 << 16, 11, 22);
        std::io::Write::write_all(&mut c, raw).unwrap();
    }
    println!("ptp section: {} bytes brotli (q11, {:?}), {:.3} bytes per edit row", w.len(), t0.elapsed(), w.len() as f64 / rows as f64);
    let t0 = Instant::now();
    let mut bw = claimlint::blob::BlobWriter::default();
    claimlint::compile::ptp::add_sections(&mut bw, &common::data_dir(), &Default::default()).unwrap();
    println!("compile both PTP tables: {:?}", t0.elapsed());
    let t0 = Instant::now();
    for _ in 0..100 {
        let p = claimlint::ptp::Ptp::open(&engine.blob).unwrap();
        assert!(p.is_some());
    }
    println!("Ptp::open: {:?} each", t0.elapsed() / 100);
}
