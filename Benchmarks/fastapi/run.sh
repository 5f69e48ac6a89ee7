#!/usr/bin/env bash
# The mock against what a team writes instead: a FastAPI stub of /sms/create with no state (app.py), both measured
# in one run on this machine, with wrk -t2 -c64, in rounds, medians: req/s, p99 and each server's CPU per request,
# as a ratio of the mock's empty route. Not in CI. Makes a venv in Benchmarks/fastapi/.venv on first use (PyPI).
# Needs wrk. Usage: BIN=.build-release/release/provider-mock Benchmarks/fastapi/run.sh [seconds, default 5] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-5}"
rounds="${2:-3}"
venv=Benchmarks/fastapi/.venv
if [ ! -x "$venv/bin/uvicorn" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet -r Benchmarks/fastapi/requirements.txt
fi
port=19599
stub_port=19650
source Benchmarks/wrk/serve.sh
source Benchmarks/wrk/loads.sh
start_server /tmp/provider-mock-fastapi.log
"$venv/bin/uvicorn" --app-dir Benchmarks/fastapi app:app --port "$stub_port" --workers 1 --log-level warning >/tmp/fastapi-stub.log 2>&1 &
stub=$!
trap 'kill $server $stub 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$stub_port/mock/health" >/dev/null && break; sleep 0.1; done
results=$(mktemp -d)
echo "wrk -t2 -c64 -d${seconds}s, $rounds rounds, medians"
for _ in $(seq "$rounds"); do
    measure "$server" "$port" mock-empty-route /mock/health
    measure "$server" "$port" mock-json-create /sms/create Benchmarks/wrk/create.lua
    measure "$stub" "$stub_port" fastapi-create /sms/create Benchmarks/wrk/create.lua
done
empty=$(median "$results/mock-empty-route" 2)
for name in mock-empty-route mock-json-create fastapi-create; do
    printf '%-17s %8.0f req/s   p99 %7.2f ms   server CPU %6.1f µs/req (%.2fx the empty route)\n' "$name" \
        "$(median "$results/$name" 1)" "$(median "$results/$name" 3)" "$(median "$results/$name" 2)" \
        "$(awk -v c="$(median "$results/$name" 2)" -v e="$empty" 'BEGIN { print c / e }')"
done
