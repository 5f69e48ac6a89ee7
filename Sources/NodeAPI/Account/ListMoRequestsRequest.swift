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
