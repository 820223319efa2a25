#!/usr/bin/env bash
# The browser tests (web/tests): Debian's Chromium, driven headless by playwright-core from node's test runner,
# against a fresh AppBackend and AI backend simulator on free loopback ports (the tests start and stop them), and
# node unit tests of the frontend's event stream parser.
#
# Builds the web frontend when needed (scripts/build-frontend.sh), and the solution unless BROWSER_SKIP_BUILD=1.
# Prints node's spec report and "browser: N passed, N failed", and writes "N N" to $BROWSER_RESULTS_DIR/counts
# for scripts/test.sh. Exit status non-zero when anything failed; when Chromium is missing the tests fail (never
# skip): scripts/test.sh installs it first. Screenshots of the main pages are written to
# $BROWSER_RESULTS_DIR/screenshots/, so that a run leaves the working tree as it was.
#
# Environment: BROWSER_RESULTS_DIR (default artifacts/browser: server logs, counts, screenshots),
# BROWSER_SCREENSHOTS_DIR (where the screenshots go instead; BROWSER_SCREENSHOTS_DIR=docs/screenshots refreshes the
# README's), BROWSER_TESTS_CONFIGURATION (default Debug; scripts/test.sh passes Release, which dotnet test has just
# built), CHROMIUM_PATH (/usr/bin/chromium).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

RESULTS_DIR="${BROWSER_RESULTS_DIR:-$ROOT/artifacts/browser}"
CONFIGURATION="${BROWSER_TESTS_CONFIGURATION:-Debug}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() {
    printf '==> browser: %s\n' "$*"
}

mkdir -p "$RESULTS_DIR"
RESULTS_DIR=$(cd "$RESULTS_DIR" && pwd)
if [ -n "${BROWSER_SCREENSHOTS_DIR:-}" ]; then
    mkdir -p "$BROWSER_SCREENSHOTS_DIR"
    export BROWSER_SCREENSHOTS_DIR=$(cd "$BROWSER_SCREENSHOTS_DIR" && pwd)
fi
COUNTS_FILE="$RESULTS_DIR/counts"
rm -f "$COUNTS_FILE"

PASSED=0
FAILED=0

report() {
    local rc=$?
    if [ "$rc" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
        FAILED=1
    fi
    echo "$PASSED $FAILED" > "$COUNTS_FILE"
    echo "browser: $PASSED passed, $FAILED failed"
    exit "$rc"
}
trap report EXIT

fail() {
    log "FAILED: $*"
    FAILED=$((FAILED + 1))
    exit 1
}

command -v node >/dev/null 2>&1 || fail "node not found: install Node.js 20+"
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || log "Chromium not found at ${CHROMIUM_PATH:-/usr/bin/chromium}: the tests will fail (apt-get install -y chromium)"

bash scripts/build-frontend.sh || fail "the web frontend did not build"
if [ "${BROWSER_SKIP_BUILD:-0}" != 1 ]; then
    log "dotnet build AppBackend.sln -c $CONFIGURATION"
    dotnet build AppBackend.sln -c "$CONFIGURATION" --nologo -v quiet || fail "dotnet build failed"
fi

cd web
npm run build:tests --silent || fail "the browser tests did not compile"
rc=0
BROWSER_RESULTS_DIR="$RESULTS_DIR" BROWSER_TESTS_CONFIGURATION="$CONFIGURATION" \
    node --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./tests/counts-reporter.mjs --test-reporter-destination="$RESULTS_DIR/node-counts" \
    .build/tests/tests/*.test.js || rc=$?

counts=$(cat "$RESULTS_DIR/node-counts" 2>/dev/null || true)
[[ "$counts" =~ ^[0-9]+\ [0-9]+$ ]] || fail "node's test runner reported no counts (exit status $rc)"
PASSED=${counts% *}
FAILED=${counts#* }
if [ "$rc" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
    fail "node --test exited with $rc"
fi
[ "$FAILED" -eq 0 ] || exit 1
