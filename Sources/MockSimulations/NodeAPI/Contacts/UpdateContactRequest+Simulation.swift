import NodeAPI

/// `/contact/update`: changes the given fields of the contact with `uuid`; `iys.send: true` syncs it with İYS again.
/// `HS_KARAR` cannot be the source of a contact's first İYS record (one that has none yet).
extension UpdateContactRequest: NodeAPITransition {
    package func apply(to state: inout NodeAPIState, caller user: String, now: Int64) throws(NodeAPIError) -> StatusReply {
        let syncsWithIYS = try state.account(user).hasIysSettings
        var book = state.takeBook(of: user, at: now)
        defer { state.books[user] = book }
        guard let existing = book.contact(uuid: uuid) else { throw NodeAPIError(.notFound, detail: "contact \(uuid)") }
        if contact.iys?.source == .hsKarar, existing.iys == nil { throw ContactIysSettings.firstRecordKarar }
        let fields = contact
        let newNumber = fields.gsm?.normalized.flatMap { $0 == existing.gsm ? nil : $0 }
        if let newNumber, book.contact(gsm: newNumber) != nil { throw NodeAPIError(.sms12, detail: newNumber) }
        if let groups = fields.groupUUIDs { try state.checkGroups(groups, in: book) }
        var resync = false
        book.update(uuid: uuid) { contact in
            if let newNumber { contact.gsm = newNumber }
            if let groups = fields.groupUUIDs { contact.groupUUIDs = groups }
            if let firstName = fields.firstName { contact.firstName = firstName }
            if let lastName = fields.lastName { contact.lastName = lastName }
            if let details = fields.details { contact.details = details }
            // The İYS keys are kept; `send: true` syncs the contact with İYS again, so it waits to be processed.
            if let iys = fields.iys, syncsWithIYS {
                var sync = contact.iys ?? Contact.Iys(st: .waiting)
                if let recipientType = iys.recipientType { sync.recipientType = recipientType }
                if let source = iys.source { sync.source = source }
                if iys.send == true {
                    sync.st = .waiting
                    contact.iysSyncStartedAt = now
                    resync = true
                }
                contact.iys = sync
            }
        }
        if resync { state.startIYSSync(user: user, uuid: uuid, at: now) }
        if let blacklisted = fields.isInBlacklist { state.setBlacklisted(newNumber ?? existing.gsm, blacklisted, of: user) }
        return StatusReply()
    }
}
