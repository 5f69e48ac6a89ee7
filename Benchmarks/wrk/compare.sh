#!/usr/bin/env bash
# Two builds of the mock side by side: both servers run at once (ports 19599 and 19699), and every load is
# taken on both, A first in odd rounds and B first in even ones, so that the machine's slow and fast spells
# fall on both alike. `compare.sh X X` shows how much two identical builds differ here: the noise floor.
# Prints each side's medians and B's change. Loads a side does not serve (404) are skipped.
# Usage: Benchmarks/wrk/compare.sh BIN_A BIN_B [seconds per load, default 5] [rounds, default 5]
# ONLY=json-create,soap-sendSms takes those loads alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { echo "usage: $0 BIN_A BIN_B [seconds] [rounds]" >&2; exit 2; }
bins=("$1" "$2")
seconds="${3:-5}"
rounds="${4:-5}"
source Benchmarks/wrk/loads.sh
source Benchmarks/wrk/serve.sh
results=$(mktemp -d)
ports=(19599 19699)
pids=()
for side in 0 1; do
    "${bins[$side]}" serve --node-api-port "${ports[$side]}" --iys-port $((ports[side] + 1)) --euromsg-port $((ports[side] + 2)) --admin-port $((ports[side] + 3)) \
        $(no_tls "${bins[$side]}") --scenario Benchmarks/wrk/bench.yaml >"/tmp/provider-mock-compare-$side.log" 2>&1 &
    pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for port in "${ports[@]}"; do
    for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/mock/health" >/dev/null && break; sleep 0.1; done
done
served=()
for load in "${loads[@]}"; do
    read -r name path _ <<<"$load"
    if [ -n "${ONLY:-}" ] && [[ ",$ONLY," != *",$name,"* ]]; then continue; fi
    ok=1
    for port in "${ports[@]}"; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -X "$([ "$path" = /mock/health ] && echo GET || echo POST)" "http://127.0.0.1:$port$path")
        [ "$code" = 404 ] && ok=0
    done
    if [ $ok = 1 ]; then served+=("$load"); else echo "skipped $name: one side does not serve $path"; fi
done
echo "A = ${bins[0]}, B = ${bins[1]}; wrk -t2 -c64 -d${seconds}s, $rounds rounds, medians"
for round in $(seq "$rounds"); do
    # A then B in odd rounds, B then A in even ones: whichever goes second must not always be the same side.
    order=(0 1); [ $((round % 2)) = 0 ] && order=(1 0)
    for load in "${served[@]}"; do
        read -r name path script <<<"$load"
        for side in "${order[@]}"; do measure "${pids[$side]}" "${ports[$side]}" "$name-$side" "$path" "$script"; done
    done
done
for load in "${served[@]}"; do
    read -r name _ <<<"$load"
    a_rps=$(median "$results/$name-0" 1); b_rps=$(median "$results/$name-1" 1)
    a_cpu=$(median "$results/$name-0" 2); b_cpu=$(median "$results/$name-1" 2)
    a_p99=$(median "$results/$name-0" 3); b_p99=$(median "$results/$name-1" 3)
    awk -v n="$name" -v ar="$a_rps" -v br="$b_rps" -v ac="$a_cpu" -v bc="$b_cpu" -v ap="$a_p99" -v bp="$b_p99" 'BEGIN {
        printf "%-14s req/s %8.0f -> %8.0f (%+5.1f%%)   CPU µs/req %6.1f -> %6.1f (%+5.1f%%)   p99 ms %6.2f -> %6.2f\n",
            n, ar, br, (br / ar - 1) * 100, ac, bc, (bc / ac - 1) * 100, ap, bp }'
done
