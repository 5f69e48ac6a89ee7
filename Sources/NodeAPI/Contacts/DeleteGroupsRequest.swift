/// `POST /contact/delete-group`: deletes one group (`uuid`) or several (`uuids`), and with
/// `includeContacts` the contacts left in no group.
public struct DeleteGroupsRequest: NodeAPIRequest {
    public typealias Reply = StatusReply
    public static let operation = NodeAPIOperation.deleteGroups

    /// Either one `uuid` or a list of `uuids`, as given.
    public enum Target: Sendable, Hashable {
        case uuid(String)
        case uuids([String])

        public var all: [String] {
            switch self {
            case .uuid(let uuid): [uuid]
            case .uuids(let uuids): uuids
            }
        }
    }

    public var target: Target
    public var includeContacts: Bool?

    public init(target: Target, includeContacts: Bool? = nil) {
        self.target = target
        self.includeContacts = includeContacts
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case uuid, uuids, includeContacts }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let uuid = try container.decodeText(forKey: .uuid)
        let uuids = try container.decodeTexts(forKey: .uuids)
        switch (uuid, uuids) {
        case (let uuid?, nil): target = .uuid(uuid)
        case (nil, let uuids?): target = .uuids(uuids)
        case (nil, nil): throw NodeAPIError.invalid("uuid|uuids", "one of uuid or uuids is required")
        case (.some, .some): throw NodeAPIError.invalid("uuid|uuids", "give only one of uuid, uuids")
        }
        includeContacts = try container.decodeLenientBool(forKey: .includeContacts)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch target {
        case .uuid(let uuid): try container.encode(uuid, forKey: .uuid)
        case .uuids(let uuids): try container.encode(uuids, forKey: .uuids)
        }
        try container.encodeIfPresent(includeContacts, forKey: .includeContacts)
    }

    public func validate() throws(NodeAPIError) {
        if target.all.isEmpty { throw .invalid("uuids", "must not be empty") }
        try FieldRules.checkListLimit(target.all.count, "uuids")
    }
}
