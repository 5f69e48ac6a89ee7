import MockFixtures
import MockSimulations
import NodeAPI
import Testing

/// Packages that fail, from the scenario's triggers: a sender whose packages cannot be created (-2), an operator out
/// of service (-3 when every item goes to it), both listed by the `failed` filter, and their credit booked once
/// (issue 12, item 13).
@Suite struct PackageFailureTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    func failing() -> NodeAPISimulation {
        var account = ScenarioFixtures.admin
        account.senders.append(SenderRecord(uuid: "7a1c2b3d-0000-4000-8000-000000000001", title: "OLUSMAZ", state: .approved))
        // Vodafone (540–549) is out of service.
        let rules = DeliveryRules(operatorOutage: [.vodafone], failingSenders: ["OLUSMAZ"])
        return NodeAPISimulation(accounts: [account], rules: rules, clock: clock)
    }

    func sms(_ numbers: [GSMNumber], sender: String = "BASLIK", content: String) -> CreateSmsRequest {
        CreateSmsRequest(recipients: .oneToMany(numbers), sender: sender, title: "T", content: content)
    }

    @Test func aFailingSendersPackageIsCreationFailedAndNeverCharged() async throws {
        let simulation = failing()
        let created = try simulation.respond(to: sms(["905551230011", "905551230012"], sender: "OLUSMAZ", content: "Oluşmaz"), as: "admin")
        let package = try #require(try simulation.respond(to: ListSmsRequest(ids: [created.pkgID]), as: "admin").list.first)
        #expect(package.state == .creationFailed)
        // Reports say why (issue 25, item 11): the catalogue's code for a package that could not be created.
        #expect(package.error == "ERR_SMS_PKG_CREATING_FAILED")
        #expect(package.statistics.credit == 0)
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == ScenarioFixtures.admin.credit)
        let items = try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list
        #expect(items.map(\.state) == [.cancelled, .cancelled])
        #expect(items.map(\.error) == ["ERR_SMS_PKG_CREATING_FAILED", "ERR_SMS_PKG_CREATING_FAILED"])
        #expect(items.map(\.credit) == [0, 0])
        #expect(try simulation.respond(to: ListSmsRequest(status: .failed), as: "admin").list.map(\.id) == [created.pkgID])
    }

    @Test func anOperatorOutageFailsSendingAndRefunds() async throws {
        let simulation = failing()
        let down = try simulation.respond(to: sms(["905421230011", "905431230012"], content: "Vodafone"), as: "admin")
        let mixed = try simulation.respond(to: sms(["905421230013", "905551230014"], content: "Karışık"), as: "admin")
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == ScenarioFixtures.admin.credit - 4)
        clock.advance(seconds: 10)
        let packages = try simulation.respond(to: ListSmsRequest(ids: [down.pkgID, mixed.pkgID]), as: "admin").list
        #expect(packages.first { $0.id == down.pkgID }?.state == .sendingFailed)
        #expect(packages.first { $0.id == down.pkgID }?.error == "ERR_OPERATOR_UNAVAILABLE")
        #expect(packages.first { $0.id == mixed.pkgID }?.state == .complete)
        #expect(packages.first { $0.id == mixed.pkgID }?.error == nil)
        let items = try simulation.respond(to: ListSmsItemsRequest(package: .id(mixed.pkgID)), as: "admin").list
        #expect(items.map(\.state) == [.rejectedByOperator, .delivered])
        #expect(items.map(\.error) == ["ERR_OPERATOR_UNAVAILABLE", nil])
        #expect(items.map(\.credit) == [0, 1])
        // Refunded as the hand-over failed: one credit is left spent.
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == ScenarioFixtures.admin.credit - 1)
        #expect(try simulation.respond(to: ListSmsRequest(status: .failed), as: "admin").list.map(\.id) == [down.pkgID])
    }

    @Test func theScenarioNamesTheTriggers() throws {
        let scenario = try Scenario.parse("""
        nodeAPI:
          delivery:
            operatorOutage: [1, 3]
            failingSenders: [OLUSMAZ]
        """, file: "s.yaml")
        #expect(scenario.nodeAPI.delivery.operatorOutage == [.vodafone, .netgsm])
        #expect(scenario.nodeAPI.delivery.failingSenders == ["OLUSMAZ"])
        #expect(throws: ScenarioError.self) { try Scenario.parse("nodeAPI:\n  delivery:\n    operatorOutage: [7]\n", file: "s.yaml") }
        #expect(throws: ScenarioError.self) {
            try Scenario.parse("nodeAPI:\n  delivery:\n    magicNumbers: [{suffix: \"0009\", outcome: notCreated}]\n", file: "s.yaml")
        }
    }
}
