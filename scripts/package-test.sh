#!/usr/bin/env bash
# The npm packages as a consumer gets them: pack, install the tarballs into a copy of
# examples/npm, compile examples/typescript against them with `tsc --strict` (and check a
# wrong field name fails), then run tests/package/ (Node + headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
REPO="$PWD"
step "npm pack (claimlint, claimlint-data)"
mapfile -t tarballs < <(bash scripts/package.sh target/npm)
ls -l "${tarballs[@]}"
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
cp -R examples/npm/. "$site/"
(cd "$site" && npm install --no-audit --no-fund --loglevel=error --no-package-lock "${tarballs[@]}")

step "tsc --strict against the installed package"
mkdir -p "$site/ts"
cp examples/typescript/*.ts examples/typescript/tsconfig.json "$site/ts/"
"$REPO/node_modules/.bin/tsc" -p "$site/ts"
# A wrong field name must fail the same step.
sed -i 's/const state: CodeState = c.state;/const state: CodeState = c.status;/' "$site/ts/consumer.ts"
grep -q 'c.status' "$site/ts/consumer.ts"
if "$REPO/node_modules/.bin/tsc" -p "$site/ts" > "$site/ts/wrong.log" 2>&1; then
  echo "tsc accepted a wrong field name (c.status): the types are too loose" >&2
  exit 1
fi
grep -q "status" "$site/ts/wrong.log"
echo "a wrong field name fails: $(grep -m1 'error TS' "$site/ts/wrong.log")"

step "the installed package in Node and Chromium"
CLAIMLINT_EXAMPLE_DIR="$site" node --test tests/package/
