@testable import MockProviders
import NodeAPI
import Testing

/// Issue 26: the background work sleeps until the next instant its schedules hold, and a request that brings work due
/// sooner wakes it; later work does not.
@Suite struct BackgroundWakeTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    @Test func theSleepIsTheTimeToTheNextInstantWithinItsBounds() {
        let system = SwitchableClock(mode: .system)
        let now = system.now()
        #expect(BackgroundWake.delay(to: now + 3_000, clock: system) > .milliseconds(2_500))
        #expect(BackgroundWake.delay(to: now + 3_000, clock: system) <= .milliseconds(3_000))
        #expect(BackgroundWake.delay(to: now - 5_000, clock: system) == BackgroundWake.minimumGap)
        #expect(BackgroundWake.delay(to: now + 86_400_000, clock: system) == BackgroundWake.maximumSleep)
        #expect(BackgroundWake.delay(to: Int64.max, clock: system) == BackgroundWake.maximumSleep)
        // A manual clock stands still: only what is due now is worth a turn; an advance runs its own.
        #expect(BackgroundWake.delay(to: clock.now() + 1_000, clock: clock) == BackgroundWake.maximumSleep)
        #expect(BackgroundWake.delay(to: clock.now(), clock: clock) == BackgroundWake.minimumGap)
    }

    /// Waits (bounded) until the background is asleep.
    func asleep(_ wake: BackgroundWake) async throws -> Int64 {
        for _ in 0..<100_000 {
            if let instant = wake.sleepingTo { return instant }
            await Task.yield()
        }
        throw CancellationError()
    }

    @Test func aRequestThatBringsSoonerWorkWakesTheSleepAndLaterWorkDoesNot() async throws {
        let simulation = simulation()
        let wake = simulation.wake
        // The background sleeps a minute of wall time; the simulation's reports are due on its own (earlier) clock.
        let system = SwitchableClock(mode: .system)
        let due = system.now() + 60_000
        wake.turnBegins()
        let sleeping = Task { await wake.sleep(until: due, clock: system) }
        #expect(try await asleep(wake) == due)
        // A package without a receiver brings no report: the sleep goes on.
        _ = try simulation.respond(to: CreateSmsRequest(recipients: .oneToMany(["905551230011"]), sender: "BASLIK", title: "T", content: "sessiz"), as: "admin")
        #expect(wake.sleepingTo == due)
        // One whose reports are due within seconds wakes it.
        var reported = CreateSmsRequest(recipients: .oneToMany(["905551230011"]), sender: "BASLIK", title: "T", content: "raporlu")
        reported.pushSettings = PushSettings(url: "http://127.0.0.1:9/hook")
        let started = ContinuousClock.now
        _ = try simulation.respond(to: reported, as: "admin")
        await sleeping.value
        #expect(ContinuousClock.now - started < .seconds(10), "the sleep ran its course: nothing woke it")
        #expect(simulation.withState { state, _ in state.nextDue }.map { $0 < due } == true)
    }

    @Test func workBroughtWhileATurnRunsIsNotLost() async throws {
        let wake = BackgroundWake()
        wake.turnBegins()
        // Brought after the turn read its schedules, before it sleeps: the sleep is to it.
        wake.due(at: clock.now())
        let started = ContinuousClock.now
        await wake.sleep(until: nil, clock: clock)
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
