# The Python environment of the Python package (sourced by setup.sh, python-test.sh,
# bench_spark.sh): a venv at target/py (Python 3.12 from pyenv when present, else python3
# >= 3.10) with maturin, pytest, pyarrow, pandas and pyspark from PyPI.
PY_VENV="${CLAIMLINT_PY_VENV:-target/py}"
python_for_venv() {
  local p
  for p in "${CLAIMLINT_PYTHON:-}" "$(command -v pyenv >/dev/null && ls -d "$(pyenv root)"/versions/3.12*/bin/python 2>/dev/null | tail -1)" "$(command -v python3.12)" "$(command -v python3)"; do
    if [ -n "$p" ] && "$p" -c 'import sys, venv; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no Python >= 3.10 with venv found (set CLAIMLINT_PYTHON)" >&2
  return 1
}
ensure_python_env() {
  if [ ! -x "$PY_VENV/bin/python" ]; then
    step "Python venv at $PY_VENV"
    "$(python_for_venv)" -m venv "$PY_VENV"
  fi
  if ! "$PY_VENV/bin/python" -c 'import maturin, pytest, pyarrow, pandas, pyspark' 2>/dev/null; then
    step "pip install maturin pytest pyarrow pandas pyspark (PyPI; pyspark is ~300 MB)"
    "$PY_VENV/bin/pip" install --quiet --disable-pip-version-check "maturin>=1.7,<2" "pytest>=8" "pyarrow>=14" "pandas>=2,<3" "pyspark>=3.5,<5"
  fi
}
# Builds the wheel into target/wheels and installs it into the venv.
build_wheel() {
  step "Python wheel (maturin, release)"
  rm -f target/wheels/claimlint-*.whl
  "$PY_VENV/bin/maturin" build --quiet --release -m python/Cargo.toml -i "$PY_VENV/bin/python" --out target/wheels
  "$PY_VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/claimlint-*.whl
}
