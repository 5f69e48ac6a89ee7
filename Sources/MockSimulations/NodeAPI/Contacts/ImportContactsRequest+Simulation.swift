import NodeAPI

/// `/contact/import`: accepted at once and processed asynchronously, in slices (see ``ContactImport``); another import
/// while one is waiting or being applied is `SMS13`, more than ``ContactImport/maxRows`` rows `SMS43`. Rows with an
/// invalid number are skipped; a `GROUP_NAME` joins the top-level group of that title, created if needed; existing
/// numbers change only with `overwrite`.
extension ImportContactsRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> StatusReply {
        _ = try state.account(user)
        var book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        if book.pendingImport != nil { throw NodeAPIError(.sms13) }
        try state.checkGroups(groupUUIDs ?? [], in: book)
        book.pendingImport = try ContactImport(
            csv: csvData, columns: columns, submittedAt: now,
            overwrite: overwrite ?? false, isInBlacklist: isInBlacklist ?? false, groupUUIDs: groupUUIDs ?? []
        )
        state.importing.insert(user)
        return StatusReply()
    }
}
