#!/usr/bin/env python3
"""The worlds' figures (issue 26), against `provider-mock serve --clock manual --max-worlds 2000` on ports the system
picks:

1. create: `POST /__admin/worlds` one at a time, COUNT times (1000): median and p99 milliseconds, and the server's RSS
   with the COUNT idle worlds of the bundled scenario (and before any); the server's CPU over 5 s with no world, with
   the COUNT worlds just created, and 30 s later (a world's background work and callbacks sleep until something falls
   due, so both should be next to nothing);
2. cycle: ROUNDS rounds (4) of COUNT worlds created, used once (`/worlds/ID/user/credit`) and deleted: RSS after each,
   which must not grow with the rounds (a world deleted is freed; glibc keeps freed pages for reuse). ROUNDS=10
   COUNT=1000 is the issue's 10 000 created and deleted.

With gdb installed (`apt-get install -y gdb`), each RSS figure comes with the heap glibc's malloc has in use (from
`malloc_info`, read through gdb): what the server still holds, apart from the freed memory glibc keeps resident.

Usage: Benchmarks/worlds/run.py [path/to/provider-mock] (default .build-release/release/provider-mock; build it with
`swift build -c release --product provider-mock --scratch-path .build-release`).
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "Toolkits"))
import serving  # noqa: E402

BINARY = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build-release" / "release" / "provider-mock"
COUNT = int(os.environ.get("COUNT", "1000"))
ROUNDS = int(os.environ.get("ROUNDS", "4"))
# USE=0 creates and deletes the worlds of the cycles without a call to each: what the calls add to what stays.
USE = os.environ.get("USE", "1") != "0"


def heap(pid):
    """ ", heap in use N MB (glibc keeps F MB freed)" from malloc_info through gdb; empty without gdb."""
    if not shutil.which("gdb"):
        return ""
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "malloc.xml")
        subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", f'call (int) malloc_info(0, (void*) fopen("{path}", "w"))',
                        "-ex", "call (int) fflush(0)"], capture_output=True, timeout=60)
        if not os.path.exists(path):
            return ""
        text = open(path).read()
    totals = text[text.rfind("</heap>"):]

    def size(pattern):
        found = re.search(pattern, totals)
        return int(found.group(1)) if found else 0
    free = size(r'<total type="fast" count="\d+" size="(\d+)"') + size(r'<total type="rest" count="\d+" size="(\d+)"')
    in_use = size(r'<system type="current" size="(\d+)"') - free + size(r'<total type="mmap" count="\d+" size="(\d+)"')
    return f", heap in use {in_use / 2**20:.1f} MB (glibc keeps {free / 2**20:.1f} MB freed)"


def main():
    process, urls = serving.serve(BINARY, "--clock", "manual", "--max-worlds", str(2 * COUNT))

    def rss():
        with open(f"/proc/{process.pid}/status") as status:
            return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS"))

    def cpu(seconds=5):
        def used():
            with open(f"/proc/{process.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        start = used()
        time.sleep(seconds)
        return (used() - start) / seconds * 100

    def create():
        request = urllib.request.Request(urls["admin"] + "/__admin/worlds", data=b'{"clock": "manual"}', method="POST",
                                         headers={"Content-Type": "application/json"})
        return json.loads(urllib.request.urlopen(request, timeout=10).read())["id"]

    def delete(world):
        urllib.request.urlopen(urllib.request.Request(f"{urls['admin']}/__admin/worlds/{world}", method="DELETE"), timeout=10).read()

    try:
        time.sleep(1)
        before = rss()
        heap_before = heap(process.pid)
        idle = cpu()
        times, worlds = [], []
        for _ in range(COUNT):
            start = time.monotonic()
            worlds.append(create())
            times.append((time.monotonic() - start) * 1000)
        busy = cpu()
        time.sleep(30)
        settled = cpu()
        times.sort()
        print(f"create: median {times[len(times) // 2]:.2f} ms, p99 {times[int(len(times) * 0.99)]:.2f} ms; "
              f"RSS {before} MB before{heap_before}, {rss()} MB with {COUNT} idle worlds{heap(process.pid)}")
        print(f"CPU: {idle:.1f} % of a core with no world, {busy:.1f} % with {COUNT} worlds just created, {settled:.1f} % with them idle")
        for world in worlds:
            delete(world)
        for round in range(ROUNDS):
            worlds = []
            for _ in range(COUNT):
                world = create()
                if USE:
                    credit = urllib.request.Request(f"{urls['node']}/worlds/{world}/user/credit", data=b"{}", method="POST",
                                                    headers={"Authorization": "Basic YWRtaW46MTIzNDU2"})
                    urllib.request.urlopen(credit, timeout=10).read()
                worlds.append(world)
            for world in worlds:
                delete(world)
            time.sleep(2.5)  # two turns of the worlds' second: the memory they freed goes back to the system
            print(f"cycle {round + 1}: RSS {rss()} MB after {COUNT} worlds created, used and deleted{heap(process.pid)}", flush=True)
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    main()
