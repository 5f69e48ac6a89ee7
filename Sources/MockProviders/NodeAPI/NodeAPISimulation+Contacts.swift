import Foundation
import NodeAPI

/// The address book: contacts, groups and the blacklist, with the document's rules.
extension NodeAPISimulation {
    /// `/contact/create`: a new contact (`SMS12` if the number is already in the book; `SMS10` for an unknown group).
    public func createContact(for user: String, _ request: CreateContactRequest) throws(NodeAPIError) -> Contact {
        try request.validate()
        processImports(of: user)
        let account = try account(user)
        var book = books[user] ?? AddressBook()
        guard let gsm = request.contact.gsm?.normalized else { throw NodeAPIError.invalid("gsm", "is required") }
        if book.contactIndex(gsm: gsm) != nil { throw NodeAPIError(.sms12, detail: gsm) }
        let groups = request.contact.groupUUIDs ?? []
        try checkGroups(groups, in: book)
        let record = AddressBook.ContactRecord(
            uuid: uuids.next(), gsm: gsm, firstName: request.contact.firstName, lastName: request.contact.lastName,
            details: request.contact.details, groupUUIDs: groups,
            iys: account.hasIysSettings ? Contact.Iys(st: .waiting, rt: request.contact.iys?.rt, src: request.contact.iys?.src) : nil
        )
        book.contacts.append(record)
        books[user] = book
        if request.contact.isInBlacklist == true { accounts[user]?.blacklist.insert(gsm) }
        return view(record, of: user)
    }

    /// `/contact/update`: changes the given fields of the contact with `uuid`.
    public func updateContact(for user: String, _ request: UpdateContactRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        processImports(of: user)
        _ = try account(user)
        var book = books[user] ?? AddressBook()
        guard let index = book.contactIndex(uuid: request.uuid) else { throw NodeAPIError(.notFound, detail: "contact \(request.uuid)") }
        let fields = request.contact
        if let gsm = fields.gsm?.normalized, gsm != book.contacts[index].gsm {
            if book.contactIndex(gsm: gsm) != nil { throw NodeAPIError(.sms12, detail: gsm) }
            book.contacts[index].gsm = gsm
        }
        if let groups = fields.groupUUIDs {
            try checkGroups(groups, in: book)
            book.contacts[index].groupUUIDs = groups
        }
        if let firstName = fields.firstName { book.contacts[index].firstName = firstName }
        if let lastName = fields.lastName { book.contacts[index].lastName = lastName }
        if let details = fields.details { book.contacts[index].details = details }
        if let blacklisted = fields.isInBlacklist {
            let gsm = book.contacts[index].gsm
            if blacklisted { accounts[user]?.blacklist.insert(gsm) } else { accounts[user]?.blacklist.remove(gsm) }
        }
        books[user] = book
        return StatusReply()
    }

    /// `/contact/delete`: removes the contacts (only those in `groupUUID` when given). Archiving is not modelled.
    public func deleteContacts(for user: String, _ request: DeleteContactsRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        processImports(of: user)
        _ = try account(user)
        var book = books[user] ?? AddressBook()
        book.contacts.removeAll { contact in
            request.uuids.contains(contact.uuid) && (request.groupUUID.map { contact.groupUUIDs.contains($0) } ?? true)
        }
        books[user] = book
        return StatusReply()
    }

    /// `/contact/list`: contacts filtered by blacklist state, İYS state and group, paged.
    public func listContacts(of user: String, _ request: ListContactsRequest) throws(NodeAPIError) -> Page<Contact> {
        processImports(of: user)
        let account = try account(user)
        let contacts = (books[user] ?? AddressBook()).contacts.filter { contact in
            let blacklisted = account.blacklist.contains(contact.gsm)
            let status = switch request.status ?? .all {
            case .all: true
            case .whiteList: !blacklisted
            case .blackList: blacklisted
            }
            return status && (request.iysState.map { contact.iys?.st == $0 } ?? true)
                && (request.groupUUID.map { contact.groupUUIDs.contains($0) } ?? true)
        }
        return Page(Self.page(contacts, request.paging)) { view($0, of: user) }
    }

    /// `/contact/create-group`: a group, unique by title among its siblings (`SMS09`), under an existing
    /// parent (`SMS10`) that holds no contacts (`SMS11`); numbers already in the book join it.
    public func createGroup(for user: String, _ request: CreateGroupRequest) throws(NodeAPIError) -> ContactGroup {
        try request.validate()
        processImports(of: user)
        _ = try account(user)
        var book = books[user] ?? AddressBook()
        try checkPlacement(title: request.title, parent: request.parentUUID, excluding: nil, in: book)
        let group = AddressBook.GroupRecord(uuid: uuids.next(), title: request.title, parentUUID: request.parentUUID)
        book.groups.append(group)
        join(request.gsms, to: group.uuid, in: &book)
        books[user] = book
        return groupView(group, in: book)
    }

    /// `/contact/update-group`: renames or moves a group (the same rules as creating one; a group cannot move below itself).
    public func updateGroup(for user: String, _ request: UpdateGroupRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        processImports(of: user)
        _ = try account(user)
        var book = books[user] ?? AddressBook()
        guard let index = book.groups.firstIndex(where: { $0.uuid == request.uuid }) else { throw NodeAPIError(.sms10, detail: request.uuid) }
        if let parent = request.parentUUID, book.subtree(request.uuid).contains(parent) {
            throw NodeAPIError.invalid("parentUUID", "a group cannot move below itself")
        }
        try checkPlacement(title: request.title, parent: request.parentUUID, excluding: request.uuid, in: book)
        book.groups[index].title = request.title
        book.groups[index].parentUUID = request.parentUUID
        join(request.gsms, to: request.uuid, in: &book)
        books[user] = book
        return StatusReply()
    }

    /// `/contact/delete-group`: deletes the groups and the groups below them; with `includeContacts`, the
    /// contacts left in no group too.
    public func deleteGroups(for user: String, _ request: DeleteGroupsRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        processImports(of: user)
        _ = try account(user)
        var book = books[user] ?? AddressBook()
        for uuid in request.target.all where book.group(uuid) == nil { throw NodeAPIError(.sms10, detail: uuid) }
        let doomed = Set(request.target.all.flatMap { book.subtree($0) })
        book.groups.removeAll { doomed.contains($0.uuid) }
        var orphans = Set<String>()
        for index in book.contacts.indices {
            let wasGrouped = !book.contacts[index].groupUUIDs.isEmpty
            book.contacts[index].groupUUIDs.removeAll(where: doomed.contains)
            if wasGrouped, book.contacts[index].groupUUIDs.isEmpty { orphans.insert(book.contacts[index].uuid) }
        }
        if request.includeContacts == true { book.contacts.removeAll { orphans.contains($0.uuid) } }
        books[user] = book
        return StatusReply()
    }

    /// `/contact/list-group`: groups filtered by title keyword and parent, paged.
    public func listGroups(of user: String, _ request: ListGroupsRequest) throws(NodeAPIError) -> Page<ContactGroup> {
        _ = try account(user)
        processImports(of: user)
        let book = books[user] ?? AddressBook()
        let groups = book.groups.filter { group in
            (request.keyword.map { TurkishText.contains(group.title, $0) } ?? true)
                && (request.parentUUID.map { group.parentUUID == $0 } ?? true)
        }
        return Page(Self.page(groups, request.paging)) { groupView($0, in: book) }
    }

    /// `/contact/set-blacklist`: sets the blacklist state of contacts by uuid and of numbers (unknown
    /// numbers join the book). One invalid number fails the request unless `returnInvalids`.
    public func setBlacklist(for user: String, _ request: SetBlacklistRequest) throws(NodeAPIError) -> BlacklistReply {
        try request.validate()
        processImports(of: user)
        _ = try account(user)
        var book = books[user] ?? AddressBook()
        var numbers: [String] = []
        for uuid in request.uuids ?? [] {
            guard let index = book.contactIndex(uuid: uuid) else { throw NodeAPIError(.notFound, detail: "contact \(uuid)") }
            numbers.append(book.contacts[index].gsm)
        }
        var invalids: [String] = []
        for gsm in request.gsms ?? [] {
            guard let number = gsm.normalized else {
                invalids.append(gsm.raw)
                continue
            }
            numbers.append(number)
            if book.contactIndex(gsm: number) == nil {
                book.contacts.append(.init(uuid: uuids.next(), gsm: number, groupUUIDs: [], iys: nil))
            }
        }
        for number in numbers {
            if request.status { accounts[user]?.blacklist.insert(number) } else { accounts[user]?.blacklist.remove(number) }
        }
        books[user] = book
        return BlacklistReply(status: 1, invalids: request.returnInvalids == true ? invalids : nil)
    }

    /// `/contact/import`: accepted at once and processed asynchronously (after ``ContactImport/delaySeconds``);
    /// another import while one waits is `SMS13`. Rows with an invalid number are skipped; a `GROUP_NAME`
    /// joins the top-level group of that title, created if needed; existing numbers change only with `overwrite`.
    public func importContacts(for user: String, _ request: ImportContactsRequest) throws(NodeAPIError) -> StatusReply {
        try request.validate()
        _ = try account(user)
        processImports(of: user)
        var book = books[user] ?? AddressBook()
        if book.pendingImport != nil { throw NodeAPIError(.sms13) }
        try checkGroups(request.groupUUIDs ?? [], in: book)
        book.pendingImport = ContactImport(
            submittedAt: clock.now(), rows: ContactImport.rows(csv: request.csvData, columns: request.columns),
            overwrite: request.overwrite ?? false, isInBlacklist: request.isInBlacklist ?? false, groupUUIDs: request.groupUUIDs ?? []
        )
        books[user] = book
        return StatusReply()
    }

    /// Applies a waiting import whose time has come; every address-book read calls this first.
    func processImports(of user: String) {
        guard var book = books[user], let pending = book.pendingImport,
              clock.now() >= pending.submittedAt + ContactImport.delaySeconds * 1000 else { return }
        book.pendingImport = nil
        for row in pending.rows {
            guard let gsm = row["GSM"].flatMap({ GSMNumber($0).normalized }) else { continue }
            var groups = pending.groupUUIDs
            if let name = row["GROUP_NAME"], !name.isEmpty {
                if let existing = book.groups.first(where: { $0.parentUUID == nil && TurkishText.folded($0.title) == TurkishText.folded(name) }) {
                    groups.append(existing.uuid)
                } else {
                    let group = AddressBook.GroupRecord(uuid: uuids.next(), title: name, parentUUID: nil)
                    book.groups.append(group)
                    groups.append(group.uuid)
                }
            }
            let known: Set<String> = ["GSM", "GROUP_NAME", "FIRST_NAME", "LAST_NAME"]
            let details = row.filter { !known.contains($0.key) && !$0.value.isEmpty }
            if let index = book.contactIndex(gsm: gsm) {
                guard pending.overwrite else { continue }
                book.contacts[index].firstName = row["FIRST_NAME"] ?? book.contacts[index].firstName
                book.contacts[index].lastName = row["LAST_NAME"] ?? book.contacts[index].lastName
                if !details.isEmpty { book.contacts[index].details = details }
                book.contacts[index].groupUUIDs = Array(Set(book.contacts[index].groupUUIDs + groups)).sorted()
            } else {
                book.contacts.append(.init(
                    uuid: uuids.next(), gsm: gsm, firstName: row["FIRST_NAME"], lastName: row["LAST_NAME"],
                    details: details.isEmpty ? nil : details, groupUUIDs: groups, iys: nil
                ))
            }
            if pending.isInBlacklist { accounts[user]?.blacklist.insert(gsm) }
        }
        books[user] = book
    }

    // MARK: Rules and views

    private func checkGroups(_ uuids: [String], in book: AddressBook) throws(NodeAPIError) {
        for uuid in uuids where book.group(uuid) == nil { throw NodeAPIError(.sms10, detail: uuid) }
    }

    private func checkPlacement(title: String, parent: String?, excluding: String?, in book: AddressBook) throws(NodeAPIError) {
        if let parent {
            guard book.group(parent) != nil else { throw NodeAPIError(.sms10, detail: parent) }
            if book.contactCount(of: parent) > 0 { throw NodeAPIError(.sms11, detail: parent) }
        }
        let clash = book.groups.contains { $0.uuid != excluding && $0.parentUUID == parent && TurkishText.folded($0.title) == TurkishText.folded(title) }
        if clash { throw NodeAPIError(.sms09, detail: title) }
    }

    private func join(_ gsms: [GSMNumber]?, to group: String, in book: inout AddressBook) {
        for gsm in gsms ?? [] {
            guard let number = gsm.normalized, let index = book.contactIndex(gsm: number), !book.contacts[index].groupUUIDs.contains(group) else { continue }
            book.contacts[index].groupUUIDs.append(group)
        }
    }

    private func view(_ record: AddressBook.ContactRecord, of user: String) -> Contact {
        let book = books[user] ?? AddressBook()
        let groups = record.groupUUIDs.compactMap { book.group($0) }.map { Contact.GroupRef(uuid: $0.uuid, title: $0.title) }
        return Contact(
            uuid: record.uuid, firstName: record.firstName, lastName: record.lastName, gsm: record.gsm, details: record.details,
            groups: groups.isEmpty ? nil : groups, isInBlacklist: accounts[user]?.blacklist.contains(record.gsm) == true ? 1 : 0, iys: record.iys
        )
    }

    private func groupView(_ group: AddressBook.GroupRecord, in book: AddressBook) -> ContactGroup {
        ContactGroup(
            uuid: group.uuid, title: group.title, stats: .init(contactCount: book.contactCount(of: group.uuid)),
            isParent: book.children(of: group.uuid).isEmpty ? 0 : 1, isShared: 0,
            parentInfo: group.parentUUID.flatMap { book.group($0) }.map { ContactGroup.ParentInfo(uuid: $0.uuid, title: $0.title) }
        )
    }
}
