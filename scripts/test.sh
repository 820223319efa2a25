#!/usr/bin/env bash
# The test command: installs PostgreSQL and ffmpeg when they are missing, runs every test project of the solution, then
# the Postman collection with newman (scripts/postman.sh; its assertions count as tests), and ends with
# exactly one summary line: "tests: N passed, N failed[, N skipped]".
# Exit status is non-zero when dotnet test fails, any test or assertion fails, newman cannot run, or no test ran.
#
# Later steps (for example newman) add their counts with add_counts before print_summary.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

RESULTS_DIR=artifacts/test-results
POSTMAN_RESULTS_DIR=artifacts/postman
BROWSER_RESULTS_DIR=artifacts/browser

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# vstest kills the test host 100 ms after the run by default, which can cut short the ProcessExit handler
# that stops the throwaway PostgreSQL cluster. (A watchdog cleans up anyway; this keeps it orderly.)
export VSTEST_TESTHOST_SHUTDOWN_TIMEOUT="${VSTEST_TESTHOST_SHUTDOWN_TIMEOUT:-30000}"

# Totals across every step; print_summary reports them.
TESTS_PASSED=0
TESTS_FAILED=0
TESTS_SKIPPED=0
STATUS=0

log() {
    printf '==> %s\n' "$*"
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        log "not root and no sudo: cannot run '$*'"
        return 1
    fi
}

have_postgres_server() {
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

install_postgres() {
    log "PostgreSQL server not found under /usr/lib/postgresql/*/bin; installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q || return 1
    # postgresql-common first, so the server package does not create (and start) a "main" cluster on port
    # 5432: the tests start their own throwaway cluster on a free port.
    as_root apt-get install -y -q --no-install-recommends postgresql-common || return 1
    local conf=/etc/postgresql-common/createcluster.conf
    if [ -f "$conf" ] && ! grep -Eq '^[[:space:]]*create_main_cluster' "$conf"; then
        as_root sed -i 's/^#[[:space:]]*create_main_cluster.*/create_main_cluster = false/' "$conf" || true
    fi
    as_root apt-get install -y -q --no-install-recommends postgresql || return 1
}

ensure_postgres() {
    if ! have_postgres_server; then
        # Not fatal here: without PostgreSQL the PostgreSQL tests fail with a clear message; they never skip.
        if ! install_postgres || ! have_postgres_server; then
            log "WARNING: PostgreSQL could not be installed; the PostgreSQL tests will fail"
        fi
    fi
    # As root the tests run the server as the "postgres" OS user (the Debian package creates it).
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        log "creating the postgres OS user"
        useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres ||
            log "WARNING: could not create the postgres user; the PostgreSQL tests will fail"
    fi
}

# ensure_interop_tools: what the conformance tests (tests/Integration/Interop) run besides AppBackend: ffmpeg/ffprobe
# (installed with apt-get when missing) and the npm packages of tests/Interop (npm ci, from its package-lock.json).
# Not fatal here: without them those tests fail with a clear message; they never skip.
ensure_interop_tools() {
    if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v ffprobe >/dev/null 2>&1; then
        log "ffmpeg not found; installing it with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        { as_root apt-get update -q && as_root apt-get install -y -q --no-install-recommends ffmpeg; } ||
            log "WARNING: ffmpeg could not be installed; the ffmpeg conformance test will fail"
    fi
    if ! command -v npm >/dev/null 2>&1; then
        log "WARNING: npm not found; the node conformance tests will fail"
        return 0
    fi
    log "npm ci (tests/Interop)"
    (cd tests/Interop && npm ci --no-audit --no-fund --loglevel=error) ||
        log "WARNING: npm ci failed in tests/Interop; the node conformance tests will fail"
}

# add_counts PASSED FAILED SKIPPED: adds one step's counts to the totals.
add_counts() {
    TESTS_PASSED=$((TESTS_PASSED + $1))
    TESTS_FAILED=$((TESTS_FAILED + $2))
    TESTS_SKIPPED=$((TESTS_SKIPPED + $3))
}

# trx_counter FILE ATTRIBUTE: one attribute of the <Counters .../> element of a TRX file (0 when absent).
trx_counter() {
    local value
    value=$(grep -o '<Counters [^>]*>' "$1" | head -n 1 | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)
    echo "${value:-0}"
}

# collect_trx DIR: adds the counts of every TRX file under DIR (pure grep, no python needed).
collect_trx() {
    local file total executed passed failed not_executed skipped found=0
    while IFS= read -r -d '' file; do
        found=$((found + 1))
        total=$(trx_counter "$file" total)
        executed=$(trx_counter "$file" executed)
        passed=$(trx_counter "$file" passed)
        failed=$(($(trx_counter "$file" failed) + $(trx_counter "$file" error) \
            + $(trx_counter "$file" timeout) + $(trx_counter "$file" aborted)))
        not_executed=$(trx_counter "$file" notExecuted)
        skipped=$((total - executed))
        if [ "$not_executed" -gt "$skipped" ]; then
            skipped=$not_executed
        fi
        add_counts "$passed" "$failed" "$skipped"
    done < <(find "$1" -type f -name '*.trx' -print0 2>/dev/null)
    if [ "$found" -eq 0 ]; then
        log "no TRX files under $1"
    fi
}

run_dotnet_tests() {
    rm -rf "$RESULTS_DIR"
    mkdir -p "$RESULTS_DIR"
    log "dotnet test AppBackend.sln -c Release"
    local rc=0
    dotnet test AppBackend.sln -c Release \
        --logger "trx;LogFilePrefix=results" \
        --results-directory "$RESULTS_DIR" || rc=$?
    if [ "$rc" -ne 0 ]; then
        log "dotnet test exited with $rc"
        STATUS=1
    fi
    collect_trx "$RESULTS_DIR"
}

# run_counted STEP COUNTS COMMAND...: runs a step that writes "PASSED FAILED" to the file COUNTS and adds them to the
# totals. A step that could not report them, or that failed with no failure counted, counts as one failure, never as a
# skip.
run_counted() {
    local step=$1 counts=$2 rc=0 passed failed
    shift 2
    rm -f "$counts"
    "$@" || rc=$?
    if [ -r "$counts" ] && read -r passed failed < "$counts" &&
        [[ "$passed" =~ ^[0-9]+$ ]] && [[ "$failed" =~ ^[0-9]+$ ]]; then
        if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
            failed=1
        fi
        add_counts "$passed" "$failed" 0
    else
        log "$step reported no counts; counting it as one failure"
        add_counts 0 1 0
    fi
    if [ "$rc" -ne 0 ]; then
        log "$step exited with $rc"
        STATUS=1
    fi
}

# run_postman: the Postman collection against a fresh AppBackend and simulator (scripts/postman.sh), on the
# Release build dotnet test has just made; its assertions count as tests (newman not installable or a server that
# did not start: one failure).
run_postman() {
    log "bash scripts/postman.sh (newman)"
    run_counted scripts/postman.sh "$POSTMAN_RESULTS_DIR/counts" \
        env POSTMAN_CONFIGURATION=Release POSTMAN_RESULTS_DIR="$POSTMAN_RESULTS_DIR" bash scripts/postman.sh
}

# ensure_chromium: the browser tests drive Debian's Chromium (playwright-core cannot download its own browser
# here). Not fatal: without it the browser tests fail with a clear message; they never skip.
ensure_chromium() {
    if [ ! -x /usr/bin/chromium ]; then
        log "Chromium not found at /usr/bin/chromium; installing it with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        if ! as_root apt-get update -q || ! as_root apt-get install -y -q --no-install-recommends chromium || [ ! -x /usr/bin/chromium ]; then
            log "WARNING: Chromium could not be installed; the browser tests will fail"
        fi
    fi
}

# run_browser_tests: the web frontend in headless Chromium against a fresh AppBackend and simulator
# (scripts/browser-tests.sh: builds the frontend with npm ci && npm run build when needed, then node's test runner
# with playwright-core), on the Release build dotnet test has just made; its tests count as tests.
run_browser_tests() {
    ensure_chromium
    log "bash scripts/browser-tests.sh (Chromium)"
    run_counted scripts/browser-tests.sh "$BROWSER_RESULTS_DIR/counts" \
        env BROWSER_TESTS_CONFIGURATION=Release BROWSER_SKIP_BUILD=1 BROWSER_RESULTS_DIR="$BROWSER_RESULTS_DIR" \
        bash scripts/browser-tests.sh
}

# run_benchmarks_quick: benchmarks/run --quick counts as one test: passed when every scenario completed with a sane
# (positive, finite) figure, failed otherwise. It checks that the suite keeps working, not the performance targets.
# APPBACKEND_SKIP_BENCHMARKS=1 leaves it out.
run_benchmarks_quick() {
    if [ "${APPBACKEND_SKIP_BENCHMARKS:-0}" = 1 ]; then
        log "benchmarks skipped (APPBACKEND_SKIP_BENCHMARKS=1)"
        return 0
    fi
    log "benchmarks/run --quick"
    if bash benchmarks/run --quick; then
        add_counts 1 0 0
    else
        log "benchmarks/run --quick did not complete with sane figures"
        add_counts 0 1 0
    fi
}

# print_summary: the very last line of the run; sets STATUS when something failed or nothing ran.
print_summary() {
    if [ "$TESTS_FAILED" -gt 0 ] || [ $((TESTS_PASSED + TESTS_FAILED)) -eq 0 ]; then
        STATUS=1
    fi
    local line="tests: $TESTS_PASSED passed, $TESTS_FAILED failed"
    if [ "$TESTS_SKIPPED" -gt 0 ]; then
        line+=", $TESTS_SKIPPED skipped"
    fi
    echo "$line"
}

main() {
    ensure_postgres
    ensure_interop_tools
    run_dotnet_tests
    run_postman
    run_browser_tests
    run_benchmarks_quick
    print_summary
    return "$STATUS"
}

main "$@"
