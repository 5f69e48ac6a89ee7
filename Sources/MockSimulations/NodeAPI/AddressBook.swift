import NodeAPI
import OrderedCollections

/// One user's contacts and contact groups, with the indices every rule needs: contacts by uuid and by number, groups
/// by uuid and by (parent, Turkish-folded title), each group's contact count and children. Every lookup is O(1) and
/// every change keeps the indices in step, here and nowhere else, so an import of n rows costs O(n).
/// The blacklist itself lives on the account, because sending reads it.
package struct AddressBook: Sendable {
    package struct ContactRecord: Sendable, Hashable, Codable {
        var uuid: String
        /// Normalised number.
        var gsm: String
        var firstName: String?
        var lastName: String?
        var details: [String: String]?
        var groupUUIDs: [String]
        var iys: Contact.Iys?
        /// When its İYS sync last started (``ContactIYSSync``); its state follows the clock from there.
        var iysSyncStartedAt: Int64?
    }

    struct GroupRecord: Sendable, Hashable, Codable {
        var uuid: String
        var title: String
        var parentUUID: String?
    }

    /// A title among its siblings: titles are unique per parent, compared with Turkish case folding.
    private struct SiblingTitle: Hashable {
        var parent: String?
        var folded: String
    }

    /// Contacts in the order they were added, by uuid.
    package private(set) var contacts: OrderedDictionary<String, ContactRecord> = [:]
    /// Groups in the order they were created, by uuid.
    private(set) var groups: OrderedDictionary<String, GroupRecord> = [:]
    private var uuidByNumber: [String: String] = [:]
    private var groupBySiblingTitle: [SiblingTitle: String] = [:]
    private var memberCounts: [String: Int] = [:]
    private var childrenByParent: [String: OrderedSet<String>] = [:]
    /// The import being processed, if any (`SMS13` while there is one).
    var pendingImport: ContactImport?

    // MARK: Lookups

    func contact(uuid: String) -> ContactRecord? { contacts[uuid] }
    func contact(gsm: String) -> ContactRecord? { uuidByNumber[gsm].flatMap { contacts[$0] } }
    func group(_ uuid: String) -> GroupRecord? { groups[uuid] }
    func group(titled title: String, under parent: String?) -> GroupRecord? {
        groupBySiblingTitle[SiblingTitle(parent: parent, folded: TurkishText.folded(title))].flatMap { groups[$0] }
    }
    func contactCount(of group: String) -> Int { memberCounts[group] ?? 0 }
    func children(of group: String) -> [GroupRecord] { (childrenByParent[group] ?? []).compactMap { groups[$0] } }
    func hasChildren(_ group: String) -> Bool { !(childrenByParent[group]?.isEmpty ?? true) }

    /// The group and every group below it.
    func subtree(_ uuid: String) -> [String] {
        var found: [String] = []
        var next = [uuid]
        while let group = next.popLast() {
            found.append(group)
            next += childrenByParent[group] ?? []
        }
        return found
    }

    // MARK: Contacts

    /// Adds a contact whose number and uuid are new to the book (a group named twice counts once).
    mutating func insert(_ contact: ContactRecord) {
        var contact = contact
        contact.groupUUIDs = Self.once(contact.groupUUIDs)
        contacts[contact.uuid] = contact
        uuidByNumber[contact.gsm] = contact.uuid
        for group in contact.groupUUIDs { memberCounts[group, default: 0] += 1 }
    }

    /// Changes the contact with `uuid` in place; a changed number or group list is reindexed.
    mutating func update(uuid: String, _ change: (inout ContactRecord) -> Void) {
        guard let index = contacts.index(forKey: uuid) else { return }
        let before = contacts.values[index]
        change(&contacts.values[index])
        contacts.values[index].groupUUIDs = Self.once(contacts.values[index].groupUUIDs)
        let after = contacts.values[index]
        if before.gsm != after.gsm {
            uuidByNumber[before.gsm] = nil
            uuidByNumber[after.gsm] = uuid
        }
        if before.groupUUIDs != after.groupUUIDs {
            for group in before.groupUUIDs { memberCounts[group, default: 1] -= 1 }
            for group in after.groupUUIDs { memberCounts[group, default: 0] += 1 }
        }
    }

    /// Removes the contacts that `shouldRemove` picks, in one pass.
    mutating func removeContacts(where shouldRemove: (ContactRecord) -> Bool) {
        var removed: [ContactRecord] = []
        contacts.removeAll { _, contact in
            guard shouldRemove(contact) else { return false }
            removed.append(contact)
            return true
        }
        for contact in removed {
            uuidByNumber[contact.gsm] = nil
            for group in contact.groupUUIDs { memberCounts[group, default: 1] -= 1 }
        }
    }

    // MARK: Groups

    /// Adds a group whose title is new among its siblings.
    mutating func insert(_ group: GroupRecord) {
        groups[group.uuid] = group
        groupBySiblingTitle[SiblingTitle(parent: group.parentUUID, folded: TurkishText.folded(group.title))] = group.uuid
        if let parent = group.parentUUID { childrenByParent[parent, default: []].append(group.uuid) }
    }

    /// Renames or moves a group.
    mutating func updateGroup(_ uuid: String, title: String, parentUUID: String?) {
        guard let old = groups[uuid] else { return }
        unindex(old)
        insert(GroupRecord(uuid: uuid, title: title, parentUUID: parentUUID))
    }

    /// Removes the groups, and the contacts' memberships in them; returns the contacts left in no group by it.
    mutating func removeGroups(_ doomed: Set<String>) -> Set<String> {
        for uuid in doomed {
            guard let group = groups[uuid] else { continue }
            unindex(group)
            childrenByParent[uuid] = nil
            memberCounts[uuid] = nil
        }
        groups.removeAll { doomed.contains($0.key) }
        var orphans = Set<String>()
        for index in contacts.values.indices where contacts.values[index].groupUUIDs.contains(where: doomed.contains) {
            contacts.values[index].groupUUIDs.removeAll(where: doomed.contains)
            if contacts.values[index].groupUUIDs.isEmpty { orphans.insert(contacts.values[index].uuid) }
        }
        return orphans
    }

    /// The groups in their order, each once.
    private static func once(_ groups: [String]) -> [String] {
        guard groups.count > 1 else { return groups }
        var seen = Set<String>()
        return groups.filter { seen.insert($0).inserted }
    }

    private mutating func unindex(_ group: GroupRecord) {
        groupBySiblingTitle[SiblingTitle(parent: group.parentUUID, folded: TurkishText.folded(group.title))] = nil
        if let parent = group.parentUUID { childrenByParent[parent]?.remove(group.uuid) }
    }
}
