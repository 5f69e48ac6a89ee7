import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockAdmin
import MockFixtures
@_spi(MockInternals) @testable import MockProviders
@_spi(MockInternals) @testable import MockSimulations
import NodeAPI
import NodeAPIJSON
import Testing

/// Issue 23, item 1: a time from a request is read by a bounded parser of the project's own; no fraction is multiplied,
/// no ICU formatter is on an input path, and no amount traps.
@Suite struct HostileTimeTests {
    static let longFraction = "2030-01-01T00:00:00.99999999999999999999999999999999999Z"

    @Test(arguments: [
        ("2026-12-02T09:00:00Z", 1_796_202_000_000),
        ("2026-12-02T09:00:00.5Z", 1_796_202_000_500),
        ("2026-12-02T09:00:00.123456789Z", 1_796_202_000_123),
        ("2026-12-02T12:00:00+03:00", 1_796_202_000_000),
        ("2026-12-02T12:00:00+0300", 1_796_202_000_000),
        ("2026-12-02t06:30:00.250-02:30", 1_796_202_000_250),
        ("1970-01-01T00:00:00Z", 0),
        (longFraction, 1_893_456_000_999),
    ] as [(String, Int64)])
    func isoTimesAreReadByTheProjectsParser(text: String, milliseconds: Int64) {
        #expect(ISOTime.milliseconds(text) == milliseconds)
    }

    @Test(arguments: [
        "", "2026-12-02", "2026-12-02T09:00:00", "2026-12-02T09:00Z", "2026-02-30T09:00:00Z", "2026-12-02T24:00:00Z", "2026-12-02T09:00:60Z",
        "2026-12-02T09:00:00.Z", "2026-12-02T09:00:00+3:00", "2026-12-02T09:00:00+03:00x", "1969-12-31T23:59:59Z", "2026-12-02T09:00:00+24:00",
        "2026-12-02T09:00:00." + String(repeating: "9", count: 100) + "Z", "２０２６-12-02T09:00:00Z", "2026-12-02T09:00:00 Z",
    ])
    func otherTextsAreNoTime(text: String) {
        #expect(ISOTime.milliseconds(text) == nil)
    }

    /// Every admin parameter that takes a time: the 35-digit fraction is a time (its digits past the milliseconds
    /// dropped), answered, not a SIGFPE.
    @Test func theAdminAPIReadsALongFractionAndAnswers() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: SwitchableClock(mode: .manual, now: AdminRoutesTests.start))
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            let journal = try await admin.execute(uri: "/__admin/requests?since=\(Self.longFraction)", method: .get)
            #expect(journal.status == .ok)
            let wait = try await admin.execute(uri: "/__admin/sms/wait?timeout=0&after=\(Self.longFraction)", method: .get)
            #expect([.ok, .notFound, .requestTimeout].contains(wait.status), "\(wait.status)")
            let set = try await admin.execute(uri: "/__admin/clock", method: .post, headers: [.contentType: "application/json"],
                                              body: ByteBuffer(string: #"{"mode": "manual", "now": "\#(Self.longFraction)"}"#))
            #expect(set.status == .ok)
            #expect(mocks.clock.now() == 1_893_456_000_999)
            let garbage = try await admin.execute(uri: "/__admin/requests?since=2030-01-01T00:00:00.9x", method: .get)
            #expect(garbage.status == .badRequest)
            #expect(try JSONDecoder().decode(AdminModels.Failure.self, from: garbage.body).field == "since")
        }
    }

    /// `add: Int.min` is out of range, not `abs(Int.min)`.
    @Test func theSmallestIntegerAsACreditChangeIsRefused() async throws {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        try await Application(router: mocks.adminRouter()).test(.router) { admin in
            for amount in ["-9223372036854775808", "9223372036854775807"] {
                let reply = try await admin.execute(uri: "/__admin/node-api/credit", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: #"{"user": "admin", "add": \#(amount)}"#))
                #expect(reply.status == .badRequest)
                #expect(try JSONDecoder().decode(AdminModels.Failure.self, from: reply.body).field == "add")
            }
        }
    }

    /// A Node API date with 19 (or 400) fraction digits is a date, its digits beyond nanoseconds dropped; in JSON, SOAP
    /// and a GET query alike the server answers in the protocol's shape.
    @Test func aNodeAPIDateWithALongFractionIsReadNotMultiplied() async throws {
        let long = "2030-01-01T10:00:00." + String(repeating: "9", count: 19)
        let date = try #require(WireDate(long))
        #expect(date.fraction == "999999999")
        #expect(WireDate("2030-01-01T10:00:00." + String(repeating: "9", count: 400))?.fraction.count == 9)
        #expect(WireDate("2030-01-01T10:00:00.99x") == nil)
        let router = Router(context: MockRequestContext.self)
        NodeAPIRoutes(simulation: NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: ManualClock())).register(on: router)
        try await Application(router: router).test(.router) { client in
            let json = try await client.execute(uri: "/sms/list", method: .post, headers: NodeAPIRoutesTests.admin,
                                                body: ByteBuffer(string: #"{"startDate": "\#(long)"}"#))
            // The provider's own refusal of a request date in the reply style, naming the field: typed, not a crash.
            #expect(json.status == .badRequest)
            #expect(String(buffer: json.body).contains("ERR_INVALID_PARAM") && String(buffer: json.body).contains("startDate"))
            let query = try await client.execute(uri: "/sms/list?startDate=\(long)", method: .get, headers: NodeAPIRoutesTests.admin)
            #expect(query.status == .badRequest)
            let envelope = NodeAPIRoutesTests.soapOpen + "<sms:getSmsPackages><username>admin</username><password>123456</password><startDate>\(long)</startDate></sms:getSmsPackages>" + NodeAPIRoutesTests.soapClose
            let soap = try await client.execute(uri: "/soap", method: .post, headers: [.contentType: "text/xml"], body: ByteBuffer(string: envelope))
            #expect(soap.status == .ok)
            let created = try await client.execute(uri: "/sms/create", method: .post, headers: NodeAPIRoutesTests.admin, body: ByteBuffer(string:
                #"{"type": 1, "sendingType": 0, "number": 905551230011, "sender": "BASLIK", "title": "T", "content": "Merhaba", "sendingDate": "\#(long)"}"#))
            #expect(created.status != .internalServerError)
        }
    }
}
