import MockSimulations
import NIOCore
import NIOPosix
import Synchronization
import WireCoding

/// When the background work (``MockBackgroundWork``) next has something to do (issue 26): it sleeps until the next
/// instant its schedules hold (the next report, round, import slice or contact sync, on the mock's clock), and a request
/// that brings work due sooner (an İYS webhook to post now, a report due before the instant slept to) wakes it. So a
/// busy world turns when work falls due and an idle one not at all, instead of every 250 ms whatever happens.
///
/// A request's cost is one relaxed atomic load while what it brings is not sooner than the instant slept to.
package final class BackgroundWake: DueWork {
    private struct State {
        /// The soonest instant brought since the turn began (`Int64.max`: none).
        var brought = Int64.max
        /// The sleep under way, ended to wake.
        var sleep: Sleep?
        /// Numbers the sleeps, so that a timer that fires late ends only its own.
        var sleeps: UInt64 = 0
    }

    /// A sleep: the task waiting, and the timer that ends it. A sleep woken early cancels its timer, which the event loop
    /// then drops at once: a `Task.sleep` cancelled keeps its timer (and the task's memory) until the instant it was set
    /// for, so a world deleted or a sleep woken left some 600 bytes behind for up to ``maximumSleep`` (found with
    /// heaptrack: 2 941 such timers pending after 1 500 worlds created and deleted), scattered through the heap.
    private struct Sleep {
        var number: UInt64
        var sleeper: CheckedContinuation<Void, Never>
        var timer: Scheduled<Void>
    }

    private let state = Mutex(State())
    /// The instant slept to; `Int64.min` while a turn runs, so that what a request brings meanwhile is kept in `brought`.
    private let planned = Atomic<Int64>(Int64.min)

    /// The longest sleep: a net under anything that falls due without a schedule saying so.
    let maximumSleep: Duration
    /// Where the timers run: one of NIO's event loops, whose timers are cancelled at once.
    private let loop: any EventLoop

    package init(maximumSleep: Duration = .seconds(30), loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()) {
        self.maximumSleep = maximumSleep
        self.loop = loop
    }

    /// Work falls due at `instant` (the mock's milliseconds): wakes the background work if it sleeps past it.
    package func due(at instant: Int64) {
        let planned = planned.load(ordering: .relaxed)
        guard planned == Int64.min || instant < planned else { return }
        let woken = state.withLock { state -> Sleep? in
            state.brought = min(state.brought, instant)
            guard instant < self.planned.load(ordering: .relaxed) else { return nil }
            return state.sleep.take()
        }
        woken.map(Self.finish)
    }

    /// Work is due now.
    package func now() { due(at: Int64.min + 1) }

    /// Whether a sleep is under way, and to which instant (for tests).
    package var sleepingTo: Int64? { state.withLock { $0.sleep == nil ? nil : planned.load(ordering: .relaxed) } }

    /// The timer of the sleep under way (for tests).
    var timer: Scheduled<Void>? { state.withLock { $0.sleep?.timer } }

    /// A turn begins: what requests bring from here on is kept for ``sleep(until:clock:)``.
    func turnBegins() {
        planned.store(Int64.min, ordering: .relaxed)
        state.withLock { $0.brought = Int64.max }
    }

    /// Sleeps until `next` (the schedules' soonest instant after the turn, nil for none) or anything brought sooner, at
    /// least ``minimumGap`` and at most ``maximumSleep`` (a net for anything a schedule does not show), or until woken or
    /// cancelled. On a manual clock the mock's time stands still: only a wake (or the net) ends the sleep, and an advance
    /// runs its own turn.
    func sleep(until next: Int64?, clock: any MockClock) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (sleeper: CheckedContinuation<Void, Never>) in
                let slept = state.withLock { state -> Bool in
                    // Cancelled before the sleep began: the cancellation handler found no sleep to end.
                    guard !Task.isCancelled else { return false }
                    let target = min(next ?? Int64.max, state.brought)
                    planned.store(target, ordering: .relaxed)
                    state.sleeps &+= 1
                    let number = state.sleeps
                    let delay = Self.delay(to: target, clock: clock, maximumSleep: maximumSleep)
                    let timer = loop.scheduleTask(in: TimeAmount(delay)) { self.end(number) }
                    state.sleep = Sleep(number: number, sleeper: sleeper, timer: timer)
                    return true
                }
                if !slept { sleeper.resume() }
            }
        } onCancel: {
            state.withLock { $0.sleep.take() }.map(Self.finish)
        }
    }

    /// The timer of sleep `number` fired: it ends, unless it was woken already.
    private func end(_ number: UInt64) {
        state.withLock { state -> Sleep? in state.sleep?.number == number ? state.sleep.take() : nil }.map(Self.finish)
    }

    /// Ends a sleep taken from the state: its timer is dropped, its task goes on.
    private static func finish(_ sleep: Sleep) {
        sleep.timer.cancel()
        sleep.sleeper.resume()
    }

    /// How long to sleep for `target` on `clock`.
    static func delay(to target: Int64, clock: any MockClock, maximumSleep: Duration = .seconds(30)) -> Duration {
        let now = clock.now()
        if (clock as? SwitchableClock)?.mode == .manual || clock is ManualClock { return target <= now ? minimumGap : maximumSleep }
        guard target != Int64.max else { return maximumSleep }
        let milliseconds = target <= now ? 0 : min(target - now, maximumSleep.wholeMilliseconds)
        return max(minimumGap, .milliseconds(milliseconds))
    }

    /// The least time between two turns: a stream of requests that each bring work due now is served in batches.
    static let minimumGap: Duration = .milliseconds(20)
}
