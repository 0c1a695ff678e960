#!/usr/bin/env bash
# Claims/s through the Python package: one process (1 thread, every core) vs PySpark local
# (mapInArrow) on the same generated claims; writes pkg/bench/python-batch.json and the
# "Python and Spark" section of benches/REPORT.md (between its markers, appended if absent).
#   bash scripts/bench_spark.sh [--smoke]      (smoke: 5,000 claims, report left alone)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/python-env.sh
ensure_python_env
"$PY_VENV/bin/python" -c 'import claimlint' 2>/dev/null || build_wheel
N=100000
[ "${1:-}" = "--smoke" ] && N=5000
mkdir -p pkg/bench
step "Python package and PySpark: claims/s on $N claims"
"$PY_VENV/bin/python" python/examples/bench_batch.py --blob pkg/codesets.blob --claims "$N" --out pkg/bench/python-batch.json
[ "${1:-}" = "--smoke" ] && exit 0
node -e '
  const fs = require("fs");
  const r = JSON.parse(fs.readFileSync("pkg/bench/python-batch.json", "utf8"));
  const row = (name, x) => `| ${name} | ${x.per_second.toLocaleString("en-US")} | ${x.seconds} s |`;
  const base = r.single_process_1_thread.per_second;
  const section = [
    "<!-- python-spark:start (scripts/bench_spark.sh) -->",
    "## Python package and Spark (claims/s)",
    "",
    `${r.spark.claims.toLocaleString("en-US")} generated professional claims (python/tests/claim_mix.py), ${r.cores} cores; JSON text in, JSON results out.`,
    "",
    "| runner | claims/s | time |",
    "|---|---|---|",
    row("single process, 1 thread (check_claims_json, threads=1) — baseline", r.single_process_1_thread),
    row(`single process, every core (check_claims_json) — ${(r.single_process_all_cores.per_second / base).toFixed(2)}×`, r.single_process_all_cores),
    row(`PySpark ${r.spark.master}, mapInArrow, Parquet in and out — ${(r.spark.per_second / base).toFixed(2)}×`, r.spark),
    "",
    `Spark time excludes session start and a 1,000-claim warm-up job; it includes reading and writing Parquet. Load average at the end of the run: ${r.load_average ?? "?"} (the machine is shared; compare the ratios).`,
    "<!-- python-spark:end -->",
  ].join("\n");
  const p = "benches/REPORT.md";
  let md = fs.readFileSync(p, "utf8");
  const re = /<!-- python-spark:start[\s\S]*?<!-- python-spark:end -->/;
  md = re.test(md) ? md.replace(re, section) : md.trimEnd() + "\n\n" + section + "\n";
  fs.writeFileSync(p, md);
'
echo "wrote the Python and Spark section of benches/REPORT.md"
