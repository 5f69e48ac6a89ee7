import Synchronization

/// The clock `serve` runs the mocks on: the system's time by default, or a test clock that stands still until the admin
/// API moves it (`serve --clock manual`, `POST /__admin/clock/advance`), as Stripe's test clocks do.
///
/// Time never goes backwards, whatever the admin asks: every schedule of the mocks (delivery reports, İYS forwarding,
/// campaign progress, token expiry) assumes it. Back on the system's time after a manual advance, the clock keeps the
/// advance as an offset rather than jump back.
public final class SwitchableClock: MockClock {
    public enum Mode: String, Sendable, Codable, CaseIterable {
        case system, manual
    }

    private struct State {
        var mode: Mode
        /// The time while manual.
        var frozen: Int64
        /// Added to the system's time while on it: what manual advances moved the clock ahead.
        var offset: Int64
    }

    private let system: any MockClock
    private let state: Mutex<State>

    /// `now` is where a manual clock starts (the system's time when nil). `system` is the wall clock, for tests.
    public init(mode: Mode = .system, now: Int64? = nil, system: any MockClock = SystemClock()) {
        self.system = system
        let start = ManualClock.clamped(now ?? system.now())
        state = Mutex(State(mode: mode, frozen: start, offset: mode == .system ? max(0, start - system.now()) : 0))
    }

    public func now() -> Int64 {
        let (mode, frozen, offset) = state.withLock { ($0.mode, $0.frozen, $0.offset) }
        // A manual clock reads no wall time; the offset is bounded by the range, so the sum cannot overflow.
        return mode == .manual ? frozen : ManualClock.clamped(system.now() + offset)
    }

    public var mode: Mode { state.withLock { $0.mode } }

    private static func now(of state: State, wall: Int64) -> Int64 {
        state.mode == .manual ? state.frozen : ManualClock.clamped(wall + state.offset)
    }

    /// Moves a manual clock forward by `milliseconds` (at most ``ManualClock/range``'s end); the system's time is not moved.
    package func advance(milliseconds: Int64) throws(Refusal) {
        guard milliseconds >= 0 else { throw Refusal(status: 409, field: "seconds", message: "must not be negative: the clock never goes backwards") }
        try state.withLock { (state: inout State) throws(Refusal) in
            guard state.mode == .manual else {
                throw Refusal(status: 409, field: "mode", message: "the clock is on the system's time; switch it to manual first (POST /__admin/clock {\"mode\": \"manual\"})")
            }
            let (sum, overflow) = state.frozen.addingReportingOverflow(milliseconds)
            state.frozen = overflow ? ManualClock.range.upperBound : ManualClock.clamped(sum)
        }
    }

    /// Switches the mode, and sets the time when `now` is given (a manual clock stands there; a system one runs on from
    /// there). A time before the clock's current one is refused.
    package func set(mode: Mode?, now target: Int64?) throws(Refusal) {
        let wall = system.now()
        try state.withLock { (state: inout State) throws(Refusal) in
            let current = Self.now(of: state, wall: wall)
            if let target, target < current {
                throw Refusal(status: 409, field: "now", message: "is before the mock's current time; the clock never goes backwards")
            }
            let start = ManualClock.clamped(target ?? current)
            state.mode = mode ?? state.mode
            state.frozen = start
            state.offset = max(0, start - wall)
        }
    }
}
