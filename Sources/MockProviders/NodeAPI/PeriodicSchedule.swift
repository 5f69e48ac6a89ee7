import NodeAPI

/// How a periodic package is spread over time (`periodicSettings`).
///
/// The document gives a period type, an `interval` and an `amount` (1000 or a multiple): the package
/// sends `amount` recipients, then waits `interval` periods before the next `amount`, until every
/// recipient has had its SMS. This project's reading, documented in the README: it is how panels split
/// a large list into daily or weekly batches. `once` sends everyone at the start.
///
/// A schedule is built for a known number of recipients, and refused when its last batch would start more than
/// ``horizonYears`` after the first: that bounds every date it computes, whatever `interval` the request gave.
package struct PeriodicSchedule: Sendable, Hashable {
    package var settings: PeriodicSettings
    /// Batches of `amount` recipients (1 for `once`).
    package let batches: Int

    /// The last batch starts at most this many years after the first.
    package static let horizonYears = 10

    /// The schedule of `recipients` recipients, or `ERR_INVALID_PARAM` naming `periodicSettings.interval` when the
    /// last batch would start beyond the horizon.
    package init(_ settings: PeriodicSettings, recipients: Int) throws(NodeAPIError) {
        self.settings = settings
        guard settings.periodType != .once, let amount = settings.amount, amount > 0, recipients > 0 else {
            batches = 1
            return
        }
        batches = recipients / amount + (recipients % amount == 0 ? 0 : 1)
        let (periods, overflow) = (batches - 1).multipliedReportingOverflow(by: max(settings.interval ?? 1, 1))
        let limit = Self.horizonPeriods(of: settings.periodType)
        if overflow || periods > limit {
            throw .invalid(
                "periodicSettings.interval",
                "the last of \(batches) batches would start \(overflow ? "too many" : String(periods)) periods after the first; at most \(limit) (\(Self.horizonYears) years)"
            )
        }
    }

    /// Milliseconds from the package's start to the start of the batch holding recipient `index` (below the
    /// recipient count the schedule was built for).
    package func delay(ofRecipient index: Int, from startsAt: Int64) -> Int64 {
        guard settings.periodType != .once, let amount = settings.amount, amount > 0 else { return 0 }
        let periods = min(index / amount, batches - 1) * max(settings.interval ?? 1, 1)
        guard periods > 0 else { return 0 }
        return Self.advance(startsAt, by: periods, of: settings.periodType) - startsAt
    }

    /// Periods of each type within the horizon.
    static func horizonPeriods(of type: PeriodType) -> Int {
        switch type {
        case .once: 0
        case .daily: horizonYears * 366
        case .weekly: horizonYears * 53
        case .monthly: horizonYears * 12
        case .yearly: horizonYears
        }
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
