#!/usr/bin/env python3
"""The hardening figures of issue 11, for one build or for a baseline and a build in one run.

Each case starts the server afresh (scenario Benchmarks/hardening/hardening.yaml), plays one of the attacks the
issue reports, and prints what a client saw: how long the attack took to be answered, how long another tenant's
calls waited meanwhile, when a healthy receiver got its report, whether /mock/health still answered, the server's
memory and CPU. A baseline that never answers is cut at the case's timeout and reported as such.

Usage: Benchmarks/hardening/run.py BIN [BASELINE_BIN] [--cases import,import-groups,xml,callbacks,connections,memory,tokens,duplicates,idle]
Needs wrk (apt-get install -y wrk) for the token and duplicate loads.
"""
import argparse
import base64
import http.client
import http.server
import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "hardening.yaml")
ADMIN = "Basic " + base64.b64encode(b"admin:123456").decode()
OTHER = "Basic " + base64.b64encode(b"ikinci:654321").decode()


def no_tls(binary):
    """--no-tls for a build with a TLS port: these loads are plain HTTP, and servers side by side would all want 9588."""
    helped = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True).stdout
    return ["--no-tls"] if "--no-tls" in helped else []


class Server:
    def __init__(self, binary, port):
        self.port, self.iys, self.euromsg = port, port + 1, port + 2
        self.log = open(f"/tmp/hardening-{port}.log", "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--node-api-port", str(port), "--iys-port", str(self.iys), "--euromsg-port", str(self.euromsg), "--admin-port", str(port + 3), "--scenario", SCENARIO, *no_tls(binary)],
            stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(200):
            try:
                if request(self.port, "GET", "/mock/health", timeout=1)[0] == 200:
                    break
            except OSError:
                time.sleep(0.05)

    def stop(self):
        self.process.kill()
        self.process.wait()
        self.log.close()

    def status(self, field):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def open_files(self):
        return len(os.listdir(f"/proc/{self.process.pid}/fd"))

    def alive(self):
        return self.process.poll() is None


def request(port, method, path, body=None, headers=None, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    data = body.encode() if isinstance(body, str) else body
    connection.request(method, path, body=data, headers=headers or {})
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, payload


def json_call(port, path, body, auth=ADMIN, timeout=30):
    status, payload = request(port, "POST", path, json.dumps(body, ensure_ascii=False).encode(),
                              {"Authorization": auth, "Content-Type": "application/json"}, timeout)
    return status, json.loads(payload) if payload else None


class Watcher:
    """Another tenant's /user/credit every 20 ms while an attack runs: the latencies it saw."""

    def __init__(self, port):
        self.port, self.latencies, self.running = port, [], True
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self):
        while self.running:
            start = time.perf_counter()
            try:
                request(self.port, "POST", "/user/credit", b"", {"Authorization": OTHER}, timeout=300)
            except OSError:
                pass
            self.latencies.append(time.perf_counter() - start)
            time.sleep(0.02)

    def stop(self):
        self.running = False
        self.thread.join(timeout=310)
        values = sorted(self.latencies) or [0]
        return f"other tenant: {len(values)} calls, p99 {values[int(len(values) * 0.99) - 1 if len(values) > 1 else 0] * 1000:.0f} ms, max {values[-1] * 1000:.0f} ms"


def case_import(server, rows, groups, timeout):
    csv = "\n".join(f"'90599{1000000 + i:07d}','Grup {i}','Ad {i}'" if groups else f"'90599{1000000 + i:07d}','Ad {i}'" for i in range(rows))
    columns = ["gsm", "group_name", "first_name"] if groups else ["gsm", "first_name"]
    watcher = Watcher(server.port)
    start = time.perf_counter()
    status, reply = json_call(server.port, "/contact/import", {"csvData": csv, "columns": columns})
    done = None
    while time.perf_counter() - start < timeout:
        try:
            _, listed = json_call(server.port, "/contact/list", {"pageSize": 10}, timeout=timeout)
            if listed and listed["data"] and listed["data"]["stats"]["totalRecord"] >= rows:
                done = time.perf_counter() - start
                break
        except OSError:
            pass
        time.sleep(0.1)
    seen = watcher.stop()
    finished = f"all {rows} rows listed {done:.2f} s after the request" if done else f"not done within {timeout} s"
    return f"import of {rows} rows{' with distinct group names' if groups else ''}: HTTP {status}, {finished}; {seen}"


def envelope(attributes, padding=0):
    attrs = "".join(f' a{i}="{i}"' for i in range(attributes))
    return ('<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms">'
            f'<soapenv:Body><sms:getUserCredit{attrs}><username>admin</username><password>123456</password>'
            '</sms:getUserCredit></soapenv:Body></soapenv:Envelope>')


def case_xml(server, timeout):
    lines = []
    body = envelope(200_000).encode()
    start = time.perf_counter()
    try:
        status, _ = request(server.port, "POST", "/soap", body, {"Content-Type": "text/xml"}, timeout)
        lines.append(f"200 000 attributes ({len(body) / 1e6:.1f} MB): HTTP {status} after {time.perf_counter() - start:.2f} s")
    except OSError as error:
        lines.append(f"200 000 attributes: no answer within {timeout} s ({error})")
    one_mb = envelope(85_000).encode()
    watcher = Watcher(server.port)
    results = []

    def send():
        begin = time.perf_counter()
        try:
            status, _ = request(server.port, "POST", "/soap", one_mb, {"Content-Type": "text/xml"}, timeout)
            results.append(f"HTTP {status} in {time.perf_counter() - begin:.2f} s")
        except OSError:
            results.append(f"no answer within {timeout} s")
    threads = [threading.Thread(target=send) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines.append(f"three concurrent {len(one_mb) / 1e6:.1f} MB envelopes: {', '.join(results)}; {watcher.stop()}")
    return "; ".join(lines)


class Receivers:
    """HTTP receivers on loopback: `hanging` ones never answer; the healthy one records when each report arrives."""

    def __init__(self, hanging):
        self.arrivals = []
        self.hanging_servers = [self.serve(self.Hang) for _ in range(hanging)]
        outer = self

        class Healthy(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.arrivals.append(time.perf_counter())
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass
        self.healthy = self.serve(Healthy)

    class Hang(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            time.sleep(600)

        def log_message(self, *args):
            pass

    @staticmethod
    def serve(handler):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


def case_callbacks(server, hanging, packages_each, timeout):
    receivers = Receivers(hanging)
    for index, hung in enumerate(receivers.hanging_servers):
        for package in range(packages_each):
            json_call(server.port, "/sms/create", {"type": 1, "sendingType": 0, "number": 905551230011, "sender": "BASLIK", "title": "T",
                                                  "content": f"Rapor {hung.server_address[1]} {package}", "pushSettings": {"url": f"http://127.0.0.1:{hung.server_address[1]}/r"}})
    created = time.perf_counter()
    # Texts differ from any earlier case's: the same text to the same number within 30 minutes is a duplicate (409).
    json_call(server.port, "/sms/create", {"type": 1, "sendingType": 0, "number": 905551230011, "sender": "BASLIK", "title": "T",
                                          "content": f"Sağlıklı {receivers.healthy.server_address[1]}",
                                          "pushSettings": {"url": f"http://127.0.0.1:{receivers.healthy.server_address[1]}/r"}})
    while not receivers.arrivals and time.perf_counter() - created < timeout:
        time.sleep(0.05)
    latency = f"{receivers.arrivals[0] - created:.2f} s after its creation (its items are final 5 s after)" if receivers.arrivals else f"not within {timeout} s"
    dropped = sum(1 for line in open(server.log.name) if "callback dropped" in line)
    return f"{hanging} hanging receivers with {packages_each} packages each: the healthy receiver's report came {latency}; drops logged: {dropped}"



class KeepAliveHealthy(http.server.BaseHTTPRequestHandler):
    """A healthy receiver that keeps its connections (HTTP/1.1), as a real webhook endpoint does."""
    protocol_version = "HTTP/1.1"
    arrivals = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        KeepAliveHealthy.arrivals.append((time.perf_counter(), json.loads(body)["pkg"]["id"]))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def case_report_flood(server, healthy_reports, hanging_reports, timeout):
    """Issue 13: 10 000 reports to a healthy receiver and 100 to a hanging one at once; how late the healthy ones come."""
    KeepAliveHealthy.arrivals = []
    healthy = Receivers.serve(KeepAliveHealthy)
    hung = Receivers.serve(Receivers.Hang)
    due = {}
    final_after = 5.0  # handed over 2 s after the start, the report 3 s after: the default timings
    for index in range(hanging_reports):
        json_call(server.port, "/sms/create", {"type": 1, "sendingType": 0, "number": 905551230011, "sender": "BASLIK", "title": "T",
                                              "content": f"Asılı {index} {time.time()}", "pushSettings": {"url": f"http://127.0.0.1:{hung.server_address[1]}/r"}})
    for index in range(healthy_reports):
        _, reply = json_call(server.port, "/sms/create", {"type": 1, "sendingType": 0, "number": 905551230011, "sender": "BASLIK", "title": "T",
                                                         "content": f"Sağlıklı {index} {time.time()}", "pushSettings": {"url": f"http://127.0.0.1:{healthy.server_address[1]}/r"}})
        due[reply["data"]["pkgID"]] = time.perf_counter() + final_after
    deadline = time.perf_counter() + timeout
    while len(KeepAliveHealthy.arrivals) < healthy_reports and time.perf_counter() < deadline:
        time.sleep(0.1)
    late = sorted(arrived - due[pkg] for arrived, pkg in KeepAliveHealthy.arrivals if pkg in due)
    if not late:
        return f"{healthy_reports} healthy reports beside {hanging_reports} to a hanging receiver: none arrived within {timeout} s"
    return (f"{healthy_reports} healthy reports beside {hanging_reports} to a hanging receiver: {len(late)} arrived; after becoming due "
            f"median {late[len(late) // 2]:.2f} s, p99 {late[int(len(late) * 0.99) - 1]:.2f} s, last {late[-1]:.2f} s")

HOLDER = """
import socket, sys, time
sockets, failed, streak = [], 0, 0
for _ in range(int(sys.argv[2])):
    try:
        sockets.append(socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.5))
        streak = 0
    except OSError:
        failed += 1
        streak += 1
        if streak >= 20:
            break  # the server accepts no more
print(len(sockets), failed, flush=True)
sys.stdin.read()
"""


def probe_health(server):
    start = time.perf_counter()
    try:
        status, _ = request(server.port, "GET", "/mock/health", timeout=15)
        return f"/mock/health answered HTTP {status} in {time.perf_counter() - start:.2f} s"
    except OSError as error:
        return f"/mock/health did not answer within 15 s ({error})"


def case_connections(server, count, per_process=9_000):
    # Several client processes, each under its own limit on open files (20 000 here), hold the connections.
    holders = [subprocess.Popen([sys.executable, "-c", HOLDER, str(server.port), str(min(per_process, count - opened))],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for opened in range(0, count, per_process)]
    counts = [tuple(map(int, holder.stdout.readline().split())) for holder in holders]
    opened, failed = sum(c[0] for c in counts), sum(c[1] for c in counts)
    time.sleep(1)
    held = server.open_files()
    health = probe_health(server)
    time.sleep(11)
    after = server.open_files()
    later = probe_health(server)
    for holder in holders:
        holder.stdin.close()
        holder.wait()
    return (f"{count} idle connections ({opened} connected, {failed} failed to connect): server fds {held} while they are held, {health}; "
            f"11 s later server fds {after}, {later}; server alive: {server.alive()}")


def case_memory(server, rounds):
    numbers = [f"90555{n:07d}" for n in range(100_000)]
    readings = []
    for index in range(rounds):
        _, created = json_call(server.port, "/sms/create", {"type": 1, "sendingType": 1, "numbers": numbers, "sender": "BASLIK", "title": "B",
                                                           "content": f"Tur {index}"}, timeout=120)
        identifier = created["data"]["pkgID"] if created and created.get("data") else None
        if identifier:
            _, cancelled = json_call(server.port, "/sms/cancel", {"id": identifier})
            if not (cancelled and cancelled.get("data")):
                raise RuntimeError(f"cancel of {identifier} failed: {cancelled}")
        readings.append(server.status("VmRSS") // 1024)
    return f"create and cancel of 100 000-number packages, VmRSS MB after each of {rounds} rounds: {readings}; VmHWM {server.status('VmHWM') // 1024} MB"


def wrk(port, path, script, seconds):
    output = subprocess.run(["wrk", "-t2", "-c64", f"-d{seconds}s", "-s", os.path.join(HERE, script), f"http://127.0.0.1:{port}{path}"],
                            capture_output=True, text=True).stdout
    for line in output.splitlines():
        if line.startswith("Requests/sec:"):
            return float(line.split()[1])
    return 0.0


def case_tokens(server, windows):
    iys = [wrk(server.iys, "/oauth/token", "token.lua", 10) for _ in range(windows)]
    express = [wrk(server.euromsg, "/tokens", "express-token.lua", 10) for _ in range(windows)]
    return (f"/oauth/token req/s per 10 s window over {windows * 10} s: {[round(v) for v in iys]}; "
            f"Euromsg /tokens: {[round(v) for v in express]}; VmRSS {server.status('VmRSS') // 1024} MB")


def case_duplicates(server, windows):
    rates = [wrk(server.port, "/sms/create", "create-distinct.lua", 10) for _ in range(windows)]
    return f"JSON /sms/create with distinct texts (duplicate window on), req/s per 10 s window: {[round(v) for v in rates]}; VmRSS {server.status('VmRSS') // 1024} MB"


def case_idle(server, packages):
    numbers = [f"90555{n:07d}" for n in range(100_000)]
    later = time.strftime("%Y-%m-%d %H:%M", time.gmtime(time.time() + 3 * 3600 + 3600))
    for index in range(packages):
        json_call(server.port, "/sms/create", {"type": 1, "sendingType": 1, "numbers": numbers, "sender": "BASLIK", "title": "B", "content": f"Plan {index}",
                                              "sendingDate": later, "pushSettings": {"url": "http://127.0.0.1:9/r"}}, timeout=120)
    time.sleep(2)
    before = server.cpu_seconds()
    time.sleep(10)
    used = server.cpu_seconds() - before
    return f"{packages} scheduled packages of 100 000 recipients with a push URL: server CPU at idle {used / 10 * 100:.1f} % of a core"


CASES = {
    "import": lambda s, t: [case_import(s, 80_000, False, t)],
    "import-groups": lambda s, t: [case_import(s, 8_000, True, t)],
    "xml": lambda s, t: [case_xml(s, t)],
    "callbacks": lambda s, t: [case_callbacks(s, 6, 5, t), case_callbacks(s, 20, 50, t)],
    "report-flood": lambda s, t: [case_report_flood(s, 10_000, 100, t)],
    "connections": lambda s, t: [case_connections(s, 24_000)],
    "memory": lambda s, t: [case_memory(s, 30)],
    "tokens": lambda s, t: [case_tokens(s, 6)],
    "duplicates": lambda s, t: [case_duplicates(s, 6)],
    "idle": lambda s, t: [case_idle(s, 10)],
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("baseline", nargs="?")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--timeout", type=int, default=150, help="seconds a case waits for an answer")
    arguments = parser.parse_args()
    builds = [("baseline", arguments.baseline), ("build", arguments.binary)] if arguments.baseline else [("build", arguments.binary)]
    for case in arguments.cases.split(","):
        for name, binary in builds:
            server = Server(binary, 19601 if name == "build" else 19611)
            try:
                for line in CASES[case](server, arguments.timeout):
                    print(f"[{case}] {name}: {line}", flush=True)
                if not server.alive():
                    print(f"[{case}] {name}: the server DIED", flush=True)
            except Exception as error:  # a baseline may crash under the attack: say so and go on
                print(f"[{case}] {name}: failed: {error!r}; server alive: {server.alive()}", flush=True)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
