import Conformance
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import HummingbirdTesting
import MockProviders
import ProviderMockTesting
import Testing

/// Issue 15: the Node API's contract passes against the mock on both faces, and reports each difference planted in a
/// deliberately wrong server.
@Suite struct NodeAPIContractTests {
    @Test func theMockPassesEveryCheckOnBothFaces() async throws {
        try await ProviderMockHarness.withMocks { running in
            let contract = NodeAPIContract(
                baseURL: running.nodeAPI.absoluteString, username: "admin", password: "123456", faces: [.json, .soap],
                allowWrites: true, testNumber: "905551230011", sender: "BASLIK"
            )
            let report = await contract.run()
            #expect(report.conformant, "\(report.table)")
            #expect(report.counts.failed == 0)
            #expect(report.results.filter { $0.face == "soap" && $0.verdict == .skipped }.map(\.operation).sorted()
                == ["/contact/list", "/contact/list-group", "/mo/list-request", "/sms/inquiry-number", "/sms/summary"])
            #expect(report.counts.passed == 12 + 7)
        }
    }

    @Test func writesAreSkippedUnlessAllowed() async throws {
        try await ProviderMockHarness.withMocks { running in
            let report = await NodeAPIContract(baseURL: running.nodeAPI.absoluteString, username: "admin", password: "123456").run()
            let write = try #require(report.results.first { $0.operation == "/sms/create" })
            #expect(write.verdict == .skipped)
            #expect(try await running.control.inbox().isEmpty, "nothing was sent")
        }
    }

    /// A server that gets six things wrong: a field the document does not have, a number as a string, no envelope, the
    /// wrong HTTP status for an error, the wrong error code, and paths that are not the Node API's.
    @Test func eachPlantedDifferenceIsReported() async throws {
        let router = Router()
        router.post("/user/credit") { request, _ -> Response in
            let wrongPassword = request.headers[.authorization] != "Basic " + Data("admin:123456".utf8).base64EncodedString()
            let body = wrongPassword
                ? #"{"data": null, "err": {"code": "ERR_UNAUTHORIZED_REQUEST", "message": "Hatalı", "status": 401}}"#
                : #"{"data": {"credit": 100000, "bonus": 5}, "err": null}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.post("/contact/list-group") { _, _ -> Response in
            let body = #"{"data": {"totalRecord": "iki", "list": []}, "err": null}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.post("/sms/list-sender") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"totalRecord": 0, "list": []}"#)))
        }
        router.post("/sms/list-item") { _, _ -> Response in
            let body = #"{"data": null, "err": {"code": "ERR_INVALID_PARAM", "message": "?", "status": 400}}"#
            return Response(status: .badRequest, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        try await Application(router: router).test(.live) { client in
            let port = try #require(client.port)
            let report = await NodeAPIContract(baseURL: "http://127.0.0.1:\(port)", username: "admin", password: "123456").run()
            func differences(_ check: String) -> [String] { report.results.first { $0.check == check }?.differences ?? ["no such check"] }
            #expect(!report.conformant)
            #expect(differences("reads the account's credit") == ["data.bonus is not in the document"])
            #expect(differences("lists the groups").first?.contains("does not decode into the model") == true)
            #expect(differences("lists the groups").first?.contains("(data.") == true, "names the field: \(differences("lists the groups"))")
            #expect(differences("lists the senders").first?.hasPrefix("the envelope lacks data and err") == true)
            #expect(differences("wrong credentials are ERR_UNAUTHORIZED_REQUEST") == ["HTTP 200 with err.status 401"])
            #expect(differences("an unknown package is ERR_SMS_PKG_NOT_FOUND").contains("ERR_INVALID_PARAM where the document has ERR_SMS_PKG_NOT_FOUND"))
            // Paths the server does not have: a 404 that is not the Node API's envelope.
            #expect(differences("sums the packages up").first?.hasPrefix("the body is not a JSON object (HTTP 404)") == true)

            let junit = report.junit
            #expect(junit.contains(#"<testsuite name="node-api.json" tests="12""#))
            #expect(junit.contains(#"<failure message="data.bonus is not in the document">"#))
            let parsed = try XMLDocument(data: Data(junit.utf8))
            #expect(try parsed.nodes(forXPath: "//testcase").count == 12)
            #expect(try parsed.nodes(forXPath: "//testcase[failure]").count == report.counts.failed)
            let json = try JSONDecoder().decode(ConformanceReport.self, from: Data(report.json))
            #expect(json == report)
        }
    }
}
