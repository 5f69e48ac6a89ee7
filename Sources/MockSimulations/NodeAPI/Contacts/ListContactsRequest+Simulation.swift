import NodeAPI

/// `/contact/list`: contacts filtered by blacklist state, İYS state, exit type (how a blacklisted contact left: MO by an
/// opt-out SMS, WEB by the user's own hand; a contact not blacklisted has none) and group, paged.
extension ListContactsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> Page<Contact> {
        _ = try state.account(user)
        state.syncContactsWithIYS(at: now)
        let book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        // Read after the book's import slice, which may blacklist numbers.
        let blacklist = state.accounts[user]?.blacklist ?? []
        let contacts = book.contacts.values.filter { contact in
            let blacklisted = blacklist.contains(contact.gsm)
            let listed = switch status ?? .all {
            case .all: true
            case .whiteList: !blacklisted
            case .blackList: blacklisted
            }
            return listed && (iysState.map { NodeAPIState.iysState(of: contact, at: now) == $0 } ?? true)
                && (groupUUID.map { contact.groupUUIDs.contains($0) } ?? true)
                && (exitType.map { state.exitType(of: contact.gsm, for: user) == $0 } ?? true)
        }
        return Page(NodeAPIState.page(contacts, paging)) { state.view($0, in: book, of: user, at: now) }
    }
}
