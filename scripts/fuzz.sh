#!/usr/bin/env bash
# Runs every fuzz target for a bounded time: `bash scripts/fuzz.sh [SECONDS]` (default 30).
# For a fixed number of executions instead: `bash scripts/fuzz.sh 0 RUNS`.
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
SECONDS_EACH="${1:-30}"
RUNS="${2:-0}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2
[ -x target/release/claimlint ] || cargo build --release --features cli --quiet
[ -s pkg/codesets.blob ] || bash scripts/build.sh
# Seed the loader target with a miniature blob so mutations reach the section readers.
mkdir -p fuzz/corpus/blob_open fuzz/corpus/check_code
./target/release/claimlint compile --no-data-dir --icd10cm 2026=tests/fixtures/mini-tabular.xml --out fuzz/corpus/blob_open/mini.blob 2>/dev/null
for s in J15.9 K35.2 S72.001 T36.01A W21.89XA 99213 J1100 LT 0016070; do printf '\x00%s' "$s" > "fuzz/corpus/check_code/$s"; done
export RUSTC_BOOTSTRAP=1
export CLAIMLINT_FUZZ_BLOB="$PWD/pkg/codesets.blob"
for target in $(cargo fuzz list --fuzz-dir fuzz); do
  step "fuzz $target"
  args=(-max_len=65536 -timeout=10)  # a slow input is a hang: fail on it
  if [ "$RUNS" -gt 0 ]; then args+=(-runs="$RUNS"); else args+=(-max_total_time="$SECONDS_EACH"); fi
  cargo fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- "${args[@]}" 2>&1 | grep -E '^(Done|#[0-9]+ +DONE|==[0-9]+==|SUMMARY|thread .* panicked)' || true
  if ls fuzz/artifacts/"$target"/crash-* >/dev/null 2>&1; then echo "fuzz target $target crashed" >&2; exit 1; fi
done
