#!/usr/bin/env bash
# Reports over a large store: a user with PACKAGES packages of ITEMS numbers each retained (1 000 000 items by
# default: 10 packages of 100 000), then the time /sms/list (first page), /sms/list with a status filter and
# /sms/summary take, each the median of 5 calls, measured by curl on loopback. The goal (issue 13): a page in under 50 ms.
# Usage: [BIN=path/to/provider-mock] Benchmarks/wrk/reports.sh [packages, default 10] [items, default 100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
packages="${1:-10}"
items="${2:-100000}"
port=19596
source Benchmarks/wrk/serve.sh
start_server /tmp/provider-mock-reports.log
python3 - "$port" "$packages" "$items" <<'PY'
import json, statistics, sys, time, urllib.request
port, packages, items = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
auth = {"Authorization": "Basic YWRtaW46MTIzNDU2", "Content-Type": "application/json"}
def call(path, body):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(), method="POST", headers=auth)
    start = time.perf_counter()
    reply = urllib.request.urlopen(request).read()
    return time.perf_counter() - start, json.loads(reply)
for package in range(packages):
    numbers = [f"905{(package * items + n) % 10**9:09d}" for n in range(items)]
    _, reply = call("/sms/create", {"type": 1, "sendingType": 1, "numbers": numbers, "sender": "BASLIK", "title": f"P{package}", "content": f"Merhaba {package}"})
    assert reply.get("err") is None, reply
_, summary = call("/sms/summary", {})
print(f"{packages} packages of {items} numbers retained: summary counts {summary['data']['rCount']} items")
for name, path, body in [("list, first page", "/sms/list", {}), ("list, status filter", "/sms/list", {"status": 2}), ("summary", "/sms/summary", {})]:
    times = [call(path, body)[0] * 1000 for _ in range(5)]
    print(f"{name:20} median {statistics.median(times):7.1f} ms   (runs: {', '.join(f'{t:.1f}' for t in times)})")
PY
