import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MockProviders
import NodeAPI
import Testing

/// Issue 14, the admin API's clock in process: an advance runs what fell due, and sends it, before it answers.
@Suite struct AdminRoutesTests {
    static let start: Int64 = 1_764_662_400_000 // 2025-12-02T08:00:00Z

    @Test func anAdvanceSendsTheReportsDueBeforeItAnswers() async throws {
        let receiver = CallbackTests.Receiver()
        try await receiver.app.test(.live) { hooks in
            let port = try #require(hooks.port)
            let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: SwitchableClock(mode: .manual, now: Self.start))
            var request = CreateSmsRequest(recipients: .oneToMany(["905551230011", "905551230001"]), sender: "BASLIK", title: "T", content: "Saat")
            request.pushSettings = PushSettings(url: "http://127.0.0.1:\(port)/hook")
            let created = try mocks.nodeAPI.respond(to: request, as: "admin")
            try await Application(router: mocks.adminRouter()).test(.router) { admin in
                let early = try await admin.execute(uri: "/__admin/clock/advance", method: .post, body: ByteBuffer(string: #"{"seconds": 1}"#))
                #expect(early.status == .ok)
                #expect(receiver.bodies.withLock { $0.isEmpty })
                let due = try await admin.execute(uri: "/__admin/clock/advance", method: .post, body: ByteBuffer(string: #"{"seconds": 4}"#))
                #expect(due.status == .ok)
                let clock = try JSONDecoder().decode(AdminModels.Clock.self, from: due.body)
                #expect(clock == AdminModels.Clock(mode: .manual, now: "2025-12-02T08:00:05.000Z", epochMillis: Self.start + 5000))
                // Already there when the advance answered: no poll, no sleep.
                let report = try receiver.bodies.withLock { try JSONDecoder().decode(DeliveryReport.self, from: Data(try #require($0.first))) }
                #expect(report.pkgID == created.pkgID)
            }
        }
    }

    @Test func theClockNeverGoesBackwards() throws {
        let wall = ManualClock(Self.start)
        let clock = SwitchableClock(mode: .manual, now: Self.start, system: wall)
        wall.advance(seconds: 100)
        #expect(clock.now() == Self.start, "a manual clock stands still")
        try clock.advance(milliseconds: 3_600_000)
        #expect(clock.now() == Self.start + 3_600_000)
        // Back on the wall clock, which is behind: the advance is kept as an offset, and the clock runs on from there.
        try clock.set(mode: .system, now: nil)
        #expect(clock.now() == Self.start + 3_600_000)
        wall.advance(seconds: 1)
        #expect(clock.now() == Self.start + 3_601_000)
        #expect(throws: SwitchableClock.Refusal.self) { try clock.advance(milliseconds: 1) }
        #expect(throws: SwitchableClock.Refusal.self) { try clock.set(mode: .manual, now: Self.start) }
        try clock.set(mode: .manual, now: nil)
        #expect(throws: SwitchableClock.Refusal.self) { try clock.advance(milliseconds: -1) }
        // Bounded: the clock stops at the end of 9999 rather than overflow.
        try clock.advance(milliseconds: .max)
        #expect(clock.now() == ManualClock.range.upperBound)
    }
}
