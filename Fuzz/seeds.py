#!/usr/bin/env python3
"""Writes each fuzz target's seed corpus from what the project already has: the Postman collections (every
request of the three providers), the golden request files of both Node API faces, and the scenario files.

Usage: Fuzz/seeds.py OUTPUT_DIR   (one folder per target is created under it)
"""
import glob
import hashlib
import json
import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
out = sys.argv[1]
# The collections' variables: the environment's values (postman/mocks.postman_environment.json), plus plausible ids.
with open(os.path.join(root, "postman", "mocks.postman_environment.json"), encoding="utf-8") as f:
    variables = {v["key"]: v["value"] for v in json.load(f)["values"]}
variables.update({"pkgID": "100001", "$timestamp": "1764000000", "listId": "1001", "memberId": "1", "campaignId": "1"})


def fill(text):
    return re.sub(r"\{\{([^}]+)\}\}", lambda m: variables.get(m.group(1), "1"), text)


def write(target, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def requests(collection):
    def walk(items):
        for item in items:
            if "item" in item:
                yield from walk(item["item"])
            else:
                yield item["request"]
    with open(os.path.join(root, "postman", collection), encoding="utf-8") as f:
        yield from walk(json.load(f)["item"])


def url_path(request):
    raw = request["url"] if isinstance(request["url"], str) else request["url"]["raw"]
    return fill(re.sub(r"^\{\{[^}]+\}\}", "", raw)) or "/"


def body(request):
    spec = request.get("body") or {}
    if spec.get("mode") == "raw":
        return fill(spec.get("raw", "")).encode()
    if spec.get("mode") == "urlencoded":
        return "&".join(f"{p['key']}={fill(p['value'])}" for p in spec.get("urlencoded", [])).encode()
    return b""


# The Node API: JSON requests as `METHOD path\nbody`, SOAP envelopes as they are.
for request in requests("node-api.postman_collection.json"):
    path = url_path(request)
    if path.startswith("/soap"):
        if request["method"] == "POST":
            write("fuzz-node-api-soap", body(request))
    else:
        write("fuzz-node-api-json", f"{request['method']} {path}\n".encode() + body(request))
# The Node API's paths, from the operation table as `provider-mock describe` writes it.
operations = [call["path"] for call in json.load(open(os.path.join(root, "describe/operations.json")))["nodeAPI"]]
for file in glob.glob(os.path.join(root, "Tests/NodeAPIJSONTests/Golden/*.request.json")):
    name = os.path.basename(file)[: -len(".request.json")]
    matches = [p for p in operations if name == p[1:].replace("/", "-") or name.startswith(p[1:].replace("/", "-") + "-")]
    if matches:
        path = max(matches, key=len)
        write("fuzz-node-api-json", f"POST {path}\n".encode() + open(file, "rb").read())
        write("fuzz-replay", f"POST {path}\n".encode() + open(file, "rb").read())
for file in glob.glob(os.path.join(root, "Tests/NodeAPISOAPTests/Golden/*/*.request.xml")):
    write("fuzz-node-api-soap", open(file, "rb").read())
    write("fuzz-replay", b"POST /soap\n" + open(file, "rb").read())
# Replay: a GET with a query, and bodies with credentials to redact.
write("fuzz-replay", b"GET /sms/list-item?pkgID=7&pageSize=10\n")
write("fuzz-replay", b'POST /unknown\n{"username": "admin", "password": "a\\"b", "token": "t"}')

# MySoft İYS and Euromsg Express: every request of their collections.
for collection, target in [("mysoft-iys.postman_collection.json", "fuzz-iys"), ("euromsg-express.postman_collection.json", "fuzz-euromsg")]:
    for request in requests(collection):
        write(target, f"{request['method']} {url_path(request)}\n".encode() + body(request))

# Scenarios: the bundled default and every file in mocks/.
for file in glob.glob(os.path.join(root, "mocks/*.yaml")) + [os.path.join(root, "Sources/MockSimulations/Resources/default.yaml")]:
    write("fuzz-scenario", open(file, "rb").read())

# The admin API: every call its OpenAPI description names, with a body where it takes one, and a scenario to replace.
admin_bodies = {
    "POST /__admin/clock": b'{"mode": "manual", "now": "2026-12-02T09:00:00+03:00"}',
    "POST /__admin/clock/advance": b'{"seconds": 8}',
    "POST /__admin/faults": b'{"provider": "node-api", "path": "/sms/create", "error": "SMS18", "times": 3, "every": 2}',
    "POST /__admin/mo": '{"from": "05551230011", "text": "RET BASLIK"}'.encode(),
    "POST /__admin/node-api/credit": b'{"user": "admin", "add": 100}',
    "PUT /__admin/node-api/senders": '{"user": "admin", "title": "YENİ", "state": "approved", "otpApproved": true}'.encode(),
    "POST /__admin/iys/consents": b'{"brandCode": "5565656556", "consent": {"recipient": "+905551230099", "type": "MESAJ", "source": "IYS_WEB", "status": "ONAY", "consentDate": "2025-12-01 10:00:00", "recipientType": "BIREYSEL"}}',
    "PUT /__admin/scenario": open(os.path.join(root, "Sources/MockSimulations/Resources/default.yaml"), "rb").read(),
}
document = json.load(open(os.path.join(root, "Sources/MockProviders/Resources/openapi/admin.json")))
for path, operations in document["paths"].items():
    for method in operations:
        call = f"{method.upper()} {path.replace('{id}', 'f-1')}"
        write("fuzz-admin", f"{call}\n".encode() + admin_bodies.get(call, b""))
write("fuzz-admin", b"GET /__admin/sms?to=905551230011&limit=5&before=1-0\n")
write("fuzz-admin", b"GET /__admin/requests?provider=node-api&path=/sms/*&since=2026-12-02T09:00:00Z\n")

# Times: the shapes clients write (the repros of issue 23 are in Regressions/fuzz-time).
for text in ["2026-12-02T09:00:00Z", "2026-12-02T09:00:00.123+03:00", "2026-12-02T09:00:00.123456789-0530", "2026-12-02 09:00:00",
             "2026-12-02 09:00", "2026-12-02T09:00:00", "1970-01-01T00:00:00Z"]:
    write("fuzz-time", text.encode())
# YAML: every scenario, and aliases used as they are meant (the bombs are in Regressions/fuzz-yaml).
for file in glob.glob(os.path.join(root, "mocks/*.yaml")) + [os.path.join(root, "Sources/MockSimulations/Resources/default.yaml")]:
    write("fuzz-yaml", open(file, "rb").read())
write("fuzz-yaml", b"base: &base {credit: 100, senders: [{title: A, state: approved}]}\nnodeAPI:\n  accounts:\n    - <<: *base\n      username: u\n      password: p\n")
# State files: the ones in Regressions/fuzz-snapshot (one written by `serve --state`, and its corruptions).

# Worlds: every way a request names its world, on every port (placeholders: WorldsTarget.swift).
sms = b'{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "Kod 1234"}'
envelope = ('<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms">'
            '<soapenv:Body><sms:getUserCredit><username>{UA}</username><password>{PA}</password></sms:getUserCredit></soapenv:Body></soapenv:Envelope>').encode()
consent = b'{"brandCode": "5565656556", "recipient": "+905551230077", "type": "MESAJ"}'
for seed in [
    b"node POST /worlds/{A}/sms/create\nH:Authorization: Basic YWRtaW46MTIzNDU2\nH:Content-Type: application/json\n\n" + sms,
    b"node POST /sms/create\nH:X-Mock-World: {B}\nH:Authorization: Basic YWRtaW46MTIzNDU2\n\n" + sms,
    b"node POST /sms/list\nH:Authorization: Basic {BA}\n\n{}",
    b"node POST /soap\nH:Content-Type: text/xml; charset=utf-8\nH:SOAPAction: getUserCredit\n\n" + envelope,
    b"node GET /worlds/{A}/soap?wsdl\n\n",
    b"node POST /worlds/yok/user/credit\nH:Authorization: Basic YWRtaW46MTIzNDU2\n\n",
    b"iys POST /oauth/token\nH:Content-Type: application/x-www-form-urlencoded\n\nusername={IA}&password={IPA}&grant_type=password",
    b"iys POST /worlds/{B}/api/IYSConsent/ConsentStatus\nH:Authorization: Bearer {A}.abc\nH:Content-Type: application/json\n\n" + consent,
    b"euromsg POST /tokens\nH:Content-Type: application/json\n\n{\"clientName\": \"{EA}\", \"password\": \"{EPA}\"}",
    b"euromsg GET /worlds/{A}/email-list\nH:Authorization: Bearer {B}.x\n\n",
    b"admin GET /__admin/worlds\n\n",
    b"admin POST /__admin/worlds\nH:Content-Type: application/json\n\n{\"name\": \"i\u015f\", \"ttlSeconds\": 60, \"seed\": 7}",
    b"admin POST /__admin/worlds/{A}/clock/advance?token={TA}\nH:Content-Type: application/json\n\n{\"seconds\": 60}",
    b"admin GET /__admin/worlds/{A}/sms?to=905551230011\nH:Authorization: Bearer {TA}\n\n",
    b"admin DELETE /__admin/worlds/{B}\n\n",
    b"admin POST /__admin/worlds/{B}/reset\nH:Authorization: Bearer {TA}\n\n",
]:
    write("fuzz-worlds", seed)

for target in sorted(os.listdir(out)):
    print(f"{target}: {len(os.listdir(os.path.join(out, target)))} seeds")
