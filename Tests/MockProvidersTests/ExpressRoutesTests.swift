import EuromsgExpress
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MockProviders
import MockSimulations
import NodeAPI
import Testing

/// The Euromsg Express mock over HTTP, in process: the integrator's flow end to end, and every refusal in
/// the gateway's error shape with its status.
@Suite struct ExpressRoutesTests {
    let clock = ManualClock(turkey: WireDate("2026-11-23 10:00")!)

    func app() throws -> some ApplicationProtocol {
        let router = Router(context: MockRequestContext.self)
        let simulation = ExpressSimulation(scenario: try Scenario.bundled().euromsg, clock: clock)
        ExpressRoutes(simulation: simulation, clock: clock).register(on: router)
        return Application(router: router)
    }

    @Test func anOversizedBodyIsRefusedInTheGatewaysShape() async throws {
        let router = Router(context: MockRequestContext.self)
        ExpressRoutes(simulation: ExpressSimulation(scenario: try Scenario.bundled().euromsg, clock: clock), maxBodyBytes: 64, clock: clock).register(on: router)
        try await Application(router: router).test(.router) { client in
            let big = #"{"clientName": "admin", "password": "\#(String(repeating: "ş", count: 100))"}"#
            let response = try await client.execute(uri: "/tokens", method: .post, body: Self.json(big))
            #expect(response.status == .contentTooLarge)
            #expect(try Self.error(response).errorCode == .tooLarge)
        }
    }

    /// Issue 23, item 13: the last of a repeated key is the one read, and the mock says so.
    @Test func aRepeatedKeyKeepsItsLastValue() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(
                uri: "/tokens", method: .post, body: Self.json(#"{"clientName": "admin", "password": "yanlış", "password": "123456"}"#)
            )
            #expect(response.status == .ok)
            #expect(response.headers[values: .mockWarning] == ["field 'password' given more than once: the last value was used"])
        }
    }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    static func decode<Value: Decodable>(_ type: Value.Type, _ response: TestResponse) throws -> Value {
        try ExpressJSON.decode(type, from: Array(response.body.readableBytesView))
    }

    static func error(_ response: TestResponse) throws -> ExpressError { try decode(ExpressError.self, response) }

    static func token(_ client: some TestClientProtocol) async throws -> String {
        let response = try await client.execute(uri: "/tokens", method: .post, body: json(#"{"clientName": "admin", "password": "123456"}"#))
        #expect(response.status == .ok)
        return try decode(ExpressToken.self, response).tokenValue
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    @Test func anIntegratorManagesListsAndMembersOfAnEndUser() async throws {
        try await app().test(.router) { client in
            let token = try await Self.token(client)
            let headers = Self.bearer(token)
            let before = try await client.execute(uri: "/email-list", method: .get, headers: headers)
            #expect(before.status == .forbidden)
            #expect(try Self.error(before).errorCode == .apiKeyRequired)
            let identified = try await client.execute(uri: "/apiKey/identification?apiKey=EXP-DEMO-7F3A9C21", method: .put, headers: headers)
            #expect(identified.status == .ok)
            #expect(try Self.decode(Identification.self, identified).accountName == "Örnek Mağazacılık A.Ş.")

            let created = try await client.execute(uri: "/email-list", method: .post, headers: headers, body: Self.json(#"{"name": "Çorum Şubesi"}"#))
            #expect(created.status == .created)
            let list = try Self.decode(EmailList.self, created)
            let renamed = try await client.execute(uri: "/email-list/\(list.id)", method: .patch, headers: headers, body: Self.json(#"{"name": "Iğdır Şubesi"}"#))
            #expect(try Self.decode(EmailList.self, renamed).name == "Iğdır Şubesi")
            let lists = try await client.execute(uri: "/email-list?name=%C4%B1%C4%9Fd%C4%B1r", method: .get, headers: headers)
            #expect(try Self.decode([EmailList].self, lists).map(\.id) == [list.id])

            let added = try await client.execute(uri: "/member", method: .post, headers: headers,
                                                 body: Self.json(#"{"listId": \#(list.id), "email": "şule@örnek.com.tr", "firstName": "Şule"}"#))
            #expect(added.status == .created)
            let member = try Self.decode(Member.self, added)
            let byEmail = try await client.execute(uri: "/member?email=%C5%9Fule@%C3%B6rnek.com.tr", method: .get, headers: headers)
            #expect(try Self.decode(Member.self, byEmail).memberId == member.memberId)
            let page = try await client.execute(uri: "/member?listId=\(list.id)&pageSize=10", method: .get, headers: headers)
            #expect(try Self.decode(ExpressPage<Member>.self, page).items.map(\.firstName) == ["Şule"])
            let patched = try await client.execute(uri: "/member/\(member.memberId)", method: .patch, headers: headers, body: Self.json(#"{"lastName": "Güneş"}"#))
            #expect(try Self.decode(Member.self, patched).lastName == "Güneş")
            let patchedByBody = try await client.execute(uri: "/member", method: .patch, headers: headers,
                                                         body: Self.json(#"{"memberId": \#(member.memberId), "phone": "+905551112233"}"#))
            #expect(try Self.decode(Member.self, patchedByBody).phone == "+905551112233")
            let noId = try await client.execute(uri: "/member", method: .patch, headers: headers, body: Self.json(#"{"phone": "1"}"#))
            #expect(noId.status == .badRequest)
            #expect(try Self.error(noId).field == "memberId")

            let deleted = try await client.execute(uri: "/member/\(member.memberId)", method: .delete, headers: headers)
            #expect(deleted.status == .noContent)
            let hidden = try await client.execute(uri: "/member/\(member.memberId)", method: .get, headers: headers)
            #expect(hidden.status == .notFound)
            #expect(try Self.error(hidden).errorCode == .notFound)
            let listGone = try await client.execute(uri: "/email-list/\(list.id)", method: .delete, headers: headers)
            #expect(listGone.status == .noContent)
        }
    }

    @Test func campaignsAndReportsAnswerTheirFilters() async throws {
        try await app().test(.router) { client in
            var headers = Self.bearer(try await Self.token(client))
            // The API key in a header instead of the binding.
            headers[HTTPField.Name("apiKey")!] = "EXP-DEMO-7F3A9C21"
            let sent = try await client.execute(uri: "/campaign?status=Sent", method: .get, headers: headers)
            let campaigns = try Self.decode([Campaign].self, sent)
            #expect(campaigns.map(\.name) == ["Kasım İndirimleri"])
            let id = campaigns[0].id
            let one = try await client.execute(uri: "/campaign/\(id)", method: .get, headers: headers)
            #expect(try Self.decode(Campaign.self, one).status == .sent)
            let report = try await client.execute(uri: "/campaign-report?campaignId=\(id)", method: .get, headers: headers)
            #expect(try Self.decode(CampaignReport.self, report).totals.recipients == 7)
            let bounced = try await client.execute(uri: "/campaign-report-detail?campaignId=\(id)&status=SoftBounced", method: .get, headers: headers)
            #expect(try Self.decode(ExpressPage<ReportDetail>.self, bounced).items.map(\.email) == ["ozge.dogan+softbounce@example.com"])
            let badStatus = try await client.execute(uri: "/campaign-report-detail?campaignId=\(id)&status=Opened", method: .get, headers: headers)
            #expect(badStatus.status == .badRequest)
            #expect(try Self.error(badStatus).field == "status")
            let noCampaign = try await client.execute(uri: "/campaign-report?campaignId=1", method: .get, headers: headers)
            #expect(noCampaign.status == .notFound)
        }
    }

    @Test func badTokensAndKeysAreRefusedInTheGatewaysShape() async throws {
        try await app().test(.router) { client in
            let wrong = try await client.execute(uri: "/tokens", method: .post, body: Self.json(#"{"clientName": "admin", "password": "x"}"#))
            #expect(wrong.status == .unauthorized)
            #expect(try Self.error(wrong).errorCode == .invalidCredentials)
            let malformed = try await client.execute(uri: "/tokens", method: .post, body: Self.json(#"{"clientName": "admin""#))
            #expect(malformed.status == .badRequest)
            #expect(try Self.error(malformed).errorCode == .validation)
            let none = try await client.execute(uri: "/campaign", method: .get)
            #expect(none.status == .unauthorized)
            #expect(try Self.error(none).errorCode == .unauthorized)

            let token = try await Self.token(client)
            let unknownKey = try await client.execute(uri: "/apiKey/identification/EXP-YOK", method: .put, headers: Self.bearer(token))
            #expect(unknownKey.status == .notFound)
            #expect(try Self.error(unknownKey).errorCode == .unknownAPIKey)
            let bodyKey = try await client.execute(uri: "/apiKey/identification", method: .put, headers: Self.bearer(token), body: Self.json(#"{"apiKey": "EXP-USEDUP-1C5E7A93"}"#))
            #expect(bodyKey.status == .ok)
            let usedUp = try await client.execute(uri: "/email-list", method: .get, headers: Self.bearer(token))
            let listId = try Self.decode([EmailList].self, usedUp)[0].id
            let refused = try await client.execute(uri: "/member", method: .post, headers: Self.bearer(token), body: Self.json(#"{"listId": \#(listId), "email": "a@example.com"}"#))
            #expect(refused.status == .forbidden)
            #expect(try Self.error(refused).errorCode == .noSendingRights)
            let wrongType = try await client.execute(uri: "/member", method: .post, headers: Self.bearer(token), body: Self.json(#"{"listId": "bir", "email": "a@example.com"}"#))
            #expect(wrongType.status == .badRequest)
            #expect(try Self.error(wrongType).field == "listId")

            clock.advance(seconds: 3600)
            let expired = try await client.execute(uri: "/email-list", method: .get, headers: Self.bearer(token))
            #expect(expired.status == .unauthorized)
            #expect(try Self.error(expired).errorCode == .tokenExpired)
            let unknownPath = try await client.execute(uri: "/kampanya", method: .get)
            #expect(unknownPath.status == .notFound)
            #expect(try Self.error(unknownPath).errorCode == .notFound)
            let health = try await client.execute(uri: "/health-check", method: .get)
            #expect(health.status == .ok)
            #expect(try Self.decode(HealthCheck.self, health).status == "Healthy")
        }
    }

    @Test func theMockSendsACampaignFromThePanel() async throws {
        try await app().test(.router) { client in
            let headers = Self.bearer(try await Self.token(client))
            _ = try await client.execute(uri: "/apiKey/identification/EXP-DEMO-7F3A9C21", method: .put, headers: headers)
            let lists = try Self.decode([EmailList].self, try await client.execute(uri: "/email-list", method: .get, headers: headers))
            // The seeded spam complainer already left the VIP list; a new one joins.
            _ = try await client.execute(uri: "/member", method: .post, headers: headers, body: Self.json(#"{"listId": \#(lists[1].id), "email": "deneme+spam@example.com"}"#))
            let sent = try await client.execute(uri: "/mock/euromsg/campaign", method: .post,
                                                body: Self.json(#"{"apiKey": "EXP-DEMO-7F3A9C21", "name": "Flaş", "subject": "Bugüne özel", "listIds": [\#(lists[1].id)], "startsInSeconds": 60}"#))
            #expect(sent.status == .created)
            let campaign = try Self.decode(Campaign.self, sent)
            #expect(campaign.status == .pending && campaign.recipientCount == 2)
            clock.advance(seconds: 75)
            let detail = try await client.execute(uri: "/campaign-report-detail?campaignId=\(campaign.id)&spam=true", method: .get, headers: headers)
            #expect(try Self.decode(ExpressPage<ReportDetail>.self, detail).items.map(\.email) == ["deneme+spam@example.com"])
            let left = try await client.execute(uri: "/member?email=deneme%2Bspam@example.com", method: .get, headers: headers)
            #expect(try Self.decode(Member.self, left).status == .unsubscribed)
        }
    }
}
