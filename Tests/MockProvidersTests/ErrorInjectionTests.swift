import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
import MockProviders
import MockSimulations
import NodeAPI
import NodeAPIJSON
import Testing

/// Errors on demand and by condition, the journal, and the sending-hours window.
@Suite struct ErrorInjectionTests {
    static let admin: HTTPFields = [.authorization: "Basic " + Data("admin:123456".utf8).base64EncodedString()]

    struct Mock {
        let app: Application<RouterResponder<MockRequestContext>>
        let injection: ErrorInjection
        let journal: RequestJournal
    }

    func mock(
        _ injection: ErrorInjection = ErrorInjection(), faults: FaultBook = FaultBook(), journal: RequestJournal = RequestJournal(), sendingHours: SendingHours? = nil
    ) -> Mock {
        let clock = ManualClock(turkey: WireDate("2025-03-10 21:30")!)
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], sendingHours: sendingHours, clock: clock)
        let router = Router(context: MockRequestContext.self)
        NodeAPIRoutes(simulation: simulation, injection: injection, faults: faults, journal: journal, clock: clock).register(on: router)
        return Mock(app: Application(router: router), injection: injection, journal: journal)
    }

    static func error(_ response: TestResponse) throws -> NodeAPIError? {
        guard case .failure(let error) = try NodeAPIJSON.decodeReply(StatusReply.self, from: Array(response.body.readableBytesView)) else { return nil }
        return error
    }

    @Test func headerAsksForAnyCatalogueError() async throws {
        try await mock().app.test(.router) { client in
            var headers = Self.admin
            headers[.mockError] = "SMS18"
            let byNumber = try await client.execute(uri: "/user/credit", method: .post, headers: headers)
            #expect(byNumber.status.code == 417)
            #expect(try Self.error(byNumber)?.code == "ERR_USER_CREDIT_REQUIRED")
            headers[.mockError] = "ERR_SYSTEM_MAINTENANCE"
            #expect(try await client.execute(uri: "/user/credit", method: .post, headers: headers).status.code == 503)
            headers[.mockError] = "SMS77"
            let unknown = try await client.execute(uri: "/user/credit", method: .post, headers: headers)
            #expect(try Self.error(unknown)?.message.contains("'SMS77' is not in the error catalogue") == true)
        }
    }

    @Test func scenarioRuleEveryNthCall() async throws {
        let faults = FaultBook(scenario: [Fault(scenario: ErrorInjection.Rule(endpoint: "/user/credit", error: .sms50, every: 3), number: 1)])
        try await mock(faults: faults).app.test(.router) { client in
            var statuses: [UInt] = []
            for _ in 0..<6 { statuses.append(UInt(try await client.execute(uri: "/user/credit", method: .post, headers: Self.admin).status.code)) }
            #expect(statuses == [200, 200, 429, 200, 200, 429])
        }
    }

    @Test func maintenanceAnswersSMS99() async throws {
        let mock = mock()
        try await mock.app.test(.router) { client in
            mock.injection.setMaintenance(true)
            let down = try await client.execute(uri: "/user/credit", method: .post, headers: Self.admin)
            #expect(down.status == .serviceUnavailable)
            #expect(try Self.error(down)?.code == "ERR_SYSTEM_MAINTENANCE")
            mock.injection.setMaintenance(false)
            #expect(try await client.execute(uri: "/user/credit", method: .post, headers: Self.admin).status == .ok)
        }
    }

    @Test func concurrencyLimitPerUser() {
        let injection = ErrorInjection(maxConcurrentRequestsPerUser: 2)
        #expect(injection.start(user: "admin") == nil)
        #expect(injection.start(user: "admin") == nil)
        #expect(injection.start(user: "admin") == NodeAPIError(.sms50))
        #expect(injection.start(user: "other") == nil)
        injection.finish(user: "admin")
        #expect(injection.start(user: "admin") == nil)
    }

    @Test func sendingOutsideTheHoursIsSMS44() async throws {
        let hours = SendingHours(from: 9 * 60, to: 20 * 60)
        #expect(hours.contains(WireDate("2025-03-10 09:00")!))
        #expect(!hours.contains(WireDate("2025-03-10 20:00")!))
        #expect(SendingHours(from: 22 * 60, to: 6 * 60).contains(WireDate("2025-03-10 23:30")!))
        try await mock(sendingHours: hours).app.test(.router) { client in
            let now = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string:
                #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "c"}"#))
            #expect(try Self.error(now)?.code == "ERR_SMS_SENDING_TIME_LIMIT")
            let tomorrow = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string:
                #"{"type": 1, "sendingType": 0, "number": "905551230011", "sender": "BASLIK", "title": "T", "content": "c", "sendingDate": "2025-03-11 09:30"}"#))
            #expect(tomorrow.status == .ok)
        }
    }

    @Test func journalKeepsTheLastRequestsInARing() async throws {
        let journal = RequestJournal(capacity: 3)
        try await mock(journal: journal).app.test(.router) { client in
            for index in 0..<5 {
                _ = try await client.execute(uri: "/sms/list-sender", method: .post, headers: Self.admin, body: ByteBuffer(string: #"{"pageIndex": \#(index)}"#))
            }
            _ = try await client.execute(uri: "/user/credit", method: .post)
        }
        let entries = journal.entries()
        #expect(entries.map(\.sequence) == [4, 5, 6])
        #expect(String(decoding: entries[0].requestBody, as: UTF8.self) == #"{"pageIndex": 3}"#)
        #expect(entries[1].user == "admin")
        #expect(entries[2].user == nil)
        #expect(entries[2].status == 401)
        #expect(String(decoding: entries[2].responseBody, as: UTF8.self).contains("ERR_UNAUTHORIZED_REQUEST"))
    }

    @Test func journalKeepsBodiesUpToTheLimit() {
        let journal = RequestJournal(capacity: 2)
        let small = Array("{\"title\": \"Güle güle\"}".utf8)
        let large = [UInt8](repeating: 0x61, count: RequestJournal.bodyLimit + 10)
        journal.record(time: 1, method: "POST", path: "/sms/create", user: "admin", requestBody: small, status: 200, responseBody: large)
        let entry = journal.entries()[0]
        #expect(entry.requestBody == small)
        #expect(entry.responseBody.count == RequestJournal.bodyLimit)
        #expect(entry.responseBody == Array(large.prefix(RequestJournal.bodyLimit)))
    }

    @Test func scenarioCarriesTheRules() throws {
        let yaml = """
        nodeAPI:
          maintenance: true
          sendingHours: { from: "09:00", to: "20:00" }
          errorRules:
            - { endpoint: /sms/create, error: SMS99, every: 2 }
            - { endpoint: getUserCredit, error: ERR_DAILY_REQUEST_LIMIT }
          maxConcurrentRequestsPerUser: 4
          journalSize: 50
        """
        let scenario = try Scenario.parse(yaml, file: "s.yaml").nodeAPI
        #expect(scenario.maintenance)
        #expect(scenario.sendingHours == SendingHours(from: 540, to: 1200))
        #expect(scenario.errorRules == [ErrorInjection.Rule(endpoint: "/sms/create", error: .sms99, every: 2), ErrorInjection.Rule(endpoint: "getUserCredit", error: .dailyRequestLimit)])
        #expect(scenario.maxConcurrentRequestsPerUser == 4)
        #expect(scenario.journalSize == 50)
        #expect(throws: ScenarioError.self) { try Scenario.parse("nodeAPI:\n  errorRules:\n    - { endpoint: /sms/fax, error: SMS99 }\n", file: "s") }
        #expect(throws: ScenarioError.self) { try Scenario.parse("nodeAPI:\n  sendingHours: { from: \"9\", to: \"20:00\" }\n", file: "s") }
    }
}
