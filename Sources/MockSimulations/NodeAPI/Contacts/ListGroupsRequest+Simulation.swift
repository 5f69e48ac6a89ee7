import NodeAPI

/// `/contact/list-group`: groups filtered by title keyword and parent, paged.
extension ListGroupsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> Page<ContactGroup> {
        _ = try state.account(user)
        let book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        let groups = book.groups.values.filter { group in
            (keyword.map { TurkishText.contains(group.title, $0) } ?? true) && (parentUUID.map { group.parentUUID == $0 } ?? true)
        }
        return Page(NodeAPIState.page(groups, paging)) { state.groupView($0, in: book) }
    }
}
