#!/usr/bin/env bash
# Runs fuzz targets for a bounded time: `bash scripts/fuzz.sh [SECONDS]` (default 30 each).
# For a fixed number of executions instead: `bash scripts/fuzz.sh 0 RUNS [TARGET...]`.
# Each target starts from its committed seeds (fuzz/seeds/TARGET) plus the corpus it grew
# before (fuzz/corpus/TARGET, not committed). cargo-fuzz needs nightly flags;
# RUSTC_BOOTSTRAP lets the stable toolchain accept them.
# Builds keep overflow checks and debug assertions (an overflow is a crash) but leave out
# AddressSanitizer and compare tracing: the crate forbids unsafe code, and the 3-5x
# throughput is what makes ten million runs per target fit in minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
SECONDS_EACH="${1:-30}"
RUNS="${2:-0}"
shift $(( $# < 2 ? $# : 2 ))
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2
[ -x target/release/claimlint ] || cargo build --release --features cli --quiet
[ -s pkg/codesets.blob ] || bash scripts/build.sh
export RUSTC_BOOTSTRAP=1
export CLAIMLINT_FUZZ_BLOB="$PWD/pkg/codesets.blob"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz)
# The loader target grows from a miniature blob built by this compiler, so mutations reach
# the section readers of the current format.
mkdir -p fuzz/corpus/blob_open
./target/release/claimlint compile --no-data-dir --icd10cm 2026=tests/fixtures/mini-tabular.xml --out fuzz/corpus/blob_open/mini.blob 2>/dev/null
for target in "${targets[@]}"; do
  step "fuzz $target"
  mkdir -p "fuzz/corpus/$target" "fuzz/seeds/$target"
  args=(-max_len=65536 -timeout=10 -rss_limit_mb=4096)  # a slow input is a hang: fail on it
  if [ "$RUNS" -gt 0 ]; then args+=(-runs="$RUNS"); else args+=(-max_total_time="$SECONDS_EACH"); fi
  cargo fuzz run --sanitizer none --no-trace-compares --fuzz-dir fuzz "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- "${args[@]}" 2>&1 \
    | grep -E '^(Done|#[0-9]+ +DONE|==[0-9]+==|SUMMARY|thread .* panicked)' || true
  if ls fuzz/artifacts/"$target"/{crash,timeout,oom,leak}-* >/dev/null 2>&1; then echo "fuzz target $target failed: see fuzz/artifacts/$target" >&2; exit 1; fi
done
