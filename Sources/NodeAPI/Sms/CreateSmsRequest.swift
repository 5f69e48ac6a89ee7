/// `POST /sms/create` (SOAP `sendSms`): a package of one text to one or many numbers, or of personal
/// texts to many numbers.
public struct CreateSmsRequest: NodeAPIRequest {
    public typealias Reply = PackageCreated
    public static let operation = NodeAPIOperation.createSms

    public var type: SmsType
    public var recipients: Recipients
    public var sender: String
    public var title: String
    /// Required unless every recipient has a personal text (`sendingType: 2`).
    public var content: String?
    public var encoding: SmsEncoding?
    /// Minutes, 60–1440 (default 1440).
    public var validity: Int?
    /// `yyyy-MM-dd HH:mm`: a scheduled package.
    public var sendingDate: WireDate?
    public var periodicSettings: PeriodicSettings?
    public var pushSettings: PushSettings?
    /// A commercial (İYS-bound) message.
    public var commercial: Bool?
    public var customID: String?
    /// Fields public clients send that the document leaves out (README, "Fields seen in the wild").
    public var extras: SendingExtras

    public init(
        type: SmsType = .normal, recipients: Recipients, sender: String, title: String, content: String?,
        encoding: SmsEncoding? = nil, validity: Int? = nil, sendingDate: WireDate? = nil,
        periodicSettings: PeriodicSettings? = nil, pushSettings: PushSettings? = nil,
        commercial: Bool? = nil, customID: String? = nil, extras: SendingExtras = SendingExtras()
    ) {
        self.extras = extras
        self.type = type
        self.recipients = recipients
        self.sender = sender
        self.title = title
        self.content = content
        self.encoding = encoding
        self.validity = validity
        self.sendingDate = sendingDate
        self.periodicSettings = periodicSettings
        self.pushSettings = pushSettings
        self.commercial = commercial
        self.customID = customID
    }

    public var sendingType: SendingType { recipients.sendingType }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, sendingType, title, content, number, numbers, encoding, sender
        case periodicSettings, sendingDate, validity, pushSettings, commercial, customID
        case skipAhsQuery, gateway, recipientType, customFields
    }

    public init(from decoder: any Decoder) throws {
        try WireFields.checkUnknown(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.requireWireEnum(SmsType.self, forKey: .type)
        let sendingType = try container.requireWireEnum(SendingType.self, forKey: .sendingType)
        recipients = try Self.decodeRecipients(sendingType, from: container, tolerating: decoder.ignoredFields)
        sender = try container.requireText(forKey: .sender)
        title = try container.requireText(forKey: .title)
        content = try container.decodeIfPresent(String.self, forKey: .content).flatMap { $0.isEmpty ? nil : $0 }
        encoding = try container.decodeWireEnum(SmsEncoding.self, forKey: .encoding)
        validity = try container.decodeLenientInt(forKey: .validity)
        sendingDate = try container.decodeDateIfPresent(forKey: .sendingDate)
        periodicSettings = try container.decodePeriodicSettings(forKey: .periodicSettings, tolerating: decoder.ignoredFields)
        pushSettings = try container.decodePushSettings(forKey: .pushSettings, tolerating: decoder.ignoredFields)
        commercial = try container.decodeLenientBool(forKey: .commercial)
        customID = try container.decodeText(forKey: .customID)
        extras = SendingExtras(
            skipAhsQuery: try container.decodeLenientBool(forKey: .skipAhsQuery),
            gateway: try container.decodeText(forKey: .gateway),
            recipientType: try Self.decodeRecipientType(from: container, tolerating: decoder.ignoredFields)
        )
    }

    /// `recipientType`: 0 or 1. A client's 2 ("both") is, in a lenient decode, no type (the İYS gate then reads both
    /// types' consent, as when it is absent), said in `tolerated`; the strict mode refuses it as any unknown constant.
    static func decodeRecipientType(from container: KeyedDecodingContainer<CodingKeys>, tolerating ignored: IgnoredFields?) throws -> IysRecipientType? {
        if let ignored, try container.decodeLenientInt(forKey: .recipientType) == 2 {
            ignored.tolerate("recipientType 2 (both) read as no recipientType: the İYS gate reads BIREYSEL and TACIR consent")
            return nil
        }
        return try container.decodeWireEnum(IysRecipientType.self, forKey: .recipientType)
    }

    static func decodeRecipients(_ sendingType: SendingType, from container: KeyedDecodingContainer<CodingKeys>, tolerating ignored: IgnoredFields? = nil) throws -> Recipients {
        switch sendingType {
        case .single:
            if container.containsValue(.numbers) { throw NodeAPIError.invalid("numbers", "is not allowed when sendingType is 0; use number") }
            if (try? container.decodeLenientString(forKey: .number)) == nil, let list = try? container.decodeLenientStrings(forKey: .number) {
                // `"number": ["905…"]`, as a reseller's public mock documents it: one number in a list.
                guard list.count == 1, let ignored else {
                    throw NodeAPIError.invalid("number", "is one number when sendingType is 0, not a list of \(list.count); for several, use numbers with sendingType 1")
                }
                ignored.tolerate("number given as a list of one: read as its number")
                return .single(GSMNumber(list[0].trimmedASCIIWhitespace))
            }
            return .single(GSMNumber(try container.requireLenientString(forKey: .number)))
        case .oneToMany:
            if container.containsValue(.number) { throw NodeAPIError.invalid("number", "is not allowed when sendingType is 1; use numbers") }
            guard container.containsValue(.numbers) else { throw container.missing(.numbers) }
            let fields = try container.decodeTexts(forKey: .customFields)
            // The plain list first (what nearly every client sends); objects (`{nr}`, `{nr, cfs}`) only when it is not one.
            if fields == nil, let numbers = try? container.decodeLenientStrings(forKey: .numbers) {
                return .oneToMany(numbers.map { GSMNumber($0.trimmedASCIIWhitespace) })
            }
            let entries = try container.decode([OneToManyEntry].self, forKey: .numbers)
            let personalised = entries.map { entry in
                switch entry {
                case .number(let number): PersonalisedNumber(nr: number)
                case .object(let number, _): number
                }
            }
            let hasFields = entries.contains { if case .object(_, true) = $0 { true } else { false } }
            guard fields != nil || hasFields else { return .oneToMany(personalised.map(\.nr)) }
            // Without `customFields`, the names are those the recipients give values for.
            let names = fields ?? Array(Set(personalised.flatMap(\.cfs.keys))).sorted()
            return .personalised(fields: names, numbers: personalised)
        case .manyToMany:
            if container.containsValue(.number) { throw NodeAPIError.invalid("number", "is not allowed when sendingType is 2; use numbers") }
            guard container.containsValue(.numbers) else { throw container.missing(.numbers) }
            do {
                return .manyToMany(try container.decode([PersonalMessage].self, forKey: .numbers))
            } catch DecodingError.typeMismatch(_, let context) {
                throw NodeAPIError.invalid(WirePath.render(context.codingPath), "numbers must be a list of {nr, msg} when sendingType is 2")
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(sendingType, forKey: .sendingType)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(content, forKey: .content)
        switch recipients {
        case .single(let number): try container.encode(number, forKey: .number)
        case .oneToMany(let numbers): try container.encode(numbers, forKey: .numbers)
        case .manyToMany(let messages): try container.encode(messages, forKey: .numbers)
        case .personalised(let fields, let numbers):
            try container.encode(fields, forKey: .customFields)
            try container.encode(numbers, forKey: .numbers)
        }
        try container.encodeIfPresent(encoding, forKey: .encoding)
        try container.encode(sender, forKey: .sender)
        try container.encodeIfPresent(periodicSettings, forKey: .periodicSettings)
        try container.encodeIfPresent(sendingDate, forKey: .sendingDate)
        try container.encodeIfPresent(validity, forKey: .validity)
        try container.encodeIfPresent(pushSettings, forKey: .pushSettings)
        try container.encodeIfPresent(commercial, forKey: .commercial)
        try container.encodeIfPresent(customID, forKey: .customID)
        try container.encodeIfPresent(extras.skipAhsQuery, forKey: .skipAhsQuery)
        try container.encodeIfPresent(extras.gateway, forKey: .gateway)
        try container.encodeIfPresent(extras.recipientType, forKey: .recipientType)
    }

    public func validate() throws(NodeAPIError) {
        try validate(now: nil)
    }

    /// The field rules; with `now`, a `sendingDate` in the past is `SMS08`.
    public func validate(now: WireDate?) throws(NodeAPIError) {
        if type == .otp { throw .invalid("type", "OTP packages are created with /sms/create-otp") }
        try FieldRules.checkNotEmpty(sender, "sender")
        try FieldRules.checkNotEmpty(title, "title")
        try FieldRules.checkLength(title, "title", limit: FieldRules.titleLength)
        switch recipients {
        case .single, .oneToMany:
            try FieldRules.checkNotEmpty(content, "content")
            try FieldRules.checkLength(content, "content", limit: FieldRules.contentLength)
        case .personalised(let fields, let numbers):
            try FieldRules.checkNotEmpty(content, "content")
            try FieldRules.checkLength(content, "content", limit: FieldRules.contentLength)
            if fields.count > FieldRules.detailCount { throw .invalid("customFields", "may name at most \(FieldRules.detailCount) fields") }
            for (index, field) in fields.enumerated() {
                try FieldRules.checkNotEmpty(field, "customFields[\(index)]")
                try FieldRules.checkLength(field, "customFields[\(index)]", limit: FieldRules.titleLength)
            }
            for (index, number) in numbers.enumerated() {
                for (field, value) in number.cfs.sorted(by: { $0.key < $1.key }) {
                    try FieldRules.checkLength(value, "numbers[\(index)].cfs.\(field)", limit: FieldRules.detailLength)
                }
            }
        case .manyToMany(let messages):
            for (index, message) in messages.enumerated() {
                try FieldRules.checkNotEmpty(message.msg, "numbers[\(index)].msg")
                try FieldRules.checkLength(message.msg, "numbers[\(index)].msg", limit: FieldRules.contentLength)
            }
        }
        if recipients.numbers.isEmpty { throw .invalid("numbers", "must not be empty") }
        if case .single(let number) = recipients { try FieldRules.checkNumber(number, "number") }
        // An empty item (`<item/>`, `""`) is what a SOAP toolkit sends when it could not fit a number into the WSDL's
        // item (PHP's SoapClient given a plain string): said as such, not hidden in "no valid number" for the package.
        if recipients.sendingType != .single, let index = recipients.numbers.firstIndex(where: { $0.raw.trimmedASCIIWhitespace.isEmpty }) {
            throw .invalid("numbers[\(index)]", "is empty: no number was given (a SOAP toolkit that writes <item/> did not serialize it; write the item as <item>905…</item> or <item><nr>905…</nr></item>, with PHP's SoapClient ['item' => [['nr' => '905…']]], or the text with new SoapVar('905…', XSD_STRING, null, null, 'item'))")
        }
        try FieldRules.checkValidity(validity, otp: false)
        try FieldRules.checkDate(sendingDate, "sendingDate", style: .minutes)
        if let now, let sendingDate, sendingDate < now.styled(.minutes) {
            throw NodeAPIError(.sms08, detail: "sendingDate \(sendingDate.text) is in the past")
        }
        try periodicSettings?.validate()
        if let customID { try FieldRules.checkCustomID(customID) }
        if let url = pushSettings?.url { try PushURL.check(url) }
        try extras.validate()
        if case .manyToMany(let messages) = recipients {
            for (index, message) in messages.enumerated() {
                try FieldRules.checkLength(message.xid, "numbers[\(index)].xid", limit: FieldRules.titleLength)
            }
        }
    }
}
