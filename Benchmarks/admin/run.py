#!/usr/bin/env python3
"""The admin API's figures (issue 14), against a release `provider-mock serve --clock manual` on ports the system picks:

1. wait: how long after a package is created `GET /__admin/sms/wait` answers (TRIALS trials, one at a time);
2. advance: `POST /__admin/clock/advance {"seconds": 86400}` with ITEMS items in flight (PACKAGES packages, a push URL
   on each, unless PUSH=0: their delivery reports go to a receiver in this script that answers 204 at once), and again
   with nothing due;
3. events: packages created by wrk as fast as it can (create-distinct.lua, -t2 -c16, SECONDS s) while one
   `GET /__admin/events?types=package` stream is read: events received per second, and whether any was lost.

ONLY=wait,events,advance picks some. Usage: Benchmarks/admin/run.py [path/to/provider-mock] (default .build-release/release/provider-mock; build it with
`swift build -c release --product provider-mock --scratch-path .build-release`). Needs wrk.
"""
import http.client
import http.server
import json
import os
import pathlib
import queue
import re
import statistics
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "Toolkits"))
import serving  # noqa: E402
BINARY = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build-release" / "release" / "provider-mock"
TRIALS = int(os.environ.get("TRIALS", "200"))
PACKAGES = int(os.environ.get("PACKAGES", "100"))
ITEMS = int(os.environ.get("ITEMS", "100000"))
SECONDS = int(os.environ.get("SECONDS", "10"))
PUSH = os.environ.get("PUSH", "1") == "1"
ONLY = os.environ.get("ONLY", "wait,events,advance").split(",")
AUTH = {"Authorization": "Basic YWRtaW46MTIzNDU2", "Content-Type": "application/json"}


def serve():
    """The mocks on a manual clock with the benchmark scenario; the Node API's and the admin API's ports."""
    process, urls = serving.serve(BINARY, "--clock", "manual", "--scenario", str(ROOT / "Benchmarks" / "wrk" / "bench.yaml"))
    return process, {name: int(urls[name].rsplit(":", 1)[1]) for name in ("node", "admin")}


def call(port, method, path, body=None, headers=None, timeout=60):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers or {})
    reply = connection.getresponse()
    data = reply.read()
    connection.close()
    return reply.status, data


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bench_wait(ports):
    after_create, after_send = [], []
    for trial in range(TRIALS):
        number = f"90555{trial % 100000:07d}"
        result = {}

        def waiter():
            status, _ = call(ports["admin"], "GET", f"/__admin/sms/wait?to={number}&timeout=10")
            result["done"] = time.perf_counter()
            result["status"] = status

        thread = threading.Thread(target=waiter)
        thread.start()
        time.sleep(0.02)  # the wait has subscribed by now (it answers at once if the message is already there, also fine)
        sent = time.perf_counter()
        status, _ = call(ports["node"], "POST", "/sms/create",
                         {"type": 1, "sendingType": 0, "number": number, "sender": "BASLIK", "title": "W", "content": f"Kodunuz {100000 + trial}"}, AUTH)
        created = time.perf_counter()
        thread.join()
        assert status == 200 and result["status"] == 200, (status, result)
        after_create.append((result["done"] - created) * 1000)
        after_send.append((result["done"] - sent) * 1000)
    print(f"wait, {TRIALS} trials: after the create's reply p50 {statistics.median(after_create):.2f} ms, p99 {percentile(after_create, 99):.2f} ms, "
          f"max {max(after_create):.2f} ms; after the create was sent p50 {statistics.median(after_send):.2f} ms, p99 {percentile(after_send, 99):.2f} ms")


class Receiver(http.server.BaseHTTPRequestHandler):
    """A delivery-report receiver that reads the report and answers 204, on a keep-alive connection."""
    protocol_version = "HTTP/1.1"
    received = 0

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        Receiver.received += 1
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def bench_advance(ports):
    per = ITEMS // PACKAGES
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    push = f"http://127.0.0.1:{receiver.server_address[1]}/report"
    start = time.perf_counter()
    for package in range(PACKAGES):
        numbers = [f"9053{(package * per + n) % 10**8:08d}" for n in range(per)]
        status, body = call(ports["node"], "POST", "/sms/create", {"type": 1, "sendingType": 1, "numbers": numbers, "sender": "BASLIK",
                                                                  "title": f"A{package}", "content": f"Gün {package}",
                                                                  **({"pushSettings": {"url": push}} if PUSH else {})}, AUTH)
        assert status == 200, body
    print(f"advance: {PACKAGES} packages of {per} numbers created in {time.perf_counter() - start:.2f} s")
    for label in ("a day with every item in flight", "a day with nothing due"):
        start = time.perf_counter()
        status, body = call(ports["admin"], "POST", "/__admin/clock/advance", {"seconds": 86400})
        elapsed = time.perf_counter() - start
        assert status == 200, body
        _, callbacks = call(ports["admin"], "GET", "/__admin/callbacks?limit=1000")
        counts = json.loads(callbacks)
        durations = [attempt["durationMs"] for attempt in counts["attempts"]]
        if durations and os.environ.get("VERBOSE"):
            print(f"  attempts {len(durations)}: duration p50 {statistics.median(durations)} ms, max {max(durations)} ms, sum {sum(durations)} ms")
        print(f"advance {label}: {elapsed * 1000:.0f} ms (reports delivered so far {counts['delivered']}, pending {counts['pending']}, "
              f"received {Receiver.received})")


def bench_events(ports):
    received = queue.Queue()
    connection = http.client.HTTPConnection("127.0.0.1", ports["admin"], timeout=60)
    connection.request("GET", "/__admin/events?types=package")
    stream = connection.getresponse()
    assert stream.status == 200
    stop = threading.Event()

    def reader():
        count, first, last = 0, None, None
        while not stop.is_set():
            line = stream.fp.readline()
            if not line:
                break
            if line.startswith(b"event: package"):
                count += 1
                now = time.perf_counter()
                first = first or now
                last = now
        received.put((count, first, last))

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    script = ROOT / "Benchmarks" / "hardening" / "create-distinct.lua"
    run = subprocess.run(["wrk", "-t2", "-c16", f"-d{SECONDS}s", "-s", str(script), f"http://127.0.0.1:{ports['node']}/sms/create"],
                         capture_output=True, text=True)
    requests = int(re.search(r"(\d+) requests in", run.stdout).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", run.stdout)
    created = requests - (int(errors.group(1)) if errors else 0)
    time.sleep(1)
    stop.set()
    # One more package wakes the reader up so that it sees the stop.
    call(ports["node"], "POST", "/sms/create", {"type": 1, "sendingType": 0, "number": "905559999999", "sender": "BASLIK", "title": "E", "content": "son"}, AUTH)
    count, first, last = received.get(timeout=10)
    rate = count / (last - first) if last and first and last > first else 0
    print(f"events: wrk created {created} packages in {SECONDS} s ({created / SECONDS:.0f}/s); the stream delivered {count} package events "
          f"({rate:.0f}/s over {last - first:.1f} s); lost {max(created + 1 - count, 0)}")


def main():
    process, ports = serve()
    try:
        for name, bench in (("wait", bench_wait), ("events", bench_events), ("advance", bench_advance)):
            if name in ONLY:
                bench(ports)
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
