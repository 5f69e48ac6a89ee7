import NodeAPI

/// `/contact/create`: a new contact (`SMS12` if the number is already in the book; `SMS10` for an unknown group); with
/// İYS settings its İYS sync starts. With `uuid`, the update of that contact (`/contact/update`'s transition).
extension CreateContactRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> SavedReply<Contact> {
        if let uuid { return .updated(try UpdateContactRequest(uuid: uuid, contact: contact).apply(to: &state, caller: user, now: now)) }
        let account = try state.account(user)
        guard let gsm = contact.gsm?.normalized else { throw NodeAPIError.invalid("gsm", "is required") }
        var book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        if book.contact(gsm: gsm) != nil { throw NodeAPIError(.sms12, detail: gsm) }
        try state.checkRoom(for: 1, in: book)
        let groups = contact.groupUUIDs ?? []
        try state.checkGroups(groups, in: book)
        let syncs = account.hasIysSettings
        let record = AddressBook.ContactRecord(
            uuid: state.random.uuid(), gsm: gsm, firstName: contact.firstName, lastName: contact.lastName,
            details: contact.details, groupUUIDs: groups,
            iys: syncs ? Contact.Iys(st: .waiting, recipientType: contact.iys?.recipientType, source: contact.iys?.source) : nil,
            iysSyncStartedAt: syncs ? now : nil
        )
        book.insert(record)
        if syncs { state.startIYSSync(user: user, uuid: record.uuid, at: now) }
        if contact.isInBlacklist == true { state.setBlacklisted(gsm, true, of: user) }
        return .created(state.view(record, in: book, of: user, at: now))
    }
}
