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
# Three wasm modules with one interface (src/wasm/): the core module the charge-entry pages load,
# without the outpatient editor (cargo feature `outpatient`, the I/OCE edits) and without grading
# (feature `grade`), as fast as fits in 200 KiB of brotli; the exercise module, the core with
# grading, tuned for size (the exercise page grades answers, it checks no large claims); and the
# facility module, with everything, tuned for speed: the facility page checks whole outpatient
# claims.
# wasm_module PROFILE OUT-NAME WASM-OPT-LEVEL [cargo feature flags]
wasm_module() {
  local profile="$1" name="$2" opt="$3"
  shift 3
  cargo build --lib --target wasm32-unknown-unknown --profile "$profile" --quiet "$@"
  wasm-bindgen --target web --out-dir pkg --out-name "$name" "target/wasm32-unknown-unknown/$profile/claimlint.wasm"
  # The glue minified (esbuild, as the bundle): the page downloads it on every cold visit.
  node_modules/.bin/esbuild "pkg/$name.js" --minify --format=esm --target=es2022 --log-level=warning --allow-overwrite --outfile="pkg/$name.js"
  if [ -x node_modules/.bin/wasm-opt ]; then
    node_modules/.bin/wasm-opt $opt --strip-debug --strip-producers "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm.opt" && mv "pkg/${name}_bg.wasm.opt" "pkg/${name}_bg.wasm"
  fi
}
# wasm-opt -Os run to a fixed point packs ~700 B smaller under brotli than -Oz, same speed.
# --low-memory-unused: Rust lays the stack out first (1 MiB growing down to 0, data above it), so
# the low 1 KiB holds no data and wasm-opt may fold a pointer's constant offsets into its loads
# and stores (~1 KB less under brotli, a few fewer instructions on every field access).
# --always-inline-max-function-size=6 (default 2): wasm-opt inlines the tiny wrappers LLVM's
# size mode leaves as calls (a `Cow`'s deref, a dealloc's forwarding, accessors), ~2-3 % off
# the 50-line claim for ~400 B brotli (8 would be ~750 B).
SMALL_OPT="-Os --always-inline-max-function-size=6 --converge --low-memory-unused"
step "wasm build: core module (no outpatient editor, no grading)"
# Leaving grading out (~25 KB of brotli) pays for opt-level 2 (Cargo.toml, profile `wasm`) with
# LLVM's inline threshold at 100 (its default at opt-level 2: 225): the 50-line claim ~25 %
# faster than at opt-level "z" for ~20 KB of brotli (threshold 50: ~3 % slower, ~3 KB smaller).
RUSTFLAGS="${RUSTFLAGS:-} -C llvm-args=-inline-threshold=100" wasm_module wasm claimlint "$SMALL_OPT" --no-default-features
step "wasm build: exercise module (the core with grading, size-tuned)"
# opt-level "z" with LLVM's own inline threshold: the exercise page checks a learner's few codes,
# no large claims, and a threshold of 20 (a claim ~10 % faster) would cost ~1.8 KB of brotli,
# past 200 KiB.
wasm_module wasm-small claimlint-exercise "$SMALL_OPT" --no-default-features --features grade
step "wasm build: facility module (speed-tuned, with the outpatient editor)"
wasm_module wasm-fast claimlint-facility -O3
# Each module's size and SHA-256 in the parts index: a new build of a module is a new generation
# for the service worker, whose update brings it to the next visit (docs/parts.md: `modules`).
node scripts/index-modules.mjs pkg
# The TypeScript result and option types every module's .d.ts imports, from the JSON Schemas.
node scripts/types.mjs
step "bundle the demo pages' widget"
# One minified module per demo page in www/dist/ (esbuild, from package.json; scripts/bundle.mjs).
node scripts/bundle.mjs
sha256sum pkg/codesets.blob | cut -d' ' -f1 > pkg/codesets.blob.sha256
# Precompressed copies, served by scripts/serve.mjs as a static host would (Content-Encoding).
# What a browser downloads, at brotli's best quality (the whole blob too: it is the baseline).
for f in pkg/codesets.blob pkg/claimlint_bg.wasm pkg/claimlint-exercise_bg.wasm pkg/claimlint-facility_bg.wasm pkg/parts/*.blob; do
  gzip -9 -c "$f" > "$f.gz"
  if command -v brotli >/dev/null; then brotli -q 11 -f -o "$f.br" "$f"; fi
done
for w in claimlint claimlint-exercise claimlint-facility; do
  printf '%s wasm %s bytes (gzip %s, brotli %s)\n' "$w" \
    "$(stat -c %s "pkg/${w}_bg.wasm")" "$(stat -c %s "pkg/${w}_bg.wasm.gz")" "$(stat -c %s "pkg/${w}_bg.wasm.br" 2>/dev/null || echo -)"
done
printf 'blob %s bytes\n' "$(stat -c %s pkg/codesets.blob)"
for f in pkg/parts/*.blob; do printf 'part %s %s bytes (brotli %s)\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(stat -c %s "$f.br" 2>/dev/null || echo -)"; done
