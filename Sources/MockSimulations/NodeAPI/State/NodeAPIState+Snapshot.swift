import NodeAPI

extension NodeAPIState {
    /// What a restart keeps of the Node API mock (`serve --state FILE`): each account's credit and blacklist, the
    /// packages with their refund and report schedules and the next ids, the address books, contacts' İYS syncs and
    /// the opt-out requests. Accounts, senders and delivery rules come from the scenario the mock starts with; the
    /// duplicate window starts empty, and an import still being applied is not kept.
    package struct Snapshot: Codable, Sendable {
        package struct Account: Codable, Sendable {
            var username: String
            package var credit: Int
            var blacklist: [String]
            /// The blacklisted numbers that left by an opt-out SMS (absent in files written before it was kept).
            var moExits: [String]?
        }

        package struct Book: Codable, Sendable {
            var user: String
            var groups: [AddressBook.GroupRecord]
            package var contacts: [AddressBook.ContactRecord]
        }

        package struct OptOut: Codable, Sendable {
            var user: String
            var request: MoRequest
            package var at: Int64
        }

        package var accounts: [Account]
        /// Oldest first.
        package var packages: [SmsPackageRecord]
        package var refunds: DueSchedule
        package var reports: DueSchedule
        package var nextPackageID: Int
        package var nextItemID: Int64
        package var books: [Book]
        var contactSyncs: [ContactIYSSync.Due]
        /// Oldest first.
        package var optOuts: [OptOut]
        var uuids: SeededRandom
    }

    /// The state as a snapshot keeps it.
    package var snapshot: Snapshot {
        Snapshot(
            accounts: accounts.values.sorted { $0.username < $1.username }.map {
                .init(username: $0.username, credit: $0.credit, blacklist: $0.blacklist.sorted(), moExits: $0.moExits.sorted())
            },
            packages: packages.order.compactMap { packages[$0] }, refunds: packages.refunds, reports: packages.reports,
            nextPackageID: packages.nextPackageID, nextItemID: packages.nextItemID,
            books: books.sorted { $0.key < $1.key }.map { .init(user: $0.key, groups: Array($0.value.groups.values), contacts: Array($0.value.contacts.values)) },
            contactSyncs: Array(contactSyncs), optOuts: optOuts.all.map { .init(user: $0.user, request: $0.request, at: $0.at) }, uuids: random
        )
    }

    /// Takes back what a snapshot kept, into a state built from the scenario: data of users the scenario no longer
    /// has is left out, and packages follow the scenario's delivery rules.
    package mutating func restore(_ snapshot: Snapshot) {
        for saved in snapshot.accounts where accounts[saved.username] != nil {
            accounts[saved.username]?.credit = saved.credit
            accounts[saved.username]?.blacklist = Set(saved.blacklist)
            accounts[saved.username]?.moExits = Set(saved.moExits ?? []).intersection(saved.blacklist)
        }
        let rules = rules
        packages.restore(
            snapshot.packages.filter { accounts[$0.owner] != nil }.map { package in
                var package = package
                package.rules = rules
                return package
            },
            refunds: snapshot.refunds, reports: snapshot.reports, nextPackageID: snapshot.nextPackageID, nextItemID: snapshot.nextItemID
        )
        for saved in snapshot.books where accounts[saved.user] != nil {
            var book = AddressBook()
            for group in saved.groups { book.insert(group) }
            for contact in saved.contacts { book.insert(contact) }
            books[saved.user] = book
        }
        contactSyncs = .init(snapshot.contactSyncs.filter { accounts[$0.user] != nil })
        for saved in snapshot.optOuts where accounts[saved.user] != nil { optOuts.append(saved.request, of: saved.user, at: saved.at) }
        random = snapshot.uuids
    }
}
