/// `GET|POST /sms/inquiry-number`: whether an SMS went to a number, within at most three months
/// (the last month when no range is given).
public struct InquiryNumberRequest: NodeAPIRequest {
    public typealias Reply = Page<NumberInquiryRecord>
    public static let operation = NodeAPIOperation.inquiryNumber

    /// The full number with country code.
    public var gsm: GSMNumber
    public var sender: String?
    public var startDate: WireDate?
    public var finishDate: WireDate?

    public init(gsm: GSMNumber, sender: String? = nil, startDate: WireDate? = nil, finishDate: WireDate? = nil) {
        self.gsm = gsm
        self.sender = sender
        self.startDate = startDate
        self.finishDate = finishDate
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case gsm, sender, startDate, finishDate }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        gsm = GSMNumber(try container.requireLenientString(forKey: .gsm))
        sender = try container.decodeText(forKey: .sender)
        startDate = try container.decodeDateIfPresent(forKey: .startDate)
        finishDate = try container.decodeDateIfPresent(forKey: .finishDate)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(gsm, forKey: .gsm)
        try container.encodeIfPresent(sender, forKey: .sender)
        try container.encodeIfPresent(startDate, forKey: .startDate)
        try container.encodeIfPresent(finishDate, forKey: .finishDate)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkNumber(gsm, "gsm")
        try FieldRules.checkRange(start: startDate, finish: finishDate, maxMonths: FieldRules.inquiryRangeMonths)
    }
}

/// One SMS to the number asked about, in a `/sms/inquiry-number` reply.
public struct NumberInquiryRecord: Sendable, Hashable, Codable {
    public var userUUID: String
    public var username: String
    public var sender: String
    public var encoding: SmsEncoding
    public var validity: Int
    public var sendingDate: WireDate?
    public var pkgID: Int
    public var pkgType: SmsType
    /// The item's state.
    public var state: ItemState
    public var msg: String
    public var `operator`: Operator
    public var deliveryDate: WireDate?

    public init(
        userUUID: String, username: String, sender: String, encoding: SmsEncoding, validity: Int, sendingDate: WireDate?,
        pkgID: Int, pkgType: SmsType, state: ItemState, msg: String, operator: Operator, deliveryDate: WireDate?
    ) {
        self.userUUID = userUUID
        self.username = username
        self.sender = sender
        self.encoding = encoding
        self.validity = validity
        self.sendingDate = sendingDate
        self.pkgID = pkgID
        self.pkgType = pkgType
        self.state = state
        self.msg = msg
        self.operator = `operator`
        self.deliveryDate = deliveryDate
    }
}
