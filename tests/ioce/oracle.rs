//! pyoce (PyPI `pyoce==0.1.0`, a Python port of CMS's I/OCE) as a test oracle: one Python
//! process runs `tests/ioce/pyoce_oracle.py` over the whole corpus. The interpreter is
//! `CLAIMLINT_PYOCE_PYTHON`, else the first of `target/py` and `target/pyoce` (the venvs
//! `scripts/setup.sh` makes) that imports pyoce.
#![allow(dead_code)]
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

pub struct Oracle {
    python: PathBuf,
}

/// Where an edit sits: a claimlint line, diagnosis (0 = principal), reason for visit, or the claim.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Claim,
    Dx(usize),
    Rfv(usize),
    Line(usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Claim => write!(f, "claim"),
            Place::Dx(i) => write!(f, "dx[{i}]"),
            Place::Rfv(i) => write!(f, "rfv[{i}]"),
            Place::Line(i) => write!(f, "line[{i}]"),
        }
    }
}

/// The I/OCE's answer for one claim: edit numbers by place, the return code and version.
#[derive(Debug, Default, Clone)]
pub struct Answer {
    pub edits: BTreeSet<(Place, u32)>,
    pub return_code: i64,
    pub version: String,
    pub error: Option<String>,
}

/// All answers by claim id, and the time pyoce spent in `process()` on them (all passes).
pub struct Run {
    pub answers: BTreeMap<String, Answer>,
    /// Claims processed (corpus size × passes).
    pub processed: usize,
    pub seconds: f64,
    pub cpu_seconds: f64,
}

fn candidates() -> Vec<PathBuf> {
    if let Some(p) = std::env::var_os("CLAIMLINT_PYOCE_PYTHON") {
        return vec![PathBuf::from(p)];
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["target/py/bin/python", "target/pyoce/bin/python"].iter().map(|p| root.join(p)).collect()
}

impl Oracle {
    /// The first interpreter that imports pyoce, or why there is none.
    pub fn open() -> Result<Oracle, String> {
        let mut tried = Vec::new();
        for python in candidates() {
            let ok = Command::new(&python)
                .args(["-c", "import sys, pyoce; sys.exit(sys.version_info < (3, 12) or pyoce.__version__ != '0.1.0')"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if ok {
                return Ok(Oracle { python });
            }
            tried.push(python.display().to_string());
        }
        Err(format!("no Python >= 3.12 with pyoce 0.1.0 at {} (scripts/setup.sh installs it; or set CLAIMLINT_PYOCE_PYTHON)", tried.join(", ")))
    }

    /// Runs claims (claimlint claim JSON) through pyoce once.
    pub fn run(&self, claims: &[Value]) -> Run {
        self.run_passes(claims, 1)
    }

    /// Runs claims through pyoce `passes` times (for a rate); the answers are the last pass's.
    pub fn run_passes(&self, claims: &[Value], passes: usize) -> Run {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ioce/pyoce_oracle.py");
        let mut child = Command::new(&self.python)
            .arg(&script)
            .args(["--passes", &passes.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python");
        let mut stdin = child.stdin.take().expect("stdin");
        let input: String = claims.iter().map(|c| c.to_string() + "\n").collect();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().expect("pyoce output");
        writer.join().expect("writer").expect("write claims");
        assert!(out.status.success(), "pyoce runner failed: {:?}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
        let mut answers = BTreeMap::new();
        let (mut processed, mut seconds, mut cpu_seconds) = (0, 0.0, 0.0);
        for line in String::from_utf8(out.stdout).expect("utf-8").lines() {
            let v: Value = serde_json::from_str(line).expect("answer JSON");
            if let Some(s) = v.get("seconds").and_then(Value::as_f64) {
                seconds = s;
                cpu_seconds = v["cpu_seconds"].as_f64().unwrap_or(s);
                processed = v["done"].as_u64().and_then(|d| usize::try_from(d).ok()).unwrap_or_default();
                continue;
            }
            let id = v["id"].as_str().expect("id").to_owned();
            answers.insert(id, parse(&v));
        }
        Run { answers, processed, seconds, cpu_seconds }
    }
}

fn numbers(v: &Value) -> impl Iterator<Item = u32> + '_ {
    v.as_array().into_iter().flatten().filter_map(|e| e.as_u64().and_then(|n| u32::try_from(n).ok()))
}

fn parse(v: &Value) -> Answer {
    let mut a = Answer {
        return_code: v["returnCode"].as_i64().unwrap_or(-1),
        version: v["version"].as_str().unwrap_or_default().to_owned(),
        error: v["error"].as_str().map(str::to_owned),
        ..Answer::default()
    };
    a.edits.extend(numbers(&v["claim"]).map(|e| (Place::Claim, e)));
    for (key, place) in [("dx", Place::Dx as fn(usize) -> Place), ("rfv", Place::Rfv), ("lines", Place::Line)] {
        for (pos, edits) in v[key].as_object().into_iter().flatten() {
            let pos: usize = pos.parse().expect("position");
            a.edits.extend(numbers(edits).map(|e| (place(pos), e)));
        }
    }
    a
}
