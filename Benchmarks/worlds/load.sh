#!/usr/bin/env bash
# The request path with worlds (issue 26), in one run against one release server: server CPU per request (and req/s)
# of the empty route, JSON /sms/create and SOAP sendSms on the default world (whose SOAP requests, with worlds present,
# are looked into for a world's own login), on one world (by its path prefix), and spread over 64 worlds, with WORLDS
# idle worlds present (1000). The goal: a world's request costs what a default one does, and 64 worlds take at least
# the throughput of one (no global lock on the request path). The same loads on the default world alone come first,
# before any world is created: the baseline.
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
# First with no world but the default, as before worlds existed: the baseline of the same server.
for _ in $(seq "$rounds"); do
    measure "$server" "$port" alone-empty-route /mock/health
    WORLDS_FILE=/dev/null measure "$server" "$port" alone-create /sms/create Benchmarks/worlds/spread.lua
    SOAP=1 WORLDS_FILE=/dev/null measure "$server" "$port" alone-soap /soap Benchmarks/worlds/spread.lua
done
for _ in $(seq "$worlds"); do
    curl -sf -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$((port + 3))/__admin/worlds" -d '{"clock": "system"}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])' >> "$ids"
done
# Let the creation settle (the worlds' background work sleeps until something falls due).
sleep 2
head -1 "$ids" > "$ids.one"
head -64 "$ids" > "$ids.64"
echo "wrk -t2 -c64 -d${seconds}s, $rounds rounds, medians, with $(wc -l < "$ids") worlds present; RSS $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status") MB"
for _ in $(seq "$rounds"); do
    measure "$server" "$port" empty-route /mock/health
    WORLDS_FILE=/dev/null measure "$server" "$port" default-create /sms/create Benchmarks/worlds/spread.lua
    WORLDS_FILE="$ids.one" measure "$server" "$port" one-world /sms/create Benchmarks/worlds/spread.lua
    WORLDS_FILE="$ids.64" measure "$server" "$port" 64-worlds /sms/create Benchmarks/worlds/spread.lua
    SOAP=1 WORLDS_FILE=/dev/null measure "$server" "$port" default-soap /soap Benchmarks/worlds/spread.lua
    SOAP=1 WORLDS_FILE="$ids.one" measure "$server" "$port" one-world-soap /soap Benchmarks/worlds/spread.lua
    SOAP=1 WORLDS_FILE="$ids.64" measure "$server" "$port" 64-worlds-soap /soap Benchmarks/worlds/spread.lua
done
for name in alone-empty-route alone-create alone-soap empty-route default-create one-world 64-worlds default-soap one-world-soap 64-worlds-soap; do
    printf '%-15s %9.0f req/s   p99 %6.2f ms   server CPU %5.1f µs/req   non-2xx %s\n' "$name" \
        "$(median "$results/$name" 1)" "$(median "$results/$name" 3)" "$(median "$results/$name" 2)" "$(awk '{ s += $4 } END { print s + 0 }' "$results/$name")"
done
awk -v c="$(median "$results/empty-route" 2)" -v d="$(median "$results/default-create" 2)" -v o="$(median "$results/one-world" 2)" \
    -v m="$(median "$results/64-worlds" 2)" -v dr="$(median "$results/default-create" 1)" -v mr="$(median "$results/64-worlds" 1)" \
    'BEGIN { printf "server CPU per JSON create over the empty route: default %.2fx, one world %.2fx, 64 worlds %.2fx; 64 worlds / default req/s %.2f\n", d / c, o / c, m / c, mr / dr }'
awk -v c="$(median "$results/empty-route" 2)" -v d="$(median "$results/default-soap" 2)" -v o="$(median "$results/one-world-soap" 2)" \
    -v m="$(median "$results/64-worlds-soap" 2)" -v dr="$(median "$results/default-soap" 1)" -v mr="$(median "$results/64-worlds-soap" 1)" \
    'BEGIN { printf "server CPU per SOAP sendSms over the empty route: default %.2fx, one world %.2fx, 64 worlds %.2fx; 64 worlds / default req/s %.2f\n", d / c, o / c, m / c, mr / dr }'
awk -v c="$(median "$results/alone-empty-route" 2)" -v d="$(median "$results/alone-create" 2)" -v s="$(median "$results/alone-soap" 2)" \
    'BEGIN { printf "with the default world alone: JSON create %.2fx, SOAP sendSms %.2fx the empty route\n", d / c, s / c }'
