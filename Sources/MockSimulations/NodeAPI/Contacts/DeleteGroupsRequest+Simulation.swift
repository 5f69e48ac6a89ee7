import NodeAPI

/// `/contact/delete-group`: deletes the groups and the groups below them; with `includeContacts`, the contacts left in
/// no group too.
extension DeleteGroupsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> StatusReply {
        _ = try state.account(user)
        var book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        for uuid in target.all where book.group(uuid) == nil { throw NodeAPIError(.sms10, detail: uuid) }
        let orphans = book.removeGroups(Set(target.all.flatMap { book.subtree($0) }))
        if includeContacts == true { book.removeContacts { orphans.contains($0.uuid) } }
        return StatusReply()
    }
}
