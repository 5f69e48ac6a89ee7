import MockFixtures
import MockSimulations
import MySoftIYS
import NodeAPI
import Testing
import WireCoding

/// Credit is booked once, everywhere: random sequences of create, cancel, operator rejections and İYS refusals, with
/// the clock moving on, and after every step the account, each package's statistics, each item and `/sms/summary`
/// agree (issue 12, item 12).
@Suite struct CreditLedgerTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)
    static let initialCredit = 100_000

    /// Seeded İYS records: …0011 ONAY, …0012 RET, …0099 none; …0003 is the operator's rejection (a magic suffix);
    /// 510… is Netgsm, out of service here.
    static let pool: [GSMNumber] = [
        "905551230011", "905551230012", "905551230099", "905551230003", "905551234003", "905551230020", "905551230021", "905101230031",
    ]

    func pair() -> NodeAPISimulation {
        var account = ScenarioFixtures.admin
        account.iysBrandCode = "5565656556"
        account.credit = Self.initialCredit
        account.senders.append(SenderRecord(uuid: "7a1c2b3d-0000-4000-8000-000000000001", title: "OLUSMAZ", state: .approved))
        let rules = DeliveryRules(operatorOutage: [.netgsm], failingSenders: ["OLUSMAZ"])
        let world = ProviderWorld(ProviderWorldState(
            nodeAPI: NodeAPIState(accounts: [account], rules: rules, now: clock.now()), iys: IYSState(accounts: [ScenarioFixtures.iysAdmin], now: clock.now())
        ))
        return NodeAPISimulation(state: world.nodeAPI, clock: clock)
    }

    @Test(arguments: 0..<12)
    func theLedgerAgreesAfterEveryStep(_ seed: Int) async throws {
        let sms = pair()
        var random = SplitMix64(state: UInt64(seed) &* 0x1234_5678_9ABC)
        var created: [Int] = []
        for step in 0..<40 {
            switch random.below(4) {
            case 0, 1:
                let numbers = (0...random.below(4)).map { _ in Self.pool[random.below(Self.pool.count)] }
                // One or two segments of GSM 7-bit; a distinct text per step.
                let content = "Adım \(step) " + String(repeating: "x", count: random.below(2) == 0 ? 10 : 170)
                let sender = random.below(5) == 0 ? "OLUSMAZ" : "BASLIK"
                var request = CreateSmsRequest(recipients: .oneToMany(numbers), sender: sender, title: "T", content: content, encoding: .turkish)
                request.commercial = random.below(2) == 0
                if random.below(2) == 0 { request.sendingDate = TurkeyTime.date(clock.now() + 5 * 60_000, style: .minutes) }
                if let package = try? sms.respond(to: request, as: "admin") { created.append(package.pkgID) }
            case 2:
                if !created.isEmpty { _ = try? sms.respond(to: CancelSmsRequest(package: .id(created[random.below(created.count)])), as: "admin") }
            default:
                clock.advance(seconds: Double(random.below(400)))
            }
            try await expectAgreement(sms, step: step, seed: seed)
        }
        // Everything final: rejections refunded, nothing pending.
        clock.advance(minutes: 24 * 60 * 2)
        try await expectAgreement(sms, step: 40, seed: seed)
    }

    private func expectAgreement(_ sms: NodeAPISimulation, step: Int, seed: Int) async throws {
        let spent = Self.initialCredit - (try sms.respond(to: UserCreditRequest(), as: "admin").credit)
        let packages = try sms.respond(to: ListSmsRequest(paging: Paging(pageSize: 1000)), as: "admin").list
        #expect(packages.reduce(0) { $0 + $1.statistics.credit } == spent, "seed \(seed), step \(step): the packages' credit")
        #expect(try sms.respond(to: SmsSummaryRequest(), as: "admin").credit == spent, "seed \(seed), step \(step): /sms/summary")
        for package in packages {
            let items = try sms.respond(to: ListSmsItemsRequest(package: .id(package.id), paging: Paging(pageSize: 1000)), as: "admin").list
            #expect(items.reduce(0) { $0 + $1.credit } == package.statistics.credit, "seed \(seed), step \(step): package \(package.id)'s items")
            for item in items where item.state == .rejectedByOperator || item.state == .cancelled {
                #expect(item.credit == 0, "seed \(seed), step \(step): \(item.target) is \(item.state) and still charged")
            }
        }
    }
}
