import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
@testable import MockProviders
@testable import MockSimulations
import NodeAPI
import NodeAPIExamples
import NodeAPIJSON
import Testing

/// Issue 15: the Node API's OpenAPI description (`GET /openapi.json`) is one truth with the model, the document's
/// examples and the mock: every operation with its request fields, every golden request and reply, and what the mock
/// answers to them and along a day's work, match it.
@Suite struct NodeAPIOpenAPITests {
    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDescription.nodeAPI.json)) as? [String: Any])
    }

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NodeAPIJSONTests/Golden")

    static func goldenJSON(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: golden.appendingPathComponent("\(name).json")), options: .fragmentsAllowed)
    }

    @Test func everyOperationIsDescribedWithItsRequestFields() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let check = OpenAPISchemaCheck(document: document)
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(Set(paths.keys) == Set(NodeAPIOperation.allCases.map(\.path)), "the document's operations and the model's are the same")
        for operation in NodeAPIOperation.allCases {
            let schema = try #require(check.requestSchema(path: operation.path), "\(operation.path) has no request body")
            #expect(check.operation(path: operation.path, method: "post")?["description"].map { "\($0)".contains(operation.soapName ?? "JSON only") } == true)
            let described = Set(check.properties(of: schema).keys)
            for (file, request) in JSONExamples.requests where type(of: request).operation == operation {
                let fields = try #require(try JSONSerialization.jsonObject(with: Data(NodeAPIJSON.encodeRequest(request))) as? [String: Any])
                #expect(Set(fields.keys).isSubset(of: described), "\(file): \(Set(fields.keys).subtracting(described).sorted()) not described")
            }
        }
        let examined = Set(JSONExamples.requests.map { type(of: $0.request).operation })
        #expect(examined.count >= NodeAPIOperation.allCases.count - 1, "the examples cover the operations: \(Set(NodeAPIOperation.allCases).subtracting(examined))")
    }

    /// Issue 25, item 1: the delivery report is described (`webhooks.deliveryReport`) and the mock's bodies match it,
    /// a delivered and an undelivered item, and the scenario's `userID`.
    @Test func theDeliveryReportIsDescribedAndMatches() throws {
        let document = try Self.document()
        let check = OpenAPISchemaCheck(document: document)
        let webhook = ((document["webhooks"] as? [String: Any])?["deliveryReport"] as? [String: Any])?["post"] as? [String: Any]
        let schema = try #require((((webhook?["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
        let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)
        var account = ScenarioFixtures.admin
        account.userID = 4711
        let simulation = NodeAPISimulation(accounts: [account], clock: clock)
        var request = CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230001"]), sender: "BASLIK", title: "T", content: "Rapor ğüşıöçİ")
        request.pushSettings = PushSettings(url: "http://127.0.0.1:9/hook")
        _ = try simulation.respond(to: request, as: "admin")
        clock.advance(seconds: 5)
        let reports = simulation.dueReports()
        #expect(reports.count == 1)
        for (_, report) in reports {
            let body = try JSONSerialization.jsonObject(with: Data(report.jsonBody))
            let problems = check.problems(body, against: schema, at: "report")
            #expect(problems.isEmpty, "\(problems)")
            #expect((body as? [String: Any])?["userID"] as? Int == 4711)
        }
    }

    @Test func everyGoldenRequestAndReplyMatches() throws {
        let check = OpenAPISchemaCheck(document: try Self.document())
        for (file, request) in JSONExamples.requests where !type(of: request).operation.isParameterless {
            let schema = try #require(check.requestSchema(path: type(of: request).operation.path))
            let problems = check.problems(try Self.goldenJSON(file), against: schema, at: file)
            #expect(problems.isEmpty, "\(problems)")
        }
        for (file, operation, _) in JSONExamples.replies {
            let reply = try Self.goldenJSON(file)
            let failed = ((reply as? [String: Any])?["err"] as? [String: Any])?["status"] as? Int
            let schema = try #require(check.replySchema(path: operation.path, method: "post", status: failed ?? 200) ?? nil)
            let problems = check.problems(reply, against: schema, at: file)
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    /// The mock's replies, success and error, to the document's requests and to a day's work along every operation.
    @Test func theMockAnswersAsDescribed() async throws {
        let check = OpenAPISchemaCheck(document: try Self.document())
        let clock = ManualClock()
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: clock)
        let basic = "Basic " + Data("admin:123456".utf8).base64EncodedString()
        try await Application(router: mocks.nodeAPIRouter()).test(.router) { client in
            var answered: [String: Set<Int>] = [:]
            func call(_ path: String, _ body: String, authorization: String? = nil) async throws -> [String: Any] {
                let response = try await client.execute(
                    uri: path, method: .post, headers: [.authorization: authorization ?? basic, .contentType: "application/json"], body: ByteBuffer(string: body)
                )
                let status = Int(response.status.code)
                answered[path, default: []].insert(status)
                let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
                let schema = try #require(check.replySchema(path: path, method: "post", status: status) ?? nil, "\(path) answered \(status)") as [String: Any]
                let problems = check.problems(value, against: schema, at: "\(path) (\(status))")
                #expect(problems.isEmpty, "\(problems)")
                return value as? [String: Any] ?? [:]
            }
            for (file, request) in JSONExamples.requests {
                let body = try String(contentsOf: Self.golden.appendingPathComponent("\(file).json"), encoding: .utf8)
                _ = try await call(type(of: request).operation.path, body)
            }
            let created = try await call("/sms/create", #"{"type":1,"sendingType":1,"sender":"BASLIK","title":"Gün","content":"Merhaba ğüşıöç İ","numbers":["905551230011","905551230012"],"encoding":1}"#)
            let package = try #require((created["data"] as? [String: Any])?["pkgID"] as? Int)
            _ = try await call("/sms/create-otp", #"{"number":"905551230011","sender":"BASLIK","content":"Kodunuz 4711"}"#)
            _ = try await call("/sms/list", "{}")
            _ = try await call("/sms/list-item", #"{"pkgID": \#(package)}"#)
            _ = try await call("/sms/list-sender", "{}")
            _ = try await call("/sms/summary", "{}")
            _ = try await call("/sms/inquiry-number", #"{"gsm": "905551230011"}"#)
            let kvkk = try await call("/sms/create-kvkk", #"{"number": {"nr": "905551230011", "cfs": {"FIRST_NAME": "Şule", "LAST_NAME": "Öztürk"}}, "sender": "BASLIK", "content": "Sayın FIRST_NAME LAST_NAME, izniniz için SHORT_LINK"}"#)
            _ = try await call("/sms/cancel", #"{"id": \#(package)}"#)
            _ = try await call("/sms/recreate", #"{"id": \#(package), "title": "Yeniden"}"#)
            let second = try await call("/sms/create", #"{"type":1,"sendingType":0,"sender":"BASLIK","title":"İkinci","content":"Teslim edilecek","number":"905551230012"}"#)
            let delivered = try #require((second["data"] as? [String: Any])?["pkgID"] as? Int)
            clock.advance(minutes: 60)
            _ = try await call("/sms/list-item", #"{"pkgID": \#(delivered)}"#)
            let recreated = try await call("/sms/recreate", #"{"id": \#(delivered), "title": "Yeniden", "includeNewNumbers": false}"#)
            #expect(kvkk["err"] is NSNull, "\(kvkk)")
            #expect(recreated["err"] is NSNull, "\(recreated)")
            let contact = try await call("/contact/create", #"{"gsm": "905551230099", "firstName": "Şule", "details": {"SEHIR": "İzmir"}}"#)
            let uuid = try #require((contact["data"] as? [String: Any])?["uuid"] as? String, "\(contact)")
            _ = try await call("/contact/update", #"{"uuid": "\#(uuid)", "gsm": "905551230099", "lastName": "Öztürk"}"#)
            _ = try await call("/contact/list", "{}")
            let group = try await call("/contact/create-group", #"{"title": "Müşteriler", "gsms": ["905551230099"]}"#)
            let groupUUID = try #require((group["data"] as? [String: Any])?["uuid"] as? String)
            _ = try await call("/contact/list-group", "{}")
            _ = try await call("/contact/update-group", #"{"uuid": "\#(groupUUID)", "title": "Eski müşteriler"}"#)
            _ = try await call("/contact/set-blacklist", #"{"status": true, "gsms": ["905551230099", "1"], "returnInvalids": true}"#)
            _ = try await call("/contact/import", #"{"csvData": "'GSM'\n'905551230098'", "columns": ["gsm"]}"#)
            _ = try await call("/contact/delete", #"{"uuids": ["\#(uuid)"], "permanent": 1}"#)
            _ = try await call("/contact/delete-group", #"{"uuids": ["\#(groupUUID)"]}"#)
            _ = try await call("/mo/list-request", "{}")
            _ = try await call("/sms/get-mo", "{}")
            _ = try await call("/sms/list-gateway", "")
            _ = try await call("/user/credit", "")
            _ = try await call("/user/credit", "", authorization: "Basic eDp5")
            _ = try await call("/sms/list", #"{"pageSize": 5}"#)
            _ = try await call("/sms/create", "{not json")
            let succeeded = Set(answered.filter { $0.value.contains(200) }.keys)
            #expect(succeeded == Set(NodeAPIOperation.allCases.map(\.path)), "every operation answered a success: missing \(Set(NodeAPIOperation.allCases.map(\.path)).subtracting(succeeded).sorted())")
        }
    }
}
