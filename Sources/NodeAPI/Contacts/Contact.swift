/// A contact of the address book, as `/contact/create` and `/contact/list` return it.
public struct Contact: Sendable, Hashable, Codable {
    /// A group the contact belongs to.
    public struct GroupRef: Sendable, Hashable, Codable {
        public var uuid: String
        public var title: String
        public init(uuid: String, title: String) {
            self.uuid = uuid
            self.title = title
        }
    }

    /// The contact's İYS status: `st` (an ``IysState``), and the request's `c` (recipient type) and `spc` (source
    /// type) when given; `rt` and `src` are read as aliases.
    public struct Iys: Sendable, Hashable, Codable {
        public var st: IysState
        public var recipientType: IysRecipientType?
        public var source: IysSourceType?

        public init(st: IysState, recipientType: IysRecipientType? = nil, source: IysSourceType? = nil) {
            self.st = st
            self.recipientType = recipientType
            self.source = source
        }

        enum CodingKeys: String, CodingKey { case st, c, spc, rt, src }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            st = try container.requireWireEnum(IysState.self, forKey: .st)
            recipientType = try container.decodeWireEnum(IysRecipientType.self, forKey: .c) ?? container.decodeWireEnum(IysRecipientType.self, forKey: .rt)
            source = try container.decodeWireEnum(IysSourceType.self, forKey: .spc) ?? container.decodeWireEnum(IysSourceType.self, forKey: .src)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(st, forKey: .st)
            try container.encodeIfPresent(recipientType, forKey: .c)
            try container.encodeIfPresent(source, forKey: .spc)
        }
    }

    public var uuid: String
    public var firstName: String?
    public var lastName: String?
    public var gsm: String
    public var details: [String: String]?
    public var groups: [GroupRef]?
    /// 1 when blacklisted, else 0.
    public var isInBlacklist: Int
    public var iys: Iys?

    public init(
        uuid: String, firstName: String? = nil, lastName: String? = nil, gsm: String, details: [String: String]? = nil,
        groups: [GroupRef]? = nil, isInBlacklist: Int = 0, iys: Iys? = nil
    ) {
        self.uuid = uuid
        self.firstName = firstName
        self.lastName = lastName
        self.gsm = gsm
        self.details = details
        self.groups = groups
        self.isInBlacklist = isInBlacklist
        self.iys = iys
    }

    enum CodingKeys: String, CodingKey { case uuid, firstName, lastName, gsm, details, groups, isInBlacklist, iys }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try container.requireText(forKey: .uuid)
        firstName = try container.decodeText(forKey: .firstName)
        lastName = try container.decodeText(forKey: .lastName)
        gsm = try container.requireLenientString(forKey: .gsm)
        details = try container.decodeStringMap(forKey: .details)
        groups = try container.decodeObjectIfPresent([GroupRef].self, forKey: .groups)
        isInBlacklist = try container.decodeLenientInt(forKey: .isInBlacklist) ?? 0
        iys = try container.decodeObjectIfPresent(Iys.self, forKey: .iys)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uuid, forKey: .uuid)
        // Every key the document prints, null when there is no value.
        try container.encodeNullable(firstName, forKey: .firstName)
        try container.encodeNullable(lastName, forKey: .lastName)
        try container.encode(gsm, forKey: .gsm)
        try container.encodeStringMap(details, forKey: .details, nullable: true)
        try container.encodeNullable(groups, forKey: .groups)
        try container.encode(isInBlacklist, forKey: .isInBlacklist)
        try container.encodeNullable(iys, forKey: .iys)
    }
}
