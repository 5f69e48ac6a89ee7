import NodeAPI

/// How a periodic package is spread over time (`periodicSettings`).
///
/// The document gives a period type, an `interval` and an `amount` (1000 or a multiple): the package
/// sends `amount` recipients, then waits `interval` periods before the next `amount`, until every
/// recipient has had its SMS. This project's reading, documented in the README: it is how panels split
/// a large list into daily or weekly batches. `once` sends everyone at the start.
public struct PeriodicSchedule: Sendable, Hashable {
    public var settings: PeriodicSettings

    public init(_ settings: PeriodicSettings) { self.settings = settings }

    /// Milliseconds from the package's start to the start of the batch holding recipient `index`.
    public func delay(ofRecipient index: Int, from startsAt: Int64) -> Int64 {
        guard settings.periodType != .once, let amount = settings.amount, amount > 0 else { return 0 }
        let periods = (index / amount) * (settings.interval ?? 1)
        guard periods > 0 else { return 0 }
        return Self.advance(startsAt, by: periods, of: settings.periodType) - startsAt
    }

    /// The instant `count` periods after `start`, in Turkish calendar terms (a month is a calendar month).
    static func advance(_ start: Int64, by count: Int, of type: PeriodType) -> Int64 {
        switch type {
        case .once: start
        case .daily: start + Int64(count) * 86_400_000
        case .weekly: start + Int64(count) * 7 * 86_400_000
        case .monthly: TurkeyTime.milliseconds(TurkeyTime.date(start).adding(months: count)) + start % 1000
        case .yearly: TurkeyTime.milliseconds(TurkeyTime.date(start).adding(months: 12 * count)) + start % 1000
        }
    }
}
