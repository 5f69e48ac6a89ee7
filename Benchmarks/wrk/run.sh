#!/usr/bin/env bash
# Throughput of the Node API mock on loopback, in one run: the empty route (the ceiling), POST /mock/echo with
# the create body (the floor for a request with a body), JSON /sms/create and SOAP sendSms at 64 connections;
# then a 100 000-number package: time to create and the server's memory.
# Needs wrk (apt-get install -y wrk). Usage: Benchmarks/wrk/run.sh [seconds per load, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
port=19599
source Benchmarks/wrk/serve.sh
start_server /tmp/provider-mock-bench.log

# The server's CPU time (user + system, from /proc) per request: steadier than req/s when wrk and the
# server share the cores, and what decides the ratio once the machine is saturated.
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
hz=$(getconf CLK_TCK)
load() { # name, wrk arguments...
    local name="$1"; shift
    local before; before=$(ticks)
    local out; out=$(wrk -t2 -c64 -d"${seconds}s" --latency "$@")
    local after; after=$(ticks)
    local requests; requests=$(awk '/requests in/ {print $1}' <<<"$out")
    local cpu; cpu=$(awk -v a="$after" -v b="$before" -v h="$hz" -v r="$requests" 'BEGIN {printf "%.0f", (a - b) / h * 1e6 / r}')
    local rps; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    local p99; p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    local non2xx; non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$out")
    printf '%-24s %10s req/s   p99 %8s   server CPU %4s µs/req   non-2xx %s\n' "$name" "$rps" "$p99" "$cpu" "${non2xx:-0}"
    echo "$rps" > "/tmp/provider-mock-bench-$name"
}
echo "wrk -t2 -c64 -d${seconds}s on 127.0.0.1, release build"
load empty-route "http://127.0.0.1:$port/mock/health"
load post-echo -s Benchmarks/wrk/echo.lua "http://127.0.0.1:$port/mock/echo"
load json-create -s Benchmarks/wrk/create.lua "http://127.0.0.1:$port/sms/create"
load soap-sendSms -s Benchmarks/wrk/sendSms.lua "http://127.0.0.1:$port/soap"
ceiling=$(cat /tmp/provider-mock-bench-empty-route)
awk -v c="$ceiling" -v e="$(cat /tmp/provider-mock-bench-post-echo)" -v j="$(cat /tmp/provider-mock-bench-json-create)" -v s="$(cat /tmp/provider-mock-bench-soap-sendSms)" \
    'BEGIN { printf "ratios: JSON %.2fx, SOAP %.2fx of the empty route (goals 0.5x, 0.4x); the echo floor is %.2fx\n", j / c, s / c, e / c }'

python3 - "$port" <<'PY'
import json, sys, time, urllib.request
port = sys.argv[1]
numbers = [f"90555{n:07d}" for n in range(100_000)]
body = json.dumps({"type": 1, "sendingType": 1, "numbers": numbers, "sender": "BASLIK", "title": "Büyük", "content": "Merhaba"}).encode()
request = urllib.request.Request(f"http://127.0.0.1:{port}/sms/create", data=body, method="POST",
                                 headers={"Authorization": "Basic YWRtaW46MTIzNDU2", "Content-Type": "application/json"})
start = time.perf_counter()
reply = urllib.request.urlopen(request).read()
elapsed = time.perf_counter() - start
print(f"100 000-number package ({len(body) / 1e6:.1f} MB body): created in {elapsed:.2f} s: {reply[:60].decode()}")
PY
echo "server memory after the run: $(awk '/VmRSS|VmHWM/ {printf "%s %s %s  ", $1, $2, $3}' /proc/$server/status)"
