import MockFixtures
import MockSimulations
import NodeAPI
import Testing
import WireCoding

/// Issue 25, item 3: `/sms/list` packages carry `processingDate` and `processInfo` (a public client, digisms, reads
/// both and throws without them); `processingDate` has the fractions of a second the document prints.
@Suite struct ProcessingDateTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    @Test func aPackageIsProcessedAndChangesOnTheClock() throws {
        let simulation = simulation()
        let created = try simulation.respond(to: CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230001"]), sender: "BASLIK", title: "T", content: "İşlem"), as: "admin")
        func listed() throws -> SmsPackageSummary { try #require(try simulation.respond(to: ListSmsRequest(ids: [created.pkgID]), as: "admin").list.first) }
        let fresh = try listed()
        #expect(fresh.processingDate == nil, "not handed over yet")
        #expect(fresh.processInfo?.create.date.text == "2025-03-10T10:00:00")
        #expect(fresh.processInfo?.update.date.text == "2025-03-10T10:00:00")

        clock.advance(seconds: 30)
        let done = try listed()
        let processing = try #require(done.processingDate)
        #expect(processing.text.hasPrefix("2025-03-10T10:00:02."), "\(processing)")
        #expect((1...6).contains(processing.fraction.count) && processing.fraction.last != "0", "microseconds, trailing zeros dropped: \(processing)")
        #expect(done.processInfo?.create.date.text == "2025-03-10T10:00:00")
        #expect(done.processInfo?.update.date.text == "2025-03-10T10:00:05", "its reports came in: \(String(describing: done.processInfo))")
        // The same record reads the same, and its items' processingDate has a fraction too.
        #expect(try listed().processingDate == processing)
        let items = try simulation.respond(to: ListSmsItemsRequest(package: .id(created.pkgID)), as: "admin").list
        #expect(items.allSatisfy { ($0.processingDate?.fraction.isEmpty == false) }, "\(items.map(\.processingDate))")
    }

    @Test func aCancelledPackageWasNeverProcessed() throws {
        let simulation = simulation()
        let request = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "Yarın", sendingDate: WireDate("2025-03-11 10:00"))
        let created = try simulation.respond(to: request, as: "admin")
        clock.advance(seconds: 60)
        _ = try simulation.respond(to: CancelSmsRequest(package: .id(created.pkgID)), as: "admin")
        clock.advance(seconds: 86_400 * 2)
        let listed = try #require(try simulation.respond(to: ListSmsRequest(ids: [created.pkgID]), as: "admin").list.first)
        #expect(listed.processingDate == nil)
        #expect(listed.processInfo?.update.date.text == "2025-03-10T10:01:00", "the cancellation: \(String(describing: listed.processInfo))")
    }

    @Test func theFractionIsTheDocumentsStyle() {
        // 10:00:02.250 with a salt: six digits, trailing zeros dropped, never none.
        let date = TurkeyTime.processingDate(TurkeyTime.milliseconds(WireDate("2025-03-10T10:00:02")!) + 250, salt: 69)
        #expect(date.text == "2025-03-10T10:00:02.25007")
    }
}
