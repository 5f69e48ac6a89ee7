#!/usr/bin/env python3
"""Writes the Postman v2.1 collections and environment in this folder.

Run from anywhere: python3 postman/generate.py [output folder, postman/ by default]
The Node API's document examples come from the golden files of the codec tests (the document's own JSON
and SOAP requests); the flows use the mocks' seeds so that every request expected to succeed does.

Test scripts use only the forms the replay test (Tests/ProviderClientsTests/PostmanReplayTests.swift)
understands, so the collections are checked in CI exactly as Postman or newman would run them.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "postman"
JSON_GOLDEN = ROOT / "Tests/NodeAPIJSONTests/Golden"
SOAP_GOLDEN = ROOT / "Tests/NodeAPISOAPTests/Golden/document"

NO_SERVER_ERROR = "pm.test('no server error', () => pm.expect(pm.response.code).to.be.below(500));"
JSON_OK = "pm.test('succeeds', () => pm.expect(pm.response.json().err).to.eql(null));"
SOAP_OK = "pm.test('succeeds', () => pm.expect(pm.response.text()).to.match(/<err\\s*\\/>|<err><\\/err>/));"
IYS_OK = "pm.test('succeeds', () => pm.expect(pm.response.json().succeed).to.eql(true));"
HTTP_OK = "pm.test('succeeds', () => pm.response.to.be.success);"
# The checks `provider-mock check` makes of every Node API JSON reply: the envelope and no other key, and err.status as
# the HTTP status (200 on success).
ENVELOPE = "pm.test('the envelope is {data, err}', () => pm.expect(Object.keys(pm.response.json()).sort()).to.eql(['data', 'err']));"
STATUS = "pm.test('the HTTP status is err.status', () => pm.expect(pm.response.code).to.eql(pm.response.json().err ? pm.response.json().err.status : 200));"


IYS_ENVELOPE = ("pm.test('the envelope is {succeed, data, message, errorCode}', () => pm.expect(Object.keys(pm.response.json()).every("
                "key => ['succeed', 'data', 'message', 'errorCode'].includes(key))).to.eql(true));")


def documented_error(code, status):
    """The check of a documented bad input: the catalogue's code, and its status in err.status."""
    return f"pm.test('the error is {code} ({status})', () => pm.expect([pm.response.json().err.code, pm.response.json().err.status]).to.eql(['{code}', {status}]));"


def keep(variable, path):
    return f"pm.collectionVariables.set('{variable}', pm.response.json().{path});"


def url(base, path, query=None):
    raw = "{{" + base + "}}" + path
    value = {"raw": raw, "host": ["{{" + base + "}}"], "path": [p for p in path.split("?")[0].split("/") if p]}
    if query:
        value["raw"] += "?" + "&".join(f"{k}={v}" for k, v in query)
        value["query"] = [{"key": k, "value": v} for k, v in query]
    return value


NUMERIC = ("pkgID", "listId", "memberId")


def request(name, method, address, body=None, headers=None, tests=(), auth=None, form=None):
    # Ids kept from earlier replies are numbers on the wire: unquote their placeholders.
    for variable in NUMERIC:
        body = body.replace('"{{' + variable + '}}"', "{{" + variable + "}}") if body else body
    item = {"name": name, "request": {"method": method, "header": [{"key": k, "value": v} for k, v in (headers or [])], "url": address}}
    if body is not None:
        item["request"]["body"] = {"mode": "raw", "raw": body}
    if form is not None:
        item["request"]["body"] = {"mode": "urlencoded", "urlencoded": [{"key": k, "value": v} for k, v in form]}
    if auth is not None:
        item["request"]["auth"] = auth
    if tests:
        item["event"] = [{"listen": "test", "script": {"type": "text/javascript", "exec": list(tests)}}]
    return item


def collection(name, description, items, auth=None, variables=()):
    value = {
        "info": {"name": name, "description": description, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items,
        "variable": [{"key": k, "value": ""} for k in variables],
    }
    if auth:
        value["auth"] = auth
    return value


BASIC = {"type": "basic", "basic": [{"key": "username", "value": "{{username}}", "type": "string"}, {"key": "password", "value": "{{password}}", "type": "string"}]}
NO_AUTH = {"type": "noauth"}


def bearer(variable):
    return {"type": "bearer", "bearer": [{"key": "token", "value": "{{" + variable + "}}", "type": "string"}]}


JSON_HEADER = [("Content-Type", "application/json; charset=utf-8")]

# The document's JSON example files and their endpoints (and two the document lacks, from public clients).
JSON_PATHS = {
    "sms-create": "/sms/create", "sms-create-1toN": "/sms/create", "sms-create-NtoN": "/sms/create", "sms-create-otp": "/sms/create-otp",
    "sms-create-kvkk": "/sms/create-kvkk", "sms-list": "/sms/list", "sms-list-item": "/sms/list-item", "sms-list-sender": "/sms/list-sender",
    "sms-cancel": "/sms/cancel", "sms-recreate": "/sms/recreate", "sms-summary": "/sms/summary", "sms-inquiry-number": "/sms/inquiry-number",
    "contact-create": "/contact/create", "contact-update": "/contact/update", "contact-delete": "/contact/delete",
    "contact-import": "/contact/import", "contact-list": "/contact/list", "contact-create-group": "/contact/create-group",
    "contact-update-group": "/contact/update-group", "contact-delete-group": "/contact/delete-group", "contact-list-group": "/contact/list-group",
    "contact-set-blacklist": "/contact/set-blacklist", "mo-list-request": "/mo/list-request", "user-credit": "/user/credit",
    "sms-list-gateway": "/sms/list-gateway", "sms-get-mo": "/sms/get-mo",
}


def soap_action(file_name):
    return file_name.split(".")[0].split("-")[0]


def node_api():
    examples = []
    for stem, path in JSON_PATHS.items():
        body = (JSON_GOLDEN / f"{stem}.request.json").read_text(encoding="utf-8")
        examples.append(request(f"{path} ({stem})", "POST", url("nodeApiUrl", path), body, JSON_HEADER, [NO_SERVER_ERROR, ENVELOPE, STATUS]))
    soap = []
    for file in sorted(SOAP_GOLDEN.glob("*.request.xml")):
        body = file.read_text(encoding="utf-8").replace("<username>admin</username>", "<username>{{username}}</username>")
        body = body.replace("<password>123456</password>", "<password>{{password}}</password>")
        action = soap_action(file.name)
        soap.append(request(f"SOAP {file.name.split('.')[0]}", "POST", url("nodeApiUrl", "/soap"), body,
                            [("Content-Type", "text/xml; charset=UTF-8"), ("SOAPAction", action)], [NO_SERVER_ERROR], auth=NO_AUTH))
    soap.insert(0, request("WSDL", "GET", url("nodeApiUrl", "/soap", [("wsdl", "")]), tests=[HTTP_OK], auth=NO_AUTH))

    def post(name, path, body, *tests):
        return request(name, "POST", url("nodeApiUrl", path), json.dumps(body, ensure_ascii=False, indent=2), JSON_HEADER, [JSON_OK, ENVELOPE, STATUS, *tests])

    def refused(name, path, body, code, status, auth=None):
        return request(name, "POST", url("nodeApiUrl", path), json.dumps(body, ensure_ascii=False, indent=2), JSON_HEADER,
                       [NO_SERVER_ERROR, ENVELOPE, STATUS, documented_error(code, status)], auth=auth)

    wrong_password = {"type": "basic", "basic": [{"key": "username", "value": "{{username}}", "type": "string"},
                                                 {"key": "password", "value": "{{password}}-yanlış", "type": "string"}]}
    contract = [
        refused("Wrong credentials", "/user/credit", {}, "ERR_UNAUTHORIZED_REQUEST", 401, auth=wrong_password),
        refused("An unknown package", "/sms/list-item", {"pkgID": 1}, "ERR_SMS_PKG_NOT_FOUND", 404),
        refused("A page size of 5", "/sms/list", {"pageSize": 5}, "ERR_INVALID_PARAM", 400),
        refused("A range over 3 months", "/sms/inquiry-number", {"gsm": "905551230011", "startDate": "2025-01-01 00:00", "finishDate": "2025-06-01 00:00"},
                "ERR_INVALID_DATE_RANGE", 400),
    ]

    flow = [
        post("Credit", "/user/credit", {}),
        post("Senders", "/sms/list-sender", {"status": 1}),
        post("Gateways", "/sms/list-gateway", {}),
        post("Send one SMS", "/sms/create", {"type": 1, "sendingType": 0, "number": 905551230011, "sender": "BASLIK", "title": "Postman",
                                             "content": "Merhaba, ğüşıöç İ çalışıyor.", "customID": "postman-{{$timestamp}}"}, keep("pkgID", "data.pkgID")),
        post("Send to many", "/sms/create", {"type": 1, "sendingType": 1, "numbers": [905551230011, 905551230013], "sender": "BASLIK",
                                             "title": "Postman", "content": "Toplu deneme"}),
        post("Send personal messages", "/sms/create", {"type": 1, "sendingType": 2, "sender": "BASLIK", "title": "Postman",
                                                       "numbers": [{"nr": 905551230011, "msg": "Ayşe Hanım merhaba"}, {"nr": 905551230013, "msg": "Mehmet Bey merhaba"}]}),
        post("OTP", "/sms/create-otp", {"number": 905551230011, "sender": "BASLIK", "content": "Doğrulama kodunuz: 123456", "validity": 5}),
        post("KVKK", "/sms/create-kvkk", {"number": {"nr": 905551230011, "cfs": {"FIRST_NAME": "Ayşe", "LAST_NAME": "Yılmaz"}}, "sender": "BASLIK",
                                          "content": "Merhaba FIRST_NAME LAST_NAME, KVKK izin linkiniz: SHORT_LINK"}),
        post("Packages", "/sms/list", {"ids": ["{{pkgID}}"]}),
        post("Package items", "/sms/list-item", {"pkgID": "{{pkgID}}"}),
        post("Summary", "/sms/summary", {}),
        post("Inquiry by number", "/sms/inquiry-number", {"gsm": 905551230011}),
        post("Create contact", "/contact/create", {"gsm": 905001234567, "firstName": "Zafer", "lastName": "Altun"}, keep("contactUUID", "data.uuid")),
        post("Update contact", "/contact/update", {"uuid": "{{contactUUID}}", "gsm": 905001234567, "firstName": "Zafer", "lastName": "Öztürk"}),
        post("Contacts", "/contact/list", {}),
        post("Create group", "/contact/create-group", {"title": "Postman Grubu {{$timestamp}}"}, keep("groupUUID", "data.uuid")),
        post("Groups", "/contact/list-group", {}),
        post("Blacklist", "/contact/set-blacklist", {"status": True, "gsms": [905001234599]}),
        post("Opt-out requests", "/mo/list-request", {}),
        post("MO messages", "/sms/get-mo", {}),
        request("SOAP credit", "POST", url("nodeApiUrl", "/soap"),
                '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Body>'
                "<sms:getUserCredit><username>{{username}}</username><password>{{password}}</password></sms:getUserCredit></soapenv:Body></soapenv:Envelope>",
                [("Content-Type", "text/xml; charset=UTF-8"), ("SOAPAction", "getUserCredit")], [SOAP_OK], auth=NO_AUTH),
        request("SOAP packages", "POST", url("nodeApiUrl", "/soap"),
                '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Body>'
                "<sms:getSmsPackages><username>{{username}}</username><password>{{password}}</password><ids><item>{{pkgID}}</item></ids></sms:getSmsPackages>"
                "</soapenv:Body></soapenv:Envelope>",
                [("Content-Type", "text/xml; charset=UTF-8"), ("SOAPAction", "getSmsPackages")], [SOAP_OK], auth=NO_AUTH),
    ]
    return collection(
        "Node API v1.8.3",
        "The SMS provider Node API: every JSON endpoint and SOAP operation with the document's examples (checked for no server error), "
        "then a flow on the mock's seeds (admin / 123456, sender BASLIK) expected to succeed. Every JSON reply is checked as "
        "`provider-mock check` checks it (the envelope {data, err}, err.status as the HTTP status), and the contract's documented "
        "bad inputs (wrong credentials, an unknown package, a page size of 5, a range over 3 months) expect the document's errors.",
        [{"name": "Flow on the mock", "item": flow}, {"name": "Contract: documented errors", "item": contract},
         {"name": "Document examples (JSON)", "item": examples},
         {"name": "Document examples (SOAP)", "item": soap}],
        auth=BASIC, variables=["pkgID", "contactUUID", "groupUUID"],
    )


def iys():
    auth = bearer("iysToken")

    def post(name, call, body, *tests):
        return request(name, "POST", url("iysUrl", f"/api/IYSConsent/{call}"), json.dumps(body, ensure_ascii=False, indent=2), JSON_HEADER, [IYS_OK, IYS_ENVELOPE, *tests])

    def consent(recipient, status, source="HS_WEB"):
        return {"recipient": recipient, "recipientType": "BIREYSEL", "type": "MESAJ", "source": source, "status": status, "consentDate": "2025-03-01 10:00:00"}

    batch = {"brandCode": "{{brandCode}}", "transctionGuid": "{{batchGuid}}"}
    items = [
        request("Token", "POST", url("iysUrl", "/oauth/token"), form=[("grant_type", "password"), ("username", "{{iysUsername}}"), ("password", "{{iysPassword}}")],
                tests=[HTTP_OK, "pm.collectionVariables.set('iysToken', pm.response.json().access_token);"], auth=NO_AUTH),
        request("IYSBrands", "GET", url("iysUrl", "/api/IYSConsent/IYSBrands"), tests=[IYS_OK, IYS_ENVELOPE]),
        post("SendConsent", "SendConsent", {"brandCode": "{{brandCode}}", "consentData": consent("+905551239990", "ONAY")}),
        post("ConsentStatus", "ConsentStatus", {"brandCode": "{{brandCode}}", "recipient": "+905551239990", "recipientType": "BIREYSEL", "type": "MESAJ"}),
        post("SendConsentBatch", "SendConsentBatch", {"brandCode": "{{brandCode}}", "isSaveSuccessData": True,
                                                      "consentData": [consent("+905551239991", "ONAY"), consent("+905551239992", "RET", "HS_MESAJ")]},
             keep("batchGuid", "data.transctionGuid")),
        post("ConsentBatchStatus", "ConsentBatchStatus", batch),
        post("ConsentBatchStatusSuccess", "ConsentBatchStatusSuccess", batch),
        post("ConsentBatchStatusError", "ConsentBatchStatusError", batch),
        post("ConsentBatchStatusUpdated", "ConsentBatchStatusUpdated", batch),
        post("ConsentBatchStatusIsUsedBefore", "ConsentBatchStatusIsUsedBefore", batch),
        post("ConsentBatchSendIYSStatus", "ConsentBatchSendIYSStatus", dict(batch, isSendAllData=True)),
        post("RecipientStatus", "RecipientStatus", {"brandCode": "{{brandCode}}", "recipient": "+905551230011"}),
        post("ConsentQuery", "ConsentQuery", {"brandCode": "{{brandCode}}", "limit": 100, "type": ["MESAJ"], "status": ["ONAY"]}),
    ]
    return collection("MySoft İYS API 2.13", "OAuth token (kept in {{iysToken}}), then every consent call on the mock's brand 5565656556.",
                      items, auth=auth, variables=["iysToken", "batchGuid"])


def euromsg():
    def call(name, method, path, body=None, query=None, *tests):
        return request(name, method, url("euromsgUrl", path, query), None if body is None else json.dumps(body, ensure_ascii=False, indent=2),
                       JSON_HEADER if body is not None else [], [HTTP_OK, *tests])

    items = [
        request("Health check", "GET", url("euromsgUrl", "/health-check"), tests=[HTTP_OK], auth=NO_AUTH),
        request("Token", "POST", url("euromsgUrl", "/tokens"), json.dumps({"clientName": "{{expressClient}}", "password": "{{expressPassword}}"}, indent=2),
                JSON_HEADER, [HTTP_OK, keep("expressToken", "tokenValue")], auth=NO_AUTH),
        call("API key identification", "PUT", "/apiKey/identification", None, [("apiKey", "{{expressApiKey}}")]),
        call("Create list", "POST", "/email-list", {"name": "Postman Listesi {{$timestamp}}"}, None, keep("listId", "id")),
        call("Lists", "GET", "/email-list"),
        call("Rename list", "PATCH", "/email-list/{{listId}}", {"name": "Postman Listesi (yeni ad) {{$timestamp}}"}),
        call("Add member", "POST", "/member", {"listId": "{{listId}}", "email": "postman.{{$timestamp}}@example.com", "firstName": "Işıl"}, None, keep("memberId", "memberId")),
        call("Members of the list", "GET", "/member", None, [("listId", "{{listId}}"), ("page", "1"), ("pageSize", "100")]),
        call("Update member", "PATCH", "/member/{{memberId}}", {"lastName": "Güneş"}),
        call("Member by id", "GET", "/member/{{memberId}}"),
        call("Delete member", "DELETE", "/member/{{memberId}}"),
        call("Delete list", "DELETE", "/email-list/{{listId}}"),
        call("Sent campaigns", "GET", "/campaign", None, [("status", "Sent")]),
        call("Campaign", "GET", "/campaign/7001"),
        call("Campaign report", "GET", "/campaign-report", None, [("campaignId", "7001")]),
        call("Campaign report detail", "GET", "/campaign-report-detail", None, [("campaignId", "7001"), ("status", "HardBounced")]),
    ]
    return collection("Euromsg Express CRM/ERP gateway", "Token (kept in {{expressToken}}), the end user's API key, then lists, members, campaigns and reports.",
                      items, auth=bearer("expressToken"), variables=["expressToken", "listId", "memberId"])


def environment():
    values = {
        "nodeApiUrl": "http://127.0.0.1:9587", "username": "admin", "password": "123456",
        "iysUrl": "http://127.0.0.1:9590", "iysUsername": "admin", "iysPassword": "123456", "brandCode": "5565656556",
        "euromsgUrl": "http://127.0.0.1:9591", "expressClient": "admin", "expressPassword": "123456", "expressApiKey": "EXP-DEMO-7F3A9C21",
    }
    return {"name": "provider-mock (local)", "values": [{"key": k, "value": v, "type": "default", "enabled": True} for k, v in values.items()],
            "_postman_variable_scope": "environment"}


def write(name, value):
    (OUT / name).write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write("node-api.postman_collection.json", node_api())
    write("mysoft-iys.postman_collection.json", iys())
    write("euromsg-express.postman_collection.json", euromsg())
    write("mocks.postman_environment.json", environment())
