/// `GET|POST /sms/list` (SOAP `getSmsPackages`): packages sent before, filtered and paged.
public struct ListSmsRequest: NodeAPIRequest {
    public typealias Reply = Page<SmsPackageSummary>
    public static let operation = NodeAPIOperation.listSms

    public var ids: [Int]?
    public var customIDs: [String]?
    /// Content filter.
    public var keyword: String?
    /// Sender filter.
    public var sender: String?
    public var status: PackageFilter?
    public var startDate: WireDate?
    public var finishDate: WireDate?
    public var paging: Paging

    public init(
        ids: [Int]? = nil, customIDs: [String]? = nil, keyword: String? = nil, sender: String? = nil,
        status: PackageFilter? = nil, startDate: WireDate? = nil, finishDate: WireDate? = nil, paging: Paging = Paging()
    ) {
        self.ids = ids
        self.customIDs = customIDs
        self.keyword = keyword
        self.sender = sender
        self.status = status
        self.startDate = startDate
        self.finishDate = finishDate
        self.paging = paging
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case ids, customIDs, keyword, sender, status, startDate, finishDate, pageIndex, pageSize
    }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ids = try container.decodeLenientInts(forKey: .ids)
        customIDs = try container.decodeTexts(forKey: .customIDs)
        keyword = try container.decodeText(forKey: .keyword)
        sender = try container.decodeText(forKey: .sender)
        status = try container.decodeWireEnum(PackageFilter.self, forKey: .status)
        startDate = try container.decodeDateIfPresent(forKey: .startDate)
        finishDate = try container.decodeDateIfPresent(forKey: .finishDate)
        paging = try Paging(from: container, index: .pageIndex, size: .pageSize)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(ids, forKey: .ids)
        try container.encodeIfPresent(customIDs, forKey: .customIDs)
        try container.encodeIfPresent(keyword, forKey: .keyword)
        try container.encodeIfPresent(sender, forKey: .sender)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(startDate, forKey: .startDate)
        try container.encodeIfPresent(finishDate, forKey: .finishDate)
        try paging.encode(into: &container, index: .pageIndex, size: .pageSize)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkListLimit(ids?.count ?? 0, "ids")
        try FieldRules.checkListLimit(customIDs?.count ?? 0, "customIDs")
        try FieldRules.checkRange(start: startDate, finish: finishDate)
        try paging.validate()
    }
}

/// One package in a `/sms/list` reply.
public struct SmsPackageSummary: Sendable, Hashable, Codable {
    /// Counters of a package.
    public struct Statistics: Sendable, Hashable, Codable {
        /// Segments × recipients.
        public var total: Int
        public var credit: Int
        /// Recipient count.
        public var rCount: Int
        public var delivered: Int
        public var undelivered: Int

        public init(total: Int, credit: Int, rCount: Int, delivered: Int, undelivered: Int) {
            self.total = total
            self.credit = credit
            self.rCount = rCount
            self.delivered = delivered
            self.undelivered = undelivered
        }
    }

    public var id: Int
    public var customID: String?
    public var type: SmsType
    public var uuid: String
    public var error: String?
    public var state: PackageState
    public var title: String
    public var content: String?
    public var senders: [String]
    public var encoding: SmsEncoding
    public var validity: Int
    public var statistics: Statistics
    /// 1 when the package has a `sendingDate`, else 0.
    public var isScheduled: Int
    public var sendingDate: WireDate?
    /// When the package was handed over for sending, with fractions of a second (`2021-05-04T01:38:22.25607`); null before.
    public var processingDate: WireDate?
    /// When the package was created and last changed.
    public var processInfo: PackageProcessInfo?

    public init(
        id: Int, customID: String? = nil, type: SmsType, uuid: String, error: String? = nil, state: PackageState,
        title: String, content: String?, senders: [String], encoding: SmsEncoding, validity: Int,
        statistics: Statistics, isScheduled: Int, sendingDate: WireDate?, processingDate: WireDate? = nil,
        processInfo: PackageProcessInfo? = nil
    ) {
        self.id = id
        self.customID = customID
        self.type = type
        self.uuid = uuid
        self.error = error
        self.state = state
        self.title = title
        self.content = content
        self.senders = senders
        self.encoding = encoding
        self.validity = validity
        self.statistics = statistics
        self.isScheduled = isScheduled
        self.sendingDate = sendingDate
        self.processingDate = processingDate
        self.processInfo = processInfo
    }

    /// Every key the document prints, null when there is no value (`customID`, `error`), and the two a client reads
    /// that the document's sample leaves out (`processingDate`, `processInfo`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeNullable(customID, forKey: .customID)
        try container.encode(type, forKey: .type)
        try container.encode(uuid, forKey: .uuid)
        try container.encodeNullable(error, forKey: .error)
        try container.encode(state, forKey: .state)
        try container.encode(title, forKey: .title)
        try container.encodeNullable(content, forKey: .content)
        try container.encode(senders, forKey: .senders)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(validity, forKey: .validity)
        try container.encode(statistics, forKey: .statistics)
        try container.encode(isScheduled, forKey: .isScheduled)
        try container.encodeNullable(sendingDate, forKey: .sendingDate)
        try container.encodeNullable(processingDate, forKey: .processingDate)
        try container.encodeNullable(processInfo, forKey: .processInfo)
    }
}

/// `processInfo` of a `/sms/list` package: `{"create": {"date"}, "update": {"date"}}`. The document prints it only as
/// `{...}` (in `/mo/list-request`); a public client (digisms) reads `create.date` and `update.date` of packages.
public struct PackageProcessInfo: Sendable, Hashable, Codable {
    /// One event of a package's life.
    public struct Event: Sendable, Hashable, Codable {
        public var date: WireDate
        public init(date: WireDate) { self.date = date }
    }

    public var create: Event
    public var update: Event

    public init(create: Event, update: Event) {
        self.create = create
        self.update = update
    }
}
