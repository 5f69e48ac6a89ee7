import EuromsgExpress
import Foundation
import HTTPTypes
import MockFixtures
@testable import MockProviders
@testable import MockSimulations
import MySoftIYS
import NodeAPI
import Testing

/// Issue 23, item 12: every store a client can grow has a bound, set by the scenario where a user may need more, and
/// past it the provider's own error; nothing already kept is lost.
@Suite struct StoreBoundsTests {
    let clock = ManualClock(turkey: WireDate("2026-11-23 10:00")!)

    /// One İYS client stored a million consents (a gigabyte) in 18 s.
    @Test func consentsStopAtTheScenariosBound() throws {
        let brand = IYSSimulationTests.brand
        let seeded = IYSSimulation(accounts: [ScenarioFixtures.iysAdmin], clock: clock).consents.entries(brand: brand).count
        let simulation = IYSSimulation(accounts: [ScenarioFixtures.iysAdmin], maxConsents: seeded + 2, clock: clock)
        for recipient in ["+905551112201", "+905551112202"] {
            _ = try simulation.respond(to: SendConsentRequest(brandCode: brand, consentData: IYSSimulationTests.consent(recipient)), as: "admin")
        }
        let refused = #expect(throws: IYSError.self) {
            try simulation.respond(to: SendConsentRequest(brandCode: brand, consentData: IYSSimulationTests.consent("+905551112299")), as: "admin")
        }
        #expect(refused?.code == .HM400)
        #expect(refused?.message.contains("at most \(seeded + 2) consents") == true, "\(String(describing: refused?.message))")
        // A change to a recipient already kept still goes through.
        let changed = IYSSimulationTests.consent("+905551112202", .rejected, date: "2025-03-02 09:00:00")
        _ = try simulation.respond(to: SendConsentRequest(brandCode: brand, consentData: changed), as: "admin")
        #expect(simulation.consents.entries(brand: brand).count == seeded + 2)
    }

    /// A batch stays all or nothing at the bound: the records past it are wrong records, found before anything is saved.
    @Test func aBatchAtTheBoundIsAllOrNothing() throws {
        let brand = IYSSimulationTests.brand
        let seeded = IYSSimulation(accounts: [ScenarioFixtures.iysAdmin], clock: clock).consents.entries(brand: brand).count
        let simulation = IYSSimulation(accounts: [ScenarioFixtures.iysAdmin], maxConsents: seeded + 2, clock: clock)
        let consents = ["+905551112201", "+905551112202", "+905551112203"].map { IYSSimulationTests.consent($0) }
        let refused = try simulation.respond(to: SendConsentBatchRequest(brandCode: brand, consentData: consents), as: "admin")
        #expect(refused.data?.consentList.last?.errorMessage?.contains("consentData[2]: the mock keeps at most") == true)
        #expect(refused.data?.consentList.first?.errorMessage?.contains("cancelled, not saved") == true)
        #expect(simulation.consents.entries(brand: brand).count == seeded, "nothing was saved")
        let partly = try simulation.respond(to: SendConsentBatchRequest(brandCode: brand, consentData: consents, isSaveSuccessData: true), as: "admin")
        #expect(partly.succeed && partly.data?.consentList.count == 1)
        #expect(simulation.consents.entries(brand: brand).count == seeded + 2)
    }

    /// Batches are kept for their status queries, the oldest forgotten past 200 000 records in all.
    @Test func batchesAreForgottenOldestFirst() throws {
        var state = IYSState(accounts: [ScenarioFixtures.iysAdmin], now: clock.now())
        let record = IYSBatch.Record(consent: IYSSimulationTests.consent("+905551112201"), outcome: .inserted, forwardedAt: nil, forwardingFails: false)
        let batches = IYSState.maxBatchRecords / 1000 + 1
        for index in 0..<batches {
            state.keep(IYSBatch(guid: "g\(index)", brand: IYSSimulationTests.brand, owner: "admin", records: Array(repeating: record, count: 1000)))
        }
        #expect(state.batches["g0"] == nil)
        #expect(state.batches["g1"] != nil && state.batches["g\(batches - 1)"] != nil)
        #expect(state.batches.count == batches - 1)
    }

    @Test func euromsgMembersAndListsStopAtTheScenariosBound() throws {
        var scenario = try Scenario.bundled().euromsg
        scenario.maxMembersPerEndUser = 2
        scenario.maxListsPerEndUser = 1
        var state = ExpressState(scenario: scenario, now: clock.now())
        let demo = ScenarioFixtures.expressDemo
        let existing = state.accounts[demo]?.members.count ?? 0
        let lists = state.accounts[demo]?.lists.count ?? 0
        let list = try #require(state.accounts[demo]?.lists.keys.first)
        var added = 0
        for index in 0..<(max(0, 2 - existing)) {
            _ = try AddMemberRequest(listId: list, email: "uye\(index)@example.com").apply(to: &state, caller: demo, now: clock.now())
            added += 1
        }
        let refused = #expect(throws: ExpressError.self) {
            try AddMemberRequest(listId: list, email: "fazla@example.com").apply(to: &state, caller: demo, now: clock.now())
        }
        #expect(refused?.errorCode == .conflict)
        #expect(refused?.message.contains("maxMembersPerEndUser") == true)
        #expect(lists >= 1)
        let listRefused = #expect(throws: ExpressError.self) { try CreateListRequest(EmailListName(name: "Yeni liste")).apply(to: &state, caller: demo, now: clock.now()) }
        #expect(listRefused?.errorCode == .conflict)
    }

    /// Each admin sender add answered the whole list and searched it: a thousand senders is more than any account has.
    @Test func adminSendersStopAtAThousand() throws {
        var state = NodeAPIState(accounts: [ScenarioFixtures.admin], now: clock.now())
        let already = state.accounts["admin"]?.senders.count ?? 0
        for index in already..<NodeAPIState.maxSenders { _ = try state.setSender(of: "admin", title: "B\(index)", state: .approved, otpApproved: nil) }
        let refused = #expect(throws: Refusal.self) { try state.setSender(of: "admin", title: "FAZLA", state: .approved, otpApproved: nil) }
        #expect(refused?.status == 409)
        #expect(refused?.field == "title")
        // A sender the account has can still change state.
        #expect(try state.setSender(of: "admin", title: "B\(NodeAPIState.maxSenders - 1)", state: .banned, otpApproved: nil).count == NodeAPIState.maxSenders)
    }

    /// The journal kept request headers uncut: 77 MB per admin read.
    @Test func theJournalCutsRequestHeaders() throws {
        var fields: HTTPFields = [.contentType: "application/json"]
        for index in 0..<100 { fields.append(HTTPField(name: HTTPField.Name("X-Big-\(index)")!, value: String(repeating: "ş", count: 1000))) }
        fields[HangUps.header] = "7"
        let kept = RequestJournal.kept(fields)
        #expect(kept.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count } <= RequestJournal.headerLimit + 64)
        #expect(kept[.contentType] == "application/json")
        #expect(kept[HTTPField.Name("X-Mock-Journal-Omitted")!] == "96 header fields")
        #expect(kept[HangUps.header] == nil, "the guard's connection id is not the client's")
    }

    @Test func theBoundsAreScenarioKeys() throws {
        let scenario = try Scenario.parse("iys:\n  maxConsents: 10\neuromsg:\n  maxMembersPerEndUser: 5\n  maxListsPerEndUser: 2\n", file: "bounds.yaml")
        #expect(scenario.iys.maxConsents == 10 && scenario.euromsg.maxMembersPerEndUser == 5 && scenario.euromsg.maxListsPerEndUser == 2)
        #expect(throws: (any Error).self) { try Scenario.parse("iys:\n  maxConsents: 0\n", file: "bounds.yaml") }
    }
}
