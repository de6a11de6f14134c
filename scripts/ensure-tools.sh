#!/usr/bin/env bash
# Installs what the repo needs beyond Node + npm: pnpm (pinned), and Chromium for browser tests when asked.
# Idempotent: does nothing that is already there.
set -euo pipefail

PNPM_VERSION="12.21.0"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "==> installing pnpm $PNPM_VERSION"
  # corepack cannot fetch pnpm from this registry; npm can.
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

if [ "${1:-}" = "--chromium" ]; then
  if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then exit 0; fi
  if [ -x /usr/bin/chromium ]; then exit 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing chromium (apt-get)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the browser tests and could not be installed automatically." >&2
    echo "Run: sudo apt-get update && sudo apt-get install -y chromium   (or set CHROME_PATH to a Chrome/Chromium binary)" >&2
    exit 1
  fi
fi
