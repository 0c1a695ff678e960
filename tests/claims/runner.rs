//! Shared by the claim test binaries: the engine (default blob plus the example payer pack)
//! and the table-driven cases in `tests/claims/*.json`.
//!
//! A case file is `{"cases": [case, ...]}`; a case is
//! `{"name", "claim", "today"?, "payer"?, "expect": ["RULE" | "RULE@/pointer"], "absent": ["RULE"], "only"?: bool}`.
//! `only` means no other claim-area rule (DX-, LINE-, CLAIM-, PAYER-) may fire.
#![allow(dead_code)]
use claimlint::claim::{check_claim_value, CheckOptions, ClaimResult, Json};
use claimlint::compile::compile;
use claimlint::{Date, OwnedEngine};
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    #[serde(default)]
    pub description: String,
    pub cases: Vec<Case>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub claim: serde_json::Value,
    #[serde(default)]
    pub today: Option<String>,
    #[serde(default)]
    pub payer: Option<String>,
    #[serde(default)]
    pub expect: Vec<String>,
    #[serde(default)]
    pub absent: Vec<String>,
    #[serde(default)]
    pub only: bool,
}

pub fn pack_path() -> PathBuf {
    super::common::root().join("src/rules/packs/example-payer.json")
}

/// The default blob with the example payer pack compiled in, once per test binary.
pub fn engine() -> &'static OwnedEngine {
    static ENGINE: OnceLock<OwnedEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut opts = super::common::options();
        opts.rule_packs = vec![pack_path()];
        OwnedEngine::open(compile(&opts).expect("compile")).expect("open")
    })
}

/// Every case, with the file it came from.
pub fn cases() -> Vec<(String, Case)> {
    let dir = super::common::root().join("tests/claims");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/claims")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&f).unwrap();
        let file: CaseFile = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for c in file.cases {
            out.push((name.clone(), c));
        }
    }
    out
}

pub fn run(case: &Case) -> ClaimResult {
    let json: Json = serde_json::from_value(case.claim.clone()).expect("claim tree");
    let opts = CheckOptions {
        today: Some(case.today.as_deref().map(|t| Date::parse(t).expect("today")).unwrap_or_else(|| Date::parse("2026-04-15").unwrap())),
        payer: case.payer.clone(),
        ..CheckOptions::default()
    };
    check_claim_value(engine().get(), &json, &opts)
}

pub fn owned(rule: &str) -> bool {
    ["DX-", "LINE-", "CLAIM-", "PAYER-"].iter().any(|p| rule.starts_with(p))
}

/// Problems with one case's result, empty when it passes.
pub fn verify(case: &Case, r: &ClaimResult) -> Vec<String> {
    let all: Vec<_> = r.findings.iter().chain(&r.input_errors).collect();
    let mut problems = Vec::new();
    for e in &case.expect {
        let (rule, loc) = match e.split_once('@') {
            Some((r, l)) => (r, Some(l)),
            None => (e.as_str(), None),
        };
        if !all.iter().any(|f| f.rule == rule && loc.is_none_or(|l| f.pointer().as_deref() == Some(l))) {
            problems.push(format!("expected {e}"));
        }
    }
    for a in &case.absent {
        if let Some(f) = all.iter().find(|f| &f.rule == a) {
            problems.push(format!("{a} fired: {} at {:?}", f.message, f.location));
        }
    }
    if case.only {
        for f in all.iter().filter(|f| owned(&f.rule)) {
            if !case.expect.iter().any(|e| e.split('@').next() == Some(&*f.rule)) {
                problems.push(format!("unexpected {} at {:?}: {}", f.rule, f.location, f.message));
            }
        }
    }
    problems
}
