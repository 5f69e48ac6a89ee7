#!/usr/bin/env python3
"""Cold start and idle memory of a provider-mock binary: the median of ten starts from exec to the first answered
`GET /mock/health`, and the resident memory three seconds after the last start, idle.

Usage: Benchmarks/startup/startup.py [BINARY]   (default .build/release/provider-mock)
"""
import http.client
import statistics
import subprocess
import sys
import time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/provider-mock"
ports = ["--node-api-port", "29587", "--iys-port", "29590", "--euromsg-port", "29591", "--admin-port", "29580"]
times = []
rss = 0
for run in range(10):
    process = subprocess.Popen([binary, "serve", *ports], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", 29587, timeout=1)
            connection.request("GET", "/mock/health")
            if connection.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.002)
    times.append(time.monotonic() - started)
    if run == 9:
        time.sleep(3)
        rss = int(open(f"/proc/{process.pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024
    process.terminate()
    process.wait()
print(f"cold start to the first answer, median of 10: {statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
print(f"resident memory, idle: {rss} MB")
