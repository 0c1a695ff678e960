# The Python environment of the Python package (sourced by setup.sh, python-test.sh,
# bench_spark.sh): a venv at target/py (Python 3.12 from pyenv when present, else python3
# >= 3.10) with maturin, pytest, pyarrow, pandas and pyspark from PyPI; and pyoce, the I/OCE
# oracle of tests/ioce_differential.rs, which needs Python >= 3.12.
PY_VENV="${CLAIMLINT_PY_VENV:-target/py}"
PYOCE_VENV="${CLAIMLINT_PYOCE_VENV:-target/pyoce}"
# The first Python >= 3.MINOR (default 10) with venv: CLAIMLINT_PYTHON, pyenv 3.12, python3.12, python3.
python_for_venv() {
  local p minor="${1:-10}"
  for p in "${CLAIMLINT_PYTHON:-}" "$(command -v pyenv >/dev/null && ls -d "$(pyenv root)"/versions/3.12*/bin/python 2>/dev/null | tail -1)" "$(command -v python3.12)" "$(command -v python3)"; do
    if [ -n "$p" ] && "$p" -c "import sys, venv; sys.exit(sys.version_info < (3, $minor))" 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no Python >= 3.$minor with venv found (set CLAIMLINT_PYTHON)" >&2
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
# pyoce 0.1.0 (PyPI, with lmdb): into target/py when that venv is Python >= 3.12, else into a
# venv of its own at target/pyoce. It inflates its 321 MB table database into ~/.cache/pyoce
# on first use.
ensure_pyoce() {
  local venv="$PY_VENV"
  if ! "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    venv="$PYOCE_VENV"
    if [ ! -x "$venv/bin/python" ]; then
      step "Python >= 3.12 venv for pyoce at $venv"
      "$(python_for_venv 12)" -m venv "$venv"
    fi
  fi
  if ! "$venv/bin/python" -c 'import pyoce, lmdb, sys; sys.exit(pyoce.__version__ != "0.1.0")' 2>/dev/null; then
    step "pip install pyoce==0.1.0 (PyPI; the I/OCE oracle of the outpatient differential test)"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyoce==0.1.0"
  fi
}
# ioce-c: the I/OCE tables the shared decoded data skips as pricing (data_capc rank, data_apc
# status indicators, offset_codepair device pairs; no amounts), extracted from pyoce's table
# database by scripts/ioce_pyoce_tables.py into the download cache, where `claimlint compile`
# reads them. Without pyoce the blob lacks them and I/OCE edits 98 and 99 are not checked and conditionally packaged codes keep their Q indicator (edits 21, 38).
ensure_ioce_pyoce_tables() {
  local out="${CLAIMLINT_CACHE:-.cache}/ioce-pyoce" py
  if [ -f "$out/PROVENANCE.tsv" ] && [ "$out/PROVENANCE.tsv" -nt scripts/ioce_pyoce_tables.py ]; then return 0; fi
  for py in "$PY_VENV/bin/python" "$PYOCE_VENV/bin/python"; do
    if [ -x "$py" ] && "$py" -c 'import pyoce, lmdb' 2>/dev/null; then
      step "I/OCE tables from pyoce (scripts/ioce_pyoce_tables.py)"
      "$py" scripts/ioce_pyoce_tables.py "$out"
      return
    fi
  done
  echo "pyoce is not installed: the I/OCE section will lack data_capc, data_apc and offset_codepair (edits 98 and 99 not checked; 21, 38, 137, 138 approximate)" >&2
}
# Builds the wheel into target/wheels and installs it into the venv.
build_wheel() {
  step "Python wheel (maturin, release)"
  rm -f target/wheels/claimlint-*.whl
  "$PY_VENV/bin/maturin" build --quiet --release -m python/Cargo.toml -i "$PY_VENV/bin/python" --out target/wheels
  "$PY_VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/claimlint-*.whl
}
