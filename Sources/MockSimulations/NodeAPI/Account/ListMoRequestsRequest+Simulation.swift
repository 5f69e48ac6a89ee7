import NodeAPI
import WireCoding

/// `/mo/list-request`: the user's opt-out requests, newest first, filtered by keyword (the keyword, the text or the
/// number), by the date they arrived, and paged. `userUUID` may only name the caller: the mock has no user hierarchy
/// (another uuid is `SMS16`).
extension ListMoRequestsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> Page<MoRequest> {
        let account = try state.account(user)
        if let userUUID, userUUID != account.userUUID { throw NodeAPIError(.sms16, detail: "user \(userUUID)") }
        let start = startDate.map(TurkeyTime.milliseconds)
        let finish = finishDate.map(TurkeyTime.milliseconds)
        let matching = state.optOuts.newestFirst(of: user).filter { entry in
            if let start, entry.at < start { return false }
            if let finish, entry.at > finish + 59_999 { return false }
            guard let keyword else { return true }
            return [entry.request.keyword ?? "", entry.request.msg, entry.request.gsm].contains { TurkishText.contains($0, keyword) }
        }
        return Page(NodeAPIState.page(matching, paging)) { $0.request }
    }
}
