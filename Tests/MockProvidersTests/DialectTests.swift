import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
@testable import MockProviders
@testable import MockSimulations
import MySoftIYS
import NodeAPI
import NodeAPIJSON
import Testing

/// Issue 25, item 6: an account's `dialect` makes the mock answer as the reseller it stands for: `nac` gives every Node
/// API error HTTP 200 (nac-sms reads `err` only from a 2xx); an İYS account's `http200` gives every failure HTTP 200
/// with `succeed: false`. Other accounts of the same server keep the document's statuses.
@Suite struct DialectTests {
    @Test func aNACAccountGetsItsErrorsWithHTTP200() async throws {
        let scenario = try Scenario.parse("""
            nodeAPI:
              accounts:
                - {username: nac, password: "1", credit: 10, senders: [{title: BASLIK}], dialect: nac}
                - {username: belge, password: "2", credit: 10, senders: [{title: BASLIK}]}
            """, file: "s.yaml")
        #expect(scenario.nodeAPI.accounts.map(\.dialect) == [.nac, .document])
        let router = Router(context: MockRequestContext.self)
        NodeAPIRoutes(simulation: NodeAPISimulation(accounts: scenario.nodeAPI.accounts, clock: ManualClock())).register(on: router)
        let unknownSender = #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "YOK", "title": "T", "content": "c"}"#
        try await Application(router: router).test(.router) { client in
            for (user, password, status) in [("nac", "1", HTTPResponse.Status.ok), ("belge", "2", .badRequest), ("nac", "yanlış", .ok)] {
                let auth: HTTPFields = [.authorization: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]
                let response = try await client.execute(uri: "/sms/create", method: .post, headers: auth, body: ByteBuffer(string: unknownSender))
                #expect(response.status == status, "\(user): \(String(buffer: response.body))")
                let reply = try NodeAPIJSON.decodeReply(PackageCreated.self, from: Array(response.body.readableBytesView))
                guard case .failure(let error) = reply else { Issue.record("\(user): expected an error"); continue }
                #expect(error.code == (password == "yanlış" ? "ERR_UNAUTHORIZED_REQUEST" : "ERR_INVALID_SMS_SENDER"))
            }
        }
        #expect(throws: ScenarioError.self) { try Scenario.parse("nodeAPI:\n  accounts:\n    - {username: a, password: b, dialect: netgsm}\n", file: "s.yaml") }
    }

    @Test func anIYSAccountCanHaveItsFailuresAsHTTP200() async throws {
        var loud = ScenarioFixtures.iysAdmin
        loud.failuresAsHTTP200 = true
        let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)
        for (account, status) in [(loud, HTTPResponse.Status.ok), (ScenarioFixtures.iysAdmin, .unprocessableContent)] {
            let router = Router(context: MockRequestContext.self)
            IYSRoutes(simulation: IYSSimulation(accounts: [account], clock: clock), clock: clock).register(on: router)
            try await Application(router: router).test(.router) { client in
                let token = try await IYSRoutesTests.token(client)
                let malformed = try await client.execute(uri: "/api/IYSConsent/SendConsent", method: .post, headers: IYSRoutesTests.bearer(token), body: ByteBuffer(string: "{\"brandCode\":"))
                #expect(malformed.status == status)
                #expect(try IYSRoutesTests.result(Bool.self, malformed).succeed == false)
            }
        }
        let parsed = try Scenario.parse("iys:\n  accounts:\n    - {username: a, password: b, dialect: http200}\n", file: "s.yaml")
        #expect(parsed.iys.accounts.first?.failuresAsHTTP200 == true)
    }
}
