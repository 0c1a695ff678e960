#!/usr/bin/env bash
# Installs what a fresh machine lacks: the wasm32 target, the wasm-bindgen CLI matching the
# pinned crate, Debian's Chromium + ChromeDriver (browser tests), brotli, and npm packages.
# CLAIMLINT_SKIP_BROWSER=1 skips Chromium (the demo does not need it); CLAIMLINT_SKIP_PYTHON=1 the Python env. Safe to run again: each step is skipped when already satisfied.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install -f wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
missing=()
if [ -z "${CLAIMLINT_SKIP_BROWSER:-}" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
fi
command -v brotli >/dev/null || missing+=(brotli)
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ -f package.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; }; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
# The Python package's environment (scripts/python-env.sh): venv, maturin, pytest, pyspark,
# and pyoce (the I/OCE oracle; Python >= 3.12). PySpark needs a Java runtime (17 is what CI
# has). CLAIMLINT_SKIP_PYTHON=1 skips this (the demo).
if [ -z "${CLAIMLINT_SKIP_PYTHON:-}" ]; then
  source scripts/python-env.sh
  command -v java >/dev/null || { step "apt-get install openjdk-17-jre-headless"; as_root apt-get update -qq; as_root apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }
  ensure_python_env
  ensure_pyoce
  ensure_ioce_pyoce_tables
fi
