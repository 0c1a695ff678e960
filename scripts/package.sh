#!/usr/bin/env bash
# Assembles and packs the npm packages from the build (pkg/) and the widget (www/):
#   claimlint       the engine (the core and the facility wasm modules, typed JS), the widget,
#                   the custom element, the stylesheet,
#                   and a default copy of the data in pkg/ (resolved relative to the modules);
#   claimlint-data  the same data alone, versioned by its build date, so a site can take a
#                   quarterly data update without a new engine release.
# The package keeps the repository's www/ ↔ pkg/ layout, so import.meta.url paths hold.
#   bash scripts/package.sh [OUT_DIR]      (default target/npm; prints the tarball paths)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(mkdir -p "${1:-target/npm}" && cd "${1:-target/npm}" && pwd)"
[ -s pkg/claimlint_bg.wasm ] && [ -s pkg/codesets.blob ] && [ -s pkg/claimlint-types.d.ts ] || { echo "run scripts/build.sh first" >&2; exit 2; }
BIN=target/release/claimlint
[ -x "$BIN" ] || cargo build --release --features cli --quiet

# Each package is staged under OUT (the tracked folders under packages/ hold only what is
# written by hand: package.json, README.md, types/).
code="$OUT/stage/claimlint"
data="$OUT/stage/claimlint-data"
rm -rf "$OUT/stage" && mkdir -p "$code/pkg" "$code/www/claimlint" "$data"
cp -R packages/claimlint/. "$code/"
cp -R packages/claimlint-data/. "$data/"
# Engine and data files (precompressed copies left out: npm compresses the tarball).
for f in pkg/*; do
  case "$f" in pkg/README.md|pkg/bench|*.br|*.gz) continue ;; esac
  cp -R "$f" "$code/pkg/"
done
# The parts the widget loads by default (pkg/parts/, docs/parts.md), without their precompressed copies.
rm -f "$code/pkg/parts/"*.br "$code/pkg/parts/"*.gz
cp www/claimlint.js www/claimlint-auto.js www/claimlint.css www/sw.js "$code/www/"
cp www/claimlint/*.js "$code/www/claimlint/"
cp "$code/types/widget.d.ts" "$code/www/claimlint.d.ts"

# data.json: what the data is and its own version (the build date as semver: 2026.11.22).
"$BIN" info --blob pkg/codesets.blob --format json | node -e '
  const fs = require("fs");
  const info = JSON.parse(fs.readFileSync(0, "utf8"));
  const [y, m, d] = info.built.split("-").map(Number);
  const out = { dataVersion: `${y}.${m}.${d}`, format: info.format, built: info.built, bytes: info.bytes,
    sha256: fs.readFileSync("pkg/codesets.blob.sha256", "utf8").trim(), systems: info.systems,
    vintages: info.vintages, tables: info.tables };
  fs.writeFileSync(process.argv[1], JSON.stringify(out, null, 2) + "\n");
  const p = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  p.version = out.dataVersion;
  fs.writeFileSync(process.argv[2], JSON.stringify(p, null, 2) + "\n");
' "$code/pkg/data.json" "$data/package.json"
cp "$code/pkg/codesets.blob" "$code/pkg/codesets.blob.sha256" "$code/pkg/data.json" "$data/"

for p in "$code" "$data"; do
  (cd "$p" && npm pack --silent --pack-destination "$OUT" | tail -1 | sed "s|^|$OUT/|")
done
