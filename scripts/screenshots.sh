#!/usr/bin/env bash
# Writes the README's screenshots (docs/screenshots/*.png) by walking the browser journeys:
# the charge entry at desktop and tablet size, the tablet layout and the embedded form.
# Needs pkg/ built (bash scripts/build.sh). The test run writes the same pictures to
# tests/browser/out/ every time; this script also copies them into docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
CLAIMLINT_SCREENSHOTS=docs/screenshots node --test \
  tests/browser/journey-charge.test.mjs tests/browser/journey-tablet.test.mjs tests/browser/journey-embed.test.mjs
ls -1 docs/screenshots
