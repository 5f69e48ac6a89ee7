# Sourced by run.sh and compare.sh: one wrk load against one server, and medians over rounds.
#
# measure PID PORT NAME PATH [SCRIPT]: wrk -t2 -c64 for $seconds against 127.0.0.1:PORT/PATH, appending
# "req/s  server-CPU-µs-per-request  p99-ms  non-2xx" to $results/NAME. The server's CPU time (user + system,
# from /proc) per request is steadier than req/s when wrk and the server share the cores.
measure() {
    local pid="$1" port="$2" name="$3" path="$4" script="${5:-}"
    local before after out
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    out=$(wrk -t2 -c64 -d"${seconds}s" --latency ${script:+-s "$script"} "http://127.0.0.1:$port$path")
    after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    awk -v a="$after" -v b="$before" -v hz="$(getconf CLK_TCK)" '
        /requests in/ { requests = $1 }
        /Requests\/sec/ { rps = $2 }
        /Non-2xx/ { non2xx = $4 }
        $1 == "99%" { v = $2; if (v ~ /ms$/) { sub("ms", "", v) } else if (v ~ /us$/) { sub("us", "", v); v /= 1000 } else { sub("s", "", v); v *= 1000 }; p99 = v }
        END { printf "%s\t%.1f\t%.2f\t%d\n", rps, requests ? (a - b) / hz * 1e6 / requests : 0, p99, non2xx }' <<<"$out" >> "$results/$name"
}

# median FILE COLUMN: the median of a column of a results file.
median() {
    sort -g -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The loads, as NAME PATH [SCRIPT]: the empty route (the ceiling), the POST floor, and the two faces' creates.
loads=(
    "empty-route /mock/health"
    "post-echo /mock/echo Benchmarks/wrk/echo.lua"
    "json-create /sms/create Benchmarks/wrk/create.lua"
    "soap-sendSms /soap Benchmarks/wrk/sendSms.lua"
)
