//! Hostile text through the command-line face: every command answers with findings, a
//! usage error or a data error (exit 0, 1 or 2) and never panics. Arguments carry control
//! characters, emoji, right-to-left overrides and look-alikes (NUL cannot travel in an
//! argument); standard input carries a 1 MB paste, NUL escapes and invalid UTF-8.
mod common;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_claimlint");

/// The blob under test as a file the binary can read.
fn blob_path() -> PathBuf {
    if let Some(p) = std::env::var_os("CLAIMLINT_TEST_BLOB") {
        return PathBuf::from(p);
    }
    let p = std::env::temp_dir().join(format!("claimlint-cli-hostile-{}.blob", std::process::id()));
    std::fs::write(&p, common::blob()).expect("write blob");
    p
}

/// The shared hostile strings as arguments can carry them: NUL dropped, at most 100 KB (one
/// argument's limit is 128 KB); the 1 MB pastes go through standard input below.
fn hostile() -> Vec<String> {
    common::hostile()
        .into_iter()
        .map(|s| s.replace('\0', "").chars().take(100_000).collect())
        .chain(["--blob".to_owned()])
        .collect()
}

/// Runs the binary; asserts it exits 0, 1 or 2 without a panic. Returns stdout.
fn run(args: &[&str], stdin: Option<&[u8]>) -> String {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn claimlint");
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(bytes).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let shown: String = args.iter().map(|a| a.chars().take(30).collect::<String>()).collect::<Vec<_>>().join(" ");
    assert!(!stderr.contains("panicked"), "`{shown}` panicked: {stderr}");
    assert!(matches!(out.status.code(), Some(0..=2)), "`{shown}` exited {:?}: {stderr}", out.status);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn code_commands_answer_hostile_arguments() {
    let blob = blob_path();
    let blob = blob.to_str().expect("utf-8 path");
    for s in hostile() {
        for system in ["icd10cm", "icd10pcs", "hcpcs", "cpt", "modifier"] {
            let out = run(&["check", "--blob", blob, "--system", system, "--on", "2026-03-15", "--", &s], None);
            // A code that is not a code is a finding on stdout, not silence.
            if !s.is_empty() && s != "--blob" {
                assert!(!out.trim().is_empty(), "check {system} printed nothing for {:?}", s.get(..20));
            }
        }
        run(&["describe", "--blob", blob, "--system", "icd10cm", &s], None);
        run(&["search", "--blob", blob, &s], None);
        run(&["line", "--blob", blob, "--code", &s, "--mod", &s, "--on", "2026-03-02"], None);
        run(&["pair", "--blob", blob, "--on", "2026-03-02", &s, "99213"], None);
        run(&["check", "--blob", blob, "--system", "icd10cm", "--on", &s, "J15.9"], None);
    }
}

#[test]
fn claim_and_grade_read_hostile_standard_input() {
    let blob = blob_path();
    let blob = blob.to_str().expect("utf-8 path");
    let big = "J".repeat(1 << 20);
    let claim = |code: &str| {
        serde_json::json!({
            "claimType": "professional",
            "patient": {"sex": code, "dateOfBirth": code},
            "diagnoses": [{"code": code}, {"code": "J44.1"}],
            "lines": [{"dateFrom": "2026-03-02", "pos": code, "code": code, "modifiers": [code], "units": 1, "pointers": ["A"], "charge": 10}],
            "billingNpi": code
        })
        .to_string()
    };
    let mut inputs: Vec<Vec<u8>> = hostile().iter().map(|s| claim(s).into_bytes()).collect();
    inputs.push(claim(&big).into_bytes());
    inputs.push(claim("J15\u{0}9").into_bytes());
    inputs.push(b"{\"claimType\":\"professional\",\"diagnoses\":[{\"code\":\"J1\xff\xfe5\"}]}".to_vec());
    inputs.push(big.clone().into_bytes());
    inputs.push(b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".repeat(2000));
    for input in &inputs {
        run(&["claim", "--blob", blob, "-"], Some(input));
    }
    let dir = std::env::temp_dir().join(format!("claimlint-cli-grade-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let exercise = dir.join("exercise.json");
    std::fs::write(&exercise, r#"{"id":"x","title":"t","scenario":"s","dateOfService":"2026-03-15","rubric":"aapc","mode":"practice","key":{"principal":{"code":"J44.1"}}}"#).expect("write");
    for s in hostile().iter().chain([&big]) {
        let answer = dir.join("answer.json");
        let text = serde_json::json!({"principal": s, "otherDiagnoses": [s], "procedures": [{"code": s, "modifiers": [s]}]}).to_string();
        std::fs::write(&answer, text).expect("write");
        run(&["grade", "--blob", blob, exercise.to_str().expect("path"), answer.to_str().expect("path")], None);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
