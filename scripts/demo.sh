#!/usr/bin/env bash
# `npm run demo`: install, build, and open Chromium with the extension on the simulated PDD console.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_INSTALL:-}" != 1 ]; then npm ci --no-audit --no-fund; fi
bash scripts/ensure-chromium.sh
npx wxt build
npx tsx scripts/demo.ts
