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
