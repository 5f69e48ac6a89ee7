import Foundation
import MySoftIYS
import NodeAPI

/// The address books' part of the state: a book taken out of its table while a request changes it, imports applied
/// slice by slice, the rules the contact endpoints share, their views, and contacts' İYS syncs.
extension NodeAPIState {
    /// The soonest instant the background work has something to do: a report or round, an import's slice, a contact's
    /// İYS sync (``BackgroundWake``).
    package var nextDue: Int64? {
        var next = packages.nextDue
        func consider(_ instant: Int64?) { if let instant, instant < next ?? Int64.max { next = instant } }
        consider(contactSyncs.first?.at)
        for user in importing { consider(books[user]?.pendingImport?.dueAt) }
        return next
    }

    /// Applies the next slice of every import that is due; true when a slice was applied and rows are left, so that
    /// calling again now does more. The background work of `serve` calls this until it returns false, one slice per
    /// turn on the simulation, so other requests interleave.
    @discardableResult
    package mutating func advanceImports(at now: Int64) -> Bool {
        var more = false
        for user in importing where applyImportSlice(of: user, at: now) {
            if books[user]?.pendingImport != nil { more = true }
        }
        return more
    }

    /// The user's address book, after the next slice of a due import, taken out of its table so that a change costs
    /// what it changes, not a copy of the book. The caller puts it back: `defer { state.books[user] = book }`.
    mutating func takeBook(of user: String, at now: Int64) -> AddressBook {
        applyImportSlice(of: user, at: now)
        return books.removeValue(forKey: user) ?? AddressBook()
    }

    /// Applies the next ``ContactImport/sliceRows`` rows of the user's import once it is due; false when there was none.
    @discardableResult
    private mutating func applyImportSlice(of user: String, at now: Int64) -> Bool {
        guard var pending = books[user]?.pendingImport, pending.isDue(at: now) else { return false }
        var book = books.removeValue(forKey: user) ?? AddressBook()
        defer { books[user] = book }
        let known: Set<String> = ["GSM", "GROUP_NAME", "FIRST_NAME", "LAST_NAME"]
        for row in pending.nextSlice() {
            guard let gsm = row["GSM"].flatMap({ GSMNumber($0).normalized }) else { continue }
            var groups = pending.groupUUIDs
            if let name = row["GROUP_NAME"], !name.isEmpty {
                if let existing = book.group(titled: name, under: nil) {
                    groups.append(existing.uuid)
                } else {
                    let group = AddressBook.GroupRecord(uuid: random.uuid(), title: name, parentUUID: nil)
                    book.insert(group)
                    groups.append(group.uuid)
                }
            }
            let details = row.filter { !known.contains($0.key) && !$0.value.isEmpty }
            if let existing = book.contact(gsm: gsm) {
                guard pending.overwrite else { continue }
                book.update(uuid: existing.uuid) { contact in
                    contact.firstName = row["FIRST_NAME"] ?? contact.firstName
                    contact.lastName = row["LAST_NAME"] ?? contact.lastName
                    if !details.isEmpty { contact.details = details }
                    contact.groupUUIDs = Array(Set(contact.groupUUIDs + groups)).sorted()
                }
            } else {
                // A full book takes no more rows: the import ends here, as the real service's quota would end it.
                guard book.contacts.count < maxContactsPerBook else {
                    pending.next = pending.lines.count
                    break
                }
                book.insert(.init(
                    uuid: random.uuid(), gsm: gsm, firstName: row["FIRST_NAME"], lastName: row["LAST_NAME"],
                    details: details.isEmpty ? nil : details, groupUUIDs: groups, iys: nil
                ))
            }
            if pending.isInBlacklist { setBlacklisted(gsm, true, of: user) }
        }
        book.pendingImport = pending.isFinished ? nil : pending
        if pending.isFinished { importing.remove(user) }
        return true
    }

    // MARK: Rules and views

    func checkRoom(for count: Int, in book: AddressBook) throws(NodeAPIError) {
        if book.contacts.count + count > maxContactsPerBook {
            throw NodeAPIError(.sms43, detail: "the address book holds \(book.contacts.count) contacts, at most \(maxContactsPerBook)")
        }
    }

    func checkGroups(_ uuids: [String], in book: AddressBook) throws(NodeAPIError) {
        for uuid in uuids where book.group(uuid) == nil { throw NodeAPIError(.sms10, detail: uuid) }
    }

    func checkPlacement(title: String, parent: String?, excluding: String?, in book: AddressBook) throws(NodeAPIError) {
        if let parent {
            guard book.group(parent) != nil else { throw NodeAPIError(.sms10, detail: parent) }
            if book.contactCount(of: parent) > 0 { throw NodeAPIError(.sms11, detail: parent) }
        }
        if let clash = book.group(titled: title, under: parent), clash.uuid != excluding { throw NodeAPIError(.sms09, detail: title) }
    }

    func join(_ gsms: [GSMNumber]?, to group: String, in book: inout AddressBook) {
        for gsm in gsms ?? [] {
            guard let number = gsm.normalized, let contact = book.contact(gsm: number), !contact.groupUUIDs.contains(group) else { continue }
            book.update(uuid: contact.uuid) { $0.groupUUIDs.append(group) }
        }
    }

    /// A contact's İYS state now: where its sync has come to on the clock (``ContactIYSSync``), or as stored.
    static func iysState(of record: AddressBook.ContactRecord, at now: Int64) -> IysState? {
        guard let started = record.iysSyncStartedAt else { return record.iys?.st }
        return ContactIYSSync.state(startedAt: started, now: now, gsm: record.gsm)
    }

    /// A contact as the API shows it; `book` is the user's, which may be out of its table.
    func view(_ record: AddressBook.ContactRecord, in book: AddressBook, of user: String, at now: Int64) -> Contact {
        let groups = record.groupUUIDs.compactMap { book.group($0) }.map { Contact.GroupRef(uuid: $0.uuid, title: $0.title) }
        var iys = record.iys
        iys?.st = Self.iysState(of: record, at: now) ?? .waiting
        return Contact(
            uuid: record.uuid, firstName: record.firstName, lastName: record.lastName, gsm: record.gsm, details: record.details,
            groups: groups.isEmpty ? nil : groups, isInBlacklist: accounts[user]?.blacklist.contains(record.gsm) == true ? 1 : 0, iys: iys
        )
    }

    func groupView(_ group: AddressBook.GroupRecord, in book: AddressBook) -> ContactGroup {
        ContactGroup(
            uuid: group.uuid, title: group.title, stats: .init(contactCount: book.contactCount(of: group.uuid)),
            isParent: book.hasChildren(group.uuid) ? 1 : 0, isShared: 0,
            parentInfo: group.parentUUID.flatMap { book.group($0) }.map { ContactGroup.ParentInfo(uuid: $0.uuid, title: $0.title) }
        )
    }

    // MARK: İYS syncs

    /// Saves the consents of contacts whose İYS sync has come out accepted since the last call, in the İYS mock's consents.
    /// Sending calls this before its İYS gate, listing contacts before it reads them, and `serve`'s background work on
    /// its tick; a sync that a newer one replaced, or a contact since deleted, saves nothing.
    package mutating func syncContactsWithIYS(at now: Int64) {
        while let due = contactSyncs.first, due.at <= now {
            contactSyncs.removeFirst()
            guard let record = books[due.user]?.contact(uuid: due.uuid), record.iysSyncStartedAt == due.startedAt, let iys = record.iys,
                  ContactIYSSync.outcome(for: record.gsm) == .accepted,
                  let brand = accounts[due.user]?.iysBrandCode, consents != nil
            else { continue }
            let consent = ContactIYSSync.consent(gsm: record.gsm, iys: iys, startedAt: due.startedAt)
            let key = ConsentKey(recipient: consent.recipient, type: consent.type, recipientType: consent.recipientType)
            // A consent the brand recorded after this sync began is newer: İYS keeps the latest.
            // Read and written through the optional in place: a copy of the book held here would make the save copy it whole.
            if let recorded = consents?.entry(brand: brand, key: key), recorded.receivedAt >= due.startedAt || recorded.consent.status == .approved {
                continue
            }
            // A book at its capacity keeps what it has: the contact's sync records nothing more on the brand's side.
            let transactionId = random.transactionID()
            _ = try? consents?.save(brand: brand, consent, at: now, forwardingFails: false, transactionId: transactionId)
        }
    }

    /// Starts a contact's İYS sync now: its state follows the clock from here.
    mutating func startIYSSync(user: String, uuid: String, at now: Int64) {
        contactSyncs.append(ContactIYSSync.Due(at: ContactIYSSync.finalAt(startedAt: now), user: user, uuid: uuid, startedAt: now))
    }
}
