/// `POST /contact/create-group`: adds a contact group, optionally under a parent and with known numbers, and replies
/// with it; with `uuid`, updates that group as `/contact/update-group` does and replies with a status, as the
/// document says.
public struct CreateGroupRequest: NodeAPIRequest {
    public typealias Reply = SavedReply<ContactGroup>
    public static let operation = NodeAPIOperation.createGroup

    /// The group to update instead; nil to add one.
    public var uuid: String?
    public var title: String
    public var parentUUID: String?
    /// Numbers already in the address book to put in the group.
    public var gsms: [GSMNumber]?

    public init(uuid: String? = nil, title: String, parentUUID: String? = nil, gsms: [GSMNumber]? = nil) {
        self.uuid = uuid
        self.title = title
        self.parentUUID = parentUUID
        self.gsms = gsms
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case uuid, title, parentUUID, gsms }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try container.decodeText(forKey: .uuid)
        title = try container.requireText(forKey: .title)
        parentUUID = try container.decodeText(forKey: .parentUUID)
        gsms = try container.decodeLenientStrings(forKey: .gsms)?.map { GSMNumber($0.trimmedASCIIWhitespace) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(uuid, forKey: .uuid)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(parentUUID, forKey: .parentUUID)
        try container.encodeIfPresent(gsms, forKey: .gsms)
    }

    public func validate() throws(NodeAPIError) {
        if let uuid {
            try FieldRules.checkNotEmpty(uuid, "uuid")
            if parentUUID == uuid { throw .invalid("parentUUID", "a group cannot be its own parent") }
        }
        try FieldRules.checkNotEmpty(title, "title")
        try FieldRules.checkLength(title, "title", limit: FieldRules.titleLength)
        try FieldRules.checkListLimit(gsms?.count ?? 0, "gsms")
    }
}
