import NodeAPI
import WireCoding

/// `/sms/list`: the user's packages, newest first, filtered and paged.
extension ListSmsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> Page<SmsPackageSummary> {
        _ = try state.account(user)
        let matching = state.packages.newestFirst(of: user).lazy.filter { matches($0, at: now) }
        return Page(NodeAPIState.page(matching, paging)) { $0.summary(at: now) }
    }

    /// Whether a package passes every filter.
    func matches(_ package: SmsPackageRecord, at now: Int64) -> Bool {
        if let ids, !ids.contains(package.id) { return false }
        if let customIDs, !(package.customID.map(customIDs.contains) ?? false) { return false }
        if let keyword, !(package.content.map { TurkishText.contains($0, keyword) } ?? false) { return false }
        if let sender, package.sender != sender { return false }
        if let status, !Self.matches(status, package, at: now) { return false }
        if let startDate, package.startsAt < TurkeyTime.milliseconds(startDate) { return false }
        if let finishDate, package.startsAt > TurkeyTime.milliseconds(finishDate) { return false }
        return true
    }

    private static func matches(_ filter: PackageFilter, _ package: SmsPackageRecord, at now: Int64) -> Bool {
        let state = package.state(at: now)
        switch filter {
        case .all: return true
        case .queued: return state == .saving || state == .queueing || (state == .pending && !package.isScheduled)
        case .processing: return state == .sending || state == .sent || state == .partlyReported
        case .scheduled: return package.isScheduled && state == .pending
        case .periodic: return package.periodic != nil
        case .completed: return state == .complete
        case .cancelled: return state == .cancelled
        case .failed: return state == .sendingFailed || state == .creationFailed || state == .rejectedByOperator
        }
    }
}
