#!/usr/bin/env bash
# The one command that installs and runs every test: lint, typecheck, unit + contract tests, production builds,
# and the browser end-to-end tests against a fresh local Appwrite server.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
# node-gyp builds better-sqlite3 against Node's own headers (no header download on this network).
export npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}"

bash scripts/ensure-tools.sh --chromium
echo "==> pnpm install"
pnpm install --frozen-lockfile

echo "==> format (prettier --check)"
pnpm format:check
echo "==> lint, typecheck, unit and contract tests"
# Two at a time: the machine has 2 cores, and the integration suites start servers.
pnpm exec turbo run lint typecheck test --concurrency=2 --output-logs=errors-only --continue
echo "==> production builds"
pnpm exec turbo run build --filter='./apps/*' --output-logs=errors-only
echo "==> end-to-end tests (real Chromium, next start, local Appwrite server)"
pnpm exec turbo run test:e2e --concurrency=1 --output-logs=full
echo "==> all tests passed"
