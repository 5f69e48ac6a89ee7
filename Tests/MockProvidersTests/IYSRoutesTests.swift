import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
import MockProviders
import MockSimulations
import MySoftIYS
import NodeAPI
import Testing

/// The MySoft İYS mock over HTTP, in process: OAuth, the bearer token, and errors in the API's own envelope.
@Suite struct IYSRoutesTests {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    func app() -> some ApplicationProtocol {
        let router = Router(context: MockRequestContext.self)
        IYSRoutes(simulation: IYSSimulation(accounts: [ScenarioFixtures.iysAdmin], clock: clock), clock: clock).register(on: router)
        return Application(router: router)
    }

    static func token(_ client: some TestClientProtocol) async throws -> String {
        let response = try await client.execute(
            uri: "/oauth/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "username=admin&password=123456&grant_type=password")
        )
        #expect(response.status == .ok)
        return try IYSJSON.decode(OAuthToken.self, from: Array(response.body.readableBytesView)).accessToken
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "bearer \(token)", .contentType: "application/json"] }

    static func result<Payload>(_ type: Payload.Type, _ response: TestResponse) throws -> IYSResult<Payload> {
        try IYSJSON.decode(IYSResult<Payload>.self, from: Array(response.body.readableBytesView))
    }

    @Test func aFormOrJSONTokenOpensTheAPIUntilItExpires() async throws {
        try await app().test(.router) { client in
            let token = try await Self.token(client)
            let brands = try await client.execute(uri: "/api/IYSConsent/IYSBrands", method: .get, headers: Self.bearer(token))
            #expect(brands.status == .ok)
            #expect(try Self.result([Brand].self, brands).get().map(\.name) == ["Test Marka 1", "Test Marka 2"])
            let json = try await client.execute(uri: "/oauth/token", method: .post, headers: [.contentType: "application/json"],
                                                body: ByteBuffer(string: #"{"username": "admin", "password": "123456", "grant_type": "password"}"#))
            #expect(json.status == .ok)
            clock.advance(seconds: 86_399)
            let expired = try await client.execute(uri: "/api/IYSConsent/IYSBrands", method: .get, headers: Self.bearer(token))
            #expect(expired.status == .unauthorized)
            #expect(try Self.result(Bool.self, expired).succeed == false)
        }
    }

    @Test func wrongCredentialsAreInvalidGrant() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/oauth/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "username=admin&password=x&grant_type=password"))
            #expect(response.status == .badRequest)
            #expect(try IYSJSON.decode(OAuthError.self, from: Array(response.body.readableBytesView)).error == "invalid_grant")
        }
    }

    @Test func everyCallNeedsAToken() async throws {
        try await app().test(.router) { client in
            for call in ["SendConsent", "ConsentStatus", "SendConsentBatch", "ConsentBatchStatus", "ConsentBatchStatusSuccess", "ConsentBatchStatusError",
                         "ConsentBatchStatusUpdated", "ConsentBatchStatusIsUsedBefore", "ConsentBatchSendIYSStatus", "RecipientStatus", "ConsentQuery"] {
                let response = try await client.execute(uri: "/api/IYSConsent/\(call)", method: .post, body: ByteBuffer(string: "{}"))
                #expect(response.status == .unauthorized, "\(call)")
            }
        }
    }

    @Test func badInputIsAnEnvelopeNeverA500() async throws {
        try await app().test(.router) { client in
            let token = try await Self.token(client)
            let malformed = try await client.execute(uri: "/api/IYSConsent/SendConsent", method: .post, headers: Self.bearer(token), body: ByteBuffer(string: "{\"brandCode\":"))
            #expect(malformed.status.code == 422)
            #expect(try Self.result(ConsentRecord.self, malformed).errorCode == .HM422)
            let unknownEnum = try await client.execute(uri: "/api/IYSConsent/ConsentStatus", method: .post, headers: Self.bearer(token),
                                                       body: ByteBuffer(string: #"{"brandCode": "5565656556", "recipient": "+905551230011", "type": "FAKS"}"#))
            #expect(try Self.result(ConsentRecord.self, unknownEnum).message == "type: 'FAKS' is not one of ARAMA, MESAJ, EPOSTA")
            let unknownPath = try await client.execute(uri: "/api/IYSConsent/Nope", method: .post, headers: Self.bearer(token))
            #expect(unknownPath.status == .notFound)
            #expect(try Self.result(Bool.self, unknownPath).errorCode == .HM404)
            let found = try await client.execute(uri: "/api/IYSConsent/ConsentStatus", method: .post, headers: Self.bearer(token),
                                                 body: ByteBuffer(string: #"{"brandCode": 5565656556, "recipient": "+905551230011", "type": "MESAJ", "isQueryFromIYS": "true"}"#))
            #expect(try Self.result(ConsentRecord.self, found).get().consent.status == .approved)
        }
    }

    /// A batch with a wrong record and no `isSaveSuccessData` is the document's "Successful" sample: 200, every record back.
    @Test func aCancelledBatchIsTheDocumentsSuccessfulReplyListingEveryRecord() async throws {
        try await app().test(.router) { client in
            let token = try await Self.token(client)
            let body = #"{"brandCode": "5565656556", "consentData": [{"recipient": "+905551230055", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY", "consentDate": "2025-03-01 10:00:00"}, {"recipient": "+9055", "type": "MESAJ", "source": "HS_WEB", "status": "ONAY", "consentDate": "2025-03-01 10:00:00"}]}"#
            let response = try await client.execute(uri: "/api/IYSConsent/SendConsentBatch", method: .post, headers: Self.bearer(token), body: ByteBuffer(string: body))
            #expect(response.status.code == 200)
            let result = try Self.result(BatchSendResult.self, response)
            #expect(result.succeed && result.data?.transctionGuid != nil)
            #expect(result.data?.consentList.map(\.consent.recipient) == ["+905551230055", "+9055"])
            #expect(result.data?.consentList.allSatisfy { $0.errorMessage != nil } == true)
        }
    }
}
