import Conformance
import Foundation
import Hummingbird
import MockProviders
import MockRecording
import MockSimulations
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP
import ProviderClients
import ProviderMockTesting
import Testing

/// Issue 15: `provider-mock proxy` passes Node API traffic on, reports what differs in `X-Conformance`, records the
/// exchanges with their credentials redacted, and `serve --replay` answers them back, end to end.
@Suite struct NodeAPIProxyTests {
    let http = ProviderHTTP(timeout: .seconds(10))
    static let basic = "Basic " + Data("admin:123456".utf8).base64EncodedString()

    /// Runs a proxy to `upstream` on a port the OS picks.
    func withProxy<Value: Sendable>(
        to upstream: String, recordingTo directory: String? = nil, _ body: @Sendable (String) async throws -> Value
    ) async throws -> Value {
        let proxy = NodeAPIProxy(upstream: upstream, recorder: try directory.map { try ExchangeRecorder(directory: $0) }, timeout: .seconds(5))
        return try await ProviderMockHarness.withServers(["proxy"]) { bound in
            proxy.application(host: "127.0.0.1", port: 0) { port in bound("proxy", port) }
        } _: { ports in
            try await body("http://127.0.0.1:\(ports["proxy"] ?? 0)")
        }
    }

    func post(_ url: String, _ body: String, soapAction: String? = nil, authorization: String? = basic) async throws -> (status: Int, body: String, headers: [String: String]) {
        var headers = [("Content-Type", soapAction == nil ? "application/json" : "text/xml; charset=utf-8")]
        if let authorization { headers.append(("Authorization", authorization)) }
        if let soapAction { headers.append(("SOAPAction", soapAction)) }
        let (reply, replyHeaders) = try await http.exchange(.POST, url, headers: headers, body: Array(body.utf8))
        return (reply.status, String(decoding: reply.body, as: UTF8.self), Dictionary(replyHeaders.map { ($0.name.lowercased(), $0.value) }) { first, _ in first })
    }

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("proxy-\(UUID().uuidString)").path
    }

    static let create = #"{"type":1,"sendingType":1,"sender":"BASLIK","title":"t","content":"Şifreniz 4711: ğüşıöç İ","numbers":["905551230011"],"encoding":1}"#

    @Test func theProxyPassesTrafficOnChecksItAndRecordsItRedacted() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await ProviderMockHarness.withMocks { running in
            try await withProxy(to: running.nodeAPI.absoluteString, recordingTo: directory) { proxy in
                let created = try await post(proxy + "/sms/create", Self.create)
                #expect(created.status == 200, "\(created.body)")
                #expect(created.headers["x-conformance"] == "ok")
                #expect(try await running.control.inbox(for: "905551230011").first?.text == "Şifreniz 4711: ğüşıöç İ", "it reached the provider")

                let unknown = try await post(proxy + "/user/credit", #"{"foo": 1}"#)
                #expect(unknown.body == #"{"data":{"credit":99999},"err":null}"#)
                #expect(unknown.headers["x-conformance"] == "1 difference: request: foo is not in the document (the provider ignores it)")
                #expect(unknown.headers["x-mock-warning"] == "unknown field 'foo' ignored", "the upstream's headers come back")

                let envelope = String(decoding: try NodeAPISOAP.encodeRequest(UserCreditRequest(), credentials: Credentials(username: "admin", password: "123456")), as: UTF8.self)
                let soap = try await post(proxy + "/soap", envelope, soapAction: "getUserCredit", authorization: nil)
                #expect(soap.status == 200)
                #expect(soap.body.contains("<credit>99999</credit>"))
                #expect(soap.headers["x-conformance"] == "ok")

                let wsdl = try await http.send(.GET, proxy + "/soap?wsdl")
                #expect(String(decoding: wsdl.body, as: UTF8.self).contains(#"<soap:address location="\#(proxy)/soap"/>"#), "toolkits keep calling through the proxy")
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["0001-sms-create.json", "0002-user-credit.json", "0003-soap-getUserCredit.json", "0004-soap.json"])
        let texts = try files.map { try String(contentsOfFile: directory + "/" + $0, encoding: .utf8) }
        #expect(!texts.contains { $0.contains("123456") || $0.contains(Self.basic) }, "no credential reaches a file")
        let first = try JSONDecoder().decode(RecordedExchange.self, from: Data(texts[0].utf8))
        #expect(first.request.headers.first { $0.name.lowercased() == "authorization" }?.value == "Basic REDACTED")
        #expect(first.request.body.text == Self.create, "Turkish text is kept as it was sent")
        #expect(first.reply.status == 200)
        #expect(first.conformance.isEmpty)
        #expect(texts[2].contains("<username>REDACTED</username>") && texts[2].contains("<password>REDACTED</password>"))
        let second = try JSONDecoder().decode(RecordedExchange.self, from: Data(texts[1].utf8))
        #expect(second.conformance == ["request: foo is not in the document (the provider ignores it)"])
    }

    /// An upstream that gets things wrong: a field the document does not have, a SOAP element it does not have, an
    /// error code outside the catalogue with the wrong HTTP status; then no upstream at all.
    @Test func theProxyReportsWhatAWrongUpstreamGetsWrong() async throws {
        let router = Router()
        router.post("/user/credit") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"data": {"credit": 1, "bonus": 5}, "err": null}"#)))
        }
        router.post("/sms/list") { _, _ -> Response in
            let body = #"{"data": null, "err": {"code": "E42", "message": "Hatalı istek", "status": 400}}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.post("/soap") { _, _ -> Response in
            let reply = try NodeAPISOAP.encodeReply(NodeAPIReply<UserCredit>.success(UserCredit(credit: 1)), operation: .userCredit)
            let planted = String(decoding: reply, as: UTF8.self).replacingOccurrences(of: "</credit>", with: "</credit><bonus>5</bonus>")
            return Response(status: .ok, headers: [.contentType: "text/xml"], body: .init(byteBuffer: ByteBuffer(string: planted)))
        }
        try await ProviderMockHarness.withServers(["wrong"]) { bound in
            Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), onServerRunning: { bound("wrong", $0.localAddress?.port ?? 0) })
        } _: { ports in
            try await withProxy(to: "http://127.0.0.1:\(ports["wrong"] ?? 0)") { proxy in
                let credit = try await post(proxy + "/user/credit", "{}")
                #expect(credit.headers["x-conformance"] == "1 difference: reply: data.bonus is not in the document")
                #expect(credit.body.contains("bonus"), "the reply is passed on as it came")

                let list = try await post(proxy + "/sms/list", "{}")
                #expect(list.headers["x-conformance"] == "2 differences: reply: E42 is not in the document's error catalogue; reply: HTTP 200 with err.status 400")

                let envelope = String(decoding: try NodeAPISOAP.encodeRequest(UserCreditRequest(), credentials: Credentials(username: "a", password: "b")), as: UTF8.self)
                let soap = try await post(proxy + "/soap", envelope, soapAction: "getUserCredit")
                #expect(soap.headers["x-conformance"] == "1 difference: reply: result.data.bonus is not in the document")
            }
        }
        // A port nothing listens on: the proxy answers 502 in the protocol's shape, and says why.
        let closed = try await ProviderMockHarness.withServers(["closed"]) { bound in
            Application(router: Router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)), onServerRunning: { bound("closed", $0.localAddress?.port ?? 0) })
        } _: { $0["closed"] ?? 0 }
        try await withProxy(to: "http://127.0.0.1:\(closed)") { proxy in
            let reply = try await post(proxy + "/user/credit", "{}")
            #expect(reply.status == 502)
            #expect(reply.headers["x-conformance"]?.hasPrefix("1 difference: proxy: no reply from the upstream") == true)
            let decoded = try NodeAPIJSON.decodeReply(UserCredit.self, from: Array(reply.body.utf8))
            guard case .failure(let error) = decoded else { Issue.record("a success: \(reply.body)"); return }
            #expect(error.status == 502)
        }
    }

    /// Recorded through the proxy, then answered by a mock started with the recordings: the same request gets the
    /// recorded replies in order whatever its credentials, a reset starts over, and the rest goes to the simulation.
    @Test func aRecordingIsReplayedAndTheRestIsSimulated() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let recorded = try await ProviderMockHarness.withMocks { running in
            try await withProxy(to: running.nodeAPI.absoluteString, recordingTo: directory) { proxy in
                let before = try await post(proxy + "/user/credit", "{}")
                let created = try await post(proxy + "/sms/create", Self.create)
                let after = try await post(proxy + "/user/credit", "{}")
                return [before.body, created.body, after.body]
            }
        }
        #expect(recorded[0] != recorded[2], "the credit went down between the two calls")
        let source = try Scenario.bundledSource()
        let mocks = ProviderMocks(
            scenario: try Scenario.parse(source, file: "default.yaml"), clock: ManualClock(), replay: try ReplayBook.load(directory: directory)
        )
        try await ProviderMockHarness.withMocks(mocks) { running in
            let url = running.nodeAPI.absoluteString
            let other = "Basic " + Data("someone:else".utf8).base64EncodedString()
            let first = try await post(url + "/user/credit", "{}", authorization: other)
            #expect(first.body == recorded[0])
            #expect(first.headers["x-mock-replay"] == "0001-user-credit.json")
            // Keys in another order, with spaces: the same request to the model.
            let reordered = #"{ "numbers": ["905551230011"], "content": "Şifreniz 4711: ğüşıöç İ", "encoding": 1, "title": "t", "sender": "BASLIK", "sendingType": 1, "type": 1 }"#
            #expect(try await post(url + "/sms/create", reordered).body == recorded[1])
            #expect(try await post(url + "/user/credit", "{}").body == recorded[2], "the second recording of the same request")
            #expect(try await post(url + "/user/credit", "[]").body == recorded[2], "then the last one again")
            try await running.control.reset()
            #expect(try await post(url + "/user/credit", "{}").body == recorded[0], "a reset starts the sequences over")

            let simulated = try await post(url + "/sms/list", "{}", authorization: other)
            #expect(simulated.headers["x-mock-replay"] == nil)
            #expect(simulated.body.contains("ERR_UNAUTHORIZED_REQUEST"), "not recorded: the simulation answers, credentials and all")
            #expect(try await running.control.inbox().isEmpty, "the replayed create sent nothing")
        }
    }
}
