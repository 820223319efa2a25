#!/usr/bin/env bash
# Builds the web frontend (web/, TypeScript + Vite) into src/WebApi/wwwroot when needed: `npm ci` when the
# installed packages are missing or older than web/package-lock.json, `npm run build` when the built page is
# missing or older than any of its sources. The build output is not committed; scripts/run.sh and scripts/test.sh
# call this, so a fresh clone works. Needs Node.js 20+ and the npm registry (once, for npm ci).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../web"

log() {
    printf '==> frontend: %s\n' "$*"
}

command -v npm >/dev/null 2>&1 || { log "npm not found: install Node.js 20+ to build the web frontend"; exit 1; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund --fetch-retries=2 --fetch-timeout=30000
fi

built=../src/WebApi/wwwroot/index.html
if [ ! -f "$built" ] || [ -n "$(find src public index.html package-lock.json vite.config.js tsconfig.json -newer "$built" -print -quit)" ]; then
    log "npm run build (into src/WebApi/wwwroot)"
    npm run build --silent
else
    log "up to date"
fi
