import NodeAPI
import WireCoding

/// `/sms/summary`: totals over the packages that start within the range (all when none is given).
extension SmsSummaryRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> SmsSummary {
        _ = try state.account(user)
        let start = startDate.map(TurkeyTime.milliseconds)
        let finish = finishDate.map(TurkeyTime.milliseconds)
        var summary = SmsSummary(total: 0, delivered: 0, undelivered: 0, pending: 0, rCount: 0, credit: 0)
        for id in state.packages.ids(of: user) {
            guard let package = state.packages[id] else { continue }
            if let start, package.startsAt < start { continue }
            if let finish, package.startsAt > finish { continue }
            // Counted in segments, as the package's statistics.total; credit as booked (``SmsPackageRecord/charge(of:at:)``).
            let tally = package.tally(at: now)
            summary.total += tally.segments
            summary.credit += tally.credit
            summary.rCount += tally.items
            summary.delivered += tally.deliveredSegments
            summary.undelivered += tally.undeliveredSegments
            summary.pending += tally.sentSegments
        }
        return summary
    }
}
