import Conformance
import Foundation
import Hummingbird
import HummingbirdTesting
import ProviderMockTesting
import Testing

/// Issue 15: the MySoft İYS and Euromsg Express contracts pass against the mocks, and report what a wrong server plants.
@Suite struct ProviderContractsTests {
    @Test func theMocksPassEveryCheck() async throws {
        try await ProviderMockHarness.withMocks { running in
            let iys = await IYSContract(
                baseURL: running.iys.absoluteString, username: "admin", password: "123456", allowWrites: true, testNumber: "905551230011"
            ).run()
            #expect(iys.conformant, "\(iys.table)")
            #expect(iys.counts.passed == 8)
            let euromsg = await ExpressContract(
                baseURL: running.euromsg.absoluteString, clientName: "admin", password: "123456", apiKey: "EXP-DEMO-7F3A9C21", allowWrites: true
            ).run()
            #expect(euromsg.conformant, "\(euromsg.table)")
            #expect(euromsg.counts.passed == 13)
            #expect(Set((iys.results + euromsg.results).map(\.provider)) == ["iys", "euromsg"])
        }
    }

    @Test func writesAreSkippedUnlessAllowed() async throws {
        try await ProviderMockHarness.withMocks { running in
            let iys = await IYSContract(baseURL: running.iys.absoluteString, username: "admin", password: "123456").run()
            #expect(iys.results.last?.verdict == .skipped)
            let euromsg = await ExpressContract(baseURL: running.euromsg.absoluteString, clientName: "admin", password: "123456", apiKey: "EXP-DEMO-7F3A9C21").run()
            #expect(euromsg.results.last?.verdict == .skipped)
        }
    }

    static func json(_ body: String, _ status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// An İYS that gets four things wrong: a token for a wrong password, a brand with a field the document does not
    /// have, an envelope key of its own, and an unknown batch answered with the wrong code and status.
    @Test func eachPlantedIYSDifferenceIsReported() async throws {
        let router = Router()
        router.post("/oauth/token") { _, _ in Self.json(#"{"access_token": "t", "token_type": "bearer", "expires_in": 60}"#) }
        router.post("/api/IYSConsent/IYSBrands") { _, _ in
            Self.json(#"{"succeed": true, "data": [{"brandCode": 1, "name": "M", "master": true, "logo": "x", "stats": {"consents": {"approval": 0, "rejection": 0, "total": 0}, "retailers": {"total": 0}}}], "message": null, "errorCode": null}"#)
        }
        router.post("/api/IYSConsent/RecipientStatus") { _, _ in Self.json(#"{"succeed": true, "data": [], "message": null, "errorCode": null, "traceId": "1"}"#) }
        router.post("/api/IYSConsent/ConsentQuery") { request, _ in
            request.headers[.authorization] == nil
                ? Self.json(#"{"succeed": false, "data": null, "message": "no", "errorCode": null}"#, .unauthorized)
                : Self.json(#"{"succeed": true, "data": {"brandCode": "1", "afterValue": null, "recordCount": 0, "consentData": []}, "message": null, "errorCode": null}"#)
        }
        router.post("/api/IYSConsent/ConsentBatchStatus") { _, _ in Self.json(#"{"succeed": false, "data": null, "message": "?", "errorCode": "HM400"}"#, .badRequest) }
        try await Application(router: router).test(.live) { client in
            let report = await IYSContract(baseURL: "http://127.0.0.1:\(try #require(client.port))", username: "a", password: "b").run()
            func differences(_ check: String) -> [String] { report.results.first { $0.check == check }?.differences ?? ["no such check"] }
            #expect(!report.conformant)
            #expect(differences("wrong credentials are invalid_grant") == ["error missing where OAuth 2 has invalid_grant", "HTTP 200 where OAuth 2 has 400 for invalid_grant"])
            #expect(differences("lists the brands") == ["data[0].logo is not in the document"])
            #expect(differences("lists a recipient's consents") == ["the envelope has keys the document does not: traceId"])
            #expect(differences("an unknown batch is HM404") == ["errorCode HM400 where the document has HM404", "HTTP 400 where the document has 404"])
            #expect(differences("queries the brand's consents") == [])
        }
    }

    /// A Euromsg Express that gets four things wrong: an error with the wrong status, a list id as a string (which the model
    /// refuses, naming the field), a
    /// campaign with a field the document does not have, and no health check.
    @Test func eachPlantedExpressDifferenceIsReported() async throws {
        let router = Router()
        router.post("/tokens") { request, _ in
            let body = String(buffer: try await request.body.collect(upTo: 10_000))
            return body.contains("yanlış")
                ? Self.json(#"{"errorCode": "INVALID_CREDENTIALS", "message": "no"}"#, .badRequest)
                : Self.json(#"{"tokenValue": "t", "expireTime": "2026-12-02T20:00:00+03:00", "roles": []}"#)
        }
        router.get("/email-list") { request, _ in
            request.headers[.authorization] == nil
                ? Self.json(#"{"errorCode": "UNAUTHORIZED", "message": "no"}"#, .unauthorized)
                : Self.json(#"[{"id": "1001", "name": "L", "memberCount": 0, "createdAt": "2026-12-02T19:00:00+03:00"}]"#)
        }
        router.put("/apiKey/identification") { request, _ in
            let body = String(buffer: try await request.body.collect(upTo: 10_000))
            return body.contains("provider-mock-check")
                ? Self.json(#"{"errorCode": "UNKNOWN_API_KEY", "message": "no"}"#, .notFound)
                : Self.json(#"{"apiKey": "k", "accountName": "A", "iysIntegrator": false, "sendingRights": {"active": true, "remainingSends": 1}}"#)
        }
        router.get("/member/0") { _, _ in Self.json(#"{"errorCode": "NOT_FOUND", "message": "no"}"#, .notFound) }
        router.get("/member") { _, _ in Self.json(#"{"items": [], "page": 1, "pageSize": 10, "totalCount": 0}"#) }
        router.get("/campaign") { _, _ in Self.json(#"[{"id": 1, "name": "C", "subject": "S", "status": "Sent", "listIds": [], "recipientCount": 0, "createdAt": "2026-12-02T19:00:00+03:00", "opens": 3}]"#) }
        router.get("/campaign-report") { _, _ in
            Self.json(#"{"campaignId": 1, "campaignName": "C", "status": "Sent", "lists": [], "totals": {"recipients": 0, "sent": 0, "hardBounced": 0, "softBounced": 0, "opened": 0, "clicked": 0, "spam": 0, "unsubscribed": 0}}"#)
        }
        try await Application(router: router).test(.live) { client in
            let report = await ExpressContract(baseURL: "http://127.0.0.1:\(try #require(client.port))", clientName: "a", password: "b", apiKey: "k").run()
            func differences(_ check: String) -> [String] { report.results.first { $0.check == check }?.differences ?? ["no such check"] }
            #expect(!report.conformant)
            #expect(differences("wrong credentials are INVALID_CREDENTIALS") == ["HTTP 400 where the document has 401 for INVALID_CREDENTIALS"])
            #expect(differences("lists the e-mail lists") == ["the reply does not decode into the model (HTTP 200): [0].id: has the wrong type"])
            #expect(differences("lists the campaigns") == ["reply[0].opens is not in the document"])
            #expect(differences("answers the health check").first?.hasPrefix("the reply does not decode into the model (HTTP 404)") == true)
            #expect(differences("reports a campaign") == [])
            let junit = report.junit
            #expect(junit.contains(#"<testsuite name="euromsg.json""#))
        }
    }
}
