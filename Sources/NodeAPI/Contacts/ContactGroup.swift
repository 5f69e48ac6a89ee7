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
