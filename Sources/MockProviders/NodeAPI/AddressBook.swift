import NodeAPI

/// One user's contacts and contact groups. The blacklist itself lives on the account, because sending reads it.
struct AddressBook: Sendable {
    struct ContactRecord: Sendable, Hashable {
        var uuid: String
        /// Normalised number.
        var gsm: String
        var firstName: String?
        var lastName: String?
        var details: [String: String]?
        var groupUUIDs: [String]
        var iys: Contact.Iys?
    }

    struct GroupRecord: Sendable, Hashable {
        var uuid: String
        var title: String
        var parentUUID: String?
    }

    var contacts: [ContactRecord] = []
    var groups: [GroupRecord] = []
    /// The import waiting to be processed, if any (`SMS13` while there is one).
    var pendingImport: ContactImport?

    func contactIndex(uuid: String) -> Int? { contacts.firstIndex { $0.uuid == uuid } }
    func contactIndex(gsm: String) -> Int? { contacts.firstIndex { $0.gsm == gsm } }
    func group(_ uuid: String) -> GroupRecord? { groups.first { $0.uuid == uuid } }
    func contactCount(of group: String) -> Int { contacts.filter { $0.groupUUIDs.contains(group) }.count }
    func children(of group: String) -> [GroupRecord] { groups.filter { $0.parentUUID == group } }

    /// The group and every group below it.
    func subtree(_ uuid: String) -> [String] {
        [uuid] + children(of: uuid).flatMap { subtree($0.uuid) }
    }
}
