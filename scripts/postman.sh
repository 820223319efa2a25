#!/usr/bin/env bash
# Runs the Postman collection (postman/) with newman against a fresh AppBackend and AI backend simulator.
#
# Builds the solution and starts both servers the way scripts/run.sh does (dotnet run, Development), but on
# free loopback ports and with a throwaway SQLite file and media folder in a temp dir, so a developer's
# appbackend.db is never touched. Installs newman into postman/.npm when it is missing (needs the npm
# registry). Both servers are stopped on exit, whatever happens.
#
# Prints "newman: N passed, N failed" (assertions; a script or request error counts as a failure) and writes
# "N N" to $POSTMAN_RESULTS_DIR/counts for scripts/test.sh. Exit status non-zero when anything failed,
# including when newman could not be installed or a server did not start (then the counts are "0 1").
#
# Environment: POSTMAN_RESULTS_DIR (default artifacts/postman: newman's JSON report, server logs),
# APPBACKEND_PORT / SIMULATOR_PORT (default: free ports), POSTMAN_CONFIGURATION (default Debug, as run.sh;
# scripts/test.sh passes Release, which dotnet test has just built), POSTMAN_SKIP_BUILD=1 (no dotnet build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

NEWMAN_VERSION=6.2.2
NEWMAN_PREFIX="$ROOT/postman/.npm"
NEWMAN="$NEWMAN_PREFIX/node_modules/.bin/newman"
RESULTS_DIR="${POSTMAN_RESULTS_DIR:-$ROOT/artifacts/postman}"
CONFIGURATION="${POSTMAN_CONFIGURATION:-Debug}"
STARTUP_TIMEOUT_SECONDS=120

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export ASPNETCORE_ENVIRONMENT=Development

log() {
    printf '==> postman: %s\n' "$*"
}

mkdir -p "$RESULTS_DIR"
RESULTS_DIR=$(cd "$RESULTS_DIR" && pwd)
COUNTS_FILE="$RESULTS_DIR/counts"
REPORT="$RESULTS_DIR/newman-report.json"
rm -f "$COUNTS_FILE" "$REPORT"

PASSED=0
FAILED=0

# report: prints the counts line and writes the counts file (always, through the EXIT trap).
report() {
    echo "$PASSED $FAILED" > "$COUNTS_FILE"
    echo "newman: $PASSED passed, $FAILED failed"
}

# fail MESSAGE: a step before or around newman went wrong; counted as one failure.
fail() {
    log "FAILED: $*"
    FAILED=$((FAILED + 1))
    exit 1
}

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/appbackend-postman.XXXXXX")
simulator_pid=""
appbackend_pid=""

# stop PID NAME: stops a server started with setsid (its whole process group: dotnet run and the app).
stop() {
    local pid=$1 name=$2 i
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM -- "-$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
        kill -0 -- "-$pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 -- "-$pid" 2>/dev/null; then
        log "$name did not stop within 10 s; killing it"
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    stop "$appbackend_pid" AppBackend
    stop "$simulator_pid" "AI backend simulator"
    rm -rf "$WORK_DIR"
    if [ "$rc" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
        FAILED=1
    fi
    report
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_newman() {
    if [ -x "$NEWMAN" ] && [ "$("$NEWMAN" --version 2>/dev/null)" = "$NEWMAN_VERSION" ]; then
        return 0
    fi
    command -v npm >/dev/null 2>&1 || fail "npm not found: install Node.js 18+ to run the Postman collection"
    log "installing newman@$NEWMAN_VERSION into postman/.npm"
    npm install --no-save --no-audit --no-fund --no-package-lock --fetch-retries=2 --fetch-timeout=30000 --prefix "$NEWMAN_PREFIX" "newman@$NEWMAN_VERSION" ||
        fail "npm install newman@$NEWMAN_VERSION failed (is the npm registry reachable?)"
    [ -x "$NEWMAN" ] || fail "newman not found at $NEWMAN after npm install"
}

free_port() {
    node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# wait_for URL PID NAME LOG: polls URL until it answers 2xx, the process dies, or the time is up.
wait_for() {
    local url=$1 pid=$2 name=$3 logfile=$4 deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
    until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 40 "$logfile" >&2 || true
            fail "$name exited before $url answered (log: $logfile)"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            tail -n 40 "$logfile" >&2 || true
            fail "$name did not answer $url within $STARTUP_TIMEOUT_SECONDS s (log: $logfile)"
        fi
        sleep 0.5
    done
}

# count_results: "passed failed" assertions from newman's JSON report. A script that threw and a request
# that got no answer count as failed too (they are not assertions, and may hide some).
count_results() {
    node - "$REPORT" <<'EOF'
const stats = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8')).run.stats;
const passed = stats.assertions.total - stats.assertions.failed;
const failed = stats.assertions.failed + stats.testScripts.failed + stats.prerequestScripts.failed + stats.requests.failed;
console.log(`${passed} ${failed}`);
EOF
}

main() {
    command -v curl >/dev/null 2>&1 || fail "curl not found"
    command -v setsid >/dev/null 2>&1 || fail "setsid not found (util-linux): needed to stop the servers reliably"
    command -v node >/dev/null 2>&1 || fail "node not found: install Node.js 18+ to run the Postman collection"
    ensure_newman

    if [ "${POSTMAN_SKIP_BUILD:-0}" != 1 ]; then
        log "dotnet build AppBackend.sln -c $CONFIGURATION"
        dotnet build AppBackend.sln -c "$CONFIGURATION" --nologo -v quiet || fail "dotnet build failed"
    fi

    local simulator_port=${SIMULATOR_PORT:-$(free_port)}
    local appbackend_port=${APPBACKEND_PORT:-$(free_port)}
    local simulator_url="http://127.0.0.1:$simulator_port"
    local appbackend_url="http://127.0.0.1:$appbackend_port"
    local ai_backend_secret=${AI_BACKEND_SECRET:-appbackend-dev-ai-backend-secret-change-me-0123456789}

    # setsid: each server in its own process group, so that stop() ends dotnet run and the app it started.
    log "AI backend simulator on $simulator_url (log: $RESULTS_DIR/simulator.log)"
    AI_BACKEND_SECRET="$ai_backend_secret" \
        setsid dotnet run --no-build -c "$CONFIGURATION" --project tools/AiBackendSimulator -- --urls "$simulator_url" \
        > "$RESULTS_DIR/simulator.log" 2>&1 < /dev/null &
    simulator_pid=$!

    log "AppBackend on $appbackend_url, SQLite in $WORK_DIR (log: $RESULTS_DIR/appbackend.log)"
    AI_BACKEND_URL="$simulator_url" \
        AI_BACKEND_SECRET="$ai_backend_secret" \
        PUBLIC_BASE_URL="$appbackend_url" \
        Database__Provider=sqlite \
        ConnectionStrings__Default="Data Source=$WORK_DIR/appbackend.db" \
        Media__Root="$WORK_DIR/media" \
        setsid dotnet run --no-build -c "$CONFIGURATION" --no-launch-profile --project src/WebApi -- --urls "$appbackend_url" \
        > "$RESULTS_DIR/appbackend.log" 2>&1 < /dev/null &
    appbackend_pid=$!

    wait_for "$simulator_url/health" "$simulator_pid" "AI backend simulator" "$RESULTS_DIR/simulator.log"
    wait_for "$appbackend_url/health/ready" "$appbackend_pid" AppBackend "$RESULTS_DIR/appbackend.log"

    log "newman run postman/AppBackend.postman_collection.json"
    local rc=0
    "$NEWMAN" run postman/AppBackend.postman_collection.json \
        --environment postman/AppBackend.postman_environment.json \
        --env-var "baseUrl=$appbackend_url" \
        --env-var "AI_BACKEND_URL=$simulator_url" \
        --env-var "AI_BACKEND_SECRET=$ai_backend_secret" \
        --timeout 120000 --timeout-request 15000 \
        --color off \
        --reporters cli,json --reporter-json-export "$REPORT" || rc=$?

    [ -s "$REPORT" ] || fail "newman wrote no report (exit status $rc)"
    local counts
    counts=$(count_results) || fail "could not read $REPORT"
    PASSED=${counts% *}
    FAILED=${counts#* }
    if [ "$rc" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
        fail "newman exited with $rc"
    fi
    [ "$FAILED" -eq 0 ] || exit 1
}

main "$@"
