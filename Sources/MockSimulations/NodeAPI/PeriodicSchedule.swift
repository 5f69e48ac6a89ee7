import NodeAPI
import WireCoding

/// How `periodicSettings` spreads a package over time, as the document reads.
///
/// - `periodType` 0 (once) with `amount` and `interval`: a split sending. The package sends `amount` recipients, then the
///   next `amount` `interval` minutes later, until every recipient has had the SMS (the document requires both then, and
///   its own SOAP examples send them; it names no unit for `interval`: this project reads minutes, as in the README).
/// - 1–4 (daily, weekly, monthly, yearly): the whole package goes again every period, from its start, until it is
///   cancelled. Each period is a round: the package's recipients again, charged again, with new item ids
///   (see ``NodeAPIState/repeatDueRounds(at:)``); `interval` and `amount` are not read.
///
/// Both are bounded by ``horizon``: a split sending whose last batch would start later is refused naming `interval`, and
/// a package stops repeating past it, or once its rounds hold ``maxRepeatedItems`` items.
package struct PeriodicSchedule: Sendable, Hashable {
    package var settings: PeriodicSettings
    /// Batches of `amount` recipients (1 unless a split sending).
    package let batches: Int

    /// Ten years of 365 days: the last batch starts, and the last round comes, at most this long after the start.
    package static let horizon: Int64 = 10 * 365 * 86_400_000
    /// Most items a repeating package holds over all its rounds: past it, it stops repeating (100 rounds of 1000).
    package static let maxRepeatedItems = 100_000
    /// Most recipients per batch a split sending names (far above any list a request carries).
    package static let maxAmount = 10_000_000

    /// The schedule of `recipients` recipients, or `ERR_INVALID_PARAM` naming `periodicSettings.interval` when the
    /// last batch would start beyond the horizon.
    package init(_ settings: PeriodicSettings, recipients: Int) throws(NodeAPIError) {
        self.settings = settings
        let horizonMinutes = Int(Self.horizon / 60_000)
        if let interval = settings.interval, interval > horizonMinutes {
            throw .invalid("periodicSettings.interval", "must be at most \(horizonMinutes) (minutes: \(Self.horizon / 86_400_000) days)")
        }
        if let amount = settings.amount, amount > Self.maxAmount { throw .invalid("periodicSettings.amount", "must be at most \(Self.maxAmount)") }
        guard !settings.repeats, let amount = settings.amount, amount > 0, recipients > 0 else {
            batches = 1
            return
        }
        batches = recipients / amount + (recipients % amount == 0 ? 0 : 1)
        let minutes = (batches - 1) * max(settings.interval ?? 1, 1)
        if minutes > horizonMinutes {
            throw .invalid(
                "periodicSettings.interval",
                "the last of \(batches) batches would start \(minutes) minutes after the first; at most \(horizonMinutes) (\(Self.horizon / 86_400_000) days)"
            )
        }
    }

    /// Milliseconds from the package's start to the start of the batch holding recipient `index` (below the
    /// recipient count the schedule was built for): 0 unless a split sending.
    package func delay(ofRecipient index: Int) -> Int64 {
        guard !settings.repeats, let amount = settings.amount, amount > 0 else { return 0 }
        return Int64(min(index / amount, batches - 1)) * Int64(max(settings.interval ?? 1, 1)) * 60_000
    }

    /// The start of round `round` of a package repeating by `type` from `start` (round 0 is the start itself).
    static func round(_ round: Int, from start: Int64, of type: PeriodType) -> Int64 {
        switch type {
        case .once: start
        case .daily: start + Int64(round) * 86_400_000
        case .weekly: start + Int64(round) * 7 * 86_400_000
        case .monthly: TurkeyTime.milliseconds(TurkeyTime.date(start).adding(months: round)) + start % 1000
        case .yearly: TurkeyTime.milliseconds(TurkeyTime.date(start).adding(months: 12 * round)) + start % 1000
        }
    }

    /// Most rounds within the horizon: the number of periods in ten years, plus the first round.
    package static func maxRounds(of type: PeriodType) -> Int {
        switch type {
        case .once: 1
        case .daily: 3651
        case .weekly: 522
        case .monthly: 121
        case .yearly: 11
        }
    }
}
