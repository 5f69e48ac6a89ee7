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

Usage: Benchmarks/worlds/run.py [path/to/provider-mock] (default .build-release/release/provider-mock; build it with
`swift build -c release --product provider-mock --scratch-path .build-release`).
"""
import json
import os
import pathlib
import sys
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
              f"RSS {before} MB before, {rss()} MB with {COUNT} idle worlds")
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
            print(f"cycle {round + 1}: RSS {rss()} MB after {COUNT} worlds created, used and deleted")
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    main()
