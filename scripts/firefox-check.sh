#!/usr/bin/env bash
# The Firefox build (MV3: side panel → sidebar_action) and Mozilla's linter over it. Fails on any
# lint error; warnings are listed (Preact's innerHTML support and zod's eval probe, both unused
# under the extension CSP).
set -euo pipefail
cd "$(dirname "$0")/.."
npx wxt build -b firefox --mv3 >/dev/null
npx web-ext lint --source-dir .output/firefox-mv3 --output json > .reports/firefox-lint.json || true
node -e '
const r = JSON.parse(require("fs").readFileSync(".reports/firefox-lint.json", "utf8"));
for (const m of [...r.errors, ...r.warnings]) console.log(`${m._type} ${m.code} ${m.file ?? ""}`);
console.log(`web-ext lint: ${r.summary.errors} errors, ${r.summary.warnings} warnings`);
process.exit(r.summary.errors === 0 ? 0 : 1);
'
