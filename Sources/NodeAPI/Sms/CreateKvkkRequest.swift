/// `POST /sms/create-kvkk`: a KVKK consent request with a personal link. The text must hold the
/// `SHORT_LINK` tag (the provider writes the link over it) and the recipient's custom fields must
/// give `FIRST_NAME` and `LAST_NAME`.
public struct CreateKvkkRequest: NodeAPIRequest {
    public typealias Reply = PackageCreated
    public static let operation = NodeAPIOperation.createKvkk

    /// The recipient and their custom fields (`cfs`), at least `FIRST_NAME` and `LAST_NAME`: the same `{nr, cfs}` as a
    /// personalised one-to-many recipient.
    public typealias Recipient = PersonalisedNumber

    /// The tag the provider replaces with the consent link.
    public static let shortLinkTag = "SHORT_LINK"
    public static let requiredFields = ["FIRST_NAME", "LAST_NAME"]

    public var number: Recipient
    public var sender: String
    public var content: String
    public var encoding: SmsEncoding?
    /// Minutes, 60–1440 like any non-OTP package.
    public var validity: Int?
    public var pushSettings: PushSettings?

    public init(number: Recipient, sender: String, content: String, encoding: SmsEncoding? = nil, validity: Int? = nil, pushSettings: PushSettings? = nil) {
        self.number = number
        self.sender = sender
        self.content = content
        self.encoding = encoding
        self.validity = validity
        self.pushSettings = pushSettings
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case number, sender, content, encoding, validity, pushSettings }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let recipient = try container.decodeObjectIfPresent(Recipient.self, forKey: .number) else { throw container.missing(.number) }
        number = recipient
        sender = try container.requireText(forKey: .sender)
        content = try container.requireText(forKey: .content)
        encoding = try container.decodeWireEnum(SmsEncoding.self, forKey: .encoding)
        validity = try container.decodeLenientInt(forKey: .validity)
        pushSettings = try container.decodePushSettings(forKey: .pushSettings, tolerating: decoder.ignoredFields)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(sender, forKey: .sender)
        try container.encode(content, forKey: .content)
        try container.encodeIfPresent(encoding, forKey: .encoding)
        try container.encodeIfPresent(validity, forKey: .validity)
        try container.encodeIfPresent(pushSettings, forKey: .pushSettings)
    }

    public func validate() throws(NodeAPIError) {
        try FieldRules.checkNumber(number.nr, "number.nr")
        for field in Self.requiredFields {
            try FieldRules.checkNotEmpty(number.cfs[field], "number.cfs.\(field)")
        }
        for (field, value) in number.cfs.sorted(by: { $0.key < $1.key }) {
            try FieldRules.checkLength(value, "number.cfs.\(field)", limit: FieldRules.titleLength)
        }
        try FieldRules.checkNotEmpty(sender, "sender")
        try FieldRules.checkNotEmpty(content, "content")
        try FieldRules.checkLength(content, "content", limit: FieldRules.contentLength)
        if !content.contains(Self.shortLinkTag) { throw .invalid("content", "must contain the \(Self.shortLinkTag) tag") }
        // The document's own rule for this endpoint: "ör: 5, varsayılan: 6", the OTP range.
        try FieldRules.checkValidity(validity, otp: true)
        if let url = pushSettings?.url { try PushURL.check(url) }
    }
}
