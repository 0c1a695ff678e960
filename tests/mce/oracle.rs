//! The CMS MCE Java as a test oracle: `tests/mce/MceOracle.java` compiled at test time into the
//! target directory, run with the jars of `../shared/oracles/cms-mce-java/`
//! (`CLAIMLINT_MCE_ORACLE` overrides the folder). Absent Java or jars: `None`, with the reason.
#![allow(dead_code)]
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

pub struct Oracle {
    classpath: String,
}

/// The MCE's answer for one claim: edits by position, and claim-level edits.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Answer {
    pub edit_type: String,
    pub dx: BTreeSet<(usize, String)>,
    pub px: BTreeSet<(usize, String)>,
    pub claim: BTreeSet<String>,
}

fn oracle_dir() -> PathBuf {
    std::env::var_os("CLAIMLINT_MCE_ORACLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/oracles/cms-mce-java"))
}

fn works(cmd: &str) -> bool {
    Command::new(cmd).arg("-version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

impl Oracle {
    /// Compiles the harness, or says why the oracle is unavailable.
    pub fn open() -> Result<Oracle, String> {
        let dir = oracle_dir();
        let jars: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("MCE oracle folder {} not readable ({e})", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jar"))
            .collect();
        if !jars.iter().any(|j| j.file_name().is_some_and(|n| n.to_string_lossy().starts_with("MCE-"))) {
            return Err(format!("no MCE-*.jar in {}", dir.display()));
        }
        if !works("java") || !works("javac") {
            return Err("java and javac (JDK 17+) are not both on PATH".into());
        }
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mce-oracle");
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        let jar_cp = jars.iter().map(|j| j.display().to_string()).collect::<Vec<_>>().join(":");
        let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/mce/MceOracle.java");
        let status = Command::new("javac")
            .args(["-nowarn", "-d"])
            .arg(&out)
            .args(["-cp", &jar_cp])
            .arg(&src)
            .status()
            .map_err(|e| format!("javac: {e}"))?;
        if !status.success() {
            panic!("javac failed on {}", src.display());
        }
        Ok(Oracle { classpath: format!("{}:{jar_cp}", out.display()) })
    }

    fn command(&self) -> Command {
        let mut c = Command::new("java");
        c.args(["-Xss8m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", &self.classpath, "MceOracle"]);
        c
    }

    /// Runs claims (harness lines) and returns the raw answer lines in order.
    pub fn run_lines(&self, lines: &[String], args: &[&str]) -> Vec<String> {
        let mut child = self.command().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn().expect("java");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = lines.join("\n") + "\n";
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().expect("java output");
        writer.join().expect("writer").expect("write claims");
        assert!(out.status.success(), "MCE harness failed: {:?}", out.status);
        String::from_utf8(out.stdout).expect("utf-8").lines().map(str::to_owned).collect()
    }

    /// Starts the MCE on `lines` for timed rounds of `passes` passes each (`--rounds`), and
    /// returns once its warm-up passes are done.
    pub fn rounds(&self, lines: &[String], passes: usize) -> Rounds {
        let mut child = self.command().args(["--rounds", &passes.to_string()]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn().expect("java");
        let mut stdin = child.stdin.take().expect("stdin");
        let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        stdin.write_all((lines.join("\n") + "\n.\n").as_bytes()).expect("write claims");
        stdin.flush().expect("flush claims");
        let mut ready = String::new();
        std::io::BufRead::read_line(&mut stdout, &mut ready).expect("MCE warm-up");
        assert_eq!(ready.trim(), "ready", "MCE harness did not warm up");
        Rounds { child, stdin: Some(stdin), stdout }
    }

    /// The MCE's answers, by claim id.
    pub fn run(&self, lines: &[String]) -> BTreeMap<usize, Answer> {
        self.run_lines(lines, &[]).iter().map(|l| parse(l)).collect()
    }
}

/// A warm MCE process that runs one timed round per request.
pub struct Rounds {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    stdout: std::io::BufReader<std::process::ChildStdout>,
}

impl Rounds {
    /// Runs one round; its rate line ("N claims in S s: R claims/s; process CPU C s: Q claims/s").
    pub fn round(&mut self) -> String {
        let stdin = self.stdin.as_mut().expect("running");
        stdin.write_all(b"go\n").and_then(|()| stdin.flush()).expect("start a round");
        let mut line = String::new();
        std::io::BufRead::read_line(&mut self.stdout, &mut line).expect("MCE round");
        line.trim().to_owned()
    }
}

impl Drop for Rounds {
    fn drop(&mut self) {
        // End of input ends the harness.
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

/// LIMITED_COVERAGE_* variants are one edit (MCE 17) in the definitions.
fn class(edit: &str) -> String {
    if edit.starts_with("LIMITED_COVERAGE") {
        "LIMITED_COVERAGE".into()
    } else {
        edit.to_owned()
    }
}

fn positions(field: &str) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for item in field.split(';').filter(|s| !s.is_empty()) {
        let (pos, edits) = item.split_once(':').expect("pos:edits");
        let pos: usize = pos.parse().expect("position");
        for e in edits.split('+') {
            out.insert((pos, class(e)));
        }
    }
    out
}

fn parse(line: &str) -> (usize, Answer) {
    let f: Vec<&str> = line.split('\t').collect();
    let id: usize = f[0].parse().expect("id");
    let claim_level = ["INVALID_AGE", "INVALID_SEX", "INVALID_DISCHARGE_STATUS", "INVALID_ADMIT_DX"];
    let claim = f[2]
        .split(',')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, _)| k)
        .filter(|k| claim_level.contains(k))
        .map(str::to_owned)
        .collect();
    (id, Answer { edit_type: f[1].to_owned(), dx: positions(f[3]), px: positions(f[4]), claim })
}
