import NodeAPI

extension NodeAPIState {
    /// An SMS a recipient sent to the user's short number. When it opens with an opt-out keyword the number is
    /// blacklisted at once, whether or not it is in the address book (the document's rule), and the request is
    /// complete; otherwise it is kept as "no match". A number that is not a Turkish mobile number is kept as failed.
    /// This is how MO traffic enters the mock (`POST /mock/mo`, or tests).
    @discardableResult
    package mutating func receiveOptOut(for user: String, gsm: String, msg: String, shortNr: String? = nil, at now: Int64) throws(NodeAPIError) -> MoRequest {
        let account = try account(user)
        let number = GSMNumber(gsm).normalized
        let keyword = optOut.keyword(of: msg)
        let state: MoRequestState = number == nil ? .failed : (keyword == nil ? .noMatch : .complete)
        if state == .complete, let number { setBlacklisted(number, true, of: user) }
        let request = MoRequest(
            uuid: uuids.next(), gsm: number ?? gsm, msg: msg, state: state, keyword: keyword,
            shortNr: shortNr ?? optOut.shortNumber, userInfo: .init(uuid: account.userUUID, username: account.username),
            processInfo: .init(processingDate: TurkeyTime.date(now), blacklisted: state == .complete ? 1 : 0)
        )
        optOuts.append(request, of: user, at: now)
        return request
    }
}
