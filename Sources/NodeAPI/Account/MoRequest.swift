/// One opt-out request received by SMS. The document elides `userInfo` and `processInfo` (`{...}`);
/// their fields here are this project's decision.
public struct MoRequest: Sendable, Hashable, Codable {
    /// The user the request was matched to.
    public struct UserInfo: Sendable, Hashable, Codable {
        public var uuid: String
        public var username: String
        public init(uuid: String, username: String) {
            self.uuid = uuid
            self.username = username
        }
    }

    /// What processing did.
    public struct ProcessInfo: Sendable, Hashable, Codable {
        public var processingDate: WireDate?
        /// 1 when the number was blacklisted.
        public var blacklisted: Int?
        public init(processingDate: WireDate? = nil, blacklisted: Int? = nil) {
            self.processingDate = processingDate
            self.blacklisted = blacklisted
        }
    }

    public var uuid: String
    /// A number on the wire (`905591234567`), kept as text.
    public var gsm: String
    public var msg: String
    public var state: MoRequestState
    public var keyword: String?
    public var shortNr: String?
    public var userInfo: UserInfo?
    public var processInfo: ProcessInfo?

    public init(
        uuid: String, gsm: String, msg: String, state: MoRequestState, keyword: String? = nil, shortNr: String? = nil,
        userInfo: UserInfo? = nil, processInfo: ProcessInfo? = nil
    ) {
        self.uuid = uuid
        self.gsm = gsm
        self.msg = msg
        self.state = state
        self.keyword = keyword
        self.shortNr = shortNr
        self.userInfo = userInfo
        self.processInfo = processInfo
    }

    enum CodingKeys: String, CodingKey { case uuid, gsm, msg, state, keyword, shortNr, userInfo, processInfo }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uuid = try container.requireText(forKey: .uuid)
        gsm = try container.requireLenientString(forKey: .gsm)
        msg = try container.decodeText(forKey: .msg) ?? ""
        state = try container.requireWireEnum(MoRequestState.self, forKey: .state)
        keyword = try container.decodeText(forKey: .keyword)
        shortNr = try container.decodeLenientString(forKey: .shortNr)
        userInfo = try container.decodeObjectIfPresent(UserInfo.self, forKey: .userInfo)
        processInfo = try container.decodeObjectIfPresent(ProcessInfo.self, forKey: .processInfo)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uuid, forKey: .uuid)
        // The document prints both numbers as JSON numbers.
        if let number = Int(gsm) { try container.encode(number, forKey: .gsm) } else { try container.encode(gsm, forKey: .gsm) }
        try container.encode(msg, forKey: .msg)
        try container.encode(state, forKey: .state)
        try container.encodeIfPresent(keyword, forKey: .keyword)
        if let shortNr, let number = Int(shortNr) { try container.encode(number, forKey: .shortNr) } else { try container.encodeIfPresent(shortNr, forKey: .shortNr) }
        try container.encodeIfPresent(userInfo, forKey: .userInfo)
        try container.encodeIfPresent(processInfo, forKey: .processInfo)
    }
}
