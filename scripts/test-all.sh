#!/usr/bin/env bash
# The whole suite on a fresh machine: install, type-check, build, unit tests, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS="$PWD/.reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
if [ "${SKIP_INSTALL:-}" != 1 ]; then npm ci --no-audit --no-fund; fi
bash scripts/ensure-chromium.sh
npx tsc --noEmit
npx wxt build
status=0
bash scripts/firefox-check.sh || status=1
npx vitest run -c tests/vitest.config.ts --reporter=default --reporter=json --outputFile="$REPORTS/unit.json" || status=1
PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e.json" npx playwright test -c tests/playwright.config.ts --reporter=list,json "$@" || status=1
node scripts/summarise-tests.mjs "$REPORTS/unit.json" "$REPORTS/e2e.json" || status=1
exit $status
