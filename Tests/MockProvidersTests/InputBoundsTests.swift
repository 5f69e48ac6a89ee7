import EuromsgExpress
import Foundation
import Hummingbird
import HummingbirdTesting
import MockFixtures
import MockProviders
import MockSimulations
import NodeAPI
import NodeAPIJSON
import NodeAPISOAP
import Testing
import WireCoding

/// Values near `Int.max` from a request, a scenario or the clock: each is refused with the protocol's own error
/// naming the field, or bounded, and never traps (issue 11, findings 1–3: one such request used to kill the process).
@Suite struct InputBoundsTests {
    static let admin = NodeAPIRoutesTests.admin
    let clock = ManualClock(turkey: WireDate("2026-11-23 10:00")!)

    func nodeAPI() -> some ApplicationProtocol {
        let router = Router(context: MockRequestContext.self)
        NodeAPIRoutes(simulation: NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: clock), clock: clock).register(on: router)
        return Application(router: router)
    }

    static func invalidParameter(_ response: TestResponse) throws -> NodeAPIError? {
        guard case .failure(let error) = try NodeAPIJSON.decodeReply(StatusReply.self, from: Array(response.body.readableBytesView)) else { return nil }
        return error
    }

    @Test(arguments: ["/sms/list", "/sms/list-sender", "/sms/list-item", "/contact/list", "/contact/list-group", "/mo/list-request"])
    func aHugePageIndexIsRefusedNamingTheField(_ path: String) async throws {
        try await nodeAPI().test(.router) { client in
            let created = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string:
                #"{"type": 1, "sendingType": 0, "number": 905551230011, "sender": "BASLIK", "title": "T", "content": "Merhaba"}"#))
            let id = try NodeAPIRoutesTests.json(PackageCreated.self, created).get().pkgID
            let reference = path == "/sms/list-item" ? #""pkgID": \#(id), "# : ""
            let response = try await client.execute(uri: path, method: .post, headers: Self.admin, body: ByteBuffer(string:
                #"{\#(reference)"pageIndex": 9223372036854775807, "pageSize": 1000}"#))
            #expect(response.status == .badRequest)
            let error = try Self.invalidParameter(response)
            #expect(error?.code == ErrorCode.invalidParam.entry.name)
            #expect(error?.message.contains("pageIndex: must be between 0 and 10000000") == true)
            // The last index accepted is answered, with an empty page.
            let last = try await client.execute(uri: path, method: .post, headers: Self.admin, body: ByteBuffer(string:
                #"{\#(reference)"pageIndex": 10000000, "pageSize": 1000}"#))
            #expect(last.status == .ok)
        }
    }

    @Test func aHugePageIndexOverSOAPIsAnErrorInTheEnvelope() async throws {
        try await nodeAPI().test(.router) { client in
            let envelope = NodeAPIRoutesTests.soapOpen
                + "<sms:getSmsPackages><username>admin</username><password>123456</password><pageIndex>9223372036854775807</pageIndex><pageSize>1000</pageSize></sms:getSmsPackages>"
                + NodeAPIRoutesTests.soapClose
            let response = try await client.execute(uri: "/soap", method: .post, headers: [.contentType: "text/xml"], body: ByteBuffer(string: envelope))
            let reply = try NodeAPISOAP.decodeReply(Page<SmsPackageSummary>.self, operation: .listSms, from: Array(response.body.readableBytesView))
            guard case .failure(let error) = reply else {
                Issue.record("expected an error, got \(reply)")
                return
            }
            #expect(error.message.contains("pageIndex"))
        }
    }

    /// Found by fuzz-node-api-json (Fuzz/.artifacts/…/crash-cea8901e…): a `startDate` after now with no `finishDate`
    /// made an empty range whose bounds crossed, and trapped.
    @Test func anInquiryStartingAfterNowWithoutAFinishIsARangeError() async throws {
        try await nodeAPI().test(.router) { client in
            let response = try await client.execute(uri: "/sms/inquiry-number", method: .post, headers: Self.admin, body: ByteBuffer(string:
                #"{"gsm": "905991234567", "sender": "TEST", "startDate": "4048-06-04 00:00"}"#))
            #expect(response.status == .badRequest)
            let error = try Self.invalidParameter(response)
            #expect(error?.code == ErrorCode.sms31.entry.name)
            #expect(error?.message.contains("startDate is after now") == true)
        }
    }

    /// Fuzz finding (fuzz-scenario, 9.6 million executions in): YAML reads `1:30` as a base-60 integer and Yams multiplies
    /// its parts unchecked, so a long one trapped the process. It is refused with its line; small ones still read.
    @Test func aBase60NumberTooLargeIsAnErrorNotATrap() {
        let problem = { (yaml: String) in ScenarioFixtures.problem(yaml, file: "s.yaml") }
        let found = problem("euromsg:\n  tokenLifetimeSeconds: 3000:600000000000000000:00000:00000000000:00000000000000000000\n")
        #expect(found?.hasPrefix("s.yaml:2: '3000:600000000000000000") == true, "\(found ?? "")")
        #expect(found?.contains("is a base-60 number (YAML's 1:30) too large to read") == true)
        #expect(problem("euromsg:\n  tokenLifetimeSeconds: 1:1:1:1:1:1:1:1:1:1:1:1\n")?.contains("base-60") == true)
        #expect(problem("euromsg:\n  tokenLifetimeSeconds: 1:30\n") == nil)
        #expect(problem("nodeAPI:\n  sendingHours: {from: \"09:00\", to: \"20:00\"}\n") == nil)
    }

    @Test func pagingThatSkippedValidationStillCannotOverflow() {
        #expect(Paging(pageIndex: .max, pageSize: 1000).window(in: 5) == 5..<5)
        #expect(Paging(pageIndex: -3, pageSize: 10).window(in: 25) == 0..<10)
        #expect(Paging(pageIndex: 2, pageSize: 10).window(in: 25) == 20..<25)
        #expect(ExpressPaging(page: .max, pageSize: 1000).slice([1, 2, 3]).items.isEmpty)
        #expect(ExpressPaging(page: .min, pageSize: 2).slice([1, 2, 3]).items == [1, 2])
    }

    @Test(arguments: [PeriodType.once, .daily, .weekly, .monthly, .yearly])
    func aPeriodicIntervalBeyondTenYearsIsRefusedNamingIt(_ type: PeriodType) async throws {
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: clock)
        let numbers = (0...1000).map { GSMNumber(String(905_550_000_000 + $0)) }
        let horizonMinutes = Int(PeriodicSchedule.horizon / 60_000)
        for interval in [horizonMinutes + 1, 1_000_000_000, Int.max] {
            var request = CreateSmsRequest(type: .normal, recipients: .oneToMany(numbers), sender: "BASLIK", title: "Dönemsel", content: "Merhaba")
            request.periodicSettings = PeriodicSettings(periodType: type, interval: interval, amount: 1000)
            let refusal = #expect(throws: NodeAPIError.self) { try simulation.respond(to: request, as: "admin") }
            #expect(refusal?.code == ErrorCode.invalidParam.entry.name)
            #expect(refusal?.message.contains("periodicSettings.interval") == true)
        }
        // The horizon itself is accepted: in a split sending, two batches, the second ten years later.
        var request = CreateSmsRequest(type: .normal, recipients: .oneToMany(numbers), sender: "BASLIK", title: "Dönemsel", content: "Merhaba")
        request.periodicSettings = PeriodicSettings(periodType: type, interval: horizonMinutes, amount: 1000)
        let created = try simulation.respond(to: request, as: "admin")
        let items = try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID), paging: Paging(pageIndex: 100, pageSize: 10)), as: "admin")
        #expect(items.list.count == 1)
        if type == .once {
            #expect(items.list[0].sendingDate == TurkeyTime.date(clock.now() + PeriodicSchedule.horizon))
            // Three batches half the horizon apart end past it.
            request.periodicSettings = PeriodicSettings(periodType: type, interval: horizonMinutes / 2 + 1, amount: 1000)
            request.recipients = .oneToMany(numbers + (0..<1000).map { GSMNumber(String(905_560_000_000 + $0)) })
            let refusal = #expect(throws: NodeAPIError.self) { try simulation.respond(to: request, as: "admin") }
            #expect(refusal?.message.contains("the last of 3 batches") == true)
        }
    }

    @Test func aRepeatingPackageStopsAtItsItemBound() async throws {
        var account = ScenarioFixtures.admin
        account.credit = 1_000_000
        let simulation = NodeAPISimulation(accounts: [account], clock: clock)
        let numbers = (0..<30_000).map { GSMNumber(String(905_550_000_000 + $0)) }
        var request = CreateSmsRequest(type: .normal, recipients: .oneToMany(numbers), sender: "BASLIK", title: "Günlük", content: "Merhaba")
        request.periodicSettings = PeriodicSettings(periodType: .daily)
        let created = try simulation.respond(to: request, as: "admin")
        // Ten years in one step: the rounds stop at 100 000 items (three rounds of 30 000), sent as one catch-up.
        clock.advance(seconds: 3600)
        let firstRound = 1_000_000 - (try simulation.respond(to: UserCreditRequest(), as: "admin").credit)
        clock.advance(seconds: 3650 * 86_400)
        let page = try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID), paging: Paging(pageSize: 10)), as: "admin")
        #expect(page.stats.totalRecord == 90_000)
        #expect(try simulation.respond(to: ListSmsRequest(ids: [created.pkgID]), as: "admin").list[0].state == .complete)
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 1_000_000 - 3 * firstRound)
    }

    @Test func theReportedPeriodicRequestIsRefusedOverHTTP() async throws {
        try await nodeAPI().test(.router) { client in
            let numbers = (0...1000).map { String(905_550_000_000 + $0) }.joined(separator: ",")
            let body = #"{"type": 1, "sendingType": 1, "numbers": [\#(numbers)], "sender": "BASLIK", "title": "T", "content": "Merhaba", "periodicSettings": {"periodType": 4, "interval": 1000000000, "amount": 1000}}"#
            let response = try await client.execute(uri: "/sms/create", method: .post, headers: Self.admin, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            #expect(try Self.invalidParameter(response)?.message.contains("periodicSettings.interval") == true)
            let health = try await client.execute(uri: "/mock/health", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test func aHugeEuromsgPageIsAValidationErrorNamingIt() async throws {
        let router = Router(context: MockRequestContext.self)
        ExpressRoutes(simulation: ExpressSimulation(scenario: try Scenario.bundled().euromsg, clock: clock), clock: clock).register(on: router)
        try await Application(router: router).test(.router) { client in
            let headers = ExpressRoutesTests.bearer(try await ExpressRoutesTests.token(client))
            _ = try await client.execute(uri: "/apiKey/identification?apiKey=EXP-DEMO-7F3A9C21", method: .put, headers: headers)
            let response = try await client.execute(uri: "/member?listId=1001&page=9223372036854775807", method: .get, headers: headers)
            #expect(response.status == .badRequest)
            let error = try ExpressRoutesTests.error(response)
            #expect(error.errorCode == .validation)
            #expect(error.field == "page")
            let last = try await client.execute(uri: "/member?listId=1001&page=10000000", method: .get, headers: headers)
            #expect(last.status == .ok)
            #expect(try ExpressRoutesTests.decode(ExpressPage<Member>.self, last).items.isEmpty)
        }
    }

    @Test func aCampaignStartingPastAYearIsRefused() async throws {
        let simulation = ExpressSimulation(scenario: try Scenario.bundled().euromsg, clock: clock)
        for seconds in [1e300, -1, 31_536_001] {
            let request = MockCampaignRequest(apiKey: "EXP-DEMO-7F3A9C21", name: "C", subject: "S", listIds: [1001], startsInSeconds: seconds)
            let error = #expect(throws: ExpressError.self) { try simulation.sendCampaign(request) }
            #expect(error?.field == "startsInSeconds")
        }
    }

    @Test func scenarioNumbersOutOfRangeNameTheLine() {
        let problem = { (yaml: String) in ScenarioFixtures.problem(yaml, file: "s.yaml") }
        let account = "nodeAPI:\n  accounts:\n    - username: u\n      password: p\n"
        #expect(problem(account + "      credit: 9223372036854775807\n") == "s.yaml:5: nodeAPI.accounts[0].credit: must be between 0 and 1000000000000")
        #expect(problem("nodeAPI:\n  delivery:\n    queueSeconds: 1e300\n")?.hasPrefix("s.yaml:3: nodeAPI.delivery.queueSeconds: must be between 0 and 315360000") == true)
        #expect(problem("nodeAPI:\n  delivery:\n    reportSeconds: .nan\n")?.contains("reportSeconds: must be between") == true)
        #expect(problem("nodeAPI:\n  duplicateWindowMinutes: 9223372036854775807\n")?.contains("duplicateWindowMinutes: must be between 1 and 525600") == true)
        #expect(problem("nodeAPI:\n  retainedPackagesPerUser: 5\n")?.contains("retainedPackagesPerUser: must be between 10 and") == true)
        #expect(problem("iys:\n  tokenLifetimeSeconds: 9223372036854775807\n")?.contains("tokenLifetimeSeconds: must be between 1 and 315360000") == true)
        #expect(problem("iys:\n  forwarding:\n    answerSeconds: 1e300\n")?.contains("answerSeconds: must be between") == true)
        #expect(problem("euromsg:\n  campaignSendingSeconds: .inf\n")?.contains("campaignSendingSeconds: must be between") == true)
        let endUser = "euromsg:\n  endUsers:\n    - apiKey: K\n      name: N\n"
        #expect(problem(endUser + "      signedUpDaysAgo: 1e300\n")?.contains("signedUpDaysAgo: must be between 0 and 3650") == true)
        #expect(problem(endUser + "      package: { sends: 10, daysLeft: -1e300 }\n")?.contains("daysLeft: must be between -3650 and 3650") == true)
        #expect(problem(endUser + "      campaigns:\n        - { name: C, status: Sent, sentDaysAgo: 1e300 }\n")?.contains("sentDaysAgo") == true)
    }

    @Test func theManualClockStaysWithinWritableYears() {
        let clock = ManualClock()
        clock.advance(seconds: 1e300)
        #expect(clock.now() == ManualClock.range.upperBound)
        #expect(TurkeyTime.date(clock.now()).text == "9999-12-31T23:59:59")
        clock.advance(seconds: .nan)
        #expect(clock.now() == ManualClock.range.upperBound)
        clock.advance(seconds: -.infinity)
        #expect(clock.now() == ManualClock.range.upperBound)
        clock.advance(seconds: -1e300)
        #expect(clock.now() == 0)
    }
}
