#!/usr/bin/env python3
"""The Node API over TLS (`serve`'s --node-api-tls-port) with the clients that use https://…:9588 in the wild: curl,
Python requests and PHP, each trusting the mock's local CA (CURL_CA_BUNDLE, REQUESTS_CA_BUNDLE, PHP's cafile; the
PEM printed at start and served at GET /__admin/ca.pem), and each not trusting it: a clear TLS error within seconds,
after which the server, limited to two connections, still serves (the failed handshake held no slot). Then a restart on
the same --state keeps the CA, and --tls-cert/--tls-key serve a certificate of one's own.
Usage: Tests/Toolkits/check_tls_clients.py [BINARY]   Needs: curl, requests, php-cli.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import urllib.request

import requests

import serving

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "debug" / "provider-mock"
failures = []


def check(ok, what, detail=""):
    print(f"{'ok' if ok else 'FAIL'} {what}{': ' + str(detail) if detail and not ok else ''}")
    if not ok:
        failures.append(what)


def environment(**extra):
    return {key: value for key, value in os.environ.items() if key not in ("CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE")} | extra


def curl(url, bundle=None):
    started = time.monotonic()
    done = subprocess.run(["curl", "-sS", "-m", "10", "-u", "admin:123456", "-X", "POST", url], capture_output=True, text=True,
                          env=environment(**({"CURL_CA_BUNDLE": bundle} if bundle else {})))
    return done.returncode, done.stdout + done.stderr, time.monotonic() - started


def php(url, cafile=None):
    options = {"verify_peer": True, "verify_peer_name": True} | ({"cafile": cafile} if cafile else {})
    script = ("$w = []; set_error_handler(function ($n, $s) use (&$w) { $w[] = $s; return true; });"
              "$c = stream_context_create(['ssl' => json_decode($argv[2], true), 'http' => ['method' => 'POST', "
              "'header' => 'Authorization: Basic ' . base64_encode('admin:123456'), 'timeout' => 10]]);"
              "$r = file_get_contents($argv[1], false, $c); echo $r === false ? 'ERROR ' . implode(' / ', $w) : $r;")
    started = time.monotonic()
    done = subprocess.run(["php", "-r", script, url, json.dumps(options)], capture_output=True, text=True, timeout=30)
    return done.stdout, time.monotonic() - started


def main():
    state = pathlib.Path(tempfile.mkdtemp()) / "state.json"
    process, urls = serving.serve(BINARY, "--state", str(state), "--max-connections", "2")
    try:
        tls = urls["tls"].replace("127.0.0.1", "localhost")
        credit = tls + "/user/credit"
        ca_file = state.parent / "provider-mock-ca.pem"
        with urllib.request.urlopen(urls["admin"] + "/__admin/ca.pem", timeout=5) as reply:
            served = reply.read().decode()
        check(ca_file.exists() and served == ca_file.read_text(), "the local CA is kept beside --state and served at /__admin/ca.pem")

        code, output, _ = curl(credit, str(ca_file))
        check(code == 0 and '"credit"' in output, "curl trusting the CA (CURL_CA_BUNDLE)", output)
        reply = requests.post(credit, auth=("admin", "123456"), verify=str(ca_file), timeout=10)
        check(reply.status_code == 200 and reply.json()["data"]["credit"] > 0, "Python requests trusting the CA (REQUESTS_CA_BUNDLE's file)", reply.text)
        output, _ = php(credit, str(ca_file))
        check('"credit"' in output, "PHP trusting the CA (cafile)", output)
        output, _ = php(urls["tls"] + "/user/credit", str(ca_file))
        check('"credit"' in output, "PHP trusting the CA, by the address 127.0.0.1 (in the certificate's names)", output)

        for attempt in range(3):
            code, output, seconds = curl(credit)
            check(code == 60 and seconds < 5, f"curl not trusting it: a certificate error in {seconds:.2f} s (exit {code})", output)
            started = time.monotonic()
            try:
                requests.post(credit, auth=("admin", "123456"), timeout=10)
                check(False, "Python requests not trusting it is refused")
            except requests.exceptions.SSLError as error:
                check(time.monotonic() - started < 5, "Python requests not trusting it: SSLError at once", error)
            output, seconds = php(credit)
            check(output.startswith("ERROR") and "certificate" in output.lower() and seconds < 5, f"PHP not trusting it: a certificate error in {seconds:.2f} s", output)
        code, output, _ = curl(credit, str(ca_file))
        check(code == 0 and '"credit"' in output, "after nine refused handshakes the server (two connections at most) still serves", output)
    finally:
        process.terminate()
        process.wait()

    first = ca_file.read_text()
    process, urls = serving.serve(BINARY, "--state", str(state))
    try:
        code, output, _ = curl(urls["tls"].replace("127.0.0.1", "localhost") + "/user/credit", str(ca_file))
        check(ca_file.read_text() == first and code == 0, "a restart on the same --state keeps the CA, and its clients", output)
    finally:
        process.terminate()
        process.wait()

    own = state.parent / "own"
    own.mkdir()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", str(own / "key.pem"), "-out", str(own / "cert.pem")],
                   check=True, capture_output=True)
    process, urls = serving.serve(BINARY, "--tls-cert", str(own / "cert.pem"), "--tls-key", str(own / "key.pem"))
    try:
        code, output, _ = curl(urls["tls"].replace("127.0.0.1", "localhost") + "/user/credit", str(own / "cert.pem"))
        check(code == 0 and '"credit"' in output, "--tls-cert and --tls-key serve one's own certificate", output)
        try:
            urllib.request.urlopen(urls["admin"] + "/__admin/ca.pem", timeout=5)
            check(False, "with one's own certificate there is no /__admin/ca.pem")
        except urllib.error.HTTPError as error:
            check(error.code == 404, "with one's own certificate /__admin/ca.pem is 404", error.code)
    finally:
        process.terminate()
        process.wait()
    if failures:
        raise SystemExit(f"{len(failures)} failed: {failures}")
    print("== ok: the Node API over TLS with curl, Python requests and PHP, trusted and not")


if __name__ == "__main__":
    main()
