import Foundation
import NodeAPI
import Synchronization

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

    public func advance(seconds: Double) {
        milliseconds.withLock { $0 += Int64(seconds * 1000) }
    }

    public func advance(minutes: Double) { advance(seconds: minutes * 60) }
}
