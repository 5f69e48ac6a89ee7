#!/usr/bin/env python3
"""`provider-mock check` against a running `provider-mock serve`, as a team would run it against its endpoints: every
check of the three providers passes (the Node API on both faces), exit status 0, and the JUnit report is read by xmllint and by junitparser (a JUnit parser
CI systems' plugins use); then against a port where nothing listens, where it must fail with exit status 1.
Needs: pip install junitparser, xmllint (libxml2-utils), and a built provider-mock (the first argument).
"""
import json
import pathlib
import subprocess
import sys
import tempfile

from junitparser import JUnitXml

import serving

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "debug" / "provider-mock"


def check(url, out, iys=None, euromsg=None):
    providers = []
    if iys:
        providers += ["--iys", iys, "--iys-username", "admin", "--iys-password", "123456"]
    if euromsg:
        providers += ["--euromsg", euromsg, "--euromsg-client", "admin", "--euromsg-password", "123456", "--euromsg-api-key", "EXP-DEMO-7F3A9C21"]
    return subprocess.run([str(BINARY), "check", "--node-api", url, "--username", "admin", "--password", "123456", "--soap", *providers,
                           "--allow-writes", "--test-number", "905551230011", "--sender", "BASLIK",
                           "--junit", str(out / "check.xml"), "--json", str(out / "check.json"), "--timeout", "5"],
                          capture_output=True, text=True)


def main():
    process, urls = serving.serve(BINARY)
    try:
        with tempfile.TemporaryDirectory() as folder:
            out = pathlib.Path(folder)
            run = check(urls["node"], out, urls["iys"], urls["euromsg"])
            print(run.stdout, end="")
            assert run.returncode == 0, f"check against the mock exited {run.returncode}: {run.stderr}"
            subprocess.run(["xmllint", "--noout", str(out / "check.xml")], check=True)
            suites = list(JUnitXml.fromfile(str(out / "check.xml")))
            cases = [case for suite in suites for case in suite]
            assert {suite.name for suite in suites} == {"node-api.json", "node-api.soap", "iys.json", "euromsg.json"}, [suite.name for suite in suites]
            assert len(cases) == 24 + 8 + 13 and all(case.is_passed or case.is_skipped for case in cases), [(case.name, case.result) for case in cases]
            report = json.loads((out / "check.json").read_text())
            assert all(result["verdict"] != "fail" for result in report["results"])

            refused = check("http://127.0.0.1:9", out)
            assert refused.returncode == 1, f"check against a closed port exited {refused.returncode}"
            failed = [case for suite in JUnitXml.fromfile(str(out / "check.xml")) for case in suite if not (case.is_passed or case.is_skipped)]
            assert len(failed) == 19, len(failed)
        print("provider-mock check: conformant against the three mocks (JUnit read by xmllint and junitparser); a closed port fails it")
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
