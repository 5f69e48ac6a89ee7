import MockFixtures
@testable import MockProviders
@testable import MockSimulations
import NIOCore
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
        #expect(BackgroundWake.delay(to: now + 86_400_000, clock: system) == .seconds(30))
        #expect(BackgroundWake.delay(to: Int64.max, clock: system) == .seconds(30))
        // A manual clock stands still: only what is due now is worth a turn; an advance runs its own.
        #expect(BackgroundWake.delay(to: clock.now() + 1_000, clock: clock) == .seconds(30))
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
        // The background's net is an hour here: only a wake ends the sleep in time.
        let wake = BackgroundWake(maximumSleep: .seconds(3600))
        let simulation = NodeAPISimulation(state: NodeAPIState(accounts: [ScenarioFixtures.admin], now: clock.now()), clock: clock, wake: wake)
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
        #expect(ContinuousClock.now - started < .seconds(600), "the sleep ran its course: nothing woke it")
        #expect(simulation.withState { state, _ in state.nextDue }.map { $0 < due } == true)
    }

    @Test func workBroughtWhileATurnRunsIsNotLost() async throws {
        let wake = BackgroundWake(maximumSleep: .seconds(3600))
        let system = SwitchableClock(mode: .system)
        let soon = system.now() + 60_000
        wake.turnBegins()
        // Brought after the turn read its schedules (which held nothing), before it sleeps: the sleep is to it.
        wake.due(at: soon)
        let sleeping = Task { await wake.sleep(until: nil, clock: system) }
        #expect(try await asleep(wake) == soon)
        // Later work does not move it; sooner work ends it.
        wake.due(at: soon + 1)
        #expect(wake.sleepingTo == soon)
        wake.now()
        await sleeping.value
    }

    /// A sleep that ends early drops its timer at once, woken or cancelled (a world deleted cancels its background
    /// work): a timer left pending until its instant held the sleep's memory for up to the net's 30 s after each.
    @Test func aSleepEndedEarlyDropsItsTimer() async throws {
        let wake = BackgroundWake(maximumSleep: .seconds(3600))
        let system = SwitchableClock(mode: .system)
        wake.turnBegins()
        let woken = Task { await wake.sleep(until: system.now() + 3_600_000, clock: system) }
        _ = try await asleep(wake)
        let first = try #require(wake.timer)
        wake.now()
        await woken.value
        await #expect(throws: EventLoopError.cancelled) { try await first.futureResult.get() }

        wake.turnBegins()
        let cancelled = Task { await wake.sleep(until: nil, clock: system) }
        _ = try await asleep(wake)
        let second = try #require(wake.timer)
        cancelled.cancel()
        await cancelled.value
        await #expect(throws: EventLoopError.cancelled) { try await second.futureResult.get() }
        #expect(wake.sleepingTo == nil)

        // A task cancelled before it sleeps does not sleep at all.
        let late = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await wake.sleep(until: nil, clock: system)
        }
        await late.value
        #expect(wake.timer == nil)
    }
}
