#!/usr/bin/env bash
# Builds everything the demo needs into pkg/: the compiled blob and the wasm package.
# Needs the tools from scripts/setup.sh; the registry sources come from scripts/fetch-sources.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/fetch-sources.sh
step "native build"
cargo build --release --features cli --quiet
# The I/OCE tables extracted from pyoce, when it is installed (scripts/python-env.sh).
source scripts/python-env.sh
ensure_ioce_pyoce_tables
step "compile the code-set blob"
# The demo blob carries the example payer pack: its rules apply only to claims naming that payer.
# The whole blob (native CLI, the single-download baseline) and the same data in parts for the
# browser (pkg/parts/: NAME-SHA.blob files and parts.json; docs/parts.md).
./target/release/claimlint compile --out pkg/codesets.blob --parts pkg/parts --rules src/rules/packs/example-payer.json
step "wasm build"
cargo build --lib --target wasm32-unknown-unknown --profile wasm --quiet
wasm-bindgen --target web --out-dir pkg --out-name claimlint target/wasm32-unknown-unknown/wasm/claimlint.wasm
# The TypeScript result and option types claimlint.d.ts imports, from the JSON Schemas.
node scripts/types.mjs
# The glue minified (esbuild, as the bundle): the page downloads it on every cold visit.
node_modules/.bin/esbuild pkg/claimlint.js --minify --format=esm --target=es2022 --log-level=warning --allow-overwrite --outfile=pkg/claimlint.js
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers pkg/claimlint_bg.wasm -o pkg/claimlint_bg.wasm.opt && mv pkg/claimlint_bg.wasm.opt pkg/claimlint_bg.wasm
fi
step "bundle the demo pages' widget"
# One minified module per demo page in www/dist/ (esbuild, from package.json; scripts/bundle.mjs).
node scripts/bundle.mjs
sha256sum pkg/codesets.blob | cut -d' ' -f1 > pkg/codesets.blob.sha256
# Precompressed copies, served by scripts/serve.mjs as a static host would (Content-Encoding).
# What a browser downloads, at brotli's best quality (the whole blob too: it is the baseline).
for f in pkg/codesets.blob pkg/claimlint_bg.wasm pkg/parts/*.blob; do
  gzip -9 -c "$f" > "$f.gz"
  if command -v brotli >/dev/null; then brotli -q 11 -f -o "$f.br" "$f"; fi
done
printf 'wasm %s bytes (gzip %s, brotli %s); blob %s bytes\n' \
  "$(stat -c %s pkg/claimlint_bg.wasm)" "$(stat -c %s pkg/claimlint_bg.wasm.gz)" "$(stat -c %s pkg/claimlint_bg.wasm.br 2>/dev/null || echo -)" \
  "$(stat -c %s pkg/codesets.blob)"
for f in pkg/parts/*.blob; do printf 'part %s %s bytes (brotli %s)\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(stat -c %s "$f.br" 2>/dev/null || echo -)"; done
