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

/// Runs the binary and returns (exit code, stdout, stderr); asserts it did not panic.
fn run_any(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn claimlint");
    // Fed from a thread while the output is read: a batch writes results before its input ends.
    let feeder = match (stdin, child.stdin.take()) {
        (Some(bytes), Some(mut pipe)) => {
            let bytes = bytes.to_vec();
            Some(std::thread::spawn(move || pipe.write_all(&bytes).expect("write stdin")))
        }
        _ => None,
    };
    let out = child.wait_with_output().expect("wait");
    if let Some(f) = feeder {
        f.join().expect("stdin writer");
    }
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let shown: String = args.iter().map(|a| a.chars().take(30).collect::<String>()).collect::<Vec<_>>().join(" ");
    assert!(!stderr.contains("panicked"), "`{shown}` panicked: {stderr}");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// Runs the binary; asserts it exits 0, 1 or 2 without a panic. Returns stdout.
fn run(args: &[&str], stdin: Option<&[u8]>) -> String {
    let (code, stdout, stderr) = run_any(args, stdin);
    let shown: String = args.iter().map(|a| a.chars().take(30).collect::<String>()).collect::<Vec<_>>().join(" ");
    assert!((0..=2).contains(&code), "`{shown}` exited {code}: {stderr}");
    stdout
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

const SUBCOMMANDS: [&str; 12] =
    ["compile", "info", "codes", "check", "describe", "line", "pair", "claim", "search", "grade", "exercise", "bench"];

#[test]
fn help_and_version_follow_the_conventions() {
    let (code, out, _) = run_any(&["--version"], None);
    assert_eq!((code, out.trim()), (0, concat!("claimlint ", env!("CARGO_PKG_VERSION"))));
    for cmd in SUBCOMMANDS {
        let (code, out, err) = run_any(&[cmd, "--help"], None);
        assert_eq!(code, 0, "{cmd} --help: {err}");
        assert!(out.contains(&format!("Usage: claimlint {cmd}")), "{cmd} --help printed {out}");
    }
    let (code, out, _) = run_any(&["exercise", "seal", "--help"], None);
    assert!(code == 0 && out.contains("IN.json"), "{out}");
    // No command: the overview on stderr, exit 2.
    let (code, _, err) = run_any(&[], None);
    assert!(code == 2 && err.contains("Commands:"), "{err}");
}

#[test]
fn usage_errors_name_the_bad_argument_and_exit_2() {
    let blob = blob_path();
    let blob = blob.to_str().expect("utf-8 path");
    let cases: [(&[&str], &str); 8] = [
        (&["check", "--blob", blob, "--system", "snomed", "J15.9"], "--system"),
        (&["check", "--blob", blob, "--on", "2026-13-01", "J15.9"], "--on"),
        (&["line", "--blob", blob, "--code", "99213", "--units", "two"], "--units"),
        (&["line", "--blob", blob, "--code", "99213", "--claim-type", "ambulance"], "--claim-type"),
        (&["pair", "--blob", blob, "29881", "29877"], "--on"),
        (&["check", "--blob", blob, "--format", "yaml", "J15.9"], "--format"),
        (&["codes", "--blob", blob, "--frobnicate"], "--frobnicate"),
        (&["pair", "--blob", blob, "--on", "2026-04-15", "--stale-edits", "sometimes", "29881", "29877"], "--stale-edits"),
    ];
    for (args, named) in cases {
        let (code, out, err) = run_any(args, None);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?} printed {out}");
        assert!(err.contains(named), "{args:?}: error does not name {named}: {err}");
    }
}

/// `claimlint … | head -1`: the reader goes away; claimlint stops quietly with status 0.
#[test]
fn a_closed_pipe_ends_quietly() {
    let blob = blob_path();
    let blob = blob.to_str().expect("utf-8 path");
    let many: Vec<String> = (0..20_000).map(|i| format!("J{:02}.{}", i % 100, i % 10)).collect();
    let mut check = vec!["check", "--blob", blob];
    check.extend(many.iter().map(String::as_str));
    for args in [vec!["codes", "--blob", blob, "--system", "hcpcs"], vec!["codes", "--blob", blob, "--system", "icd10cm"], check] {
        let mut child = Command::new(BIN).args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut first = [0u8; 16];
        std::io::Read::read_exact(&mut stdout, &mut first).expect("first bytes");
        drop(stdout); // as `head -c 16` does
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{:?} after a closed pipe: {err}", &args[..5]);
        assert!(err.is_empty(), "{:?} wrote to stderr after a closed pipe: {err}", &args[..5]);
    }
}

#[test]
fn codes_lists_every_system_and_formats_follow_the_flag() {
    let blob = blob_path();
    let blob = blob.to_str().expect("utf-8 path");
    // A known code of each system, listed as a JSON line by default (stdout is not a terminal).
    for (system, known) in [("icd10cm", "J15.9"), ("icd10pcs", "0016070"), ("hcpcs", "J1100"), ("cpt", "99213"), ("modifier", "LT")] {
        let (code, out, err) = run_any(&["codes", "--blob", blob, "--system", system, "--on", "2026-04-15"], None);
        assert_eq!(code, 0, "{system}: {err}");
        let listed: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
        assert!(listed.iter().any(|v| v["code"] == known), "{system}: {known} not listed among {}", listed.len());
        let (_, text, _) = run_any(&["codes", "--blob", blob, "--system", system, "--format", "text", "--on", "2026-04-15"], None);
        assert_eq!(text.lines().count(), listed.len(), "{system}: text and JSON list different codes");
        assert!(text.lines().any(|l| l.split('\t').next() == Some(known)), "{system}: {known} not in the text list");
    }
    let (code, out, _) = run_any(&["check", "--blob", blob, "--format", "text", "--on", "2026-03-15", "T36.01A"], None);
    assert_eq!(code, 1);
    assert!(out.starts_with("T36.01A  invalid_format") && out.contains("DX-7TH") && out.contains("use T36.0X1A"), "{out}");
}

/// `claim --jsonl`: one result per input line, in input order, each equal to checking that
/// claim alone; blank and broken lines are input errors in their place; any thread count.
/// More lines than one chunk, so the pipelined path (write, check and read at once) runs.
#[test]
fn claim_batch_keeps_order_and_matches_single_claims() {
    let blob = blob_path();
    let blob = blob.to_str().expect("utf-8 path");
    let mut lines: Vec<String> = (0..9000)
        .map(|i| {
            let dx = ["J15.9", "T36.01A", "E11.9", "Z00.00", "I10", "K35.2"][i % 6];
            let px = ["99213", "99214", "71046", "J1100", "20610"][i % 5];
            serde_json::json!({"id": format!("c{i}"), "claimType": "professional",
                "patient": {"sex": "F", "dateOfBirth": "1961-07-04"}, "diagnoses": [{"code": dx}],
                "lines": [{"dateFrom": "2026-04-15", "pos": "11", "code": px, "units": 1 + i % 3, "pointers": ["A"], "charge": 90}]})
            .to_string()
        })
        .collect();
    lines.insert(17, String::new());
    lines.insert(300, "{\"claimType\": ".to_owned());
    lines.extend(common::hostile().into_iter().take(12).map(|s| serde_json::json!({"diagnoses": [{"code": s}]}).to_string()));
    let input = lines.join("\n") + "\n";
    let (code, one_thread, err) = run_any(&["claim", "--blob", blob, "--today", "2026-05-01", "--jsonl", "-", "--threads", "1"], Some(input.as_bytes()));
    assert_eq!(code, 1, "{err}");
    let (_, every_core, _) = run_any(&["claim", "--blob", blob, "--today", "2026-05-01", "--jsonl", "-"], Some(input.as_bytes()));
    assert_eq!(one_thread, every_core, "results depend on the thread count");
    let results: Vec<&str> = every_core.lines().collect();
    assert_eq!(results.len(), lines.len(), "one result per input line");
    for (i, want_id) in [(0, Some("c0")), (16, Some("c16")), (17, None), (18, Some("c17")), (300, None), (601, Some("c599")), (4096, Some("c4094")), (8193, Some("c8191"))] {
        let v: serde_json::Value = serde_json::from_str(results[i]).expect("JSON");
        assert_eq!(v["id"].as_str(), want_id, "line {i}: {}", results[i]);
    }
    for i in [0, 1, 17, 300, 450, 4097, lines.len() - 1] {
        let (_, single, _) = run_any(&["claim", "--blob", blob, "--today", "2026-05-01", "-"], Some(lines[i].as_bytes()));
        assert_eq!(single.trim_end(), results[i], "line {i}: batch and single results differ");
    }
}
