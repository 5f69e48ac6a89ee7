#!/usr/bin/env bash
# Throughput of the Node API mock on loopback, in one run: the empty route (the ceiling), POST /mock/echo with
# the create body (the floor for a request with a body), JSON /sms/create and SOAP sendSms at 64 connections,
# taken in turn for ROUNDS rounds so that a slow spell of the machine falls on every load; medians are
# printed. Then a 100 000-number package: time to create and the server's memory.
# Needs wrk (apt-get install -y wrk). Usage: Benchmarks/wrk/run.sh [seconds per load, default 10] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-10}"
rounds="${2:-3}"
port=19599
source Benchmarks/wrk/serve.sh
source Benchmarks/wrk/loads.sh
start_server /tmp/provider-mock-bench.log
results=$(mktemp -d)

echo "wrk -t2 -c64 -d${seconds}s on 127.0.0.1, release build, $rounds rounds, medians"
for _ in $(seq "$rounds"); do
    for load in "${loads[@]}"; do
        read -r name path script <<<"$load"
        measure "$server" "$port" "$name" "$path" "$script"
    done
done
for load in "${loads[@]}"; do
    read -r name _ <<<"$load"
    printf '%-14s %9.0f req/s   p99 %6.2f ms   server CPU %5.1f µs/req   non-2xx %s   (req/s by round: %s)\n' "$name" \
        "$(median "$results/$name" 1)" "$(median "$results/$name" 3)" "$(median "$results/$name" 2)" \
        "$(awk '{ s += $4 } END { print s + 0 }' "$results/$name")" "$(cut -f1 "$results/$name" | tr '\n' ' ')"
done
# The goal is CPU per request against the empty route's, in the same run (issue 13): req/s swings with the machine.
awk -v c="$(median "$results/empty-route" 2)" -v e="$(median "$results/post-echo" 2)" \
    -v j="$(median "$results/json-create" 2)" -v s="$(median "$results/soap-sendSms" 2)" \
    'BEGIN { printf "server CPU per request: JSON %.2fx, SOAP %.2fx the empty route'"'"'s (goals 2.2x, 2.6x); the echo floor is %.2fx\n", j / c, s / c, e / c }'

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
