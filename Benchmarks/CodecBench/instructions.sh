#!/usr/bin/env bash
# Instructions per call of the codec paths, counted by valgrind (callgrind): deterministic, unlike time, so that a
# change of a few percent shows on a machine whose timings swing by ±20 %. Each mode runs 200 and 2 200 calls and
# the difference is divided by 2 000, so that start-up (and the one-time conformance lookups) cancel out.
# Needs valgrind (apt-get install -y valgrind). Usage: Benchmarks/CodecBench/instructions.sh [BINARY] [MODE…]
# Modes: parse (SOAP bytes to XMLElement tree), decode (CreateSmsRequest from a parsed envelope), soap (both),
# reply (sendSms's reply envelope), json (CreateSmsRequest from JSON), bare (libxml2 alone).
set -euo pipefail
cd "$(dirname "$0")"
binary="${1:-.build/release/codec-bench}"
shift || true
modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(parse decode reply json)
[ -x "$binary" ] || swift build -c release >/dev/null
count() {
    local out
    out=$(mktemp)
    PROFILE="$1" PROFILE_CALLS="$2" valgrind --tool=callgrind --callgrind-out-file="$out" "$binary" >/dev/null 2>&1
    awk '/^(summary|totals):/ { print $2; exit }' "$out"
    rm -f "$out"
}
for mode in "${modes[@]}"; do
    few=$(count "$mode" 200)
    many=$(count "$mode" 2200)
    printf '%-7s %8d instructions per call\n' "$mode" $(( (many - few) / 2000 ))
done
