#!/usr/bin/env bash
# Builds the fuzz targets (libFuzzer and AddressSanitizer, so LeakSanitizer checks at exit), seeds each corpus from the
# project's own requests (seeds.py), and runs each target; exits 1 when any target finds a crash, a hang over
# one second, a broken reply rule (Oracle) or a leak. Findings land in Fuzz/.artifacts/<target>/.
#
# Usage: Fuzz/run.sh [seconds per target] [target ...]
#   FUZZ_CONFIG=debug|release  debug (default) builds in ~4 min; release builds in ~7 and runs ~3x more inputs per second
#   FUZZ_RUNS=N                stop each target after N executions instead of after the seconds
#   FUZZ_JOBS=N                targets run at once (default: the number of cores)
#   FUZZ_CORPUS=DIR            corpora, kept between runs (default Fuzz/.corpus)
#   FUZZ_BUILD_ONLY=1          build the targets and stop (CI builds them beside its other checks, then runs them)
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-node-api-json fuzz-node-api-soap fuzz-iys fuzz-euromsg fuzz-scenario fuzz-admin fuzz-replay fuzz-time fuzz-yaml fuzz-snapshot fuzz-worlds)
config="${FUZZ_CONFIG:-debug}"
corpus="${FUZZ_CORPUS:-$PWD/.corpus}"
artifacts="$PWD/.artifacts"
jobs="${FUZZ_JOBS:-$(nproc)}"

swift build -c "$config" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
[ -z "${FUZZ_BUILD_ONLY:-}" ] || exit 0
bin="$(swift build -c "$config" --show-bin-path)"
python3 seeds.py "$corpus" >/dev/null

# Each target's dictionary: the wire's own tokens (Dictionaries/), common.dict and the target's kinds joined.
dictionaries() {
    case "$1" in
        fuzz-node-api-json) echo time json node-api ;;
        fuzz-node-api-soap) echo time xml node-api ;;
        fuzz-iys | fuzz-euromsg) echo time json ;;
        fuzz-scenario) echo time yaml ;;
        fuzz-admin) echo time json yaml admin ;;
        fuzz-replay) echo json xml node-api ;;
        fuzz-time) echo time ;;
        fuzz-yaml) echo yaml ;;
        fuzz-snapshot) echo time json ;;
        fuzz-worlds) echo json xml node-api admin ;;
    esac
}

# Per input: a timeout of 1 s is a hang. Leaks are checked once, at exit: a per-input check (libFuzzer's
# -detect_leaks) scans memory whenever an input leaves state behind, which every call to a stateful mock does.
run_one() {
    local target="$1"
    local limit=(-max_total_time="$seconds")
    [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
    local max_len=4096
    # A state file with a package in it is 9 KB.
    [ "$target" = fuzz-snapshot ] && max_len=32768
    mkdir -p "$corpus/$target" "$artifacts/$target"
    local dictionary="$artifacts/$target/dictionary"
    cat Dictionaries/common.dict >"$dictionary"
    for kind in $(dictionaries "$target"); do cat "Dictionaries/$kind.dict" >>"$dictionary"; done
    # Inputs that once found a bug are read on every run (a second corpus folder is read, never written).
    local regressions=()
    [ -d "Regressions/$target" ] && regressions=("Regressions/$target")
    local log="$artifacts/$target/last-run.log"
    local started=$SECONDS
    local status=0
    # Swift's own backtracer reads memory that ASan guards: ASan reports the crash instead.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=1:quarantine_size_mb=64:malloc_context_size=20" \
        "$bin/$target" "$corpus/$target" "${regressions[@]}" "${limit[@]}" -timeout=1 -rss_limit_mb=2048 -max_len="$max_len" -dict="$dictionary" \
        -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/$target/" >"$log" 2>&1 || status=$?
    local done_line
    done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)"
    local execs time cov
    execs="$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}' || true)"
    cov="$(sed -nE 's/.*cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).*/cov \1, features \2, corpus \3/p' <<<"$done_line")"
    time=$((SECONDS - started))
    if [ "$status" -eq 0 ]; then
        echo "$target: ok, ${execs:-?} executions in ${time} s, ${cov:-no stats}"
    else
        echo "$target: FAILED (exit $status) after ${execs:-?} executions in ${time} s; see $log"
        grep -E 'ERROR|ORACLE|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/    /'
    fi
    return "$status"
}

failed=0
pids=()
names=()
for target in "${targets[@]}"; do
    run_one "$target" &
    pids+=($!)
    names+=("$target")
    if [ ${#pids[@]} -ge "$jobs" ]; then
        wait "${pids[0]}" || failed=1
        pids=("${pids[@]:1}")
        names=("${names[@]:1}")
    fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
exit "$failed"
