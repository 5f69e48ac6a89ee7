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

/// `GET|POST /contact/list-group`: contact groups, filtered and paged.
public struct ListGroupsRequest: NodeAPIRequest {
    public typealias Reply = Page<ContactGroup>
    public static let operation = NodeAPIOperation.listGroups

    public var keyword: String?
    public var parentUUID: String?
    public var paging: Paging

    public init(keyword: String? = nil, parentUUID: String? = nil, paging: Paging = Paging()) {
        self.keyword = keyword
        self.parentUUID = parentUUID
        self.paging = paging
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case keyword, parentUUID, pageIndex, pageSize }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keyword = try container.decodeText(forKey: .keyword)
        parentUUID = try container.decodeText(forKey: .parentUUID)
        paging = try Paging(from: container, index: .pageIndex, size: .pageSize)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(keyword, forKey: .keyword)
        try container.encodeIfPresent(parentUUID, forKey: .parentUUID)
        try paging.encode(into: &container, index: .pageIndex, size: .pageSize)
    }

    public func validate() throws(NodeAPIError) { try paging.validate() }
}

/// A contact group, as `/contact/create-group` and `/contact/list-group` return it.
public struct ContactGroup: Sendable, Hashable, Codable {
    public struct Stats: Sendable, Hashable, Codable {
        public var contactCount: Int
        public init(contactCount: Int) { self.contactCount = contactCount }
    }

    /// The parent of a child group.
    public struct ParentInfo: Sendable, Hashable, Codable {
        public var uuid: String
        public var title: String
        public init(uuid: String, title: String) {
            self.uuid = uuid
            self.title = title
        }
    }

    public var uuid: String
    public var title: String
    public var stats: Stats
    /// 1 when the group has child groups (list replies only).
    public var isParent: Int?
    /// 1 when shared with sub-users (list replies only).
    public var isShared: Int?
    public var parentInfo: ParentInfo?

    public init(uuid: String, title: String, stats: Stats, isParent: Int? = nil, isShared: Int? = nil, parentInfo: ParentInfo? = nil) {
        self.uuid = uuid
        self.title = title
        self.stats = stats
        self.isParent = isParent
        self.isShared = isShared
        self.parentInfo = parentInfo
    }

    /// `parentInfo` is written as null for a top-level group, as the document prints it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uuid, forKey: .uuid)
        try container.encode(title, forKey: .title)
        try container.encode(stats, forKey: .stats)
        try container.encodeIfPresent(isParent, forKey: .isParent)
        try container.encodeIfPresent(isShared, forKey: .isShared)
        try container.encodeNullable(parentInfo, forKey: .parentInfo)
    }
}
