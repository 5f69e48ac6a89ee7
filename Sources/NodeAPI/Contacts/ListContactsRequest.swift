/// `GET|POST /contact/list`: contacts, filtered and paged.
public struct ListContactsRequest: NodeAPIRequest {
    public typealias Reply = Page<Contact>
    public static let operation = NodeAPIOperation.listContacts

    public var status: ContactFilter?
    public var iysState: IysState?
    public var exitType: ExitType?
    public var groupUUID: String?
    public var paging: Paging

    public init(status: ContactFilter? = nil, iysState: IysState? = nil, exitType: ExitType? = nil, groupUUID: String? = nil, paging: Paging = Paging()) {
        self.status = status
        self.iysState = iysState
        self.exitType = exitType
        self.groupUUID = groupUUID
        self.paging = paging
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case status, iysState, exitType, groupUUID, pageIndex, pageSize }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decodeWireEnum(ContactFilter.self, forKey: .status)
        iysState = try container.decodeWireEnum(IysState.self, forKey: .iysState)
        exitType = try container.decodeWireEnum(ExitType.self, forKey: .exitType)
        groupUUID = try container.decodeText(forKey: .groupUUID)
        paging = try Paging(from: container, index: .pageIndex, size: .pageSize)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(iysState, forKey: .iysState)
        try container.encodeIfPresent(exitType, forKey: .exitType)
        try container.encodeIfPresent(groupUUID, forKey: .groupUUID)
        try paging.encode(into: &container, index: .pageIndex, size: .pageSize)
    }

    public func validate() throws(NodeAPIError) { try paging.validate() }
}
