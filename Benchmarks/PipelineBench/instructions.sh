#!/usr/bin/env bash
# Instructions per request of the Node API's request path, counted by valgrind (callgrind) with the router driven in
# process (Sources/pipeline-bench): deterministic, unlike CPU time under wrk, whose medians swing by ±8 % here, so
# that two builds can be told apart by a few percent. Each load runs 200 and 1 200 requests and the difference is
# divided by 1 000: start-up, the scenario and one-time lookups cancel out. The loads: health (the empty route),
# echo (a body read and journaled), json (/sms/create), soap (sendSms); the ratios to health are printed too.
# Needs valgrind (apt-get install -y valgrind); each binary is counted from a stripped copy, as valgrind 3.19 cannot
# read the debug information of a Swift release build.
# Usage: Benchmarks/PipelineBench/instructions.sh [BINARY [BINARY_B]]   (two binaries: B's change against A)
set -euo pipefail
cd "$(dirname "$0")"
binaries=("${@:-.build/release/pipeline-bench}")
[ -x "${binaries[0]}" ] || swift build -c release >/dev/null
loads=(${LOADS:-health echo json soap})
count() {
    local out
    out=$(mktemp)
    SWIFT_DETERMINISTIC_HASHING=1 PROFILE="$2" PROFILE_CALLS="$3" valgrind --tool=callgrind --callgrind-out-file="$out" "$1" >/dev/null 2>&1
    awk '/^(summary|totals):/ { print $2; exit }' "$out"
    rm -f "$out"
}
declare -A per
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for binary in "${binaries[@]}"; do
    stripped="$scratch/$(echo "$binary" | tr / _)"
    strip -o "$stripped" "$binary"
    for load in "${loads[@]}"; do
        few=$(count "$stripped" "$load" 200)
        many=$(count "$stripped" "$load" 1200)
        per[$binary,$load]=$(( (many - few) / 1000 ))
    done
done
for load in "${loads[@]}"; do
    line=$(printf '%-7s' "$load")
    for binary in "${binaries[@]}"; do
        n=${per[$binary,$load]}
        line+=$(awk -v n="$n" -v h="${per[$binary,health]:-0}" 'BEGIN { printf "  %9d instr/req (%5.2f× health)", n, h ? n / h : 0 }')
    done
    if [ ${#binaries[@]} = 2 ]; then
        line+=$(awk -v a="${per[${binaries[0]},$load]}" -v b="${per[${binaries[1]},$load]}" 'BEGIN { printf "  %+6.1f%%", (b / a - 1) * 100 }')
    fi
    echo "$line"
done
