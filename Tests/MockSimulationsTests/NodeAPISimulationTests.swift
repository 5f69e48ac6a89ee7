import MockFixtures
import MockSimulations
import NodeAPI
import Testing

/// The Node API simulation without HTTP, on a manual clock: each rule raised by its real trigger.
@Suite struct NodeAPISimulationTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    func simulation(credit: Int = 100_000, iys: Bool = true, blacklist: Set<String> = []) -> NodeAPISimulation {
        var account = ScenarioFixtures.admin
        account.credit = credit
        account.hasIysSettings = iys
        account.blacklist = blacklist
        return NodeAPISimulation(accounts: [account], clock: clock)
    }

    func sms(_ numbers: [GSMNumber], content: String = "Merhaba", sender: String = "BASLIK") -> CreateSmsRequest {
        CreateSmsRequest(recipients: .oneToMany(numbers), sender: sender, title: "Test", content: content)
    }


    @Test func authenticatesTheDocumentsSampleAccount() async throws {
        let simulation = simulation()
        #expect(try simulation.authenticate(username: "admin", password: "123456") == "admin")
        let wrong = await error { _ = try simulation.authenticate(username: "admin", password: "123qwe") }
        #expect(wrong?.code == "ERR_UNAUTHORIZED_REQUEST")
        #expect(wrong?.status == 401)
    }

    @Test func chargesOneCreditPerSegmentPerRecipient() async throws {
        let simulation = simulation()
        _ = try simulation.respond(to: sms(["905551230011", "905551230012", "905551230013"]), as: "admin")
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 100_000 - 3)
        let long = String(repeating: "ş", count: 100)   // UCS-2 under the default alphabet: 100 units, two parts
        _ = try simulation.respond(to: sms(["905551230011"], content: long), as: "admin")
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 100_000 - 5)
    }

    @Test func skipsInvalidBlacklistedAndRepeatedNumbers() async throws {
        let simulation = simulation(blacklist: ["905551230012"])
        let created = try simulation.respond(to: sms(["905551230011", "905551230012", "123", "0555 123 00 11"]), as: "admin")
        let items = try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin")
        #expect(items.list.map(\.target) == ["905551230011"])
        let none = await error { _ = try simulation.respond(to: sms(["905551230012", "123"]), as: "admin") }
        #expect(none?.code == "ERR_EMPTY_SMS_PACKAGE")
    }

    @Test func refusesWhenCreditIsShort() async throws {
        let simulation = simulation(credit: 2)
        let short = await error { _ = try simulation.respond(to: sms(["905551230011", "905551230012", "905551230013"]), as: "admin") }
        #expect(short?.code == "ERR_USER_CREDIT_REQUIRED")
        #expect(short?.status == 417)
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 2)
    }

    @Test func customIDIsUniquePerUser() async throws {
        let simulation = simulation()
        var request = sms(["905551230011"])
        request.customID = "siparis-42"
        _ = try simulation.respond(to: request, as: "admin")
        #expect(await error { _ = try simulation.respond(to: request, as: "admin") }?.code == "ERR_SMS_PKG_CUSTOM_ID_DUPLICATION")
    }

    @Test func sendersMustBeApproved() async throws {
        let simulation = simulation()
        #expect(await error { _ = try simulation.respond(to: sms(["905551230011"], sender: "BEKLEYEN"), as: "admin") }?.message.contains("pending") == true)
        #expect(await error { _ = try simulation.respond(to: sms(["905551230011"], sender: "YOK"), as: "admin") }?.code == "ERR_INVALID_SMS_SENDER")
    }

    @Test func otpNeedsAnOtpApprovedSender() async throws {
        var account = ScenarioFixtures.admin
        account.senders.append(SenderRecord(uuid: "u", title: "NORMAL", state: .approved, otpApproved: false))
        let simulation = NodeAPISimulation(accounts: [account], clock: clock)
        _ = try simulation.respond(to: CreateOtpRequest(number: "905551230011", sender: "BASLIK", content: "Kod 1234"), as: "admin")
        let refused = await error { _ = try simulation.respond(to: CreateOtpRequest(number: "905551230011", sender: "NORMAL", content: "Kod 1234"), as: "admin") }
        #expect(refused?.message.contains("not approved for OTP") == true)
    }

    @Test func commercialNeedsIysSettings() async throws {
        let simulation = simulation(iys: false)
        var request = sms(["905551230011"])
        request.commercial = true
        #expect(await error { _ = try simulation.respond(to: request, as: "admin") }?.code == "ERR_USER_IYS_SETTINGS_NOT_FOUND")
    }

    @Test func sendingDateInThePastIsSMS08() async throws {
        let simulation = simulation()
        var request = sms(["905551230011"])
        request.sendingDate = WireDate("2025-03-10 09:59")
        #expect(await error { _ = try simulation.respond(to: request, as: "admin") }?.code == "ERR_INVALID_SMS_SENDING_DATE")
    }

    @Test func lifecycleOnTheClockWithMagicNumbers() async throws {
        let simulation = simulation()
        let created = try simulation.respond(to: sms(["905551230011", "905551230001", "905551230003", "905551230002"]), as: "admin")
        let id = created.pkgID
        func state() async throws -> PackageState { try simulation.respond(to: ListSmsRequest(ids: [id]), as: "admin").list[0].state }
        func items() async throws -> [ItemState] { try simulation.respond(to: ListSmsItemsRequest(package: .id(id)), as: "admin").list.map(\.state) }
        #expect(try await state() == .queueing)
        #expect(try await items() == [.pending, .pending, .pending, .pending])
        clock.advance(seconds: 1)
        #expect(try await state() == .sending)
        #expect(try await items() == [.sending, .sending, .sending, .sending])
        clock.advance(seconds: 1)
        #expect(try await state() == .partlyReported)
        #expect(try await items() == [.sent, .sent, .rejectedByOperator, .sent])
        clock.advance(seconds: 3)
        #expect(try await items() == [.delivered, .undelivered, .rejectedByOperator, .sent])
        #expect(try await state() == .partlyReported)
        clock.advance(minutes: 1440 + 60)
        #expect(try await items() == [.delivered, .undelivered, .rejectedByOperator, .timedOut])
        #expect(try await state() == .complete)
        let delivered = try simulation.respond(to: ListSmsItemsRequest(package: .id(id), state: .delivered), as: "admin").list
        #expect(delivered.map(\.target) == ["905551230011"])
        #expect(delivered.first?.deliveryDate == WireDate("2025-03-10T10:00:05"))
    }

    @Test func operatorRejectionsAreRefunded() async throws {
        let simulation = simulation()
        _ = try simulation.respond(to: sms(["905551230011", "905551230003"]), as: "admin")
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 100_000 - 2)
        clock.advance(seconds: 2)
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 100_000 - 1)
    }

    @Test func cancelOnlyBeforeSendingAndRefund() async throws {
        let simulation = simulation()
        var scheduled = sms(["905551230011", "905551230012"])
        scheduled.sendingDate = WireDate("2025-03-10 12:00")
        let later = try simulation.respond(to: scheduled, as: "admin")
        #expect(try simulation.respond(to: ListSmsRequest(status: .scheduled), as: "admin").list.map(\.id) == [later.pkgID])
        #expect(try simulation.respond(to: CancelSmsRequest(package: .id(later.pkgID)), as: "admin") == StatusReply(status: 1))
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 100_000)
        #expect(try simulation.respond(to: ListSmsRequest(status: .cancelled), as: "admin").list.map(\.id) == [later.pkgID])
        let now = try simulation.respond(to: sms(["905551230011"]), as: "admin")
        clock.advance(seconds: 1.5)
        #expect(await error { _ = try simulation.respond(to: CancelSmsRequest(package: .id(now.pkgID)), as: "admin") }?.code == "ERR_SMS_PKG_NOT_CHANGEABLE")
        #expect(await error { _ = try simulation.respond(to: CancelSmsRequest(package: .uuid("yok")), as: "admin") }?.code == "ERR_SMS_PKG_NOT_FOUND")
    }

    @Test func listFiltersAndPaging() async throws {
        let simulation = simulation()
        for index in 0..<25 {
            var request = sms(["905551230011"], content: index.isMultiple(of: 2) ? "kampanya \(index)" : "bilgi \(index)")
            request.customID = "p\(index)"
            _ = try simulation.respond(to: request, as: "admin")
        }
        let first = try simulation.respond(to: ListSmsRequest(), as: "admin")
        #expect(first.stats.totalRecord == 25)
        #expect(first.list.count == 10)
        #expect(first.list.first?.customID == "p24")
        let third = try simulation.respond(to: ListSmsRequest(paging: Paging(pageIndex: 2, pageSize: 10)), as: "admin")
        #expect(third.list.map(\.customID) == ["p4", "p3", "p2", "p1", "p0"])
        #expect(try simulation.respond(to: ListSmsRequest(keyword: "KAMPANYA"), as: "admin").stats.totalRecord == 13)
        #expect(try simulation.respond(to: ListSmsRequest(customIDs: ["p3", "p7"]), as: "admin").list.map(\.customID) == ["p7", "p3"])
        clock.advance(seconds: 10)
        #expect(try simulation.respond(to: ListSmsRequest(status: .completed), as: "admin").stats.totalRecord == 25)
    }

    @Test func sendersAreListedWithFilters() async throws {
        let simulation = simulation()
        #expect(try simulation.respond(to: ListSendersRequest(), as: "admin").stats.totalRecord == 3)
        #expect(try simulation.respond(to: ListSendersRequest(status: .approved), as: "admin").list.map(\.title) == ["BASLIK"])
        #expect(try simulation.respond(to: ListSendersRequest(keyword: "redd"), as: "admin").list.map(\.title) == ["REDDEDILEN"])
    }

    @Test func summaryCountsSegmentsByFinalState() async throws {
        let simulation = simulation()
        _ = try simulation.respond(to: sms(["905551230011", "905551230001", "905551230002"]), as: "admin")
        clock.advance(seconds: 5)
        let summary = try simulation.respond(to: SmsSummaryRequest(), as: "admin")
        #expect(summary == SmsSummary(total: 3, delivered: 1, undelivered: 1, pending: 1, rCount: 3, credit: 3))
    }

    @Test func concurrentSendsNeverSpendCreditTwice() async throws {
        let simulation = simulation(credit: 500)
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<1000 {
                group.addTask {
                    let number = GSMNumber("90555\(String(format: "%07d", 1_000_000 + index).suffix(7))")
                    return (try? simulation.respond(to: CreateSmsRequest(recipients: .single(number), sender: "BASLIK", title: "T", content: "c"), as: "admin")) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 500)
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 0)
        #expect(try simulation.respond(to: ListSmsRequest(), as: "admin").stats.totalRecord == 500)
    }
}
