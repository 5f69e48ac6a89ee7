#!/usr/bin/env python3
"""PHP's SoapClient (Debian's php-cli and php-soap) against a running `provider-mock serve`, through the WSDL it serves.

sendSms as PHP developers write it: one number, one-to-many with {nr} items, many-to-many with {nr, msg}, and the
document's text items written with SoapVar (`<item>905…</item>`), each must make a package; one-to-many with plain strings, which SoapClient cannot fit into the WSDL's item (it writes <item/>),
must get ERR_INVALID_PARAM naming numbers[0] and saying what to write, not "no valid number" for the package.
Usage: Tests/Toolkits/check_php_soapclient.py [BINARY]
"""
import json
import pathlib
import subprocess
import sys

import serving

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "debug" / "provider-mock"


def main():
    process, urls = serving.serve(BINARY)
    try:
        done = subprocess.run(["php", str(ROOT / "Tests/Toolkits/php_soapclient.php"), urls["node"]], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise SystemExit(f"FAIL: php exited {done.returncode}\n{done.stdout}\n{done.stderr}")
        results = {line["name"]: line for line in map(json.loads, done.stdout.splitlines())}
    finally:
        process.terminate()
        process.wait()
    failures = []
    for name in ("single", "one-to-many, nr", "many-to-many", "one-to-many, SoapVar strings"):
        result = results.get(name, {})
        ok = result.get("err") is None and (result.get("pkgID") or 0) > 0
        print(f"{'ok' if ok else 'FAIL'} PHP SoapClient sendSms {name}: {result}")
        if ok and name == "one-to-many, SoapVar strings" and "<item>905511034554</item>" not in (result.get("sent") or ""):
            ok = False
            print(f"FAIL the SoapVar items were not written as the document's text items: {result.get('sent')}")
        if not ok:
            failures.append(name)
    strings = results.get("one-to-many, strings", {})
    err = strings.get("err") or {}
    ok = err.get("code") == "ERR_INVALID_PARAM" and "numbers[0]: is empty" in err.get("message", "") and "'nr'" in err.get("message", "") \
        and "SoapVar" in err.get("message", "")
    print(f"{'ok' if ok else 'FAIL'} PHP SoapClient sendSms one-to-many with plain strings: {strings.get('sent')} is refused naming the item: {err}")
    if not ok:
        failures.append("strings")
    if failures:
        raise SystemExit(f"{len(failures)} failed")
    print("5 passed, 0 failed")


if __name__ == "__main__":
    main()
