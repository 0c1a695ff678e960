# Shared helpers for the scripts (sourced, not run).
WASM_BINDGEN_VERSION="0.2.130"
step() { printf '\n== %s\n' "$*"; }
# Root can install system packages; others are told what is missing.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }
