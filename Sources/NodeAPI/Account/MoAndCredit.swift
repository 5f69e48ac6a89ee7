/// `GET|POST /mo/list-request`: opt-out requests received by SMS (MO). A request whose keyword matched
/// has blacklisted its number, in the address book or not.
public struct ListMoRequestsRequest: NodeAPIRequest {
    public typealias Reply = Page<MoRequest>
    public static let operation = NodeAPIOperation.listMoRequests

    /// Keyword, message text or number filter.
    public var keyword: String?
    /// A user of the hierarchy below the caller.
    public var userUUID: String?
    public var startDate: WireDate?
    public var finishDate: WireDate?
    public var paging: Paging

    public init(keyword: String? = nil, userUUID: String? = nil, startDate: WireDate? = nil, finishDate: WireDate? = nil, paging: Paging = Paging()) {
        self.keyword = keyword
        self.userUUID = userUUID
        self.startDate = startDate
        self.finishDate = finishDate
        self.paging = paging
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case keyword, userUUID, startDate, finishDate, pageIndex, pageSize }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keyword = try container.decodeText(forKey: .keyword)
        userUUID = try container.decodeText(forKey: .userUUID)
        startDate = try container.decodeDateIfPresent(forKey: .startDate)
        finishDate = try container.decodeDateIfPresent(forKey: .finishDate)
        paging = try Paging(from: container, index: .pageIndex, size: .pageSize)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(keyword, forKey: .keyword)
        try container.encodeIfPresent(userUUID, forKey: .userUUID)
        try container.encodeIfPresent(startDate, forKey: .startDate)
        try container.encodeIfPresent(finishDate, forKey: .finishDate)
        try paging.encode(into: &container, index: .pageIndex, size: .pageSize)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkRange(start: startDate, finish: finishDate)
        try paging.validate()
    }
}

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

/// `GET|POST /user/credit` (SOAP `getUserCredit`): the user's credit balance; takes no parameters.
public struct UserCreditRequest: NodeAPIRequest {
    public typealias Reply = UserCredit
    public static let operation = NodeAPIOperation.userCredit

    public init() {}

    public init(from decoder: any Decoder) throws { _ = try EmptyBody(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try EmptyBody().encode(to: encoder) }
}

/// The `/user/credit` reply.
public struct UserCredit: Sendable, Hashable, Codable {
    public var credit: Int
    public init(credit: Int) { self.credit = credit }
}
