#!/usr/bin/env bash
# The one command that installs and runs the marketplace locally with demo data (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
export npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}"
bash scripts/ensure-tools.sh
pnpm install --frozen-lockfile
exec pnpm dev
