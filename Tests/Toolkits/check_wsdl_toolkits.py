#!/usr/bin/env python3
"""Mainstream SOAP toolkits against wsdl/sms.wsdl and the provider-mock codec.

zeep builds an envelope for every operation from the WSDL, `provider-mock convert --to json` must
decode each one; zeep then parses a reply written by our encoder; suds builds a sendSms. Exits
non-zero on any failure. Needs: pip install zeep suds-community, and a built provider-mock.
"""
import json
import pathlib
import subprocess
import sys

from lxml import etree
from suds.client import Client as Suds
from zeep import Client

ROOT = pathlib.Path(__file__).resolve().parents[2]
WSDL = ROOT / "wsdl" / "sms.wsdl"
BINARY = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "debug" / "provider-mock"
CREDENTIALS = dict(username="admin", password="123456")
REQUESTS = {
    "sendSms": dict(type="1", sendingType="2", title="Başlık", content="İçerik ğüş",
                    numbers={"item": [{"nr": "905511034554", "msg": "A özel"}, {"nr": "905433404971", "msg": "B özel"}]},
                    encoding="1", sender="BASLIK", validity="60", pushSettings={"url": "https://example.com/h"}),
    "sendOtp": dict(content="Kod 1234", number="905511034554", sender="BASLIK", validity="3"),
    "getSmsPackages": dict(ids={"item": ["1", "2"]}, pageSize="10"),
    "getSmsPackageItems": dict(pkgID="111095"),
    "getSmsSenders": dict(),
    "cancelSmsPackage": dict(id="5"),
    "getUserCredit": dict(),
}


def convert(arguments, data):
    result = subprocess.run([str(BINARY), "convert", *arguments], input=data, capture_output=True)
    return result.returncode, (result.stdout or result.stderr).decode().strip()


class Reply:
    status_code = 200
    headers = {"Content-Type": "text/xml; charset=utf-8"}
    encoding = "utf-8"

    def __init__(self, content):
        self.content = content


def main():
    failures = []
    # Every SOAP operation of the table (as provider-mock describe writes it) has its arguments here.
    table = json.loads((ROOT / "describe" / "operations.json").read_text(encoding="utf-8"))
    soap = {call["soapName"] for call in table["nodeAPI"] if call.get("soapName")}
    if soap != set(REQUESTS):
        failures.append(f"the operation table's SOAP operations {sorted(soap)} are not the ones this check sends {sorted(REQUESTS)}")
    client = Client(str(WSDL))
    for operation, arguments in REQUESTS.items():
        envelope = etree.tostring(client.create_message(client.service, operation, **CREDENTIALS, **arguments), encoding="utf-8")
        status, output = convert(["--to", "json"], envelope)
        print(f"zeep {operation}: {'ok' if status == 0 else 'FAILED'} {output[:120]}")
        if status != 0:
            failures.append(f"zeep {operation}")

    reply_json = (ROOT / "Tests/NodeAPIJSONTests/Golden/sms-list-item.reply.json").read_bytes()
    reply = subprocess.run([str(BINARY), "convert", "--to", "soap", "--operation", "getSmsPackageItems", "--response"],
                           input=reply_json, capture_output=True).stdout
    operation = client.service._binding._operations["getSmsPackageItems"]
    parsed = client.service._binding.process_reply(client, operation, Reply(reply))
    item = parsed.data.list.item[0]
    reply_ok = item.target == "905511034554" and item.processingDate == "2021-05-04T01:38:22.25607" and parsed.err is None
    print(f"zeep getSmsPackageItems reply: {'ok' if reply_ok else 'FAILED'}")
    if not reply_ok:
        failures.append("zeep reply")

    suds = Suds(WSDL.as_uri(), nosend=True)
    context = suds.service.sendSms(**CREDENTIALS, type="1", sendingType="0", title="T", content="Merhaba ş",
                                   number="905511034554", sender="BASLIK")
    envelope = context.envelope if isinstance(context.envelope, bytes) else str(context.envelope).encode()
    status, output = convert(["--to", "json"], envelope)
    print(f"suds sendSms: {'ok' if status == 0 else 'FAILED'} {output[:120]}")
    if status != 0:
        failures.append("suds sendSms")

    print(f"{7 + 2 - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
