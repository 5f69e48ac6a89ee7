import Foundation
import NodeAPI
import Synchronization
import WireCoding

/// The time a mock lives in: a real clock for `serve`, a manual one for tests, so that no test sleeps.
public protocol MockClock: Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    func now() -> Int64
}

/// The system's wall clock.
public struct SystemClock: MockClock {
    public init() {}
    public func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}

/// A clock that moves only when told to.
public final class ManualClock: MockClock {
    private let milliseconds: Mutex<Int64>

    public init(_ start: Int64 = 1_735_689_600_000) { milliseconds = Mutex(start) }

    /// Starts at a wall time in Turkey (UTC+3).
    public convenience init(turkey date: WireDate) {
        self.init(TurkeyTime.milliseconds(date))
    }

    public func now() -> Int64 { milliseconds.withLock { $0 } }

    /// Moves the clock; the result stays within ``range`` (a step that is not finite is ignored), so that no date the
    /// mocks derive from it can overflow.
    public func advance(seconds: Double) {
        let step = (seconds * 1000).rounded()
        guard step.isFinite else { return }
        let bounds = Self.range
        milliseconds.withLock { now in
            let target = Double(now) + step
            now = target <= Double(bounds.lowerBound) ? bounds.lowerBound : target >= Double(bounds.upperBound) ? bounds.upperBound : Int64(target)
        }
    }

    /// From 1970 to the end of 9999 in Turkey: the years a Node API date can be written in.
    public static let range: ClosedRange<Int64> = 0...253_402_289_999_000

    /// A time within ``range``.
    static func clamped(_ milliseconds: Int64) -> Int64 { min(max(milliseconds, range.lowerBound), range.upperBound) }

    public func advance(minutes: Double) { advance(seconds: minutes * 60) }
}
