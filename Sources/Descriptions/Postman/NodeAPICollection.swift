import Foundation
import Conformance
import NodeAPI
import NodeAPIJSON

/// The Node API's collection: a flow on the mock's seeds, the contract's documented errors (``NodeAPIContractCase``),
/// and the document's examples of every operation (the codec tests' golden files, named by the operation table).
enum NodeAPICollection {
    static let jsonGolden = "Tests/NodeAPIJSONTests/Golden"
    static let soapGolden = "Tests/NodeAPISOAPTests/Golden/document"
    static let jsonHeader = [("Content-Type", "application/json; charset=utf-8")]
    static let jsonChecks = [PostmanScript.noServerError, PostmanScript.nodeAPIEnvelope, PostmanScript.statusIsErrStatus]

    static func collection(_ repository: Repository) throws(DescribeError) -> PostmanCollection {
        PostmanCollection(
            name: "Node API v1.8.3",
            description: "The SMS provider Node API: a flow on the mock's seeds (admin / 123456, sender BASLIK) expected to succeed, "
                + "the contract's documented bad inputs expecting the document's errors, then every JSON endpoint and SOAP operation with the "
                + "document's examples (checked for no server error). Every JSON reply is checked as `provider-mock check` checks it "
                + "(the envelope {data, err}, err.status as the HTTP status).",
            items: [
                .folder("Flow on the mock", flow), .folder("Contract: documented errors", contract),
                .folder("Document examples (JSON)", try jsonExamples(repository)), .folder("Document examples (SOAP)", try soapExamples(repository)),
            ],
            auth: .basic(username: "{{username}}", password: "{{password}}"), variables: ["pkgID", "contactUUID", "groupUUID"]
        )
    }

    /// Each operation's example requests, in the table's order.
    static func jsonExamples(_ repository: Repository) throws(DescribeError) -> [PostmanCollection.Item] {
        var items: [PostmanCollection.Item] = []
        for operation in NodeAPIOperation.allCases {
            for name in operation.exampleNames {
                let body = try repository.read("\(jsonGolden)/\(name).request.json")
                items.append(.call("\(operation.path) (\(name))", "POST", .init("nodeApiUrl", operation.path), body: .raw(body), headers: jsonHeader, tests: jsonChecks))
            }
        }
        return items
    }

    /// The WSDL, then each SOAP operation's example envelopes (`sendSms-1toN.request.xml`), with the environment's account.
    static func soapExamples(_ repository: Repository) throws(DescribeError) -> [PostmanCollection.Item] {
        let files = try repository.list(soapGolden)
        var items: [PostmanCollection.Item] = [.call("WSDL", "GET", .init("nodeApiUrl", "/soap", query: [("wsdl", "")]), tests: [PostmanScript.httpSuccess], auth: PostmanCollection.Auth.none)]
        for operation in NodeAPIOperation.soapOperations {
            let name = operation.soapName ?? ""
            for file in files where file == "\(name).request.xml" || (file.hasPrefix("\(name)-") && file.hasSuffix(".request.xml")) {
                let body = try repository.read("\(soapGolden)/\(file)")
                    .replacingOccurrences(of: "<username>admin</username>", with: "<username>{{username}}</username>")
                    .replacingOccurrences(of: "<password>123456</password>", with: "<password>{{password}}</password>")
                items.append(soap("SOAP \(file.prefix { $0 != "." })", name, body, tests: [PostmanScript.noServerError]))
            }
        }
        return items
    }

    /// The contract's documented bad inputs, as `provider-mock check` sends them.
    static var contract: [PostmanCollection.Item] {
        NodeAPIContractCase.all.compactMap { contractCase in
            guard let code = contractCase.expecting else { return nil }
            let path = type(of: contractCase.request).operation.path
            let body = (try? NodeAPIJSON.encodeRequest(contractCase.request)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return .call(
                contractCase.name, "POST", .init("nodeApiUrl", path), body: .raw(body), headers: jsonHeader,
                tests: jsonChecks + [PostmanScript.documentedError(code.entry.name, code.entry.status)],
                auth: contractCase.wrongPassword ? .basic(username: "{{username}}", password: "{{password}}\(NodeAPIContractCase.wrongPasswordSuffix)") : nil
            )
        }
    }

    /// Every read and send on the mock's seeds, in an order where each finds what the earlier ones made.
    static var flow: [PostmanCollection.Item] {
        [
            post("Credit", .userCredit, "{}"),
            post("Senders", .listSenders, #"{"status": 1}"#),
            post("Gateways", .listGateways, "{}"),
            post("Send one SMS", .createSms, #"""
                {"type": 1, "sendingType": 0, "number": 905551230011, "sender": "BASLIK", "title": "Postman", "content": "Merhaba, ğüşıöç İ çalışıyor.", "customID": "postman-{{$timestamp}}"}
                """#, PostmanScript.keep("pkgID", "data.pkgID")),
            post("Send to many", .createSms, #"""
                {"type": 1, "sendingType": 1, "numbers": [905551230011, 905551230013], "sender": "BASLIK", "title": "Postman", "content": "Toplu deneme"}
                """#),
            post("Send personal messages", .createSms, #"""
                {"type": 1, "sendingType": 2, "sender": "BASLIK", "title": "Postman", "numbers": [{"nr": 905551230011, "msg": "Ayşe Hanım merhaba"}, {"nr": 905551230013, "msg": "Mehmet Bey merhaba"}]}
                """#),
            post("OTP", .createOtp, #"{"number": 905551230011, "sender": "BASLIK", "content": "Doğrulama kodunuz: 123456", "validity": 5}"#),
            post("KVKK", .createKvkk, #"""
                {"number": {"nr": 905551230011, "cfs": {"FIRST_NAME": "Ayşe", "LAST_NAME": "Yılmaz"}}, "sender": "BASLIK", "content": "Merhaba FIRST_NAME LAST_NAME, KVKK izin linkiniz: SHORT_LINK"}
                """#),
            post("Packages", .listSms, #"{"ids": [{{pkgID}}]}"#),
            post("Package items", .listSmsItems, #"{"pkgID": {{pkgID}}}"#),
            post("Summary", .smsSummary, "{}"),
            post("Inquiry by number", .inquiryNumber, #"{"gsm": 905551230011}"#),
            post("Create contact", .createContact, #"{"gsm": 905001234567, "firstName": "Zafer", "lastName": "Altun"}"#, PostmanScript.keep("contactUUID", "data.uuid")),
            post("Update contact", .updateContact, #"{"uuid": "{{contactUUID}}", "gsm": 905001234567, "firstName": "Zafer", "lastName": "Öztürk"}"#),
            post("Contacts", .listContacts, "{}"),
            post("Create group", .createGroup, #"{"title": "Postman Grubu {{$timestamp}}"}"#, PostmanScript.keep("groupUUID", "data.uuid")),
            post("Groups", .listGroups, "{}"),
            post("Blacklist", .setBlacklist, #"{"status": true, "gsms": [905001234599]}"#),
            post("Opt-out requests", .listMoRequests, "{}"),
            post("MO messages", .getMo, "{}"),
            soap("SOAP credit", "getUserCredit", envelope("<sms:getUserCredit><username>{{username}}</username><password>{{password}}</password></sms:getUserCredit>"),
                 tests: [PostmanScript.soapSuccess]),
            soap("SOAP packages", "getSmsPackages", envelope(
                "<sms:getSmsPackages><username>{{username}}</username><password>{{password}}</password><ids><item>{{pkgID}}</item></ids></sms:getSmsPackages>"
            ), tests: [PostmanScript.soapSuccess]),
        ]
    }

    private static func post(_ name: String, _ operation: NodeAPIOperation, _ body: String, _ tests: String...) -> PostmanCollection.Item {
        .call(name, "POST", .init("nodeApiUrl", operation.path), body: .raw(body), headers: jsonHeader,
                 tests: [PostmanScript.nodeAPISuccess, PostmanScript.nodeAPIEnvelope, PostmanScript.statusIsErrStatus] + tests)
    }

    private static func soap(_ name: String, _ action: String, _ body: String, tests: [String]) -> PostmanCollection.Item {
        .call(name, "POST", .init("nodeApiUrl", "/soap"), body: .raw(body), headers: [("Content-Type", "text/xml; charset=UTF-8"), ("SOAPAction", action)],
                 tests: tests, auth: PostmanCollection.Auth.none)
    }

    private static func envelope(_ body: String) -> String {
        #"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Body>"#
            + body + "</soapenv:Body></soapenv:Envelope>"
    }
}
