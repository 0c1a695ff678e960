#!/usr/bin/env bash
# Builds everything the demo needs into pkg/: the compiled blob and the wasm package.
# Needs the tools from scripts/setup.sh; the registry sources come from scripts/fetch-sources.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/fetch-sources.sh
step "native build"
cargo build --release --features cli --quiet
step "compile the code-set blob"
# The demo blob carries the example payer pack: its rules apply only to claims naming that payer.
./target/release/claimlint compile --out pkg/codesets.blob --rules src/rules/packs/example-payer.json
step "wasm build"
cargo build --lib --target wasm32-unknown-unknown --profile wasm --quiet
wasm-bindgen --target web --out-dir pkg --out-name claimlint target/wasm32-unknown-unknown/wasm/claimlint.wasm
# The TypeScript result and option types claimlint.d.ts imports, from the JSON Schemas.
node scripts/types.mjs
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Oz pkg/claimlint_bg.wasm -o pkg/claimlint_bg.wasm.opt && mv pkg/claimlint_bg.wasm.opt pkg/claimlint_bg.wasm
fi
sha256sum pkg/codesets.blob | cut -d' ' -f1 > pkg/codesets.blob.sha256
# Precompressed copies, served by scripts/serve.mjs as a static host would (Content-Encoding).
for f in pkg/codesets.blob pkg/claimlint_bg.wasm; do
  gzip -9 -c "$f" > "$f.gz"
  if command -v brotli >/dev/null; then brotli -q 9 -f -o "$f.br" "$f"; fi
done
printf 'wasm %s bytes (gzip %s); blob %s bytes (brotli %s)\n' \
  "$(stat -c %s pkg/claimlint_bg.wasm)" "$(gzip -9 -c pkg/claimlint_bg.wasm | wc -c)" \
  "$(stat -c %s pkg/codesets.blob)" "$( (command -v brotli >/dev/null && brotli -q 11 -c pkg/codesets.blob || gzip -9 -c pkg/codesets.blob) | wc -c)"
