#!/usr/bin/env python3
"""The reproductions of issue 23 (third hardening round), one line each, against one build or a baseline and a build.

Each case starts a fresh server, plays the attack as the issue gives it, and prints what a client saw: the status, or
that the process died or froze, and the figure that shows it (a wait, a count, memory).

Usage: Benchmarks/hardening/issue23.py BIN [BASELINE_BIN] [--cases time,yaml,state,...]
"""
import argparse
import base64
import http.client
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

ADMIN = "Basic " + base64.b64encode(b"admin:123456").decode()
BOMB = "\n".join(["a0: &a0 [x,x,x,x,x,x,x,x,x,x]"] + [f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 10) + "]" for i in range(1, 10)]) + "\n"


def no_tls(binary):
    """--no-tls for a build with a TLS port: these loads are plain HTTP, and servers side by side would all want 9588."""
    helped = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True).stdout
    return ["--no-tls"] if "--no-tls" in helped else []


class Server:
    """`provider-mock serve` on four ports from `base`, with a manual clock."""

    def __init__(self, binary, base, *extra):
        self.node, self.iys, self.euromsg, self.admin = base, base + 1, base + 2, base + 3
        self.log = open(f"/tmp/issue23-{base}.log", "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--clock", "manual", "--node-api-port", str(self.node), "--iys-port", str(self.iys),
             "--euromsg-port", str(self.euromsg), "--admin-port", str(self.admin), *extra, *no_tls(binary)],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.started = False
        for _ in range(300):
            if self.process.poll() is not None:
                return
            try:
                if call(self.node, "GET", "/mock/health", timeout=1)[0] == 200:
                    self.started = True
                    return
            except OSError:
                time.sleep(0.05)

    def alive(self):
        return self.process.poll() is None

    def fate(self):
        code = self.process.poll()
        return "alive" if code is None else f"DEAD (exit {code}{', signal ' + str(-code) if code < 0 else ''})"

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def call(port, method, path, body=None, headers=None, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    connection.request(method, path, body=data, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.read(), dict(response.getheaders())


def safe(port, method, path, body=None, headers=None, timeout=10):
    try:
        status, data, fields = call(port, method, path, body, headers, timeout)
        return f"{status} {data[:90].decode(errors='replace')}", fields
    except Exception as error:  # noqa: BLE001: a dead or frozen server is a result here
        return f"no answer ({type(error).__name__})", {}


def read(connection, until=lambda data: False):
    """What the server wrote until `until` holds, it closed, or the socket's timeout passed."""
    data = b""
    try:
        while not until(data):
            part = connection.recv(4096)
            if not part:
                break
            data += part
    except OSError:
        pass
    return data


JSON = {"Content-Type": "application/json"}
NODE = {"Authorization": ADMIN, "Content-Type": "application/json"}


def case_time(binary, base):
    lines = []
    server = Server(binary, base)
    reply, _ = safe(server.admin, "GET", "/__admin/requests?since=2030-01-01T00:00:00.99999999999999999999999999999999999Z")
    lines.append(f"admin since= with a 35-digit fraction: {reply}; then {server.fate()}")
    server.stop()
    server = Server(binary, base)
    reply, _ = safe(server.node, "POST", "/sms/list", {"startDate": "2030-01-01T10:00:00.9999999999999999999"}, NODE)
    lines.append(f"/sms/list startDate with a 19-digit fraction: {reply}; then {server.fate()}")
    server.stop()
    server = Server(binary, base)
    reply, _ = safe(server.admin, "POST", "/__admin/node-api/credit", {"user": "admin", "add": -9223372036854775808}, JSON)
    lines.append(f"credit add Int.min: {reply}; then {server.fate()}")
    server.stop()
    return lines


def case_yaml(binary, base):
    server = Server(binary, base)
    threads = [threading.Thread(target=safe, args=(server.admin, "PUT", "/__admin/scenario", BOMB.encode(), {"Content-Type": "application/yaml"}, 30)) for _ in range(3)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    reply, _ = safe(server.node, "GET", "/mock/health", timeout=15)
    waited = time.monotonic() - started
    server.stop()
    return [f"three alias bombs at once, then /mock/health: {reply.split(' ')[0]} {reply.split(' ')[1] if reply.startswith('no') else ''} after {waited:.2f} s"]


def case_state(binary, base):
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "state.json")
    server = Server(binary, base, "--state", path)
    server.stop()
    if not os.path.exists(path):
        call_state = "no state written at start"
        subprocess.run([binary, "serve", "--help"], capture_output=True)
        # The baseline writes the state only on SIGTERM.
        server = Server(binary, base, "--state", path)
        server.process.terminate()
        server.process.wait()
    state = json.load(open(path))
    state["nodeAPI"]["nextPackageID"] = 9223372036854775807
    json.dump(state, open(path, "w"))
    server = Server(binary, base, "--state", path)
    if not server.started:
        server.stop()
        message = open(server.log.name).read().strip().splitlines()[-1:] or [""]
        return [f"nextPackageID = Int.max: refused at start ({message[0][:120]})"]
    reply, _ = safe(server.node, "POST", "/sms/create", {"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "x"}, NODE)
    fate = server.fate()
    server.stop()
    return [f"nextPackageID = Int.max: started; /sms/create {reply}; then {fate}"]


def case_ssrf(binary, base):
    server = Server(binary, base)
    body = {"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "x",
            "pushSettings": {"url": f"http://127.0.0.1:{server.admin}/__admin/reset"}}
    reply, _ = safe(server.node, "POST", "/sms/create", body, NODE)
    safe(server.admin, "POST", "/__admin/clock/advance", {"seconds": 600}, JSON)
    time.sleep(2)
    listed, _ = safe(server.node, "POST", "/sms/list", {}, NODE)
    try:
        attempts = json.loads(call(server.admin, "GET", "/__admin/callbacks")[1]).get("attempts", [])
        outcomes = sorted({attempt.get("outcome", "?") for attempt in attempts})
    except Exception:  # noqa: BLE001
        outcomes = ["(no /__admin/callbacks)"]
    server.stop()
    kept = '"totalRecord":0' not in listed
    return [f"push URL at the admin API's reset: the package {'is still there' if kept else 'is GONE (the mocks were reset)'}; callback outcomes {outcomes}"]


def case_proxy(binary, base):
    upstream = Server(binary, base)
    folder = tempfile.mkdtemp()
    open(os.path.join(folder, "9223372036854775807-x.json"), "w").write("{}")
    log = open(f"/tmp/issue23-proxy-{base}.log", "w")
    proxy = subprocess.Popen([binary, "proxy", "--upstream", f"http://127.0.0.1:{upstream.node}", "--port", str(base + 5), "--record", folder], stdout=log, stderr=subprocess.STDOUT)
    time.sleep(2)
    reply, _ = safe(base + 5, "POST", "/user/credit", b"", NODE)
    fate = "alive" if proxy.poll() is None else f"DEAD (exit {proxy.poll()})"
    proxy.kill()
    proxy.wait()
    upstream.stop()
    shutil.rmtree(folder)
    return [f"proxy recording into a folder holding 9223372036854775807-x.json: {reply[:50]}; then {fate}"]


def case_csrf(binary, base):
    server = Server(binary, base)
    reply, _ = safe(server.admin, "POST", "/__admin/node-api/credit", b'{"user": "admin", "credit": 1}', {"Origin": "http://evil.example", "Content-Type": "text/plain"})
    server.stop()
    return [f"cross-origin text/plain credit write: {reply}"]


def case_journal(binary, base):
    server = Server(binary, base)
    safe(server.node, "POST", "/user/credit", b"", NODE)
    reply, _ = safe(server.admin, "GET", "/__admin/requests")
    text = call(server.admin, "GET", "/__admin/requests")[1].decode()
    server.stop()
    return [f"journal after a Basic call: {'shows the credentials' if ADMIN.split()[1] in text else 'no credentials'} ({'Basic REDACTED' if 'Basic REDACTED' in text else 'no redaction'})"]


def case_polls(binary, base):
    server = Server(binary, base)
    sockets = []
    for _ in range(256):
        connection = socket.create_connection(("127.0.0.1", server.admin))
        connection.sendall(b"GET /__admin/sms/wait?timeout=120 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        sockets.append(connection)
    time.sleep(1)
    for connection in sockets:
        connection.close()
    time.sleep(0.5)
    started = time.monotonic()
    connection = socket.create_connection(("127.0.0.1", server.admin), timeout=5)
    connection.sendall(b"GET /__admin/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
    head = connection.recv(200).decode(errors="replace").split("\r\n")[0]
    server.stop()
    return [f"256 long polls closed, then an event stream: {head} ({time.monotonic() - started:.2f} s)"]


def case_trickle(binary, base, new):
    server = Server(binary, base, *(["--body-timeout", "3"] if new else []))
    connection = socket.create_connection(("127.0.0.1", server.node), timeout=8)
    connection.sendall(b"POST /sms/create HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{")
    started = time.monotonic()
    try:
        data = connection.recv(100)
        outcome = f"closed after {time.monotonic() - started:.1f} s" if not data else f"answered {data[:20]!r}"
    except socket.timeout:
        outcome = "still open after 8 s (the idle timeout counts from each byte)"
    server.stop()
    return [f"a body trickled (one byte, then nothing){' with --body-timeout 3' if new else ''}: {outcome}"]


def case_delay(binary, base):
    server = Server(binary, base, "--max-connections", "4")
    safe(server.admin, "POST", "/__admin/faults", {"provider": "node-api", "path": "/sms/create", "fault": "delay", "delayMs": 120000}, JSON)
    body = json.dumps({"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "x"}).encode()
    held = []
    for _ in range(4):
        connection = socket.create_connection(("127.0.0.1", server.node))
        connection.sendall(b"POST /sms/create HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN.encode() + b"\r\nContent-Type: application/json\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        held.append(connection)
    time.sleep(1)
    for connection in held:
        connection.close()
    time.sleep(0.5)
    reply, _ = safe(server.node, "POST", "/user/credit", b"", NODE)
    server.stop()
    return [f"4 calls held by a 120 s delay fault, their clients gone, --max-connections 4, then /user/credit: {reply[:60]}"]


def case_consents(binary, base):
    server = Server(binary, base)
    token = json.loads(call(server.iys, "POST", "/oauth/token", b"grant_type=password&username=admin&password=123456", {"Content-Type": "application/x-www-form-urlencoded"})[1])["access_token"]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    started = time.monotonic()
    for batch in range(250):
        records = [{"recipient": f"+9055{batch:04d}{index:04d}", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY", "consentDate": "2025-01-01 10:00:00", "recipientType": "BIREYSEL"} for index in range(1000)]
        call(server.iys, "POST", "/api/IYSConsent/SendConsentBatch", {"brandCode": "5565656556", "consentData": records, "isSaveSuccessData": True}, headers, timeout=60)
    elapsed = time.monotonic() - started
    brands = json.loads(call(server.iys, "POST", "/api/IYSConsent/IYSBrands", {}, headers)[1])
    stored = sum(brand["stats"]["consents"]["total"] for brand in brands.get("data", []))
    rss = int(open(f"/proc/{server.process.pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024
    server.stop()
    return [f"250 000 consents sent in batches of 1 000: {stored} kept (the brands' total), {elapsed:.1f} s, RSS {rss} MB"]


def case_senders(binary, base):
    server = Server(binary, base)
    refused = 0
    times = []
    for index in range(1500):
        started = time.monotonic()
        status, _, _ = call(server.admin, "PUT", "/__admin/node-api/senders", {"user": "admin", "title": f"B{index}", "state": "approved"}, JSON)
        times.append(time.monotonic() - started)
        refused += status != 200
    server.stop()
    return [f"1 500 sender adds: {refused} refused; the first ten took {sum(times[:10]) * 100:.2f} ms each, the last ten {sum(times[-10:]) * 100:.2f} ms each"]


def case_chunked(binary, base):
    server = Server(binary, base)
    connection = socket.create_connection(("127.0.0.1", server.node), timeout=10)
    chunk = b"a" * (5 * 1024 * 1024)
    connection.sendall(b"POST /sms/create HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN.encode() + b"\r\nTransfer-Encoding: chunked\r\n\r\n")
    try:
        connection.sendall(format(len(chunk), "x").encode() + b"\r\n" + chunk + b"\r\n0\r\n\r\n")
    except OSError:
        pass
    data = read(connection, until=lambda data: b"}}" in data or b"null}" in data)
    server.stop()
    head = data.split(b"\r\n")[0].decode(errors="replace")
    return [f"a 5 MiB chunked body: {head}; {'names NIOTooManyBytesError' if b'NIOTooManyBytes' in data else 'in the provider shape'}"]


def case_duplicates(binary, base):
    server = Server(binary, base)
    body = b'{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "x", "number": "905551230022"}'
    status, data, fields = call(server.node, "POST", "/sms/create", body, NODE)
    package = json.loads(data)["data"]["pkgID"]
    items = call(server.node, "POST", "/sms/list-item", {"pkgID": package}, NODE)[1].decode()
    server.stop()
    kept = "the last" if "905551230022" in items else "the first"
    return [f"a repeated key: {kept} value kept; warning: {fields.get('X-Mock-Warning', 'none')}"]


def case_replay(binary, base):
    folder = tempfile.mkdtemp()
    recording = {"recordedAt": "2026-12-06T10:00:00Z", "upstream": "u", "durationMs": 1, "conformance": [],
                 "request": {"method": "POST", "path": "/sms/cancel", "query": None, "headers": [], "body": {"text": "{}"}},
                 "reply": {"status": 204, "headers": [], "body": {"text": "HTTP/1.1 200 OK\r\n\r\nsahte"}}}
    json.dump(recording, open(os.path.join(folder, "0001-sms-cancel.json"), "w"))
    server = Server(binary, base, "--replay", folder)
    connection = socket.create_connection(("127.0.0.1", server.node), timeout=5)
    connection.sendall(b"POST /sms/cancel HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                       b"GET /mock/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    data = read(connection)
    server.stop()
    shutil.rmtree(folder)
    statuses = [line.split(b" ")[1].decode() for line in data.split(b"\r\n") if line.startswith(b"HTTP/1.1 ")]
    return [f"a replayed 204 with a body, then a pipelined call: replies {statuses}; {'the body leaked after the 204' if b'sahte' in data else 'no body after the 204'}"]


CASES = ["time", "yaml", "state", "proxy", "ssrf", "csrf", "journal", "polls", "trickle", "delay", "consents", "senders", "chunked", "duplicates", "replay"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("baseline", nargs="?")
    parser.add_argument("--cases", default=",".join(CASES))
    arguments = parser.parse_args()
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    builds = [("baseline", arguments.baseline), ("this build", arguments.binary)] if arguments.baseline else [("this build", arguments.binary)]
    base = 21000
    for name in arguments.cases.split(","):
        for label, binary in builds:
            base += 10
            function = globals()[f"case_{name}"]
            try:
                lines = function(binary, base, label == "this build") if name == "trickle" else function(binary, base)
            except Exception as error:  # noqa: BLE001
                lines = [f"the case could not run: {type(error).__name__}: {error}"]
            for line in lines:
                print(f"{name:10} {label:10} {line}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
