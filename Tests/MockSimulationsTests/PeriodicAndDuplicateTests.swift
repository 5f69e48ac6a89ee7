import MockFixtures
@testable import MockSimulations
import NodeAPI
import Testing

/// Periodic packages (a split sending with `periodType` 0, rounds every period with 1–4) and the duplicate window.
@Suite struct PeriodicAndDuplicateTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    /// 3000 distinct numbers, none of them magic: 905321005000, 905321005001, …
    static let numbers: [GSMNumber] = (0..<3000).map { GSMNumber(String(905_321_005_000 + $0)) }

    func periodic(_ type: PeriodType, interval: Int? = 1, amount: Int? = 1000, numbers: [GSMNumber] = numbers) -> CreateSmsRequest {
        var request = CreateSmsRequest(recipients: .oneToMany(numbers), sender: "BASLIK", title: "Kampanya", content: "Merhaba")
        request.periodicSettings = PeriodicSettings(periodType: type, interval: interval, amount: amount)
        return request
    }

    /// The package's items by state, and how many it has in all.
    func states(_ simulation: NodeAPISimulation, _ id: Int) throws -> (all: Int, by: [ItemState: Int]) {
        var by: [ItemState: Int] = [:]
        for state in [ItemState.pending, .sent, .delivered, .cancelled] {
            var request = ListSmsItemsRequest(package: .id(id), paging: Paging(pageSize: 10))
            request.state = state
            by[state] = try simulation.respond(to: request, as: "admin").stats.totalRecord
        }
        return (try simulation.respond(to: ListSmsItemsRequest(package: .id(id), paging: Paging(pageSize: 10)), as: "admin").stats.totalRecord, by)
    }

    func package(_ simulation: NodeAPISimulation, _ id: Int) throws -> SmsPackageSummary {
        try simulation.respond(to: ListSmsRequest(ids: [id]), as: "admin").list[0]
    }

    func credit(_ simulation: NodeAPISimulation) throws -> Int { try simulation.respond(to: UserCreditRequest(), as: "admin").credit }

    @Test func aOneTimePackageOf3000WithAmount1000AndInterval1SendsInThreeStepsAMinuteApart() async throws {
        let simulation = simulation()
        let created = try simulation.respond(to: periodic(.once), as: "admin")
        clock.advance(seconds: 10)
        #expect(try states(simulation, created.pkgID).by == [.pending: 2000, .sent: 0, .delivered: 1000, .cancelled: 0])
        #expect(try package(simulation, created.pkgID).state == .sending)
        clock.advance(seconds: 60)
        #expect(try states(simulation, created.pkgID).by == [.pending: 1000, .sent: 0, .delivered: 2000, .cancelled: 0])
        clock.advance(seconds: 60)
        #expect(try states(simulation, created.pkgID).by == [.pending: 0, .sent: 0, .delivered: 3000, .cancelled: 0])
        #expect(try package(simulation, created.pkgID).state == .complete)
        // The last batch's items carry their own sending date, two minutes after the first.
        let item = try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID), target: "905321007999"), as: "admin").list[0]
        #expect(item.sendingDate == WireDate("2025-03-10T10:02:00"))
        #expect(try simulation.respond(to: ListSmsRequest(status: .periodic), as: "admin").list.map(\.id) == [created.pkgID])
    }

    @Test func cancellingASplitSendingStopsTheBatchesNotYetStartedAndRefundsThem() async throws {
        let simulation = simulation()
        let before = try credit(simulation)
        let created = try simulation.respond(to: periodic(.once, interval: 60), as: "admin")
        clock.advance(seconds: 10)
        _ = try simulation.respond(to: CancelSmsRequest(package: .id(created.pkgID)), as: "admin")
        #expect(try credit(simulation) == before - 1000)
        clock.advance(seconds: 3 * 3600)
        #expect(try states(simulation, created.pkgID).by == [.pending: 0, .sent: 0, .delivered: 1000, .cancelled: 2000])
        #expect(try package(simulation, created.pkgID).state == .cancelled)
        let again = await error { _ = try simulation.respond(to: CancelSmsRequest(package: .id(created.pkgID)), as: "admin") }
        #expect(again?.code == "ERR_SMS_PKG_NOT_CHANGEABLE")
    }

    @Test func aDailyPackageGoesAgainEveryDayWithNewItemsAndCharges() async throws {
        let simulation = simulation()
        let before = try credit(simulation)
        let numbers: [GSMNumber] = ["905321004001", "905321004002"]
        let created = try simulation.respond(to: periodic(.daily, interval: nil, amount: nil, numbers: numbers), as: "admin")
        #expect(try credit(simulation) == before - 2)
        clock.advance(seconds: 10)
        #expect(try states(simulation, created.pkgID).all == 2)
        #expect(try package(simulation, created.pkgID).state == .pending) // delivered, waiting for tomorrow
        // Advanced by three days, it has gone three more times: at 10:00 on the 11th, 12th and 13th.
        clock.advance(seconds: 3 * 86_400 - 10)
        let after = try states(simulation, created.pkgID)
        #expect(after.all == 8)
        #expect(after.by[.delivered] == 6)
        #expect(try credit(simulation) == before - 8)
        let items = try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID), target: "905321004001"), as: "admin").list
        #expect(Set(items.map(\.sendingDate)) == Set(["2025-03-10T10:00:00", "2025-03-11T10:00:00", "2025-03-12T10:00:00", "2025-03-13T10:00:00"].map { WireDate($0) }))
        #expect(Set(items.map(\.id)).count == 4)
        #expect(try simulation.respond(to: ListSmsRequest(status: .periodic), as: "admin").list.map(\.id) == [created.pkgID])
        // Cancelled as the fourth round starts: that round is stopped and refunded, and no other comes.
        _ = try simulation.respond(to: CancelSmsRequest(package: .id(created.pkgID)), as: "admin")
        clock.advance(seconds: 7 * 86_400)
        let cancelled = try states(simulation, created.pkgID)
        #expect(cancelled.all == 8)
        #expect(cancelled.by[.cancelled] == 2)
        #expect(try credit(simulation) == before - 6)
        #expect(try package(simulation, created.pkgID).state == .cancelled)
    }

    @Test func eachRoundIsReportedUnderThePackagesID() async throws {
        let simulation = simulation()
        var request = periodic(.weekly, interval: nil, amount: nil, numbers: ["905321004001"])
        request.pushSettings = PushSettings(url: "https://example.com/hook")
        let created = try simulation.respond(to: request, as: "admin")
        clock.advance(seconds: 3600)
        let first = simulation.dueReports()
        clock.advance(seconds: 7 * 86_400)
        let second = simulation.dueReports()
        #expect(first.count == 1 && second.count == 1)
        #expect([first, second].map { $0[0].report.pkg.id } == [created.pkgID, created.pkgID])
        let items = [first, second].flatMap { $0[0].report.items }
        #expect(items.map(\.state) == [.delivered, .delivered])
        #expect(items[0].id != items[1].id)
        #expect(items.map(\.sendingDate) == [WireDate("2025-03-10T10:00:00"), WireDate("2025-03-17T10:00:00")])
        #expect(second[0].report.pkg.state == .pending)
    }

    @Test func aClockJumpOverManyRepeatingPackagesIsSpreadOverSeveralCalls() throws {
        var account = ScenarioFixtures.admin
        account.credit = 1_000_000
        let start = clock.now()
        var state = NodeAPIState(accounts: [account], now: start)
        for index in 0..<60 {
            var request = periodic(.daily, interval: nil, amount: nil, numbers: [GSMNumber(String(905_321_006_000 + index))])
            request.content = "Günlük \(index)"
            _ = try request.apply(to: &state, caller: "admin", now: start)
        }
        func items() -> Int { state.packages.packages.values.reduce(0) { $0 + $1.items.count } }
        // 60 packages of 3651 rounds: 219 060 items, more than one call sends.
        let later = start + PeriodicSchedule.horizon
        state.repeatDueRounds(at: later)
        #expect(items() <= 60 + NodeAPIState.roundBudget)
        #expect(items() > NodeAPIState.roundBudget / 2)
        state.repeatDueRounds(at: later)
        #expect(items() == 60 * 3651)
        #expect(state.packages.packages.values.allSatisfy { $0.repeatEnded })
    }

    @Test func monthlyRoundsFollowTheCalendarAndARoundTheCreditDoesNotCoverIsNotSent() async throws {
        var account = ScenarioFixtures.admin
        account.credit = 2
        let clock = ManualClock(turkey: WireDate("2025-01-30 12:00")!)
        let simulation = NodeAPISimulation(accounts: [account], clock: clock)
        var request = periodic(.monthly, numbers: ["905321004001"])
        request.sendingDate = WireDate("2025-01-31 09:00")
        let created = try simulation.respond(to: request, as: "admin")
        clock.advance(seconds: 61 * 86_400)
        // Jan 31, Feb 28 (no Feb 31), Mar 31: the third round finds no credit left and is not sent.
        let items = { try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list.compactMap(\.sendingDate).sorted() }
        #expect(try items() == [WireDate("2025-01-31T09:00:00"), WireDate("2025-02-28T09:00:00")])
        #expect(try credit(simulation) == 0)
        // With credit again, the next round goes (Apr 30: the package keeps its start's day where the month has it).
        _ = try simulation.withState { state, _ in try state.changeCredit(of: "admin", add: 5, exactly: nil) }
        clock.advance(seconds: 31 * 86_400)
        #expect(try items().last == WireDate("2025-04-30T09:00:00"))
        #expect(try credit(simulation) == 4)
    }
    @Test func theSameContentToTheSameNumbersWithinTheWindowIsADuplicate() async throws {
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], duplicateWindowMinutes: 30, clock: clock)
        let request = CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230012"]), sender: "BASLIK", title: "T", content: "Aynı içerik")
        let first = try simulation.respond(to: request, as: "admin")
        let creditAfterFirst = try simulation.respond(to: UserCreditRequest(), as: "admin").credit
        // Same numbers in another order, written differently: still the same package.
        let reordered = CreateSmsRequest(recipients: .oneToMany(["0555 123 00 12", "905551230011"]), sender: "BASLIK", title: "T2", content: "Aynı içerik")
        let repeated = await error { _ = try simulation.respond(to: reordered, as: "admin") }
        #expect(repeated?.code == "ERR_SMS_PKG_DUPLICATION")
        #expect(repeated?.status == 409)
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == creditAfterFirst)
        // Other content, or a subset of the numbers, is not a duplicate.
        _ = try simulation.respond(to: CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230012"]), sender: "BASLIK", title: "T", content: "Başka içerik"), as: "admin")
        _ = try simulation.respond(to: CreateSmsRequest(recipients: .oneToMany(["905551230011"]), sender: "BASLIK", title: "T", content: "Aynı içerik"), as: "admin")
        // recreate is a deliberate resend.
        clock.advance(seconds: 10)
        _ = try simulation.respond(to: RecreateSmsRequest(package: .id(first.pkgID), title: "Yeniden", includeNewNumbers: false), as: "admin")
        // Thirty minutes later it may go again.
        clock.advance(minutes: 30)
        _ = try simulation.respond(to: request, as: "admin")
    }

    /// The document's own examples: `sendOtp` then `sendSms`, one text to one number. OTP packages neither meet the
    /// duplicate window nor fill it (issue 25, item 12); two normal packages still do.
    @Test func anOTPAndANormalPackageOfTheSameTextDoNotCollide() async throws {
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], duplicateWindowMinutes: 30, clock: clock)
        let text = "Test mesajı içeriğidir, dikkate almayınız. > & abc"
        _ = try simulation.respond(to: CreateOtpRequest(number: "905511034554", sender: "BASLIK", content: text), as: "admin")
        _ = try simulation.respond(to: CreateOtpRequest(number: "905511034554", sender: "BASLIK", content: text), as: "admin")
        let sms = CreateSmsRequest(recipients: .single("905511034554"), sender: "BASLIK", title: "Test message", content: text)
        _ = try simulation.respond(to: sms, as: "admin")
        _ = try simulation.respond(to: CreateOtpRequest(number: "905511034554", sender: "BASLIK", content: text), as: "admin")
        #expect(await error { _ = try simulation.respond(to: sms, as: "admin") }?.code == "ERR_SMS_PKG_DUPLICATION")
    }

    @Test func aCancelledPackageIsNoDuplicate() async throws {
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], duplicateWindowMinutes: 30, clock: clock)
        var request = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Yarın")
        request.sendingDate = WireDate("2025-03-11 10:00")
        let first = try simulation.respond(to: request, as: "admin")
        _ = try simulation.respond(to: CancelSmsRequest(package: .id(first.pkgID)), as: "admin")
        _ = try simulation.respond(to: request, as: "admin")
    }

    @Test func withoutAWindowRepeatsAreAccepted() async throws {
        let simulation = simulation()
        let request = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Tekrar")
        _ = try simulation.respond(to: request, as: "admin")
        _ = try simulation.respond(to: request, as: "admin")
    }
}

/// Sustained load keeps memory flat: past the retention, the oldest packages are forgotten.
@Suite struct RetentionTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    @Test func theOldestPackagesAreForgottenPastTheRetention() async throws {
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], retainedPackagesPerUser: 20, clock: clock)
        var ids: [Int] = []
        for index in 0..<25 {
            var request = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Mesaj \(index)")
            request.customID = "c-\(index)"
            ids.append(try simulation.respond(to: request, as: "admin").pkgID)
        }
        // From the 21st package on, each new one makes the oldest be forgotten: exactly 20 are kept.
        let listed = try simulation.respond(to: ListSmsRequest(paging: Paging(pageSize: 100)), as: "admin")
        #expect(listed.stats.totalRecord == 20)
        #expect(listed.list.last?.id == ids[5])
        #expect(listed.list.first?.id == ids[24])
        for forgotten in ids[0..<5] {
            let gone = await error { _ = try simulation.respond(to: ListSmsItemsRequest(package: .id(forgotten)), as: "admin") }
            #expect(gone?.code == "ERR_SMS_PKG_NOT_FOUND")
        }
        // A forgotten package's customID may be used again; a kept one may not.
        var reuse = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Yeni")
        reuse.customID = "c-0"
        _ = try simulation.respond(to: reuse, as: "admin")
        reuse.customID = "c-24"
        #expect(await error { _ = try simulation.respond(to: reuse, as: "admin") }?.code == "ERR_SMS_PKG_CUSTOM_ID_DUPLICATION")
    }
}

/// Memory follows items, not packages (issue 11, finding 8): past `retainedItems` in all, the oldest packages of any
/// user are forgotten, and the duplicate window never outgrows what is kept (finding 10).
@Suite struct ItemRetentionTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    /// A large package is in state 0 (saving) while it is stored, in proportion to its size, and sends after (issue 12,
    /// item 13).
    @Test func aLargePackageIsSavingWhileItIsStored() async throws {
        let simulation = simulation()
        let created = try simulation.respond(to: CreateSmsRequest(recipients: .oneToMany(Self.numbers(20_000)), sender: "BASLIK", title: "T", content: "Büyük paket"), as: "admin")
        func state() async throws -> PackageState? {
            try simulation.respond(to: ListSmsRequest(ids: [created.pkgID]), as: "admin").list.first?.state
        }
        #expect(try await state() == .saving)
        #expect(try simulation.respond(to: ListSmsRequest(status: .queued), as: "admin").list.map(\.id) == [created.pkgID])
        clock.advance(seconds: 0.1)
        #expect(try await state() == .saving)
        clock.advance(seconds: 0.1)
        #expect(try await state() != .saving)
        let small = try simulation.respond(to: CreateSmsRequest(recipients: .oneToMany(Self.numbers(9_999)), sender: "BASLIK", title: "T", content: "Küçük paket"), as: "admin")
        #expect(try simulation.respond(to: ListSmsRequest(ids: [small.pkgID]), as: "admin").list.first?.state != .saving)
    }

    static func numbers(_ count: Int, from start: Int = 0) -> [GSMNumber] {
        (start..<(start + count)).map { GSMNumber(String(905_550_000_000 + $0)) }
    }

    @Test func theOldestPackagesAreForgottenPastTheItemRetention() async throws {
        var account = ScenarioFixtures.admin
        account.credit = 1_000_000
        let simulation = NodeAPISimulation(accounts: [account], retainedItems: 2_500, clock: clock)
        var ids: [Int] = []
        for round in 0..<5 {
            let request = CreateSmsRequest(recipients: .oneToMany(Self.numbers(1_000, from: round * 1_000)), sender: "BASLIK", title: "T", content: "Tur \(round)")
            ids.append(try simulation.respond(to: request, as: "admin").pkgID)
            _ = try simulation.respond(to: CancelSmsRequest(package: .id(ids[round])), as: "admin")
        }
        // 5 packages of 1000 items and a limit of 2500: the newest two are kept, the third went when the fifth came.
        let listed = try simulation.respond(to: ListSmsRequest(paging: Paging(pageSize: 100)), as: "admin")
        #expect(listed.list.map(\.id) == [ids[4], ids[3]])
        let gone = await error { _ = try simulation.respond(to: ListSmsItemsRequest(package: .id(ids[2])), as: "admin") }
        #expect(gone?.code == "ERR_SMS_PKG_NOT_FOUND")
        // A package larger than the whole limit is still kept, alone.
        let big = try simulation.respond(to: CreateSmsRequest(recipients: .oneToMany(Self.numbers(3_000)), sender: "BASLIK", title: "T", content: "Büyük"), as: "admin")
        #expect(try simulation.respond(to: ListSmsRequest(), as: "admin").list.map(\.id) == [big.pkgID])
    }

    @Test func theDuplicateWindowKeepsNoMoreThanTheRetainedItems() async throws {
        var account = ScenarioFixtures.admin
        account.credit = 1_000_000
        let simulation = NodeAPISimulation(accounts: [account], duplicateWindowMinutes: 30, retainedItems: 1_000, clock: clock)
        let first = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "İlk")
        _ = try simulation.respond(to: first, as: "admin")
        #expect(await error { _ = try simulation.respond(to: first, as: "admin") }?.code == "ERR_SMS_PKG_DUPLICATION")
        for index in 0..<1_000 {
            _ = try simulation.respond(to: CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Mesaj \(index)"), as: "admin")
        }
        // The first package was forgotten by retention within the window, and its fingerprint with it.
        _ = try simulation.respond(to: first, as: "admin")
    }

    @Test func idsStartFromTheClockSoThatARestartNeverRepeatsThem() async throws {
        let before = try NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: clock)
            .respond(to: CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "A"), as: "admin")
        // A restart a millisecond later: the new simulation's first id is above every id the first one could have made.
        let later = ManualClock(clock.now() + 1)
        let restarted = NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: later)
        let after = try restarted.respond(to: CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "A"), as: "admin")
        #expect(after.pkgID == before.pkgID + 100)
        let beforeItem = try restarted.respond(to: ListSmsItemsRequest(package: .id(after.pkgID)), as: "admin").list.first?.id
        #expect(beforeItem.flatMap { Int64($0) }.map { $0 > 10_000 * (clock.now() - 1_704_067_200_000) } == true)
    }
}

/// Reports and refunds come from schedules keyed by time (issue 11, finding 12): each item once, at its instant.
@Suite struct DueScheduleTests {
    @Test func itemsComeDueOnceInTheirOrder() {
        var schedule = DueSchedule()
        schedule.add(package: 2, items: [(at: 30, item: 0), (at: 10, item: 1), (at: 20, item: 2)])
        schedule.add(package: 1, items: [(at: 10, item: 0)])
        #expect(schedule.due(at: 5).isEmpty)
        let first = schedule.due(at: 10)
        #expect(first.map(\.package) == [1, 2])
        #expect(first.map(\.items) == [[0], [1]])
        #expect(schedule.due(at: 10).isEmpty)
        schedule.reschedule(2) { _, _ in 12 }
        #expect(schedule.due(at: 12).map(\.items) == [[0, 2]])
        #expect(schedule.isEmpty)
        schedule.add(package: 3, items: [(at: 40, item: 0)])
        schedule.remove(package: 3)
        #expect(schedule.due(at: 100).isEmpty)
    }

    @Test func aNextRoundJoinsWhatIsLeftAndACancellationDropsOrMovesItems() {
        var schedule = DueSchedule()
        schedule.add(package: 1, items: [(at: 10, item: 0), (at: 50, item: 1)])
        #expect(schedule.due(at: 10).map(\.items) == [[0]])
        // A repeating package's next round: added to what its first one still has to do, not in place of it.
        schedule.add(package: 1, items: [(at: 30, item: 2), (at: 70, item: 3)])
        #expect(schedule.due(at: 50).map(\.items) == [[2, 1]])
        // A cancellation: item 3 is dropped (refunded at once), nothing else is left.
        schedule.reschedule(1) { item, at in item == 3 ? nil : at }
        #expect(schedule.isEmpty)
        schedule.add(package: 2, items: [(at: 80, item: 0), (at: 90, item: 1)])
        schedule.reschedule(2) { item, at in item == 1 ? 60 : at }
        #expect(schedule.due(at: 60).map(\.items) == [[1]])
        #expect(schedule.due(at: 80).map(\.items) == [[0]])
    }
}

extension ItemRetentionTests {
    @Test func personalTextsWeighInTheRetention() async throws {
        var account = ScenarioFixtures.admin
        account.credit = 1_000_000
        let simulation = NodeAPISimulation(accounts: [account], retainedItems: 2_000, clock: clock)
        // 100 items of 1 280 bytes each weigh 100 + 1000: the second such package forgets the first.
        let text = String(repeating: "ş", count: 640)
        let messages = (0..<100).map { PersonalMessage(nr: GSMNumber(String(905_550_000_000 + $0)), msg: text) }
        let first = try simulation.respond(to: CreateSmsRequest(recipients: .manyToMany(messages), sender: "BASLIK", title: "T", content: nil), as: "admin")
        let second = try simulation.respond(to: CreateSmsRequest(recipients: .manyToMany(messages), sender: "BASLIK", title: "T2", content: nil), as: "admin")
        #expect(try simulation.respond(to: ListSmsRequest(), as: "admin").list.map(\.id) == [second.pkgID])
        #expect(first.pkgID < second.pkgID)
    }
}

extension ItemRetentionTests {
    /// Packages forgotten by the per-user retention leave the global order too, in time: it never outgrows what is kept.
    @Test func theGlobalOrderDoesNotGrowWithPackagesForgottenPerUser() async throws {
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], retainedPackagesPerUser: 20, clock: clock)
        for index in 0..<5_000 {
            _ = try simulation.respond(to: CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "M \(index)"), as: "admin")
        }
        #expect(simulation.withState { state, _ in state.packages.order.count } <= 2 * 20 + 1024)
        #expect(try simulation.respond(to: ListSmsRequest(paging: Paging(pageSize: 100)), as: "admin").stats.totalRecord == 20)
    }
}
