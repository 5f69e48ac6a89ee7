/// `GET|POST /sms/list-item` (SOAP `getSmsPackageItems`): the items (one per recipient) of a package.
public struct ListSmsItemsRequest: NodeAPIRequest {
    public typealias Reply = Page<PackageItem>
    public static let operation = NodeAPIOperation.listSmsItems

    /// `pkgID`, `uuid` or `customID`: exactly one.
    public var package: PackageReference
    /// Recipient filter.
    public var target: String?
    public var `operator`: Operator?
    public var state: ItemState?
    public var paging: Paging

    public init(package: PackageReference, target: String? = nil, operator: Operator? = nil, state: ItemState? = nil, paging: Paging = Paging()) {
        self.package = package
        self.target = target
        self.operator = `operator`
        self.state = state
        self.paging = paging
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case pkgID, uuid, customID, target, `operator`, state, pageIndex, pageSize
    }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        package = try PackageReference.decode(from: container, idKey: .pkgID, uuidKey: .uuid, customIDKey: .customID)
        target = try container.decodeLenientString(forKey: .target)
        `operator` = try container.decodeWireEnum(Operator.self, forKey: .operator)
        state = try container.decodeWireEnum(ItemState.self, forKey: .state)
        paging = try Paging(from: container, index: .pageIndex, size: .pageSize)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try package.encode(into: &container, idKey: .pkgID, uuidKey: .uuid, customIDKey: .customID)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encodeIfPresent(`operator`, forKey: .operator)
        try container.encodeIfPresent(state, forKey: .state)
        try paging.encode(into: &container, index: .pageIndex, size: .pageSize)
    }

    public func validate() throws(NodeAPIError) {
        try package.validate()
        try paging.validate()
    }
}

/// One item (one recipient) of a package, in a `/sms/list-item` reply.
public struct PackageItem: Sendable, Hashable, Codable {
    /// Item ids are long and travel as strings.
    public var id: String
    /// The personal text of a many-to-many package, else absent.
    public var msg: String?
    public var error: String?
    public var credit: Int
    public var state: ItemState
    public var sender: String
    public var target: String
    /// The state of the item's set, not to be confused with `state`.
    public var setState: Int?
    public var sendingDate: WireDate?
    public var deliveryDate: WireDate?
    public var processingDate: WireDate?

    public init(
        id: String, msg: String? = nil, error: String? = nil, credit: Int, state: ItemState, sender: String, target: String,
        setState: Int? = nil, sendingDate: WireDate? = nil, deliveryDate: WireDate? = nil, processingDate: WireDate? = nil
    ) {
        self.id = id
        self.msg = msg
        self.error = error
        self.credit = credit
        self.state = state
        self.sender = sender
        self.target = target
        self.setState = setState
        self.sendingDate = sendingDate
        self.deliveryDate = deliveryDate
        self.processingDate = processingDate
    }

    /// Every key the document prints, null when there is no value (`msg`, `error`, `deliveryDate`…), as its SOAP
    /// example writes them empty.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeNullable(msg, forKey: .msg)
        try container.encodeNullable(error, forKey: .error)
        try container.encode(credit, forKey: .credit)
        try container.encode(state, forKey: .state)
        try container.encode(sender, forKey: .sender)
        try container.encode(target, forKey: .target)
        try container.encodeNullable(setState, forKey: .setState)
        try container.encodeNullable(sendingDate, forKey: .sendingDate)
        try container.encodeNullable(deliveryDate, forKey: .deliveryDate)
        try container.encodeNullable(processingDate, forKey: .processingDate)
    }
}
