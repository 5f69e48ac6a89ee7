import EuromsgExpress
import Foundation
import MockFixtures
import MockSimulations
import MySoftIYS
import NodeAPI
import Testing

/// The Euromsg Express mock's rules without HTTP, on the bundled scenario's seeds and a manual clock.
@Suite struct ExpressSimulationTests {
    static let demo = ScenarioFixtures.expressDemo
    static let integrator = "EXP-IYS-4B8D2E60"
    static let usedUp = "EXP-USEDUP-1C5E7A93"
    static let expired = "EXP-EXPIRED-9D2F4B17"

    let clock = ManualClock(turkey: WireDate("2026-11-23 10:00")!)
    let simulation: ExpressSimulation

    /// The table reaches each call's rule through its request type: every call of an end user has one, and the calls
    /// that decide who the end user is have none.
    @Test(arguments: ExpressOperation.allCases)
    func everyEndUserCallHasItsTransition(_ operation: ExpressOperation) {
        #expect((operation.transitionType != nil) == operation.needsEndUser, "\(operation)")
    }

    init() throws {
        simulation = ExpressSimulation(scenario: try Scenario.bundled().euromsg, clock: clock)
    }

    func token() async throws -> String {
        try simulation.issueToken(ExpressTokenRequest(clientName: "admin", password: "123456")).tokenValue
    }

    func bound(_ apiKey: String = demo) async throws -> String {
        let token = try await token()
        _ = try simulation.identify(token: token, apiKey: apiKey)
        return token
    }

    /// `serve --state`: lists, members (deleted ones too), campaigns and sends used come back through JSON into a state
    /// built from the scenario, and new ids do not reuse old ones.
    @Test func aSnapshotRestoresListsMembersAndCampaignsThroughJSON() throws {
        let scenario = try Scenario.bundled().euromsg
        let start = clock.now()
        var state = ExpressState(scenario: scenario, now: start)
        let list = try CreateListRequest(EmailListName(name: "Kalıcı liste")).apply(to: &state, caller: Self.demo, now: start)
        let kept = try AddMemberRequest(listId: list.id, email: "ayşe@example.com").apply(to: &state, caller: Self.demo, now: start).member
        let gone = try AddMemberRequest(listId: list.id, email: "gider@example.com").apply(to: &state, caller: Self.demo, now: start).member
        try DeleteMemberRequest(id: gone.memberId).apply(to: &state, caller: Self.demo, now: start)
        let campaign = try state.sendCampaign(MockCampaignRequest(apiKey: Self.demo, name: "Kasım", subject: "İndirim", listIds: [list.id]), now: start)
        let json = try JSONEncoder().encode(state.snapshot)

        var restored = ExpressState(scenario: scenario, now: start)
        restored.restore(try JSONDecoder().decode(ExpressState.Snapshot.self, from: json))
        let later = start + 3_600_000
        #expect(try ListListsRequest().apply(to: &restored, caller: Self.demo, now: later) == ListListsRequest().apply(to: &state, caller: Self.demo, now: later))
        #expect(try GetMemberRequest(id: kept.memberId).apply(to: &restored, caller: Self.demo, now: later) == GetMemberRequest(id: kept.memberId).apply(to: &state, caller: Self.demo, now: later))
        #expect(try restored.hiddenMembers(Self.demo).map(\.email) == ["gider@example.com"])
        #expect(try GetCampaignRequest(id: campaign.id).apply(to: &restored, caller: Self.demo, now: later) == GetCampaignRequest(id: campaign.id).apply(to: &state, caller: Self.demo, now: later))
        #expect(try CampaignReportDetailRequest(ReportQuery(campaignId: campaign.id)).apply(to: &restored, caller: Self.demo, now: later) == CampaignReportDetailRequest(ReportQuery(campaignId: campaign.id)).apply(to: &state, caller: Self.demo, now: later))
        #expect(try CreateListRequest(EmailListName(name: "Yeni")).apply(to: &restored, caller: Self.demo, now: later).id > list.id)
    }

    @Test func tokensExpireOnTheClock() async throws {
        let token = try simulation.issueToken(ExpressTokenRequest(clientName: "admin", password: "123456"))
        #expect(token.expireTime.description == "2026-11-23T11:00:00+03:00")
        #expect(token.roles == ["CrmIntegrator"])
        #expect(throws: ExpressError(.invalidCredentials, "clientName or password is wrong")) {
            try simulation.issueToken(ExpressTokenRequest(clientName: "admin", password: "654321"))
        }
        _ = try simulation.identify(token: token.tokenValue, apiKey: Self.demo)
        clock.advance(seconds: 3599)
        #expect(try simulation.endUser(token: token.tokenValue, apiKey: nil) == Self.demo)
        clock.advance(seconds: 1)
        let expired = #expect(throws: ExpressError.self) { try simulation.endUser(token: token.tokenValue, apiKey: nil) }
        #expect(expired?.errorCode == .tokenExpired)
        let unknown = #expect(throws: ExpressError.self) { try simulation.endUser(token: "nope", apiKey: nil) }
        #expect(unknown?.errorCode == .unauthorized)
    }

    @Test func anAPIKeyBindsTheTokenToAnEndUser() async throws {
        let token = try await token()
        let before = #expect(throws: ExpressError.self) { try simulation.endUser(token: token, apiKey: nil) }
        #expect(before?.errorCode == .apiKeyRequired)
        let wrong = #expect(throws: ExpressError.self) { try simulation.identify(token: token, apiKey: "EXP-NOPE") }
        #expect(wrong?.errorCode == .unknownAPIKey)
        let identity = try simulation.identify(token: token, apiKey: Self.demo)
        #expect(identity.accountName == "Örnek Mağazacılık A.Ş." && !identity.iysIntegrator)
        #expect(identity.sendingRights == SendingRights(active: true, remainingSends: 443, expiresAt: ExpressDateTime("2026-12-20T10:00:00+03:00")))
        #expect(try simulation.endUser(token: token, apiKey: nil) == Self.demo)
        // The apiKey header acts for another end user with the same token.
        #expect(try simulation.endUser(token: token, apiKey: Self.integrator) == Self.integrator)
        let header = #expect(throws: ExpressError.self) { try simulation.endUser(token: token, apiKey: "EXP-NOPE") }
        #expect(header?.errorCode == .unknownAPIKey)
    }

    @Test func listsAreCreatedRenamedAndDeletedKeepingMembers() async throws {
        let user = Self.demo
        let seeded = try simulation.respond(to: ListListsRequest(), as: user)
        #expect(seeded.map(\.name) == ["Bülten Aboneleri", "VIP Müşteriler"])
        #expect(seeded.map(\.memberCount) == [6, 3])
        let created = try simulation.respond(to: CreateListRequest(EmailListName(name: "İstanbul Şubesi")), as: user)
        #expect(created.id > seeded[1].id && created.memberCount == 0)
        let clash = #expect(throws: ExpressError.self) { try simulation.respond(to: CreateListRequest(EmailListName(name: "istanbul şubesi")), as: user) }
        #expect(clash?.errorCode == .conflict)
        #expect(try simulation.respond(to: ListListsRequest(name: "İSTANBUL"), as: user).map(\.id) == [created.id])
        let renamed = try simulation.respond(to: RenameListRequest(id: created.id, EmailListName(name: "Ankara Şubesi")), as: user)
        #expect(renamed.name == "Ankara Şubesi")
        let renameClash = #expect(throws: ExpressError.self) { try simulation.respond(to: RenameListRequest(id: created.id, EmailListName(name: "VIP MÜŞTERİLER")), as: user) }
        #expect(renameClash?.errorCode == .conflict)

        let vip = seeded[1].id
        let ayse = try simulation.respond(to: QueryMembersRequest(MemberQuery(.email("AYSE.YILMAZ@example.com"))), as: user)
        guard case .one(let member) = ayse else { Issue.record("expected one member"); return }
        #expect(member.listIds == [seeded[0].id, vip])
        try simulation.respond(to: DeleteListRequest(id: vip), as: user)
        let gone = #expect(throws: ExpressError.self) { try simulation.respond(to: GetListRequest(id: vip), as: user) }
        #expect(gone?.errorCode == .notFound)
        // The members stay in the account, out of the deleted list.
        #expect(try simulation.respond(to: GetMemberRequest(id: member.memberId), as: user).listIds == [seeded[0].id])
        _ = try simulation.respond(to: QueryMembersRequest(MemberQuery(.email("ugur.kilic+spam@example.com"))), as: user)
        // Another end user's list is not found.
        let foreign = #expect(throws: ExpressError.self) { try simulation.respond(to: GetListRequest(id: seeded[0].id), as: Self.integrator) }
        #expect(foreign?.errorCode == .notFound)
    }

    @Test func membersNeedOnlyAnEmailUnlessEuromsgIsTheirIYSIntegrator() async throws {
        let list = try simulation.respond(to: ListListsRequest(), as: Self.demo)[0].id
        let added = try simulation.respond(to: AddMemberRequest(listId: list, email: "yeni.uye@example.com"), as: Self.demo)
        #expect(added.created && added.member.listIds == [list] && added.member.status == .subscribed)
        let badEmail = #expect(throws: ExpressError.self) { try simulation.respond(to: AddMemberRequest(listId: list, email: "yeni.uye"), as: Self.demo) }
        #expect(badEmail?.field == "email")
        let noList = #expect(throws: ExpressError.self) { try simulation.respond(to: AddMemberRequest(listId: 999_999, email: "a@example.com"), as: Self.demo) }
        #expect(noList?.errorCode == .notFound)

        let iysList = try simulation.respond(to: ListListsRequest(), as: Self.integrator)[0].id
        let missing = #expect(throws: ExpressError.self) {
            try simulation.respond(to: AddMemberRequest(listId: iysList, email: "ali@example.com"), as: Self.integrator)
        }
        #expect(missing?.field == "iys")
        let iys = MemberIYS(consentDate: IYSDateTime("2026-11-20 14:00:00")!, consentSource: .web, merchantConsentStatus: .approved)
        let withIYS = try simulation.respond(to: AddMemberRequest(listId: iysList, email: "ali@example.com", iys: iys), as: Self.integrator)
        #expect(withIYS.member.iys == iys)
        let iysSource = #expect(throws: ExpressError.self) {
            try simulation.respond(to: AddMemberRequest(
                listId: iysList, email: "veli@example.com",
                iys: MemberIYS(consentDate: IYSDateTime("2026-11-20 14:00:00")!, consentSource: .iysWeb, merchantConsentStatus: .approved)
            ), as: Self.integrator)
        }
        #expect(iysSource?.field == "iys.consentSource")
    }

    @Test func membersAreQueriedByListOrEmailAndUpdatedByMemberId() async throws {
        let user = Self.demo
        let list = try simulation.respond(to: ListListsRequest(), as: user)[0].id
        for index in 1...120 {
            _ = try simulation.respond(to: AddMemberRequest(listId: list, email: "toplu\(index)@example.com"), as: user)
        }
        guard case .page(let first) = try simulation.respond(to: QueryMembersRequest(MemberQuery(.list(list, updatedAfter: nil, ExpressPaging(page: 1, pageSize: 50)))), as: user) else {
            Issue.record("expected a page"); return
        }
        #expect(first.totalCount == 126 && first.items.count == 50)
        guard case .page(let last) = try simulation.respond(to: QueryMembersRequest(MemberQuery(.list(list, updatedAfter: nil, ExpressPaging(page: 3, pageSize: 50)))), as: user) else { return }
        #expect(last.items.count == 26 && last.items.last?.email == "toplu120@example.com")
        let ids = first.items.map(\.memberId)
        #expect(ids == ids.sorted())

        guard case .one(let member) = try simulation.respond(to: QueryMembersRequest(MemberQuery(.email("toplu7@example.com"))), as: user) else { return }
        clock.advance(seconds: 60)
        let updated = try simulation.respond(to: UpdateMemberRequest(memberId: member.memberId, firstName: "Yedinci", status: .unsubscribed), as: user)
        #expect(updated.firstName == "Yedinci" && updated.status == .unsubscribed && updated.email == "toplu7@example.com")
        #expect(updated.updatedAt > member.updatedAt)
        // The nightly sync: only what changed since the last run.
        guard case .page(let changed) = try simulation.respond(to: QueryMembersRequest(MemberQuery(.list(list, updatedAfter: ExpressDateTime("2026-11-23T10:00:00"), ExpressPaging()))), as: user) else { return }
        #expect(changed.items.map(\.memberId) == [member.memberId])
        let taken = #expect(throws: ExpressError.self) {
            try simulation.respond(to: UpdateMemberRequest(memberId: member.memberId, email: "toplu8@example.com"), as: user)
        }
        #expect(taken?.errorCode == .conflict)
        let unknown = #expect(throws: ExpressError.self) { try simulation.respond(to: UpdateMemberRequest(memberId: 1, firstName: "x"), as: user) }
        #expect(unknown?.errorCode == .notFound)
    }

    @Test func deletingAMemberHidesItButRetainsIt() async throws {
        let user = Self.demo
        let list = try simulation.respond(to: ListListsRequest(), as: user)[0].id
        guard case .one(let member) = try simulation.respond(to: QueryMembersRequest(MemberQuery(.email("ayse.yilmaz@example.com"))), as: user) else { return }
        try simulation.respond(to: DeleteMemberRequest(id: member.memberId), as: user)
        let hidden = #expect(throws: ExpressError.self) { try simulation.respond(to: GetMemberRequest(id: member.memberId), as: user) }
        #expect(hidden?.errorCode == .notFound)
        let byEmail = #expect(throws: ExpressError.self) { try simulation.respond(to: QueryMembersRequest(MemberQuery(.email("ayse.yilmaz@example.com"))), as: user) }
        #expect(byEmail?.errorCode == .notFound)
        #expect(try simulation.respond(to: ListListsRequest(), as: user)[0].memberCount == 5)
        #expect(try simulation.hiddenMembers(user).map(\.memberId) == [member.memberId])
        // Added again, the address gets its retained record back.
        let again = try simulation.respond(to: AddMemberRequest(listId: list, email: "Ayse.Yilmaz@example.com"), as: user)
        #expect(again.created && again.member.memberId == member.memberId && again.member.createdAt == member.createdAt)
        #expect(try simulation.hiddenMembers(user).isEmpty)
    }

    @Test func withoutSendingRightsMembersDoNotFlow() async throws {
        for apiKey in [Self.usedUp, Self.expired] {
            var list = try simulation.respond(to: ListListsRequest(), as: apiKey).first?.id
            if list == nil { list = try simulation.respond(to: CreateListRequest(EmailListName(name: "Yeni")), as: apiKey).id }
            let refused = #expect(throws: ExpressError.self) { try simulation.respond(to: AddMemberRequest(listId: list ?? 0, email: "a@example.com"), as: apiKey) }
            #expect(refused?.errorCode == .noSendingRights, "\(apiKey)")
            let token = try await token()
            #expect(try simulation.identify(token: token, apiKey: apiKey).sendingRights == SendingRights(active: false, remainingSends: 0, expiresAt: nil))
        }
        // The bought package carries the İYS end user past their used-up welcome package, until it expires.
        let token = try await token()
        #expect(try simulation.identify(token: token, apiKey: Self.integrator).sendingRights.remainingSends == 8800)
        // The demo end user's welcome month runs out on the clock.
        let list = try simulation.respond(to: ListListsRequest(), as: Self.demo)[0].id
        clock.advance(seconds: 27 * 86_400)
        let late = #expect(throws: ExpressError.self) { try simulation.respond(to: AddMemberRequest(listId: list, email: "b@example.com"), as: Self.demo) }
        #expect(late?.errorCode == .noSendingRights)
    }

    @Test func campaignsProgressOnTheClockAndFilter() async throws {
        let user = Self.demo
        let all = try simulation.respond(to: ListCampaignsRequest(CampaignQuery()), as: user)
        #expect(all.map(\.status) == [.error, .draft, .pending, .sent])
        #expect(try simulation.respond(to: ListCampaignsRequest(CampaignQuery(status: .sent)), as: user).map(\.name) == ["Kasım İndirimleri"])
        #expect(try simulation.respond(to: ListCampaignsRequest(CampaignQuery(name: "YILBAŞI")), as: user).map(\.status) == [.pending])
        let pending = all[2]
        #expect(try simulation.respond(to: ListCampaignsRequest(CampaignQuery(id: pending.id)), as: user).map(\.id) == [pending.id])
        #expect(try simulation.respond(to: GetCampaignRequest(id: pending.id), as: user).recipientCount == 5)
        clock.advance(seconds: 30 * 60)
        #expect(try simulation.respond(to: GetCampaignRequest(id: pending.id), as: user).status == .onGoing)
        #expect(try simulation.respond(to: CampaignReportDetailRequest(ReportQuery(campaignId: pending.id)), as: user).totalCount == 1)
        clock.advance(seconds: 10)
        let sent = try simulation.respond(to: GetCampaignRequest(id: pending.id), as: user)
        #expect(sent.status == .sent && sent.sentAt?.description == "2026-11-23T10:30:10+03:00")
        #expect(try simulation.respond(to: CampaignReportDetailRequest(ReportQuery(campaignId: pending.id)), as: user).totalCount == 5)
        let missing = #expect(throws: ExpressError.self) { try simulation.respond(to: GetCampaignRequest(id: 1), as: user) }
        #expect(missing?.errorCode == .notFound)
    }

    @Test func reportsCountWhatHappenedAndDetailFilters() async throws {
        let user = Self.demo
        let sent = try simulation.respond(to: ListCampaignsRequest(CampaignQuery(status: .sent)), as: user)[0]
        #expect(sent.recipientCount == 7)
        let report = try simulation.respond(to: CampaignReportRequest(ReportQuery(campaignId: sent.id)), as: user)
        var totals = ReportTotals()
        (totals.recipients, totals.sent, totals.hardBounced, totals.softBounced) = (7, 5, 1, 1)
        (totals.opened, totals.clicked, totals.spam, totals.unsubscribed) = (4, 1, 1, 2)
        #expect(report.totals == totals)
        #expect(report.lists.map(\.listName) == ["Bülten Aboneleri", "VIP Müşteriler"])
        #expect(report.lists.map(\.totals.recipients) == [6, 1])
        let detail = { (query: ReportQuery) in try simulation.respond(to: CampaignReportDetailRequest(query), as: user).items.map(\.email) }
        #expect(try detail(ReportQuery(campaignId: sent.id, status: .hardBounced)) == ["ismail.sahin+hardbounce@example.com"])
        #expect(try detail(ReportQuery(campaignId: sent.id, clicked: true)) == ["mehmet.ozturk+click@example.com"])
        #expect(try detail(ReportQuery(campaignId: sent.id, spam: true)) == ["ugur.kilic+spam@example.com"])
        #expect(try detail(ReportQuery(campaignId: sent.id, email: "AYSE.YILMAZ@example.com")) == ["ayse.yilmaz@example.com"])
        #expect(try detail(ReportQuery(campaignId: sent.id, status: .sent, opened: false)) == ["ayse.yilmaz@example.com"])
        #expect(try simulation.respond(to: CampaignReportDetailRequest(ReportQuery(campaignId: sent.id, paging: ExpressPaging(page: 2, pageSize: 5))), as: user).items.count == 2)
        // The unsubscribed stayed out of the campaign; those who left through it show as unsubscribed at once.
        #expect(try detail(ReportQuery(campaignId: sent.id, email: "eski.musteri@example.com")).isEmpty)
        guard case .one(let left) = try simulation.respond(to: QueryMembersRequest(MemberQuery(.email("cagri.ince+unsubscribe@example.com"))), as: user) else { return }
        #expect(left.status == .unsubscribed)
    }

    @Test func aCampaignSentFromThePanelUsesSendsAndUnsubscribesAsItGoes() async throws {
        let user = Self.demo
        let lists = try simulation.respond(to: ListListsRequest(), as: user)
        let campaign = try simulation.sendCampaign(MockCampaignRequest(apiKey: user, name: "Deneme", subject: "Merhaba", listIds: [lists[0].id]))
        #expect(campaign.status == .onGoing && campaign.recipientCount == 5)
        let token = try await token()
        #expect(try simulation.identify(token: token, apiKey: user).sendingRights.remainingSends == 438)
        let tooMany = #expect(throws: ExpressError.self) {
            try simulation.sendCampaign(MockCampaignRequest(apiKey: Self.usedUp, name: "x", subject: "x", listIds: [try simulation.respond(to: ListListsRequest(), as: Self.usedUp)[0].id]))
        }
        #expect(tooMany?.errorCode == .noSendingRights)
        let noLists = #expect(throws: ExpressError.self) { try simulation.sendCampaign(MockCampaignRequest(apiKey: user, name: "x", subject: "x", listIds: [])) }
        #expect(noLists?.field == "listIds")
    }
}

/// The `euromsg:` part of scenario files: strict, with the line to fix.
@Suite struct ExpressScenarioTests {
    @Test func theBundledScenarioSeedsTheDocumentedCredentials() throws {
        let euromsg = try Scenario.bundled().euromsg
        #expect(euromsg.integrators == [.init(clientName: "admin", password: "123456")])
        #expect(euromsg.endUsers.map(\.apiKey) == ["EXP-DEMO-7F3A9C21", "EXP-IYS-4B8D2E60", "EXP-USEDUP-1C5E7A93", "EXP-EXPIRED-9D2F4B17"])
        #expect(euromsg.tokenLifetimeSeconds == 3600)
    }

    @Test func mistakesNameTheLine() {
        let base = "euromsg:\n  endUsers:\n    - apiKey: K\n      name: N\n"
        #expect(ScenarioFixtures.problem(base + "      apikey: X\n")?.hasPrefix("e.yaml:5: euromsg.endUsers[0].apikey: unknown key") == true)
        #expect(ScenarioFixtures.problem(base + "      welcomeSendsUsed: 501\n")?.contains("must be between 0 and 500") == true)
        #expect(ScenarioFixtures.problem(base + "      campaigns:\n        - { name: C, status: Sent, lists: [Yok] }\n")?.contains("names list 'Yok'") == true)
        #expect(ScenarioFixtures.problem(base + "      campaigns:\n        - { name: C, status: OnGoing }\n")?.contains("OnGoing is a passing state") == true)
        #expect(ScenarioFixtures.problem(base + "      campaigns:\n        - { name: C, status: Bitti }\n")?.contains("'Bitti' is not one of Draft, Pending, Sent, OnGoing, Error") == true)
        #expect(ScenarioFixtures.problem(base + "      lists:\n        - { name: L, members: [{ email: bozuk }] }\n")?.contains("'bozuk' is not an e-mail address") == true)
        #expect(ScenarioFixtures.problem(base + "    - apiKey: K\n      name: M\n")?.contains("two end users have the same apiKey") == true)
        #expect(ScenarioFixtures.problem("euromsg:\n  tokenLifetimeSeconds: 0\n")?.contains("must be between 1 and 315360000") == true)
        #expect(ScenarioFixtures.problem(base) == nil)
    }
}

/// Issue 11, finding 11: ids made at run time never repeat across a restart; the seeds keep theirs.
@Suite struct ExpressIDTests {
    @Test func listsMadeAfterARestartGetNewIds() async throws {
        let scenario = try Scenario.bundled().euromsg
        let start = ManualClock(turkey: WireDate("2026-11-23 10:00")!)
        let first = try ExpressSimulation(scenario: scenario, clock: start).respond(to: CreateListRequest(EmailListName(name: "Yeni")), as: "EXP-DEMO-7F3A9C21")
        let restarted = ExpressSimulation(scenario: scenario, clock: ManualClock(start.now() + 1))
        #expect(try restarted.respond(to: ListListsRequest(), as: "EXP-DEMO-7F3A9C21").map(\.id).prefix(2) == [1001, 1002])
        let second = try restarted.respond(to: CreateListRequest(EmailListName(name: "Yeni")), as: "EXP-DEMO-7F3A9C21")
        #expect(second.id == first.id + 10)
    }
}
