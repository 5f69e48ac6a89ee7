import Foundation
import MockFixtures
import MockSimulations
import NodeAPI
import Testing

/// Contacts, groups and the blacklist, with their rules, and the blacklist's effect on sending.
@Suite struct AddressBookTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)


    @Test func contactsAreCreatedUpdatedListedAndDeleted() async throws {
        let simulation = simulation()
        let group = try simulation.respond(to: CreateGroupRequest(title: "Müşteriler"), as: "admin").made
        let contact = try simulation.respond(to: CreateContactRequest(contact: ContactFields(
            gsm: "0555 123 00 11", firstName: "Ayşe", lastName: "Yılmaz", groupUUIDs: [group.uuid], details: ["GSM_2": "905551230012"]
        )), as: "admin").made
        #expect(contact.gsm == "905551230011")
        #expect(contact.groups == [Contact.GroupRef(uuid: group.uuid, title: "Müşteriler")])
        #expect(contact.iys?.st == .waiting)
        let duplicate = await error { _ = try simulation.respond(to: CreateContactRequest(contact: ContactFields(gsm: "905551230011")), as: "admin") }
        #expect(duplicate?.code == "ERR_CONTACT_ALREADY_EXISTS")
        let unknownGroup = await error { _ = try simulation.respond(to: CreateContactRequest(contact: ContactFields(gsm: "905551230013", groupUUIDs: ["yok"])), as: "admin") }
        #expect(unknownGroup?.code == "ERR_PARENT_CONTACT_GROUP_NOT_FOUND")
        _ = try simulation.respond(to: UpdateContactRequest(uuid: contact.uuid, contact: ContactFields(lastName: "Demir")), as: "admin")
        let listed = try simulation.respond(to: ListContactsRequest(groupUUID: group.uuid), as: "admin")
        #expect(listed.list.map(\.lastName) == ["Demir"])
        #expect(try simulation.respond(to: ListGroupsRequest(), as: "admin").list.first?.stats.contactCount == 1)
        _ = try simulation.respond(to: DeleteContactsRequest(uuids: [contact.uuid]), as: "admin")
        #expect(try simulation.respond(to: ListContactsRequest(), as: "admin").stats.totalRecord == 0)
    }

    /// The document's İYS keys `c` and `spc` are kept on create and on update (issue 12, item 8).
    @Test func contactsKeepTheirIYSKeysAndUpdateAppliesThem() async throws {
        let simulation = simulation()
        let created = try simulation.respond(to: CreateContactRequest(contact: ContactFields(
            gsm: "905551230011", iys: ContactIysSettings(recipientType: .individual, source: .hsWeb)
        )), as: "admin").made
        #expect(created.iys == Contact.Iys(st: .waiting, recipientType: .individual, source: .hsWeb))
        _ = try simulation.respond(to: UpdateContactRequest(uuid: created.uuid, contact: ContactFields(
            iys: ContactIysSettings(recipientType: .merchant, send: true)
        )), as: "admin")
        let listed = try simulation.respond(to: ListContactsRequest(), as: "admin")
        #expect(listed.list.first?.iys == Contact.Iys(st: .waiting, recipientType: .merchant, source: .hsWeb))
    }

    @Test func groupRules() async throws {
        let simulation = simulation()
        let parent = try simulation.respond(to: CreateGroupRequest(title: "Bölge"), as: "admin").made
        let child = try simulation.respond(to: CreateGroupRequest(title: "İstanbul", parentUUID: parent.uuid), as: "admin").made
        #expect(child.parentInfo == ContactGroup.ParentInfo(uuid: parent.uuid, title: "Bölge"))
        #expect(await error { _ = try simulation.respond(to: CreateGroupRequest(title: "istanbul", parentUUID: parent.uuid), as: "admin") }?.code == "ERR_CONTACT_GROUP_ALREADY_EXISTS")
        #expect(await error { _ = try simulation.respond(to: CreateGroupRequest(title: "X", parentUUID: "yok"), as: "admin") }?.code == "ERR_PARENT_CONTACT_GROUP_NOT_FOUND")
        _ = try simulation.respond(to: CreateContactRequest(contact: ContactFields(gsm: "905551230011", groupUUIDs: [child.uuid])), as: "admin")
        #expect(await error { _ = try simulation.respond(to: CreateGroupRequest(title: "Kadıköy", parentUUID: child.uuid), as: "admin") }?.code == "ERR_PARENT_CONTACT_GROUP_NOT_EMPTY")
        #expect(await error { _ = try simulation.respond(to: UpdateGroupRequest(uuid: parent.uuid, title: "Bölge", parentUUID: child.uuid), as: "admin") } != nil)
        #expect(try simulation.respond(to: ListGroupsRequest(parentUUID: parent.uuid), as: "admin").list.map(\.title) == ["İstanbul"])
        #expect(try simulation.respond(to: ListGroupsRequest(keyword: "bölge"), as: "admin").list.first?.isParent == 1)
        _ = try simulation.respond(to: DeleteGroupsRequest(target: .uuid(parent.uuid), includeContacts: true), as: "admin")
        #expect(try simulation.respond(to: ListGroupsRequest(), as: "admin").stats.totalRecord == 0)
        #expect(try simulation.respond(to: ListContactsRequest(), as: "admin").stats.totalRecord == 0)
    }

    @Test func blacklistStopsSendingAndCanBeLifted() async throws {
        let simulation = simulation()
        let reply = try simulation.respond(to: SetBlacklistRequest(status: true, gsms: ["905551230011", "12"], returnInvalids: true), as: "admin")
        #expect(reply.invalids == ["12"])
        #expect(try simulation.respond(to: ListContactsRequest(status: .blackList), as: "admin").list.map(\.gsm) == ["905551230011"])
        let send = CreateSmsRequest(recipients: .single("905551230011"), sender: "BASLIK", title: "T", content: "c")
        #expect(await error { _ = try simulation.respond(to: send, as: "admin") }?.code == "ERR_EMPTY_SMS_PACKAGE")
        _ = try simulation.respond(to: SetBlacklistRequest(status: false, gsms: ["905551230011"]), as: "admin")
        _ = try simulation.respond(to: send, as: "admin")
        let strict = await error { _ = try simulation.respond(to: SetBlacklistRequest(status: true, gsms: ["12"]), as: "admin") }
        #expect(strict?.message.contains("gsms[0]") == true)
        let tooMany = SetBlacklistRequest(status: true, gsms: Array(repeating: "905551230011", count: 1001))
        #expect(await error { _ = try simulation.respond(to: tooMany, as: "admin") }?.code == "ERR_REQUEST_PARAM_LIMIT")
    }
}

/// `/contact/import`: asynchronous on the clock, one at a time, with the document's CSV.
@Suite struct ContactImportTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    @Test func readsTheDocumentsCSV() {
        #expect(ContactImport.fields("'905991000000','A Grubu, İstanbul' , 'O''Brien'") == ["905991000000", "A Grubu, İstanbul", "O'Brien"])
    }

    @Test func importsAsynchronouslyWithGroupsByName() async throws {
        let simulation = simulation()
        let csv = "'GSM','GROUP_NAME','FIRST_NAME'\n'905991000000','A Grubu','Ayşe'\n'905991000002','A Grubu','Can'\n'905991000003','B Grubu','Efe'\n'12','A Grubu','Yok'"
        let request = ImportContactsRequest(csvData: csv, columns: ["gsm", "group_name", "first_name"])
        #expect(try simulation.respond(to: request, as: "admin") == StatusReply())
        #expect(try simulation.respond(to: ListContactsRequest(), as: "admin").stats.totalRecord == 0)
        #expect(await error { _ = try simulation.respond(to: request, as: "admin") }?.code == "ERR_CONTACT_IMPORT_EXISTS")
        clock.advance(seconds: 2)
        let contacts = try simulation.respond(to: ListContactsRequest(paging: Paging(pageSize: 100)), as: "admin")
        #expect(contacts.list.map(\.firstName) == ["Ayşe", "Can", "Efe"])
        let groups = try simulation.respond(to: ListGroupsRequest(), as: "admin")
        #expect(groups.list.map(\.title) == ["A Grubu", "B Grubu"])
        #expect(groups.list.map(\.stats.contactCount) == [2, 1])
        let again = ImportContactsRequest(csvData: "'905991000000','Zeynep'", columns: ["gsm", "first_name"], overwrite: true, isInBlacklist: true)
        _ = try simulation.respond(to: again, as: "admin")
        clock.advance(seconds: 2)
        let blacklisted = try simulation.respond(to: ListContactsRequest(status: .blackList), as: "admin").list
        #expect(blacklisted.map(\.firstName) == ["Zeynep"])
    }
}

/// Large imports (issue 11, finding 4): bounded in size, applied in slices so that other requests interleave, and
/// linear (indexed lookups by number and by group title).
@Suite struct LargeImportTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    static func csv(rows: Int, groups: Bool) -> String {
        (0..<rows).map { index in
            let number = "'90599\(String(1_000_000 + index).suffix(7))'"
            return groups ? "\(number),'Grup \(index)','Ad \(index)'" : "\(number),'Ad \(index)'"
        }.joined(separator: "\n")
    }

    @Test func anImportIsAppliedOneSliceAtATime() async throws {
        let simulation = simulation()
        let rows = 5 * ContactImport.sliceRows + 7
        _ = try simulation.respond(to: ImportContactsRequest(csvData: Self.csv(rows: rows, groups: false), columns: ["gsm", "first_name"]), as: "admin")
        // Not due yet: nothing to apply.
        #expect(!simulation.advanceImports())
        #expect(try simulation.respond(to: ListContactsRequest(), as: "admin").stats.totalRecord == 0)
        clock.advance(seconds: 2)
        // Each address-book call applies one slice first, and no more.
        #expect(try simulation.respond(to: ListContactsRequest(), as: "admin").stats.totalRecord == ContactImport.sliceRows)
        #expect(await error { _ = try simulation.respond(to: ImportContactsRequest(csvData: "'905551230011'", columns: ["gsm"]), as: "admin") }?
            .code == "ERR_CONTACT_IMPORT_EXISTS")
        var turns = 0
        while simulation.advanceImports() { turns += 1 }
        #expect(turns == 3)
        #expect(try simulation.respond(to: ListContactsRequest(), as: "admin").stats.totalRecord == rows)
        #expect(!simulation.advanceImports())
    }

    @Test func eightThousandDistinctGroupNamesMakeEightThousandGroups() async throws {
        let simulation = simulation()
        _ = try simulation.respond(to: ImportContactsRequest(
            csvData: Self.csv(rows: 8_000, groups: true) + "\n'905990009999','GRUP 7','Büyük harf'", columns: ["gsm", "group_name", "first_name"]
        ), as: "admin")
        clock.advance(seconds: 2)
        while simulation.advanceImports() {}
        let groups = try simulation.respond(to: ListGroupsRequest(paging: Paging(pageIndex: 0, pageSize: 10)), as: "admin")
        #expect(groups.stats.totalRecord == 8_000)
        #expect(groups.list.map(\.title).prefix(3) == ["Grup 0", "Grup 1", "Grup 2"])
        // "GRUP 7" folds to "Grup 7": the row joined the existing group.
        #expect(groups.list[7].stats.contactCount == 2)
    }

    @Test func moreThanTheRowLimitIsRefused() async throws {
        let simulation = simulation()
        let error = await error {
            _ = try simulation.respond(to: ImportContactsRequest(
                csvData: Self.csv(rows: ContactImport.maxRows + 1, groups: false), columns: ["gsm", "first_name"]
            ), as: "admin")
        }
        #expect(error?.code == "ERR_REQUEST_PARAM_LIMIT")
        #expect(error?.message.contains("csvData has 100001 rows, at most 100000") == true)
    }

    @Test func aFullAddressBookTakesNoMoreContacts() async throws {
        let simulation = NodeAPISimulation(accounts: [ScenarioFixtures.admin], maxContactsPerBook: 10, clock: clock)
        _ = try simulation.respond(to: ImportContactsRequest(csvData: Self.csv(rows: 25, groups: false), columns: ["gsm", "first_name"]), as: "admin")
        clock.advance(seconds: 2)
        while simulation.advanceImports() {}
        #expect(try simulation.respond(to: ListContactsRequest(), as: "admin").stats.totalRecord == 10)
        let refusal = await error {
            _ = try simulation.respond(to: CreateContactRequest(contact: ContactFields(gsm: GSMNumber("905551230099"))), as: "admin")
        }
        #expect(refusal?.code == "ERR_REQUEST_PARAM_LIMIT")
        // The import that filled the book is over: another may start.
        _ = try simulation.respond(to: ImportContactsRequest(csvData: "'905551230011'", columns: ["gsm"]), as: "admin")
    }
}

extension SavedReply {
    /// What was created: a failed test when the reply is an update's status.
    var made: Created {
        get throws { try #require(created, "the reply is an update's status, not what was created") }
    }
}

/// Issue 25, item 10: the address book as the document describes it.
@Suite struct AddressBookDocumentTests: SimulationSuite {
    let clock = ManualClock(turkey: WireDate("2025-03-10 10:00")!)

    @Test func createWithAUUIDUpdatesAndAnswersAStatus() async throws {
        let simulation = simulation()
        let contact = try simulation.respond(to: CreateContactRequest(contact: ContactFields(gsm: "905551230011", firstName: "Ayşe")), as: "admin").made
        let updated = try simulation.respond(to: CreateContactRequest(uuid: contact.uuid, contact: ContactFields(lastName: "Yılmaz")), as: "admin")
        #expect(updated == .updated(StatusReply()))
        #expect(try simulation.respond(to: ListContactsRequest(), as: "admin").list.map { "\($0.firstName ?? "") \($0.lastName ?? "")" } == ["Ayşe Yılmaz"])
        let group = try simulation.respond(to: CreateGroupRequest(title: "Müşteriler"), as: "admin").made
        #expect(try simulation.respond(to: CreateGroupRequest(uuid: group.uuid, title: "Sadık Müşteriler"), as: "admin") == .updated(StatusReply()))
        #expect(try simulation.respond(to: ListGroupsRequest(), as: "admin").list.map(\.title) == ["Sadık Müşteriler"])
        // An unknown uuid is the update's error, not a new contact.
        let unknown = await error { _ = try simulation.respond(to: CreateContactRequest(uuid: "yok", contact: ContactFields(lastName: "X")), as: "admin") }
        #expect(unknown?.code == "ERR_NOT_FOUND")
        // On the wire: the status alone, and a client reads it back as an update.
        let wire = try JSONEncoder().encode(SavedReply<Contact>.updated(StatusReply()))
        #expect(String(decoding: wire, as: UTF8.self) == #"{"status":1}"#)
        #expect(try JSONDecoder().decode(SavedReply<Contact>.self, from: wire) == .updated(StatusReply()))
    }

    @Test func updateGroupWithoutParentKeepsTheGroupWhereItIs() async throws {
        let simulation = simulation()
        let parent = try simulation.respond(to: CreateGroupRequest(title: "Bölge"), as: "admin").made
        let child = try simulation.respond(to: CreateGroupRequest(title: "İstanbul", parentUUID: parent.uuid), as: "admin").made
        _ = try simulation.respond(to: UpdateGroupRequest(uuid: child.uuid, title: "İzmir"), as: "admin")
        let listed = try simulation.respond(to: ListGroupsRequest(parentUUID: parent.uuid), as: "admin").list
        #expect(listed.map(\.title) == ["İzmir"])
        #expect(listed.first?.parentInfo?.uuid == parent.uuid)
        // A sibling's title under the same parent is still taken.
        _ = try simulation.respond(to: CreateGroupRequest(title: "Ankara", parentUUID: parent.uuid), as: "admin")
        let taken = await error { _ = try simulation.respond(to: UpdateGroupRequest(uuid: child.uuid, title: "ankara"), as: "admin") }
        #expect(taken?.code == "ERR_CONTACT_GROUP_ALREADY_EXISTS")
    }

    @Test func exitTypeFiltersBlacklistedContactsByHowTheyLeftAndAnMOOptOutJoinsTheBook() async throws {
        let simulation = simulation()
        for gsm in ["905551230011", "905551230012", "905551230013"] {
            _ = try simulation.respond(to: CreateContactRequest(contact: ContactFields(gsm: GSMNumber(gsm))), as: "admin")
        }
        _ = try simulation.respond(to: SetBlacklistRequest(status: true, gsms: ["905551230012"]), as: "admin")
        _ = try simulation.receiveOptOut(for: "admin", gsm: "905551230013", msg: "RET")
        // Not in the book: an opt-out adds it, blacklisted.
        _ = try simulation.receiveOptOut(for: "admin", gsm: "905551230099", msg: "RET")
        func listed(_ exitType: ExitType?) throws -> [String] {
            try simulation.respond(to: ListContactsRequest(exitType: exitType), as: "admin").list.map(\.gsm).sorted()
        }
        #expect(try listed(nil) == ["905551230011", "905551230012", "905551230013", "905551230099"])
        #expect(try listed(.mo) == ["905551230013", "905551230099"])
        #expect(try listed(.web) == ["905551230012"])
        let joined = try simulation.respond(to: ListContactsRequest(status: .blackList), as: "admin").list.first { $0.gsm == "905551230099" }
        #expect(joined?.isInBlacklist == 1)
        // Taken off and put back by hand, it left by the web.
        _ = try simulation.respond(to: SetBlacklistRequest(status: false, gsms: ["905551230013"]), as: "admin")
        _ = try simulation.respond(to: SetBlacklistRequest(status: true, gsms: ["905551230013"]), as: "admin")
        #expect(try listed(.mo) == ["905551230099"])
        #expect(try listed(.web) == ["905551230012", "905551230013"])
    }

    @Test func hsKararCannotBeTheSourceOfAFirstRecord() async throws {
        let simulation = simulation()
        let karar = ContactIysSettings(recipientType: .individual, source: .hsKarar, send: true)
        let first = await error { _ = try simulation.respond(to: CreateContactRequest(contact: ContactFields(gsm: "905551230011", iys: karar)), as: "admin") }
        #expect(first?.code == "ERR_INVALID_PARAM")
        #expect(first?.message.contains("iys.spc") == true)
        // A contact with its first record may be set to RET by the provider's decision.
        let contact = try simulation.respond(to: CreateContactRequest(contact: ContactFields(gsm: "905551230011")), as: "admin").made
        _ = try simulation.respond(to: UpdateContactRequest(uuid: contact.uuid, contact: ContactFields(iys: karar)), as: "admin")
    }
}
