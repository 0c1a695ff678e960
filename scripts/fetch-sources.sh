#!/usr/bin/env bash
# Downloads the registry sources (pinned, sha256-checked) into the git-ignored cache:
# the CMS ICD-10-CM tabular XML for FY2025 and FY2026, shipped in the simple-icd-10-cm wheels.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${CLAIMLINT_CACHE:-.cache}"
mkdir -p "$CACHE/wheels" "$CACHE/sources"

# name==version  sha256-of-wheel  member-in-wheel  fiscal-year
WHEELS=(
  "simple-icd-10-cm==1.4.0 d8a1b58282315af86acf4a4fc1765a6f42f5456ec216e53173b7be880825c36c simple_icd_10_cm/data/icd10cm-tabular-April-2025.xml 2025"
  "simple-icd-10-cm==1.5.0 6d461d71dc26aedc530ae65f02cfb578a154e49507c32e8241e75f701d4b7e42 simple_icd_10_cm/data/icd10c-tabular-April-1-2026.xml 2026"
)

for row in "${WHEELS[@]}"; do
  read -r spec sha member fy <<<"$row"
  # Keep CMS's own file name (provenance), one folder per fiscal year.
  out="$CACHE/sources/icd10cm-FY$fy/$(basename "$member")"
  mkdir -p "$(dirname "$out")"
  [ -s "$out" ] && continue
  name="${spec%%==*}"; ver="${spec##*==}"
  wheel="$CACHE/wheels/${name//-/_}-$ver-py3-none-any.whl"
  if [ ! -s "$wheel" ]; then
    echo "fetching $spec from PyPI"
    python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$CACHE/wheels" "$spec"
  fi
  got=$(sha256sum "$wheel" | cut -d' ' -f1)
  if [ "$got" != "$sha" ]; then
    echo "sha256 mismatch for $wheel: expected $sha, got $got" >&2
    rm -f "$wheel"
    exit 1
  fi
  python3 - "$wheel" "$member" "$out" <<'PY'
import sys, zipfile
wheel, member, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as z, open(out + ".part", "wb") as f:
    f.write(z.read(member))
import os; os.replace(out + ".part", out)
PY
  echo "extracted FY$fy tabular XML -> $out"
done
