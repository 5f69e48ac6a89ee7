#!/usr/bin/env bash
# The request path with worlds (issue 26), in one run against one release server: server CPU per request (and req/s)
# of the empty route, JSON /sms/create on the default world, on one world (by its path prefix), and spread over 64
# worlds, with WORLDS idle worlds present (1000). The goal: a world's request costs what a default one does, and 64
# worlds take at least the throughput of one (no global lock on the request path).
# Needs wrk. Usage: BIN=path/to/release/provider-mock Benchmarks/worlds/load.sh [seconds per load, default 10] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
rounds="${2:-3}"
worlds="${WORLDS:-1000}"
port=19599
source Benchmarks/wrk/serve.sh
source Benchmarks/wrk/loads.sh
start_server /tmp/provider-mock-worlds.log
results=$(mktemp -d)
ids=$(mktemp)
for _ in $(seq "$worlds"); do
    curl -sf -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$((port + 3))/__admin/worlds" -d '{"clock": "system"}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])' >> "$ids"
done
# Worlds just created count as busy for 30 s (their background work turns every 250 ms): let them settle.
sleep 31
head -1 "$ids" > "$ids.one"
head -64 "$ids" > "$ids.64"
echo "wrk -t2 -c64 -d${seconds}s, $rounds rounds, medians, with $(wc -l < "$ids") worlds present; RSS $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status") MB"
for _ in $(seq "$rounds"); do
    measure "$server" "$port" empty-route /mock/health
    WORLDS_FILE=/dev/null measure "$server" "$port" default-create /sms/create Benchmarks/worlds/spread.lua
    WORLDS_FILE="$ids.one" measure "$server" "$port" one-world /sms/create Benchmarks/worlds/spread.lua
    WORLDS_FILE="$ids.64" measure "$server" "$port" 64-worlds /sms/create Benchmarks/worlds/spread.lua
done
for name in empty-route default-create one-world 64-worlds; do
    printf '%-15s %9.0f req/s   p99 %6.2f ms   server CPU %5.1f µs/req   non-2xx %s\n' "$name" \
        "$(median "$results/$name" 1)" "$(median "$results/$name" 3)" "$(median "$results/$name" 2)" "$(awk '{ s += $4 } END { print s + 0 }' "$results/$name")"
done
awk -v c="$(median "$results/empty-route" 2)" -v d="$(median "$results/default-create" 2)" -v o="$(median "$results/one-world" 2)" \
    -v m="$(median "$results/64-worlds" 2)" -v dr="$(median "$results/default-create" 1)" -v mr="$(median "$results/64-worlds" 1)" \
    'BEGIN { printf "server CPU per JSON create over the empty route: default %.2fx, one world %.2fx, 64 worlds %.2fx; 64 worlds / default req/s %.2f\n", d / c, o / c, m / c, mr / dr }'
