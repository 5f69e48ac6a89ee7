import MockFixtures
import MockSimulations
import MySoftIYS
import NodeAPI
import Testing
import WireCoding

/// The MySoft İYS rules as a value: transitions of ``IYSState`` driven by `now` alone, with no clock, lock or I/O.
@Suite struct IYSStateTests {
    static let start = TurkeyTime.milliseconds(WireDate("2025-03-10 10:00")!)
    static let brand = "5565656556"
    static let consent = ConsentData(
        recipient: "+905551239876", type: .message, consentDate: IYSDateTime("2025-03-01 09:00:00"), source: .web, status: .approved
    )

    @Test func aConsentIsForwardedToIYSAsNowMovesOn() throws {
        var state = IYSState(accounts: [ScenarioFixtures.iysAdmin], now: Self.start)
        let saved = try SendConsentRequest(brandCode: Self.brand, consentData: Self.consent).apply(to: &state, caller: "admin", now: Self.start)
        #expect(saved.consent.status == .approved)
        let query = ConsentQueryRequest(brandCode: Self.brand)
        let sending = try query.apply(to: &state, caller: "admin", now: Self.start).consentData.first(where: { $0.consent.recipient == Self.consent.recipient })
        #expect(sending?.iysSendStatus == .sending)
        let later = try query.apply(to: &state, caller: "admin", now: Self.start + 3_600_000).consentData.first(where: { $0.consent.recipient == Self.consent.recipient })
        #expect(later?.iysSendStatus == .sent)
    }

    @Test func batchListsAreRefusedForAnotherUsersBatch() throws {
        var state = IYSState(accounts: [ScenarioFixtures.iysAdmin], now: Self.start)
        let sent = try SendConsentBatchRequest(brandCode: Self.brand, consentData: [Self.consent]).apply(to: &state, caller: "admin", now: Self.start)
        let guid = try #require(sent.data?.transctionGuid)
        let successes = try IYSBatchRecords(.successes, BatchTransactionRequest(brandCode: Self.brand, transctionGuid: guid))
            .apply(to: &state, caller: "admin", now: Self.start)
        #expect(successes.map(\.consent.recipient) == [Self.consent.recipient])
        #expect(throws: IYSError.self) {
            _ = try IYSBatchRecords(.successes, BatchTransactionRequest(brandCode: Self.brand, transctionGuid: "0000")).apply(to: &state, caller: "admin", now: Self.start)
        }
    }
}
