import NodeAPI

/// `/contact/delete`: removes the contacts (only those in `groupUUID` when given). Archiving is not modelled.
extension DeleteContactsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> StatusReply {
        _ = try state.account(user)
        let uuids = Set(self.uuids)
        var book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        book.removeContacts { uuids.contains($0.uuid) && (groupUUID.map($0.groupUUIDs.contains) ?? true) }
        return StatusReply()
    }
}
