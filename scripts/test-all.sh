#!/usr/bin/env bash
# The one test command (npm test): lint, types, unit + golden tests, conformance, then the
# production build and the e2e suite in real Chromium. Installs what the e2e browser needs.
# Unit tests that check against real tools (dig, iptables in a namespace) install them if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0
mkdir -p reports

node scripts/ensure-tools.mjs
npm run -s lint
npm run -s typecheck
unit=0
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json || unit=$?
node scripts/ensure-browser.mjs
npx vite build
e2e=0
npx playwright test || e2e=$?
node scripts/summarize-reports.mjs
exit $(( unit != 0 || e2e != 0 ))
