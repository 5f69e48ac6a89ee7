#!/usr/bin/env python3
"""zeep and suds against a running `provider-mock serve`, through the WSDL it serves.

Each toolkit calls all seven SOAP operations (sendSms in its three sending types), reads one provider error back
(a wrong password: HTTP 200 with <err>, whose code the toolkit hands over) and one Fault (a message that is not
usable SOAP: HTTP 500, raised by the toolkit with its faultcode). Exits non-zero on any failure.
Needs: pip install zeep suds-community, and a built provider-mock (the first argument).
"""
import datetime
import pathlib
import sys

from lxml import etree
from suds import WebFault
from suds.client import Client as Suds
from zeep import Client, Plugin
from zeep.exceptions import Fault

import serving

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build" / "debug" / "provider-mock"
CREDENTIALS = dict(username="admin", password="123456")


def serve():
    """The mocks on ports the system picks, and the Node API's base URL."""
    process, urls = serving.serve(BINARY)
    return process, urls["node"]


def tomorrow():
    """A sendingDate a day ahead in Turkish time (UTC+3), so that the package can still be cancelled."""
    turkey = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=3)))
    return (turkey + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")


def sends(toolkit):
    """sendSms in its three sending types, and a scheduled one to cancel; texts name the toolkit, since the same content
    to the same numbers within 30 minutes is ERR_SMS_PKG_DUPLICATION."""
    return {
        "sendSms single": dict(type="1", sendingType="0", title="Tekli", content=f"Merhaba ğüşıöç ({toolkit})", number="905511034554", sender="BASLIK"),
        "sendSms one-to-many": dict(type="1", sendingType="1", title="Toplu", content=f"Herkese İyi günler ({toolkit})", sender="BASLIK",
                                    numbers={"item": [{"nr": "905511034554"}, {"nr": "905433404971"}]}),
        # The document's one-to-many, <item>905…</item>, as each toolkit is given it: plain strings (issue 25, item 5).
        "sendSms one-to-many, strings": dict(type="1", sendingType="1", title="Dizgi", content=f"Dizgiyle ({toolkit})", sender="BASLIK",
                                             numbers={"item": ["905511034554", "905433404971"]}),
        "sendSms many-to-many": dict(type="1", sendingType="2", title="Kişisel", sender="BASLIK",
                                     numbers={"item": [{"nr": "905511034554", "msg": f"A özel ({toolkit})"}, {"nr": "905433404971", "msg": f"B özel ({toolkit})"}]}),
        "sendSms scheduled": dict(type="1", sendingType="0", title="Yarın", content=f"Yarın ({toolkit})", number="905511034554", sender="BASLIK",
                                  sendingDate=tomorrow()),
    }


def succeeded(reply):
    """No error: zeep gives None for the empty <err/>, suds an empty string."""
    return reply.err is None or reply.err == ""


class WrongNamespace(Plugin):
    """Moves the body element out of the service namespace: no longer a usable request, so the mock answers a Fault."""

    def egress(self, envelope, http_headers, operation, binding_options):
        body = envelope.find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
        for child in body:
            child.tag = "{urn:not-the-service}" + etree.QName(child).localname
        return envelope, http_headers


class Results:
    def __init__(self):
        self.failures = []
        self.count = 0

    def check(self, name, ok, detail=""):
        self.count += 1
        print(f"{name}: {'ok' if ok else 'FAILED'} {detail}"[:200])
        if not ok:
            self.failures.append(name)

    def attempt(self, name, step):
        """Runs a step that checks itself; a toolkit exception (a transport error for a 4xx, say) is a failure of it."""
        try:
            step()
        except Exception as error:  # noqa: BLE001 - any toolkit error fails the step, and the run goes on
            self.check(name, False, f"{type(error).__name__}: {error}")


def drive_zeep(base, results):
    client = Client(f"{base}/soap?wsdl")
    service = client.service
    ids = {}
    for name, arguments in sends("zeep").items():
        reply = service.sendSms(**CREDENTIALS, **arguments)
        ids[name] = reply.data.pkgID if succeeded(reply) else None
        results.check(f"zeep {name}", succeeded(reply) and reply.data.pkgID > 0, f"pkgID {ids[name]}" if succeeded(reply) else f"err {reply.err}")
    otp = service.sendOtp(**CREDENTIALS, content="Kod 1234", number="905511034554", sender="BASLIK", validity="3")
    results.check("zeep sendOtp", succeeded(otp) and otp.data.pkgID > 0)
    single = ids["sendSms single"]
    packages = service.getSmsPackages(**CREDENTIALS, ids={"item": [single]})
    results.check("zeep getSmsPackages", succeeded(packages) and [p.id for p in packages.data.list.item] == [single])
    items = service.getSmsPackageItems(**CREDENTIALS, pkgID=ids["sendSms many-to-many"])
    targets = [item.target for item in items.data.list.item] if succeeded(items) else []
    results.check("zeep getSmsPackageItems", targets == ["905511034554", "905433404971"], str(targets))
    senders = service.getSmsSenders(**CREDENTIALS)
    results.check("zeep getSmsSenders", succeeded(senders) and "BASLIK" in [s.title for s in senders.data.list.item])
    cancelled = service.cancelSmsPackage(**CREDENTIALS, id=ids["sendSms scheduled"])
    results.check("zeep cancelSmsPackage", succeeded(cancelled))
    credit = service.getUserCredit(**CREDENTIALS)
    results.check("zeep getUserCredit", succeeded(credit) and credit.data.credit > 0, f"credit {credit.data.credit if succeeded(credit) else None}")

    wrong = service.getUserCredit(username="admin", password="yanlış")
    results.check("zeep provider error", not succeeded(wrong) and wrong.err.code == "ERR_UNAUTHORIZED_REQUEST",
                  f"err {wrong.err.code if not succeeded(wrong) else None}")
    faulty = Client(f"{base}/soap?wsdl", plugins=[WrongNamespace()])
    try:
        faulty.service.getUserCredit(**CREDENTIALS)
        results.check("zeep Fault", False, "no Fault raised")
    except Fault as fault:
        results.check("zeep Fault", fault.code is not None and fault.code.endswith("Client"), f"{fault.code}: {fault.message}")


def drive_suds(base, results):
    client = Suds(f"{base}/soap?wsdl", cache=None)
    service = client.service
    ids = {}
    for name, arguments in sends("suds").items():
        reply = service.sendSms(**CREDENTIALS, **arguments)
        ids[name] = reply.data.pkgID if succeeded(reply) else None
        results.check(f"suds {name}", succeeded(reply) and int(reply.data.pkgID) > 0, f"pkgID {ids[name]}" if succeeded(reply) else f"err {reply.err}")
    otp = service.sendOtp(**CREDENTIALS, content="Kod 5678", number="905433404971", sender="BASLIK", validity="3")
    results.check("suds sendOtp", succeeded(otp) and int(otp.data.pkgID) > 0)
    single = ids["sendSms single"]
    packages = service.getSmsPackages(**CREDENTIALS, ids={"item": [single]})
    results.check("suds getSmsPackages", succeeded(packages) and [int(p.id) for p in packages.data.list.item] == [int(single)])
    items = service.getSmsPackageItems(**CREDENTIALS, pkgID=ids["sendSms many-to-many"])
    targets = [str(item.target) for item in items.data.list.item] if succeeded(items) else []
    results.check("suds getSmsPackageItems", targets == ["905511034554", "905433404971"], str(targets))
    senders = service.getSmsSenders(**CREDENTIALS)
    results.check("suds getSmsSenders", succeeded(senders) and "BASLIK" in [str(s.title) for s in senders.data.list.item])
    cancelled = service.cancelSmsPackage(**CREDENTIALS, id=ids["sendSms scheduled"])
    results.check("suds cancelSmsPackage", succeeded(cancelled))
    credit = service.getUserCredit(**CREDENTIALS)
    results.check("suds getUserCredit", succeeded(credit) and int(credit.data.credit) > 0)

    wrong = service.getUserCredit(username="admin", password="yanlış")
    results.check("suds provider error", not succeeded(wrong) and str(wrong.err.code) == "ERR_UNAUTHORIZED_REQUEST",
                  f"err {wrong.err.code if not succeeded(wrong) else None}")
    broken = b'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><getUserCredit/></soapenv:Body></soapenv:Envelope>'
    try:
        service.getUserCredit(__inject={"msg": broken})
        results.check("suds Fault", False, "no Fault raised")
    except WebFault as fault:
        code = str(fault.fault.faultcode)
        results.check("suds Fault", code.endswith("Client"), f"{code}: {fault.fault.faultstring}")


def main():
    process, base = serve()
    results = Results()
    try:
        results.attempt("zeep", lambda: drive_zeep(base, results))
        results.attempt("suds", lambda: drive_suds(base, results))
    finally:
        process.terminate()
        process.wait()
    print(f"{results.count - len(results.failures)} passed, {len(results.failures)} failed")
    return 1 if results.failures else 0


if __name__ == "__main__":
    sys.exit(main())
