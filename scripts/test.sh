#!/usr/bin/env bash
# Every test: native unit, integration and agreement tests; the wasm face in Node and in
# headless Chromium; the browser suite (Playwright); benchmark and fuzz smoke runs.
# CLAIMLINT_FUZZ_SECONDS sets the time per fuzz target (default 30).
# CLAIMLINT_FULL=1 (set by CI) adds the long agreement sweeps.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
bash scripts/setup.sh
bash scripts/build.sh

step "clippy (runtime modules deny unwrap/expect/panic/indexing)"
cargo clippy --quiet --features cli --lib --bins
step "native tests"
# The agreement tests read the blob the release compiler just built (tests/compile_mini.rs
# and the unit tests cover the compiler in-process).
CLAIMLINT_TEST_BLOB="$PWD/pkg/codesets.blob" cargo test --features cli
step "wasm tests in Node"
cargo test --target wasm32-unknown-unknown --test wasm_engine --test wasm_cases
step "wasm tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --test wasm_engine --test wasm_cases
step "browser tests (Playwright, Chromium)"
npm run --silent test:browser
step "TypeScript API schema against real results (wasm in Node)"
node --test tests/types/
step "npm packages: pack, install into an example site, tsc --strict, Node and Chromium"
bash scripts/package-test.sh
step "Python package: wheel, install, pytest, PySpark local[2]"
bash scripts/python-test.sh
step "benchmark smoke run: native + browser (prints, never asserts times)"
bash scripts/bench.sh --smoke > /dev/null
step "fuzz smoke: every target for a bounded time"
bash scripts/fuzz.sh "${CLAIMLINT_FUZZ_SECONDS:-30}"
echo "all tests passed"
