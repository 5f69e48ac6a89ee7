import NodeAPI

/// `/contact/create-group`: a group, unique by title among its siblings (`SMS09`), under an existing parent (`SMS10`)
/// that holds no contacts (`SMS11`); numbers already in the book join it. With `uuid`, the update of that group
/// (`/contact/update-group`'s transition).
extension CreateGroupRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> SavedReply<ContactGroup> {
        if let uuid {
            return .updated(try UpdateGroupRequest(uuid: uuid, title: title, parentUUID: parentUUID, gsms: gsms).apply(to: &state, caller: user, now: now))
        }
        _ = try state.account(user)
        var book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        try state.checkPlacement(title: title, parent: parentUUID, excluding: nil, in: book)
        let group = AddressBook.GroupRecord(uuid: state.random.uuid(), title: title, parentUUID: parentUUID)
        book.insert(group)
        state.join(gsms, to: group.uuid, in: &book)
        return .created(state.groupView(group, in: book))
    }
}
