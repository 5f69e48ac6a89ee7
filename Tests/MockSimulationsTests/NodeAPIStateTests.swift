import Foundation
import MockFixtures
import MockSimulations
import NodeAPI
import Testing
import WireCoding

/// The Node API's rules as a value: transitions of ``NodeAPIState`` driven by `now` alone, with no clock, lock or I/O.
@Suite struct NodeAPIStateTests {
    static let start = TurkeyTime.milliseconds(WireDate("2025-03-10 10:00")!)

    static func state(credit: Int = 10) -> NodeAPIState {
        var account = ScenarioFixtures.admin
        account.credit = credit
        return NodeAPIState(accounts: [account], now: start)
    }

    static let sms = CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230012"]), sender: "BASLIK", title: "T", content: "Merhaba")

    @Test(arguments: NodeAPIOperation.allCases)
    func everyOperationHasItsTransition(_ operation: NodeAPIOperation) throws {
        let type = try #require(operation.transitionType, "\(operation.path) has no NodeAPITransition conformance")
        #expect(type.operation == operation)
    }

    @Test func aStateIsAValueThatMovesOnlyWithNow() throws {
        var state = Self.state()
        let created = try Self.sms.apply(to: &state, caller: "admin", now: Self.start)
        #expect(try UserCreditRequest().apply(to: &state, caller: "admin", now: Self.start).credit == 8)
        // A copy is another mock: cancelling in it leaves the original's package and credit alone.
        var copy = state
        _ = try CancelSmsRequest(package: .id(created.pkgID)).apply(to: &copy, caller: "admin", now: Self.start)
        #expect(try UserCreditRequest().apply(to: &copy, caller: "admin", now: Self.start).credit == 10)
        #expect(try UserCreditRequest().apply(to: &state, caller: "admin", now: Self.start).credit == 8)
        // The package's state follows the instant given: queued at first, sent minutes later.
        let list = ListSmsRequest(ids: [created.pkgID])
        let first = try #require(try list.apply(to: &state, caller: "admin", now: Self.start).list.first?.state)
        #expect([.saving, .pending, .queueing].contains(first))
        #expect(try list.apply(to: &state, caller: "admin", now: Self.start + 3_600_000).list.first?.state == .complete)
        #expect(try list.apply(to: &copy, caller: "admin", now: Self.start + 3_600_000).list.first?.state == .cancelled)
    }

    @Test func aRefusedTransitionLeavesTheStateAsItWas() throws {
        var state = Self.state(credit: 1)
        #expect(throws: NodeAPIError(.sms18, detail: "the package needs 2 credit, the balance is 1")) {
            _ = try Self.sms.apply(to: &state, caller: "admin", now: Self.start)
        }
        #expect(try UserCreditRequest().apply(to: &state, caller: "admin", now: Self.start).credit == 1)
        #expect(try ListSmsRequest().apply(to: &state, caller: "admin", now: Self.start).stats.totalRecord == 0)
    }

    @Test func fieldRulesRunBeforeTheStateIsTouched() throws {
        let simulation = NodeAPISimulation(state: Self.state(), clock: ManualClock(Self.start))
        var request = Self.sms
        request.sendingDate = WireDate("2025-03-10 09:00")
        #expect(throws: NodeAPIError(.sms08, detail: "sendingDate 2025-03-10 09:00 is in the past")) {
            _ = try simulation.respond(to: request, as: "admin")
        }
        #expect(try simulation.respond(to: UserCreditRequest(), as: "admin").credit == 10)
    }

    @Test func aSnapshotRestoresPackagesCreditAndContactsThroughJSON() throws {
        var state = Self.state(credit: 10)
        let created = try Self.sms.apply(to: &state, caller: "admin", now: Self.start)
        _ = try CreateContactRequest(contact: ContactFields(gsm: "905551237766", firstName: "Ayşe")).apply(to: &state, caller: "admin", now: Self.start)
        let json = try JSONEncoder().encode(state.snapshot)
        var restored = Self.state(credit: 10)
        restored.restore(try JSONDecoder().decode(NodeAPIState.Snapshot.self, from: json))
        #expect(try UserCreditRequest().apply(to: &restored, caller: "admin", now: Self.start).credit == 8)
        let later = Self.start + 3_600_000
        #expect(try ListSmsRequest().apply(to: &restored, caller: "admin", now: later) == ListSmsRequest().apply(to: &state, caller: "admin", now: later))
        #expect(try ListContactsRequest().apply(to: &restored, caller: "admin", now: later).list.map(\.firstName) == ["Ayşe"])
        // The ids go on: the next package is not a reused id.
        let next = try Self.sms.apply(to: &restored, caller: "admin", now: later)
        #expect(next.pkgID > created.pkgID)
    }

    @Test func aSnapshotKeepsARepeatingPackagesRoundsAndItsNextOne() throws {
        var state = Self.state(credit: 10)
        var request = Self.sms
        request.periodicSettings = PeriodicSettings(periodType: .daily)
        let created = try request.apply(to: &state, caller: "admin", now: Self.start)
        state.repeatDueRounds(at: Self.start + 86_400_000)
        var restored = Self.state(credit: 10)
        restored.restore(try JSONDecoder().decode(NodeAPIState.Snapshot.self, from: JSONEncoder().encode(state.snapshot)))
        // Two rounds were kept; the third comes to the restored state as to the first.
        for var copy in [state, restored] {
            copy.repeatDueRounds(at: Self.start + 2 * 86_400_000)
            let items = try ListSmsItemsRequest(package: .id(created.pkgID)).apply(to: &copy, caller: "admin", now: Self.start + 2 * 86_400_000)
            #expect(items.stats.totalRecord == 6)
            #expect(try UserCreditRequest().apply(to: &copy, caller: "admin", now: Self.start + 2 * 86_400_000).credit == 4)
        }
    }

    /// A state file written before repeating packages and `recipientType` were kept reads as packages of one round.
    @Test func aStateFileFromBeforeRoundsStillLoads() throws {
        var state = Self.state(credit: 10)
        let created = try Self.sms.apply(to: &state, caller: "admin", now: Self.start)
        var json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(state.snapshot)) as? [String: Any])
        var packages = try #require(json["packages"] as? [[String: Any]])
        for index in packages.indices {
            for key in ["roundSize", "rounds", "repeatEnded", "recipientType"] { packages[index][key] = nil }
        }
        json["packages"] = packages
        var restored = Self.state(credit: 10)
        restored.restore(try JSONDecoder().decode(NodeAPIState.Snapshot.self, from: JSONSerialization.data(withJSONObject: json)))
        let items = try ListSmsItemsRequest(package: .id(created.pkgID)).apply(to: &restored, caller: "admin", now: Self.start + 3_600_000)
        #expect(items.list.map(\.target) == ["905551230011", "905551230012"])
    }

    /// The README's "mocks without HTTP" example, so that it keeps compiling and saying true things.
    @Test func theReadmesExample() throws {
        let start = Self.start
        var state = NodeAPIState(scenario: try Scenario.bundled().nodeAPI, now: start)
        let created = try CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Merhaba")
            .apply(to: &state, caller: "admin", now: start)
        let later = try ListSmsRequest(ids: [created.pkgID]).apply(to: &state, caller: "admin", now: start + 3_600_000)
        #expect(later.list.map(\.state) == [.complete])
    }
}
