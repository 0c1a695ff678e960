#!/usr/bin/env bash
# Regenerates benches/REPORT.md and benches/results.json: native, Python and browser figures,
# each beside a same-run baseline. `--smoke` runs a short version that asserts nothing (CI).
# `--load` measures only the Slow 4G page load (cold, warm online, warm offline; parts beside the single blob)
# and prints its table, writing nothing (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
SMOKE="${1:-}"
[ -s pkg/codesets.blob ] && [ -s pkg/claimlint_bg.wasm ] || bash scripts/build.sh
if [ "$SMOKE" = "--load" ]; then
  step "page load under Slow 4G (headless Chromium)"
  exec node scripts/bench.mjs --load
fi
mkdir -p pkg/bench
step "native benchmark"
./target/release/claimlint bench ${SMOKE:+--smoke} --emit-baseline pkg/bench --out pkg/bench/native.json > /dev/null
if [ -z "$SMOKE" ]; then
  step "Python baseline (simple-icd-10-cm 1.5.0)"
  PYDIR="${CLAIMLINT_CACHE:-.cache}/py"
  [ -d "$PYDIR/simple_icd_10_cm" ] || python3 -m pip install --quiet --no-deps --target "$PYDIR" "$(ls "${CLAIMLINT_CACHE:-.cache}"/wheels/simple_icd_10_cm-1.5.0-*.whl)"
  PYTHONPATH="$PYDIR" python3 scripts/bench_python.py pkg/bench/bench-inputs.json pkg/bench/python.json
fi
step "inpatient claims beside the CMS MCE Java (same corpus, one thread each)"
# Skips the MCE row, with a note, where Java or ../shared/oracles/cms-mce-java is absent.
if [ -n "$SMOKE" ]; then export CLAIMLINT_MCE_CLAIMS=300 CLAIMLINT_MCE_PASSES=1; fi
cargo bench --quiet --features cli --bench mce_side_by_side > pkg/bench/mce.md
step "outpatient claims beside pyoce's I/OCE (same corpus, one thread each)"
# Skips the pyoce row, with a note, where Python 3.12 with pyoce is absent.
if [ -n "$SMOKE" ]; then export CLAIMLINT_IOCE_CLAIMS=300 CLAIMLINT_IOCE_PASSES=1; fi
cargo bench --quiet --features cli --bench ioce_side_by_side > pkg/bench/ioce.md
step "browser benchmark (headless Chromium)"
node scripts/bench.mjs pkg/bench/native.json pkg/bench/python.json ${SMOKE:+--smoke}
