#!/usr/bin/env bash
# Runs AppBackend with everything it needs on a fresh machine: the AI backend simulator on
# http://127.0.0.1:5090 and AppBackend (Development, embedded SQLite) on http://127.0.0.1:5080.
# Ctrl+C stops both. Extra arguments go to AppBackend (for example --urls).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

bash scripts/build-frontend.sh
dotnet build AppBackend.sln -c Debug --nologo -v quiet

simulator_pid=""
stop_simulator() {
    if [ -n "$simulator_pid" ] && kill -0 "$simulator_pid" 2>/dev/null; then
        kill "$simulator_pid" 2>/dev/null || true
        wait "$simulator_pid" 2>/dev/null || true
    fi
}
trap stop_simulator EXIT INT TERM

echo "==> AI backend simulator on http://127.0.0.1:5090 (log: simulator.log)"
dotnet run --no-build --project tools/AiBackendSimulator -- --urls http://127.0.0.1:5090 > simulator.log 2>&1 &
simulator_pid=$!

echo "==> AppBackend on http://127.0.0.1:5080 (web frontend: http://127.0.0.1:5080/, API reference: http://127.0.0.1:5080/scalar)"
dotnet run --no-build --no-launch-profile --project src/WebApi -- --urls "${APPBACKEND_URLS:-http://127.0.0.1:5080}" "$@"
