import NodeAPI
import WireCoding

extension NodeAPIState {
    /// An SMS a recipient sent to the user's short number. When it opens with an opt-out keyword the number is
    /// blacklisted at once, whether or not it is in the address book (the document's rule), with exit type MO, and the
    /// request is complete; a number not in the book is added to it, blacklisted (unless the book is full); otherwise
    /// it is kept as "no match". A number that is not a Turkish mobile number is kept as failed.
    /// This is how MO traffic enters the mock (`POST /mock/mo`, or tests).
    @discardableResult
    package mutating func receiveOptOut(for user: String, gsm: String, msg: String, shortNr: String? = nil, at now: Int64) throws(NodeAPIError) -> MoRequest {
        let account = try account(user)
        let number = GSMNumber(gsm).normalized
        let keyword = optOut.keyword(of: msg)
        let state: MoRequestState = number == nil ? .failed : (keyword == nil ? .noMatch : .complete)
        if state == .complete, let number {
            setBlacklisted(number, true, of: user, by: .mo)
            var book = takeBook(of: user, at: now)
            if book.contact(gsm: number) == nil, (try? checkRoom(for: 1, in: book)) != nil {
                book.insert(AddressBook.ContactRecord(
                    uuid: random.uuid(), gsm: number, firstName: nil, lastName: nil, details: nil, groupUUIDs: [], iys: nil, iysSyncStartedAt: nil
                ))
            }
            books[user] = book
        }
        let request = MoRequest(
            uuid: random.uuid(), gsm: number ?? gsm, msg: msg, state: state, keyword: keyword,
            shortNr: shortNr ?? optOut.shortNumber, userInfo: .init(uuid: account.userUUID, username: account.username),
            processInfo: .init(processingDate: TurkeyTime.date(now), blacklisted: state == .complete ? 1 : 0)
        )
        optOuts.append(request, of: user, at: now)
        return request
    }
}
