/// `POST /contact/delete`: archives (or with `permanent: 1` deletes) contacts, optionally only those in a group.
public struct DeleteContactsRequest: NodeAPIRequest {
    public typealias Reply = StatusReply
    public static let operation = NodeAPIOperation.deleteContacts

    public var uuids: [String]
    /// 0 archives, 1 deletes for good.
    public var permanent: Int
    public var groupUUID: String?

    public init(uuids: [String], permanent: Int = 0, groupUUID: String? = nil) {
        self.uuids = uuids
        self.permanent = permanent
        self.groupUUID = groupUUID
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case uuids, permanent, groupUUID }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let uuids = try container.decodeTexts(forKey: .uuids) else { throw container.missing(.uuids) }
        self.uuids = uuids
        permanent = try container.requireLenientInt(forKey: .permanent)
        groupUUID = try container.decodeText(forKey: .groupUUID)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uuids, forKey: .uuids)
        try container.encode(permanent, forKey: .permanent)
        try container.encodeIfPresent(groupUUID, forKey: .groupUUID)
    }

    public func validate() throws(NodeAPIError) {
        if uuids.isEmpty { throw .invalid("uuids", "must not be empty") }
        try FieldRules.checkListLimit(uuids.count, "uuids")
        if permanent != 0 && permanent != 1 { throw .invalid("permanent", "must be 0 or 1") }
    }
}
