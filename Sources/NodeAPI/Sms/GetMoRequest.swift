/// `GET|POST /sms/get-mo`: the SMS recipients sent to the account's short number (MO) between two dates, newest first.
/// Not in the document; a public client calls it (nac-sms `getMo(startDate, finishDate, filters)`). Each message is
/// listed as `/mo/list-request` lists an opt-out request, with its state (`complete` when it opted the number out,
/// `noMatch` otherwise), since the document shows no other shape of an MO message.
public struct GetMoRequest: NodeAPIRequest {
    public typealias Reply = Page<MoRequest>
    public static let operation = NodeAPIOperation.getMo

    public var startDate: WireDate?
    public var finishDate: WireDate?
    /// Keyword, message text or number filter.
    public var keyword: String?
    public var paging: Paging

    public init(startDate: WireDate? = nil, finishDate: WireDate? = nil, keyword: String? = nil, paging: Paging = Paging()) {
        self.startDate = startDate
        self.finishDate = finishDate
        self.keyword = keyword
        self.paging = paging
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case startDate, finishDate, keyword, pageIndex, pageSize }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        startDate = try container.decodeDateIfPresent(forKey: .startDate)
        finishDate = try container.decodeDateIfPresent(forKey: .finishDate)
        keyword = try container.decodeText(forKey: .keyword)
        paging = try Paging(from: container, index: .pageIndex, size: .pageSize)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(startDate, forKey: .startDate)
        try container.encodeIfPresent(finishDate, forKey: .finishDate)
        try container.encodeIfPresent(keyword, forKey: .keyword)
        try paging.encode(into: &container, index: .pageIndex, size: .pageSize)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkRange(start: startDate, finish: finishDate)
        try paging.validate()
    }
}
