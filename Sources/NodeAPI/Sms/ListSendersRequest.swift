/// `GET|POST /sms/list-sender` (SOAP `getSmsSenders`): the alphanumeric senders the user may send from.
public struct ListSendersRequest: NodeAPIRequest {
    public typealias Reply = Page<Sender>
    public static let operation = NodeAPIOperation.listSenders

    public var keyword: String?
    public var status: SenderState?
    public var paging: Paging

    public init(keyword: String? = nil, status: SenderState? = nil, paging: Paging = Paging()) {
        self.keyword = keyword
        self.status = status
        self.paging = paging
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case keyword, status, pageIndex, pageSize }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keyword = try container.decodeText(forKey: .keyword)
        status = try container.decodeWireEnum(SenderState.self, forKey: .status)
        paging = try Paging(from: container, index: .pageIndex, size: .pageSize)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(keyword, forKey: .keyword)
        try container.encodeIfPresent(status, forKey: .status)
        try paging.encode(into: &container, index: .pageIndex, size: .pageSize)
    }

    public func validate() throws(NodeAPIError) { try paging.validate() }
}

/// An alphanumeric sender (başlık) in a `/sms/list-sender` reply.
public struct Sender: Sendable, Hashable, Codable {
    public var uuid: String
    public var status: SenderState
    public var title: String
    /// The gateways defined for the sender (not in the document's sample; `/sms/list-gateway` lists the account's).
    public var gateways: [Gateway]?

    public init(uuid: String, status: SenderState, title: String, gateways: [Gateway]? = nil) {
        self.uuid = uuid
        self.status = status
        self.title = title
        self.gateways = gateways
    }
}
