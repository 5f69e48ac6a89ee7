import EuromsgExpress
import Foundation
import MockProviders
import MockSimulations
import NodeAPI
@testable import ProviderClients
import Testing

/// The Euromsg Express client against the mock over real HTTP: the integrator's session (token plus the end
/// user's API key) made and renewed by itself, every flow typed, refusals in the gateway's shape.
@Suite struct EuromsgExpressClientTests {
    /// A gateway date is Turkish wall time: the session's expiry is read as the instant it names (issue 27: through the
    /// one wall-time conversion, not a calendar of the client's own).
    @Test func aGatewayDateIsTurkishTime() throws {
        let time = try #require(ExpressDateTime("2025-03-10T10:00:05+03:00"))
        #expect(EuromsgExpressClient.date(time) == Date(timeIntervalSince1970: 1_741_590_005))
    }

    let clock = ManualClock(turkey: WireDate("2026-11-23 10:00")!)

    /// A client whose clock is the mock's, or stands still at the mock's start (then only a 401 tells it the token expired).
    func client(_ baseURL: String, apiKey: String = "EXP-DEMO-7F3A9C21", clockStandsStill: Bool = false) -> EuromsgExpressClient {
        let clock = clock
        let start = Date(timeIntervalSince1970: Double(clock.now()) / 1000)
        let mockTime: @Sendable () -> Date = { Date(timeIntervalSince1970: Double(clock.now()) / 1000) }
        let stillTime: @Sendable () -> Date = { start }
        return EuromsgExpressClient(.init(baseURL: baseURL, clientName: "admin", password: "123456", apiKey: apiKey), now: clockStandsStill ? stillTime : mockTime)
    }

    @Test func anIntegratorMovesListsAndMembersAndReadsReports() async throws {
        try await LiveMocks.euromsg(clock: clock) { baseURL in
            let client = client(baseURL)
            #expect(try await client.identification().accountName == "Örnek Mağazacılık A.Ş.")
            let list = try await client.createList("Eskişehir Şubesi")
            #expect(try await client.lists(named: "eskişehir").map(\.id) == [list.id])
            let renamed = try await client.renameList(list.id, to: "İzmir Şubesi")
            #expect(renamed.name == "İzmir Şubesi")
            let added = try await client.addMember(AddMemberRequest(listId: list.id, email: "çiğdem+click@örnek.com.tr", firstName: "Çiğdem"))
            #expect(try await client.member(email: "çiğdem+click@örnek.com.tr").memberId == added.memberId)
            let page = try await client.members(ofList: list.id, paging: ExpressPaging(page: 1, pageSize: 10))
            #expect(page.items.map(\.email) == ["çiğdem+click@örnek.com.tr"])
            let updated = try await client.updateMember(added.memberId, UpdateMemberRequest(lastName: "Öztürk"))
            #expect(updated.lastName == "Öztürk")
            try await client.deleteMember(added.memberId)
            let gone = await #expect(throws: ExpressClientError.self) { try await client.member(email: "çiğdem+click@örnek.com.tr") }
            guard case .provider(let error)? = gone else { Issue.record("\(String(describing: gone))"); return }
            #expect(error.errorCode == .notFound)
            try await client.deleteList(list.id)

            let sent = try await client.campaigns(CampaignQuery(status: .sent))
            #expect(sent.map(\.name) == ["Kasım İndirimleri"])
            let report = try await client.report(ReportQuery(campaignId: sent[0].id))
            #expect(report.totals.hardBounced == 1)
            let clicked = try await client.reportDetail(ReportQuery(campaignId: sent[0].id, clicked: true))
            #expect(clicked.items.map(\.email) == ["mehmet.ozturk+click@example.com"])
            #expect(await client.tokenRequests == 1)
        }
    }

    @Test func aTokenNearItsEndIsRenewedAhead() async throws {
        try await LiveMocks.euromsg(clock: clock) { baseURL in
            let client = client(baseURL)
            _ = try await client.lists()
            clock.advance(seconds: 3600 - 61)
            _ = try await client.lists()
            #expect(await client.tokenRequests == 1)
            clock.advance(seconds: 2)
            _ = try await client.lists()
            #expect(await client.tokenRequests == 2)
        }
    }

    @Test func anExpiredTokenIsRenewedOnce() async throws {
        try await LiveMocks.euromsg(clock: clock) { baseURL in
            let client = client(baseURL, clockStandsStill: true)
            _ = try await client.lists()
            #expect(try await client.lists().count == 2)
            #expect(await client.tokenRequests == 1)
            clock.advance(seconds: 3600)
            #expect(try await client.lists().count == 2)
            #expect(await client.tokenRequests == 2)
        }
    }

    @Test func refusalsAreTheGatewaysErrors() async throws {
        try await LiveMocks.euromsg(clock: clock) { baseURL in
            let unknown = await #expect(throws: ExpressClientError.self) { try await client(baseURL, apiKey: "EXP-YOK").lists() }
            guard case .provider(let error)? = unknown else { Issue.record("\(String(describing: unknown))"); return }
            #expect(error.errorCode == .unknownAPIKey)

            let usedUp = client(baseURL, apiKey: "EXP-USEDUP-1C5E7A93")
            let listId = try await usedUp.lists()[0].id
            let refused = await #expect(throws: ExpressClientError.self) { try await usedUp.addMember(AddMemberRequest(listId: listId, email: "a@example.com")) }
            guard case .provider(let rights)? = refused else { Issue.record("\(String(describing: refused))"); return }
            #expect(rights.errorCode == .noSendingRights)

            let integrator = client(baseURL, apiKey: "EXP-IYS-4B8D2E60")
            let iysList = try await integrator.lists()[0].id
            let missing = await #expect(throws: ExpressClientError.self) { try await integrator.addMember(AddMemberRequest(listId: iysList, email: "b@example.com")) }
            guard case .provider(let field)? = missing else { Issue.record("\(String(describing: missing))"); return }
            #expect(field.field == "iys")
        }
    }
}
