import MockProviders
import NodeAPI
import Testing

/// Opt-out SMS (MO): a keyword blacklists the number, even outside the address book; `/mo/list-request`.
@Suite struct OptOutTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    @Test func aKeywordBlacklistsTheNumberAndLaterPackagesSkipIt() async throws {
        let simulation = simulation()
        let received = try await simulation.receiveOptOut(for: "admin", gsm: "0532 111 22 33", msg: "ret BASLIK")
        #expect(received.state == .complete)
        #expect(received.keyword == "RET")
        #expect(received.gsm == "905321112233")
        #expect(received.shortNr == "3838")
        #expect(received.processInfo?.blacklisted == 1)
        #expect(received.userInfo == MoRequest.UserInfo(uuid: ScenarioFixtures.admin.userUUID, username: "admin"))
        let request = CreateSmsRequest(recipients: .oneToMany(["905321112233", "905551230011"]), sender: "BASLIK", title: "T", content: "Kampanya")
        let created = try await simulation.createSms(for: "admin", request)
        let items = try await simulation.listItems(of: "admin", ListSmsItemsRequest(package: .id(created.pkgID)))
        #expect(items.list.map(\.target) == ["905551230011"])
        // Not in the address book, yet blacklisted there too: the contact list's black-list filter is about contacts,
        // the sending blacklist is the account's.
        let alone = await error { _ = try await simulation.createSms(for: "admin", CreateSmsRequest(recipients: .single("905321112233"), sender: "BASLIK", title: "T", content: "x")) }
        #expect(alone?.code == "ERR_EMPTY_SMS_PACKAGE")
    }

    @Test func turkishCaseFoldingMatchesİptal() async throws {
        let simulation = simulation()
        #expect(try await simulation.receiveOptOut(for: "admin", gsm: "905321112234", msg: "iptal").state == .complete)
        #expect(try await simulation.receiveOptOut(for: "admin", gsm: "905321112235", msg: "İPTAL lütfen").keyword == "İPTAL")
    }

    @Test func otherTextIsNoMatchAndABadNumberFails() async throws {
        let simulation = simulation()
        let chat = try await simulation.receiveOptOut(for: "admin", gsm: "905321112233", msg: "Merhaba, kampanya ne zaman?")
        #expect(chat.state == .noMatch)
        #expect(chat.processInfo?.blacklisted == 0)
        #expect(try await simulation.receiveOptOut(for: "admin", gsm: "12345", msg: "RET").state == .failed)
        // Nothing was blacklisted: a package to the number goes out.
        _ = try await simulation.createSms(for: "admin", CreateSmsRequest(recipients: .single("905321112233"), sender: "BASLIK", title: "T", content: "x"))
    }

    @Test func listFiltersByKeywordTextNumberAndDateNewestFirst() async throws {
        let simulation = simulation()
        try await simulation.receiveOptOut(for: "admin", gsm: "905321112233", msg: "RET BASLIK")
        clock.advance(minutes: 60)
        try await simulation.receiveOptOut(for: "admin", gsm: "905441112233", msg: "Stop")
        clock.advance(minutes: 60)
        try await simulation.receiveOptOut(for: "admin", gsm: "905551112233", msg: "Ne zaman?")
        let all = try await simulation.listOptOuts(of: "admin", ListMoRequestsRequest())
        #expect(all.stats.totalRecord == 3)
        #expect(all.list.map(\.gsm) == ["905551112233", "905441112233", "905321112233"])
        #expect(try await simulation.listOptOuts(of: "admin", ListMoRequestsRequest(keyword: "stop")).list.map(\.gsm) == ["905441112233"])
        #expect(try await simulation.listOptOuts(of: "admin", ListMoRequestsRequest(keyword: "baslık")).list.map(\.gsm) == ["905321112233"])
        #expect(try await simulation.listOptOuts(of: "admin", ListMoRequestsRequest(keyword: "90532")).stats.totalRecord == 1)
        let window = ListMoRequestsRequest(startDate: WireDate("2025-03-10 11:00"), finishDate: WireDate("2025-03-10 11:30"))
        #expect(try await simulation.listOptOuts(of: "admin", window).list.map(\.gsm) == ["905441112233"])
        for index in 0..<10 { try await simulation.receiveOptOut(for: "admin", gsm: "90532000\(1000 + index)", msg: "RET") }
        let paged = try await simulation.listOptOuts(of: "admin", ListMoRequestsRequest(paging: Paging(pageIndex: 1, pageSize: 10)))
        #expect(paged.stats.totalRecord == 13)
        #expect(paged.list.map(\.gsm) == ["905551112233", "905441112233", "905321112233"])
    }

    @Test func anotherUsersUUIDIsNotFound() async throws {
        let simulation = simulation()
        let other = await error { _ = try await simulation.listOptOuts(of: "admin", ListMoRequestsRequest(userUUID: "9f0c-other")) }
        #expect(other?.code == "ERR_USER_NOT_FOUND")
        #expect(try await simulation.listOptOuts(of: "admin", ListMoRequestsRequest(userUUID: ScenarioFixtures.admin.userUUID)).stats.totalRecord == 0)
    }

    @Test func theRangeRulesApply() async throws {
        let simulation = simulation()
        let reversed = await error {
            _ = try await simulation.listOptOuts(of: "admin", ListMoRequestsRequest(startDate: WireDate("2025-03-10 11:00"), finishDate: WireDate("2025-03-10 10:00")))
        }
        #expect(reversed?.code == "ERR_INVALID_DATE_RANGE")
    }
}
