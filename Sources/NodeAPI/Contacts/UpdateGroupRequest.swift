/// `POST /contact/update-group`: renames the group with `uuid`, and moves it under `parentUUID` when one is given (without
/// it the group stays where it is); replies with a status.
public struct UpdateGroupRequest: NodeAPIRequest {
    public typealias Reply = StatusReply
    public static let operation = NodeAPIOperation.updateGroup

    public var uuid: String
    public var title: String
    public var parentUUID: String?
    public var gsms: [GSMNumber]?

    public init(uuid: String, title: String, parentUUID: String? = nil, gsms: [GSMNumber]? = nil) {
        self.uuid = uuid
        self.title = title
        self.parentUUID = parentUUID
        self.gsms = gsms
    }

    typealias CodingKeys = CreateGroupRequest.CodingKeys

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try container.requireText(forKey: .uuid)
        title = try container.requireText(forKey: .title)
        parentUUID = try container.decodeText(forKey: .parentUUID)
        gsms = try container.decodeLenientStrings(forKey: .gsms)?.map { GSMNumber($0.trimmedASCIIWhitespace) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uuid, forKey: .uuid)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(parentUUID, forKey: .parentUUID)
        try container.encodeIfPresent(gsms, forKey: .gsms)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkNotEmpty(uuid, "uuid")
        try FieldRules.checkNotEmpty(title, "title")
        try FieldRules.checkLength(title, "title", limit: FieldRules.titleLength)
        if parentUUID == uuid { throw .invalid("parentUUID", "a group cannot be its own parent") }
        try FieldRules.checkListLimit(gsms?.count ?? 0, "gsms")
    }
}
