# Sourced by the benchmark scripts: starts the release server on $port (İYS on $port + 1, Euromsg Express on $port + 2) with the benchmark
# scenario, logging to $1, stops it on exit, and waits until it answers. BIN names an already built binary.
# A build with a TLS port gets --no-tls: the loads are plain HTTP, and two servers at once would both want 9588.
# The help is read whole first: `grep -q` would close the pipe early, and under `pipefail` the binary's SIGPIPE hid the option.
no_tls() { local help; help=$("$1" serve --help 2>/dev/null); [[ $help == *--no-tls* ]] && echo --no-tls; true; }

start_server() {
    local log="$1"
    local bin="${BIN:-}"
    if [ -z "$bin" ]; then swift build -c release --product provider-mock >/dev/null; bin=.build/release/provider-mock; fi
    "$bin" serve --node-api-port "$port" --iys-port $((port + 1)) --euromsg-port $((port + 2)) --admin-port $((port + 3)) $(no_tls "$bin") --scenario Benchmarks/wrk/bench.yaml >"$log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/mock/health" >/dev/null && break; sleep 0.1; done
}
