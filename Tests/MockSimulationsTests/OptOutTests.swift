import MockFixtures
import MockSimulations
import NodeAPI
import Testing

/// Opt-out SMS (MO): a keyword blacklists the number, even outside the address book; `/mo/list-request`.
@Suite struct OptOutTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    @Test func aKeywordBlacklistsTheNumberAndLaterPackagesSkipIt() async throws {
        let simulation = simulation()
        let received = try simulation.receiveOptOut(for: "admin", gsm: "0532 111 22 33", msg: "ret BASLIK")
        #expect(received.state == .complete)
        #expect(received.keyword == "RET")
        #expect(received.gsm == "905321112233")
        #expect(received.shortNr == "3838")
        #expect(received.processInfo?.blacklisted == 1)
        #expect(received.userInfo == MoRequest.UserInfo(uuid: ScenarioFixtures.admin.userUUID, username: "admin"))
        let request = CreateSmsRequest(recipients: .oneToMany(["905321112233", "905551230011"]), sender: "BASLIK", title: "T", content: "Kampanya")
        let created = try simulation.respond(to: request, as: "admin")
        let items = try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin")
        #expect(items.list.map(\.target) == ["905551230011"])
        // Not in the address book, yet blacklisted there too: the contact list's black-list filter is about contacts,
        // the sending blacklist is the account's.
        let alone = await error { _ = try simulation.respond(to: CreateSmsRequest(recipients: .single("905321112233"), sender: "BASLIK", title: "T", content: "x"), as: "admin") }
        #expect(alone?.code == "ERR_EMPTY_SMS_PACKAGE")
    }

    @Test func turkishCaseFoldingMatchesİptal() async throws {
        let simulation = simulation()
        #expect(try simulation.receiveOptOut(for: "admin", gsm: "905321112234", msg: "iptal").state == .complete)
        #expect(try simulation.receiveOptOut(for: "admin", gsm: "905321112235", msg: "İPTAL lütfen").keyword == "İPTAL")
    }

    @Test func otherTextIsNoMatchAndABadNumberFails() async throws {
        let simulation = simulation()
        let chat = try simulation.receiveOptOut(for: "admin", gsm: "905321112233", msg: "Merhaba, kampanya ne zaman?")
        #expect(chat.state == .noMatch)
        #expect(chat.processInfo?.blacklisted == 0)
        #expect(try simulation.receiveOptOut(for: "admin", gsm: "12345", msg: "RET").state == .failed)
        // Nothing was blacklisted: a package to the number goes out.
        _ = try simulation.respond(to: CreateSmsRequest(recipients: .single("905321112233"), sender: "BASLIK", title: "T", content: "x"), as: "admin")
    }

    @Test func listFiltersByKeywordTextNumberAndDateNewestFirst() async throws {
        let simulation = simulation()
        try simulation.receiveOptOut(for: "admin", gsm: "905321112233", msg: "RET BASLIK")
        clock.advance(minutes: 60)
        try simulation.receiveOptOut(for: "admin", gsm: "905441112233", msg: "Stop")
        clock.advance(minutes: 60)
        try simulation.receiveOptOut(for: "admin", gsm: "905551112233", msg: "Ne zaman?")
        let all = try simulation.respond(to: ListMoRequestsRequest(), as: "admin")
        #expect(all.stats.totalRecord == 3)
        #expect(all.list.map(\.gsm) == ["905551112233", "905441112233", "905321112233"])
        #expect(try simulation.respond(to: ListMoRequestsRequest(keyword: "stop"), as: "admin").list.map(\.gsm) == ["905441112233"])
        #expect(try simulation.respond(to: ListMoRequestsRequest(keyword: "baslık"), as: "admin").list.map(\.gsm) == ["905321112233"])
        #expect(try simulation.respond(to: ListMoRequestsRequest(keyword: "90532"), as: "admin").stats.totalRecord == 1)
        let window = ListMoRequestsRequest(startDate: WireDate("2025-03-10 11:00"), finishDate: WireDate("2025-03-10 11:30"))
        #expect(try simulation.respond(to: window, as: "admin").list.map(\.gsm) == ["905441112233"])
        for index in 0..<10 { try simulation.receiveOptOut(for: "admin", gsm: "90532000\(1000 + index)", msg: "RET") }
        let paged = try simulation.respond(to: ListMoRequestsRequest(paging: Paging(pageIndex: 1, pageSize: 10)), as: "admin")
        #expect(paged.stats.totalRecord == 13)
        #expect(paged.list.map(\.gsm) == ["905551112233", "905441112233", "905321112233"])
    }

    @Test func anotherUsersUUIDIsNotFound() async throws {
        let simulation = simulation()
        let other = await error { _ = try simulation.respond(to: ListMoRequestsRequest(userUUID: "9f0c-other"), as: "admin") }
        #expect(other?.code == "ERR_USER_NOT_FOUND")
        #expect(try simulation.respond(to: ListMoRequestsRequest(userUUID: ScenarioFixtures.admin.userUUID), as: "admin").stats.totalRecord == 0)
    }

    @Test func theRangeRulesApply() async throws {
        let simulation = simulation()
        let reversed = await error {
            _ = try simulation.respond(to: ListMoRequestsRequest(startDate: WireDate("2025-03-10 11:00"), finishDate: WireDate("2025-03-10 10:00")), as: "admin")
        }
        #expect(reversed?.code == "ERR_INVALID_DATE_RANGE")
    }
}
