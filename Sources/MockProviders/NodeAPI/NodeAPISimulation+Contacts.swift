import Foundation
import NodeAPI

/// The address book: contacts, groups and the blacklist, with the document's rules.
extension NodeAPISimulation {
    /// `/contact/create`: a new contact (`SMS12` if the number is already in the book; `SMS10` for an unknown group).
    public func createContact(for user: String, _ request: CreateContactRequest) throws(NodeAPIError) -> Contact {
        try request.validate()
        let account = try account(user)
        let now = clock.now()
        guard let gsm = request.contact.gsm?.normalized else { throw NodeAPIError.invalid("gsm", "is required") }
        let record = try withBook(of: user) { (book: inout AddressBook) throws(NodeAPIError) in
            if book.contact(gsm: gsm) != nil { throw NodeAPIError(.sms12, detail: gsm) }
            try checkRoom(for: 1, in: book)
            let groups = request.contact.groupUUIDs ?? []
            try checkGroups(groups, in: book)
            let record = AddressBook.ContactRecord(
                uuid: uuids.next(), gsm: gsm, firstName: request.contact.firstName, lastName: request.contact.lastName,
                details: request.contact.details, groupUUIDs: groups,
                iys: account.hasIysSettings ? Contact.Iys(st: .waiting, recipientType: request.contact.iys?.recipientType, source: request.contact.iys?.source) : nil,
                iysSyncStartedAt: account.hasIysSettings ? now : nil
            )
            book.insert(record)
            return record
        }
        if account.hasIysSettings { startIYSSync(user: user, uuid: record.uuid, at: now) }
        if request.contact.isInBlacklist == true { accounts[user]?.blacklist.insert(gsm) }
        return view(record, of: user)
    }

    /// `/contact/update`: changes the given fields of the contact with `uuid`.
    public func updateContact(for user: String, _ request: UpdateContactRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        let syncsWithIYS = try account(user).hasIysSettings
        let now = clock.now()
        var resync = false
        let gsm = try withBook(of: user) { (book: inout AddressBook) throws(NodeAPIError) in
            guard let contact = book.contact(uuid: request.uuid) else { throw NodeAPIError(.notFound, detail: "contact \(request.uuid)") }
            let fields = request.contact
            let newNumber = fields.gsm?.normalized.flatMap { $0 == contact.gsm ? nil : $0 }
            if let newNumber, book.contact(gsm: newNumber) != nil { throw NodeAPIError(.sms12, detail: newNumber) }
            if let groups = fields.groupUUIDs { try checkGroups(groups, in: book) }
            book.update(uuid: request.uuid) { contact in
                if let newNumber { contact.gsm = newNumber }
                if let groups = fields.groupUUIDs { contact.groupUUIDs = groups }
                if let firstName = fields.firstName { contact.firstName = firstName }
                if let lastName = fields.lastName { contact.lastName = lastName }
                if let details = fields.details { contact.details = details }
                // The İYS keys are kept; `send: true` syncs the contact with İYS again, so it waits to be processed.
                if let iys = fields.iys, syncsWithIYS {
                    var state = contact.iys ?? Contact.Iys(st: .waiting)
                    if let recipientType = iys.recipientType { state.recipientType = recipientType }
                    if let source = iys.source { state.source = source }
                    if iys.send == true {
                        state.st = .waiting
                        contact.iysSyncStartedAt = now
                        resync = true
                    }
                    contact.iys = state
                }
            }
            return newNumber ?? contact.gsm
        }
        if resync { startIYSSync(user: user, uuid: request.uuid, at: now) }
        if let blacklisted = request.contact.isInBlacklist {
            if blacklisted { accounts[user]?.blacklist.insert(gsm) } else { accounts[user]?.blacklist.remove(gsm) }
        }
        return StatusReply()
    }

    /// `/contact/delete`: removes the contacts (only those in `groupUUID` when given). Archiving is not modelled.
    public func deleteContacts(for user: String, _ request: DeleteContactsRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        _ = try account(user)
        let uuids = Set(request.uuids)
        withBook(of: user) { book in
            book.removeContacts { uuids.contains($0.uuid) && (request.groupUUID.map($0.groupUUIDs.contains) ?? true) }
        }
        return StatusReply()
    }

    /// `/contact/list`: contacts filtered by blacklist state, İYS state and group, paged.
    public func listContacts(of user: String, _ request: ListContactsRequest) throws(NodeAPIError) -> Page<Contact> {
        _ = try account(user)
        syncContactsWithIYS()
        let now = clock.now()
        let contacts = withBook(of: user) { book in
            // Read after the book's import slice, which may blacklist numbers.
            let blacklist = accounts[user]?.blacklist ?? []
            return book.contacts.values.filter { contact in
                let blacklisted = blacklist.contains(contact.gsm)
                let status = switch request.status ?? .all {
                case .all: true
                case .whiteList: !blacklisted
                case .blackList: blacklisted
                }
                return status && (request.iysState.map { Self.iysState(of: contact, at: now) == $0 } ?? true)
                    && (request.groupUUID.map { contact.groupUUIDs.contains($0) } ?? true)
            }
        }
        return Page(Self.page(contacts, request.paging)) { view($0, of: user) }
    }

    /// `/contact/create-group`: a group, unique by title among its siblings (`SMS09`), under an existing
    /// parent (`SMS10`) that holds no contacts (`SMS11`); numbers already in the book join it.
    public func createGroup(for user: String, _ request: CreateGroupRequest) throws(NodeAPIError) -> ContactGroup {
        try request.validate()
        _ = try account(user)
        return try withBook(of: user) { (book: inout AddressBook) throws(NodeAPIError) in
            try checkPlacement(title: request.title, parent: request.parentUUID, excluding: nil, in: book)
            let group = AddressBook.GroupRecord(uuid: uuids.next(), title: request.title, parentUUID: request.parentUUID)
            book.insert(group)
            join(request.gsms, to: group.uuid, in: &book)
            return groupView(group, in: book)
        }
    }

    /// `/contact/update-group`: renames or moves a group (the same rules as creating one; a group cannot move below itself).
    public func updateGroup(for user: String, _ request: UpdateGroupRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        _ = try account(user)
        try withBook(of: user) { (book: inout AddressBook) throws(NodeAPIError) in
            guard book.group(request.uuid) != nil else { throw NodeAPIError(.sms10, detail: request.uuid) }
            if let parent = request.parentUUID, book.subtree(request.uuid).contains(parent) {
                throw NodeAPIError.invalid("parentUUID", "a group cannot move below itself")
            }
            try checkPlacement(title: request.title, parent: request.parentUUID, excluding: request.uuid, in: book)
            book.updateGroup(request.uuid, title: request.title, parentUUID: request.parentUUID)
            join(request.gsms, to: request.uuid, in: &book)
        }
        return StatusReply()
    }

    /// `/contact/delete-group`: deletes the groups and the groups below them; with `includeContacts`, the
    /// contacts left in no group too.
    public func deleteGroups(for user: String, _ request: DeleteGroupsRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        _ = try account(user)
        try withBook(of: user) { (book: inout AddressBook) throws(NodeAPIError) in
            for uuid in request.target.all where book.group(uuid) == nil { throw NodeAPIError(.sms10, detail: uuid) }
            let orphans = book.removeGroups(Set(request.target.all.flatMap { book.subtree($0) }))
            if request.includeContacts == true { book.removeContacts { orphans.contains($0.uuid) } }
        }
        return StatusReply()
    }

    /// `/contact/list-group`: groups filtered by title keyword and parent, paged.
    public func listGroups(of user: String, _ request: ListGroupsRequest) throws(NodeAPIError) -> Page<ContactGroup> {
        _ = try account(user)
        return withBook(of: user) { book in
            let groups = book.groups.values.filter { group in
                (request.keyword.map { TurkishText.contains(group.title, $0) } ?? true)
                    && (request.parentUUID.map { group.parentUUID == $0 } ?? true)
            }
            return Page(Self.page(groups, request.paging)) { groupView($0, in: book) }
        }
    }

    /// `/contact/set-blacklist`: sets the blacklist state of contacts by uuid and of numbers (unknown
    /// numbers join the book). One invalid number fails the request unless `returnInvalids`.
    public func setBlacklist(for user: String, _ request: SetBlacklistRequest) throws(NodeAPIError) -> BlacklistReply {
        try request.validate()
        _ = try account(user)
        let (numbers, invalids) = try withBook(of: user) { (book: inout AddressBook) throws(NodeAPIError) in
            var numbers: [String] = []
            for uuid in request.uuids ?? [] {
                guard let contact = book.contact(uuid: uuid) else { throw NodeAPIError(.notFound, detail: "contact \(uuid)") }
                numbers.append(contact.gsm)
            }
            var invalids: [String] = []
            for gsm in request.gsms ?? [] {
                guard let number = gsm.normalized else {
                    invalids.append(gsm.raw)
                    continue
                }
                numbers.append(number)
                if book.contact(gsm: number) == nil {
                    try checkRoom(for: 1, in: book)
                    book.insert(.init(uuid: uuids.next(), gsm: number, groupUUIDs: [], iys: nil))
                }
            }
            return (numbers, invalids)
        }
        for number in numbers {
            if request.status { accounts[user]?.blacklist.insert(number) } else { accounts[user]?.blacklist.remove(number) }
        }
        return BlacklistReply(status: 1, invalids: request.returnInvalids == true ? invalids : nil)
    }

    /// `/contact/import`: accepted at once and processed asynchronously, in slices (see ``ContactImport``); another
    /// import while one is waiting or being applied is `SMS13`, more than ``ContactImport/maxRows`` rows `SMS43`.
    /// Rows with an invalid number are skipped; a `GROUP_NAME` joins the top-level group of that title, created if
    /// needed; existing numbers change only with `overwrite`.
    public func importContacts(for user: String, _ request: ImportContactsRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        _ = try account(user)
        let now = clock.now()
        try withBook(of: user) { (book: inout AddressBook) throws(NodeAPIError) in
            if book.pendingImport != nil { throw NodeAPIError(.sms13) }
            try checkGroups(request.groupUUIDs ?? [], in: book)
            book.pendingImport = try ContactImport(
                csv: request.csvData, columns: request.columns, submittedAt: now,
                overwrite: request.overwrite ?? false, isInBlacklist: request.isInBlacklist ?? false, groupUUIDs: request.groupUUIDs ?? []
            )
        }
        importing.insert(user)
        return StatusReply()
    }

    /// Applies the next slice of every import that is due; true when a slice was applied and rows are left, so that
    /// calling again now does more. The background work of `serve` calls this until it returns false, one slice per
    /// turn on the simulation, so other requests interleave.
    @discardableResult
    public func advanceImports() -> Bool {
        var more = false
        for user in importing where applyImportSlice(of: user) {
            if books[user]?.pendingImport != nil { more = true }
        }
        return more
    }

    /// Runs `body` on the user's address book in place, after applying the next slice of a due import. The book is
    /// taken out of the table while `body` runs, so that a change costs what it changes, not a copy of the book.
    func withBook<Value, Failure: Error>(of user: String, _ body: (inout AddressBook) throws(Failure) -> Value) throws(Failure) -> Value {
        applyImportSlice(of: user)
        var book = books.removeValue(forKey: user) ?? AddressBook()
        defer { books[user] = book }
        return try body(&book)
    }

    /// Applies the next ``ContactImport/sliceRows`` rows of the user's import once it is due; false when there was none.
    @discardableResult
    private func applyImportSlice(of user: String) -> Bool {
        guard var pending = books[user]?.pendingImport, pending.isDue(at: clock.now()) else { return false }
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
                    let group = AddressBook.GroupRecord(uuid: uuids.next(), title: name, parentUUID: nil)
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
                    uuid: uuids.next(), gsm: gsm, firstName: row["FIRST_NAME"], lastName: row["LAST_NAME"],
                    details: details.isEmpty ? nil : details, groupUUIDs: groups, iys: nil
                ))
            }
            if pending.isInBlacklist { accounts[user]?.blacklist.insert(gsm) }
        }
        book.pendingImport = pending.isFinished ? nil : pending
        if pending.isFinished { importing.remove(user) }
        return true
    }

    // MARK: Rules and views

    private func checkRoom(for count: Int, in book: AddressBook) throws(NodeAPIError) {
        if book.contacts.count + count > maxContactsPerBook {
            throw NodeAPIError(.sms43, detail: "the address book holds \(book.contacts.count) contacts, at most \(maxContactsPerBook)")
        }
    }

    private func checkGroups(_ uuids: [String], in book: AddressBook) throws(NodeAPIError) {
        for uuid in uuids where book.group(uuid) == nil { throw NodeAPIError(.sms10, detail: uuid) }
    }

    private func checkPlacement(title: String, parent: String?, excluding: String?, in book: AddressBook) throws(NodeAPIError) {
        if let parent {
            guard book.group(parent) != nil else { throw NodeAPIError(.sms10, detail: parent) }
            if book.contactCount(of: parent) > 0 { throw NodeAPIError(.sms11, detail: parent) }
        }
        if let clash = book.group(titled: title, under: parent), clash.uuid != excluding { throw NodeAPIError(.sms09, detail: title) }
    }

    private func join(_ gsms: [GSMNumber]?, to group: String, in book: inout AddressBook) {
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

    private func view(_ record: AddressBook.ContactRecord, of user: String) -> Contact {
        let groups = record.groupUUIDs.compactMap { books[user]?.group($0) }.map { Contact.GroupRef(uuid: $0.uuid, title: $0.title) }
        var iys = record.iys
        iys?.st = Self.iysState(of: record, at: clock.now()) ?? .waiting
        return Contact(
            uuid: record.uuid, firstName: record.firstName, lastName: record.lastName, gsm: record.gsm, details: record.details,
            groups: groups.isEmpty ? nil : groups, isInBlacklist: accounts[user]?.blacklist.contains(record.gsm) == true ? 1 : 0, iys: iys
        )
    }

    private func groupView(_ group: AddressBook.GroupRecord, in book: AddressBook) -> ContactGroup {
        ContactGroup(
            uuid: group.uuid, title: group.title, stats: .init(contactCount: book.contactCount(of: group.uuid)),
            isParent: book.hasChildren(group.uuid) ? 1 : 0, isShared: 0,
            parentInfo: group.parentUUID.flatMap { book.group($0) }.map { ContactGroup.ParentInfo(uuid: $0.uuid, title: $0.title) }
        )
    }
}
