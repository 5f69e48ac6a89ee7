import DequeModule
import Foundation
import NodeAPI

/// Opt-out requests received by SMS (MO) and `/mo/list-request`.
extension NodeAPISimulation {
    /// Opt-out requests kept per user, the newest; older ones are forgotten.
    public static let retainedOptOutRequests = 100_000

    /// An SMS a recipient sent to the user's short number. When it opens with an opt-out keyword the number
    /// is blacklisted at once, whether or not it is in the address book (the document's rule), and the
    /// request is complete; otherwise it is kept as "no match". A number that is not a Turkish mobile
    /// number is kept as failed. This is how MO traffic enters the mock (`POST /mock/mo`, or tests).
    @discardableResult
    public func receiveOptOut(for user: String, gsm: String, msg: String, shortNr: String? = nil) throws(NodeAPIError) -> MoRequest {
        let account = try account(user)
        let now = clock.now()
        let number = GSMNumber(gsm).normalized
        let keyword = optOut.keyword(of: msg)
        let state: MoRequestState = number == nil ? .failed : (keyword == nil ? .noMatch : .complete)
        if state == .complete, let number { accounts[user]?.blacklist.insert(number) }
        let request = MoRequest(
            uuid: uuids.next(), gsm: number ?? gsm, msg: msg, state: state, keyword: keyword,
            shortNr: shortNr ?? optOut.shortNumber, userInfo: .init(uuid: account.userUUID, username: account.username),
            processInfo: .init(processingDate: TurkeyTime.date(now), blacklisted: state == .complete ? 1 : 0)
        )
        optOutRequests[user, default: []].append((request, now))
        if (optOutRequests[user]?.count ?? 0) > Self.retainedOptOutRequests { optOutRequests[user]?.removeFirst() }
        return request
    }

    /// `/mo/list-request`: the user's opt-out requests, newest first, filtered by keyword (the keyword, the
    /// text or the number), by the date they arrived, and paged. `userUUID` may only name the caller:
    /// the mock has no user hierarchy (another uuid is `SMS16`).
    public func listOptOuts(of user: String, _ request: ListMoRequestsRequest) throws(NodeAPIError) -> Page<MoRequest> {
        try request.validate()
        let account = try account(user)
        if let uuid = request.userUUID, uuid != account.userUUID { throw NodeAPIError(.sms16, detail: "user \(uuid)") }
        let start = request.startDate.map(TurkeyTime.milliseconds)
        let finish = request.finishDate.map(TurkeyTime.milliseconds)
        let matching = (optOutRequests[user] ?? []).reversed().filter { entry in
            if let start, entry.at < start { return false }
            if let finish, entry.at > finish + 59_999 { return false }
            guard let keyword = request.keyword else { return true }
            return [entry.request.keyword ?? "", entry.request.msg, entry.request.gsm].contains { TurkishText.contains($0, keyword) }
        }
        return Page(Self.page(Array(matching), request.paging)) { $0.request }
    }
}
