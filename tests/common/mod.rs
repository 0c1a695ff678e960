//! Shared test fixtures: one blob compiled from the real sources per test binary.
#![allow(dead_code)]
use claimlint::compile::{compile, CompileOptions};
use claimlint::{Date, OwnedEngine};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The repository root (tests run with the package root as working directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The CMS data directory; tests that need it fail loudly when it is missing.
pub fn data_dir() -> PathBuf {
    std::env::var_os("CLAIMLINT_DATA").map(PathBuf::from).unwrap_or_else(|| root().join("../shared/data/cms"))
}

pub fn cache_dir() -> PathBuf {
    std::env::var_os("CLAIMLINT_CACHE").map(PathBuf::from).unwrap_or_else(|| root().join(".cache"))
}

/// Compile options for the full default blob.
pub fn options() -> CompileOptions {
    let cache = cache_dir();
    let data = data_dir();
    let data = data.is_dir().then_some(data);
    let icd10cm = claimlint::compile::default_icd10cm(&cache, data.as_deref());
    assert!(icd10cm.len() >= 2, "run scripts/fetch-sources.sh first");
    CompileOptions { icd10cm, data_dir: data, built: 2026_11_22, ..Default::default() }
}

/// The blob bytes, compiled once per test binary; or, when `CLAIMLINT_TEST_BLOB` names a
/// blob the release compiler just built from the same sources (scripts/test.sh does), that one.
pub fn blob() -> &'static [u8] {
    static BLOB: OnceLock<Vec<u8>> = OnceLock::new();
    BLOB.get_or_init(|| match std::env::var_os("CLAIMLINT_TEST_BLOB") {
        Some(path) => std::fs::read(&path).unwrap_or_else(|e| panic!("CLAIMLINT_TEST_BLOB {}: {e}", PathBuf::from(&path).display())),
        None => compile(&options()).expect("compile"),
    })
}

/// An engine over the shared blob.
pub fn engine() -> &'static OwnedEngine {
    static ENGINE: OnceLock<OwnedEngine> = OnceLock::new();
    ENGINE.get_or_init(|| OwnedEngine::open(blob().to_vec()).expect("open"))
}

pub fn date(s: &str) -> Date {
    Date::parse(s).expect("date")
}

/// Hostile text: 1 MB pastes, NUL and control characters, emoji, right-to-left overrides,
/// zero-width characters and look-alikes of code characters.
pub fn hostile() -> Vec<String> {
    let controls: String = (0u8..32).map(char::from).chain(['\u{7f}', '\u{85}', '\u{9b}']).collect();
    vec![
        "J".repeat(1 << 20),
        "J15.9 ".repeat(200_000),
        "J15\u{0}9".into(),
        controls,
        "J15\u{202e}9".into(),
        "🤒🤒".into(),
        "Ｊ１５．９".into(),
        "Ј15.9".into(),
        "ꓲ10".into(),
        "\u{feff}J15.9".into(),
        "J1\u{200b}5.9".into(),
        "<script>alert(1)</script>".into(),
        "'; DROP TABLE codes; --".into(),
        ".....".into(),
        "-".into(),
        "J15.9-".into(),
        String::new(),
    ]
}
