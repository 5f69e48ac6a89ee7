#!/usr/bin/env bash
# Memory over a sustained load: JSON /sms/create at 64 connections for SECONDS (default 300), the server's
# resident memory sampled every 30 s. Flat means the journal, the callback queue and the package store are
# bounded. Needs wrk. Usage: [BIN=path/to/provider-mock] Benchmarks/wrk/memory.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-300}"
port=19597
source Benchmarks/wrk/serve.sh
start_server /tmp/provider-mock-memory.log
wrk -t2 -c64 -d"${seconds}s" -s Benchmarks/wrk/create.lua "http://127.0.0.1:$port/sms/create" > /tmp/provider-mock-memory-wrk.txt &
load=$!
for elapsed in $(seq 0 30 "$seconds"); do
    printf 't=%4ss  VmRSS %s\n' "$elapsed" "$(awk '/VmRSS/ {print $2, $3}' /proc/$server/status)"
    [ "$elapsed" -lt "$seconds" ] && sleep 30
done
wait $load
awk '/Requests\/sec/ {print "wrk: " $2 " req/s over the run"}' /tmp/provider-mock-memory-wrk.txt
printf 'VmHWM %s\n' "$(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
