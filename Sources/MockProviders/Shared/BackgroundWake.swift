import Synchronization

/// When the background work (``MockBackgroundWork``) next has something to do (issue 26): it sleeps until the next
/// instant its schedules hold (the next report, round, import slice or contact sync, on the mock's clock), and a request
/// that brings work due sooner (an İYS webhook to post now, a report due before the instant slept to) wakes it. So a
/// busy world turns when work falls due and an idle one not at all, instead of every 250 ms whatever happens.
///
/// A request's cost is one relaxed atomic load while what it brings is not sooner than the instant slept to.
package final class BackgroundWake: Sendable {
    private struct State {
        /// The soonest instant brought since the turn began (`Int64.max`: none).
        var brought = Int64.max
        /// The sleep under way, cancelled to wake.
        var sleeper: Task<Void, Never>?
    }

    private let state = Mutex(State())
    /// The instant slept to; `Int64.min` while a turn runs, so that what a request brings meanwhile is kept in `brought`.
    private let planned = Atomic<Int64>(Int64.min)

    /// The longest sleep: a net under anything that falls due without a schedule saying so.
    let maximumSleep: Duration

    package init(maximumSleep: Duration = .seconds(30)) { self.maximumSleep = maximumSleep }

    /// Work falls due at `instant` (the mock's milliseconds): wakes the background work if it sleeps past it.
    package func due(at instant: Int64) {
        let planned = planned.load(ordering: .relaxed)
        guard planned == Int64.min || instant < planned else { return }
        state.withLock { state in
            state.brought = min(state.brought, instant)
            if let sleeper = state.sleeper, instant < self.planned.load(ordering: .relaxed) { sleeper.cancel() }
        }
    }

    /// Work is due now.
    package func now() { due(at: Int64.min + 1) }

    /// Whether a sleep is under way, and to which instant (for tests).
    package var sleepingTo: Int64? { state.withLock { $0.sleeper == nil ? nil : planned.load(ordering: .relaxed) } }

    /// A turn begins: what requests bring from here on is kept for ``sleep(until:clock:)``.
    func turnBegins() {
        planned.store(Int64.min, ordering: .relaxed)
        state.withLock { $0.brought = Int64.max }
    }

    /// Sleeps until `next` (the schedules' soonest instant after the turn, nil for none) or anything brought sooner, at
    /// least ``minimumGap`` and at most ``maximumSleep`` (a net for anything a schedule does not show), or until woken.
    /// On a manual clock the mock's time stands still: only a wake (or the net) ends the sleep, and an advance runs its
    /// own turn.
    func sleep(until next: Int64?, clock: any MockClock) async {
        let sleeper = state.withLock { state -> Task<Void, Never> in
            let target = min(next ?? Int64.max, state.brought)
            planned.store(target, ordering: .relaxed)
            let delay = Self.delay(to: target, clock: clock, maximumSleep: maximumSleep)
            let sleeper = Task { _ = try? await Task.sleep(for: delay) }
            state.sleeper = sleeper
            return sleeper
        }
        await withTaskCancellationHandler { await sleeper.value } onCancel: { sleeper.cancel() }
        state.withLock { $0.sleeper = nil }
    }

    /// How long to sleep for `target` on `clock`.
    static func delay(to target: Int64, clock: any MockClock, maximumSleep: Duration = .seconds(30)) -> Duration {
        let now = clock.now()
        if (clock as? SwitchableClock)?.mode == .manual || clock is ManualClock { return target <= now ? minimumGap : maximumSleep }
        guard target != Int64.max else { return maximumSleep }
        let milliseconds = target <= now ? 0 : min(target - now, Int64(maximumSleep.components.seconds) * 1000)
        return max(minimumGap, .milliseconds(milliseconds))
    }

    /// The least time between two turns: a stream of requests that each bring work due now is served in batches.
    static let minimumGap: Duration = .milliseconds(20)
}
