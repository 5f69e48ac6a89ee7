/// `POST /sms/create-otp` (SOAP `sendOtp`): a one-time password to one number, from an OTP-approved sender.
public struct CreateOtpRequest: NodeAPIRequest {
    public typealias Reply = PackageCreated
    public static let operation = NodeAPIOperation.createOtp

    public var number: GSMNumber
    public var sender: String
    public var content: String
    public var encoding: SmsEncoding?
    /// Minutes, 3–6 (default 6).
    public var validity: Int?
    public var pushSettings: PushSettings?
    public var commercial: Bool?
    public var customID: String?
    /// `yyyy-MM-dd HH:mm:ss`: refuse delivery if the SIM changed after this moment.
    public var trustDate: WireDate?
    /// `skipAhsQuery` and `gateway`, which public clients send (`recipientType` is not one of an OTP's fields).
    public var extras: SendingExtras

    public init(
        number: GSMNumber, sender: String, content: String, encoding: SmsEncoding? = nil, validity: Int? = nil,
        pushSettings: PushSettings? = nil, commercial: Bool? = nil, customID: String? = nil, trustDate: WireDate? = nil,
        extras: SendingExtras = SendingExtras()
    ) {
        self.extras = SendingExtras(skipAhsQuery: extras.skipAhsQuery, gateway: extras.gateway)
        self.number = number
        self.sender = sender
        self.content = content
        self.encoding = encoding
        self.validity = validity
        self.pushSettings = pushSettings
        self.commercial = commercial
        self.customID = customID
        self.trustDate = trustDate
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case content, number, encoding, sender, validity, pushSettings, commercial, customID, trustDate, skipAhsQuery, gateway
    }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = GSMNumber(try container.requireLenientString(forKey: .number))
        sender = try container.requireText(forKey: .sender)
        content = try container.requireText(forKey: .content)
        encoding = try container.decodeWireEnum(SmsEncoding.self, forKey: .encoding)
        validity = try container.decodeLenientInt(forKey: .validity)
        pushSettings = try container.decodePushSettings(forKey: .pushSettings, tolerating: decoder.ignoredFields)
        commercial = try container.decodeLenientBool(forKey: .commercial)
        customID = try container.decodeText(forKey: .customID)
        trustDate = try container.decodeDateIfPresent(forKey: .trustDate)
        extras = SendingExtras(
            skipAhsQuery: try container.decodeLenientBool(forKey: .skipAhsQuery), gateway: try container.decodeText(forKey: .gateway)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(content, forKey: .content)
        try container.encode(number, forKey: .number)
        try container.encodeIfPresent(encoding, forKey: .encoding)
        try container.encode(sender, forKey: .sender)
        try container.encodeIfPresent(validity, forKey: .validity)
        try container.encodeIfPresent(pushSettings, forKey: .pushSettings)
        try container.encodeIfPresent(commercial, forKey: .commercial)
        try container.encodeIfPresent(customID, forKey: .customID)
        try container.encodeIfPresent(trustDate, forKey: .trustDate)
        try container.encodeIfPresent(extras.skipAhsQuery, forKey: .skipAhsQuery)
        try container.encodeIfPresent(extras.gateway, forKey: .gateway)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkNumber(number, "number")
        try FieldRules.checkNotEmpty(sender, "sender")
        try FieldRules.checkNotEmpty(content, "content")
        try FieldRules.checkLength(content, "content", limit: FieldRules.contentLength)
        try FieldRules.checkValidity(validity, otp: true)
        try FieldRules.checkDate(trustDate, "trustDate", style: .seconds)
        if let customID { try FieldRules.checkCustomID(customID) }
        if let url = pushSettings?.url { try PushURL.check(url) }
        try extras.validate()
    }
}
