"""schemathesis against the live mocks, from the OpenAPI description each one serves at GET /openapi.json (issue 15):
generated requests of every described operation, no 5xx, every reply of a status and a content type the description
gives and matching its schema. The İYS and Euromsg Express runs authenticate first, as a client does.

    python3 Tests/Toolkits/schemathesis_mocks.py .build/debug/provider-mock [SECONDS_PER_MOCK]
"""
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

from serving import serve

CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"


def post(url, body, content_type="application/json", headers=None, method="POST"):
    request = urllib.request.Request(url, data=body.encode(), method=method, headers={"Content-Type": content_type, **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.loads(reply.read())


def run(name, base, seconds, arguments, reports):
    command = [sys.executable, "-m", "schemathesis.cli", "run", f"{base}/openapi.json", "--url", base, "-c", CHECKS,
               "--max-time", str(seconds), "--generation-deterministic", "--report", "junit",
               "--report-junit-path", str(reports / f"schemathesis-{name}.xml"), *arguments]
    print(f"== schemathesis: {name} ({base}, {seconds} s)", flush=True)
    result = subprocess.run(command)
    return result.returncode


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/provider-mock"
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    reports = Path(".ci/artifacts")
    reports.mkdir(parents=True, exist_ok=True)
    process, urls = serve(binary, "--clock", "manual")
    failures = []
    try:
        if run("node-api", urls["node"], seconds, ["-a", "admin:123456"], reports):
            failures.append("node-api")
        token = post(f"{urls['iys']}/oauth/token", "username=admin&password=123456&grant_type=password", "application/x-www-form-urlencoded")["access_token"]
        if run("iys", urls["iys"], seconds, ["-H", f"Authorization: Bearer {token}"], reports):
            failures.append("iys")
        token = post(f"{urls['euromsg']}/tokens", json.dumps({"clientName": "admin", "password": "123456"}))["tokenValue"]
        post(f"{urls['euromsg']}/apiKey/identification", json.dumps({"apiKey": "EXP-DEMO-7F3A9C21"}), headers={"Authorization": f"Bearer {token}"}, method="PUT")
        if run("euromsg", urls["euromsg"], seconds, ["-H", f"Authorization: Bearer {token}"], reports):
            failures.append("euromsg")
        if process.poll() is not None:
            failures.append("the mocks stopped")
    finally:
        process.terminate()
        process.wait(timeout=30)
    if failures:
        raise SystemExit(f"schemathesis found problems: {', '.join(failures)}")
    print("schemathesis: every mock answered as its description says")


if __name__ == "__main__":
    main()
