#!/usr/bin/env bash
# The main job: fetch sources, compile the blob, build the wasm, serve the demo on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
CLAIMLINT_SKIP_BROWSER=1 CLAIMLINT_SKIP_PYTHON=1 bash scripts/setup.sh
bash scripts/build.sh
PORT="${PORT:-8080}"
step "serving the demo at http://localhost:$PORT/ (Ctrl-C to stop)"
exec node scripts/serve.mjs --port "$PORT"
