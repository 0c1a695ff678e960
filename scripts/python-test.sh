#!/usr/bin/env bash
# The Python package: builds the wheel, installs it into the venv, runs the pytest suite
# (the PySpark example on local[2] over 100k claims included). Java 17 must be on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/python-env.sh
ensure_python_env
build_wheel
step "pytest (Python package, PySpark local[2])"
CLAIMLINT_TEST_BLOB="${CLAIMLINT_TEST_BLOB:-$PWD/pkg/codesets.blob}" "$PY_VENV/bin/pytest" -q python/tests
