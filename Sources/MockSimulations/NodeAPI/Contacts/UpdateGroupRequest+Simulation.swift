import NodeAPI

/// `/contact/update-group`: renames a group, and moves it when `parentUUID` is given (the same rules as creating one; a
/// group cannot move below itself); without `parentUUID` it stays under its parent.
extension UpdateGroupRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> StatusReply {
        _ = try state.account(user)
        var book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        guard let group = book.group(uuid) else { throw NodeAPIError(.sms10, detail: uuid) }
        let parentUUID = parentUUID ?? group.parentUUID
        if let parentUUID, book.subtree(uuid).contains(parentUUID) {
            throw NodeAPIError.invalid("parentUUID", "a group cannot move below itself")
        }
        try state.checkPlacement(title: title, parent: parentUUID, excluding: uuid, in: book)
        book.updateGroup(uuid, title: title, parentUUID: parentUUID)
        state.join(gsms, to: uuid, in: &book)
        return StatusReply()
    }
}
