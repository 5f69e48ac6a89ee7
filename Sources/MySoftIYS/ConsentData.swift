/// `ConsentDataModel`: one consent as a brand sends it (and as webhooks and queries return it).
public struct ConsentData: Codable, Sendable, Hashable {
    /// `+90…` phone number (at most 15 characters) or e-mail address (at most 284).
    public var recipient: String
    /// `BIREYSEL` when absent (the document's default).
    public var recipientType: RecipientType
    public var type: ConsentChannel
    /// Required unless the recipient is a merchant.
    public var consentDate: IYSDateTime?
    public var source: ConsentSource
    public var status: ConsentStatus
    public var retailerCode: Int?
    public var retailerAccess: [Int]?
    /// `specialValue` (API 2.12): a value of the brand's own kept with the consent and returned with it.
    public var specialValue: String?

    /// The longest `specialValue` taken (the document gives none; beyond is `HM422`).
    public static let specialValueLength = 1000

    public init(
        recipient: String, recipientType: RecipientType = .individual, type: ConsentChannel, consentDate: IYSDateTime?,
        source: ConsentSource, status: ConsentStatus, retailerCode: Int? = nil, retailerAccess: [Int]? = nil, specialValue: String? = nil
    ) {
        self.specialValue = specialValue
        self.recipient = recipient
        self.recipientType = recipientType
        self.type = type
        self.consentDate = consentDate
        self.source = source
        self.status = status
        self.retailerCode = retailerCode
        self.retailerAccess = retailerAccess
    }

    enum CodingKeys: String, CodingKey { case recipient, recipientType, type, consentDate, source, status, retailerCode, retailerAccess, specialValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recipient = try container.decode(String.self, forKey: .recipient)
        recipientType = try container.decodeIfPresent(RecipientType.self, forKey: .recipientType) ?? .individual
        type = try container.decode(ConsentChannel.self, forKey: .type)
        // An empty string is how forms send "no date" (merchants).
        if let text = try container.decodeIfPresent(String.self, forKey: .consentDate), !text.isEmpty {
            guard let date = IYSDateTime(text) else {
                throw DecodingError.dataCorruptedError(forKey: .consentDate, in: container, debugDescription: "'\(text)' is not a date in the form yyyy-MM-dd HH:mm:ss")
            }
            consentDate = date
        } else {
            consentDate = nil
        }
        source = try container.decode(ConsentSource.self, forKey: .source)
        status = try container.decode(ConsentStatus.self, forKey: .status)
        retailerCode = try container.decodeIfPresent(Int.self, forKey: .retailerCode)
        retailerAccess = try container.decodeIfPresent([Int].self, forKey: .retailerAccess)
        specialValue = try container.decodeIfPresent(String.self, forKey: .specialValue).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The document's rules: a `+90` phone number of at most 15 characters or an e-mail of at most 284;
    /// the e-mail channel needs an e-mail and the others a phone; a consent date unless a merchant; a brand
    /// source (`HS_*`) when sent by a brand. Each violation is `HM422` naming the field.
    public func validate(prefix: String = "consentData") throws(IYSError) {
        if recipient.isEmpty { throw .invalid("\(prefix).recipient", "is required") }
        if recipient.contains("@") {
            if recipient.count > 284 { throw .invalid("\(prefix).recipient", "an e-mail address may have at most 284 characters") }
            if !Self.looksLikeEmail(recipient) { throw .invalid("\(prefix).recipient", "'\(recipient)' is not an e-mail address") }
            if type != .email { throw .invalid("\(prefix).type", "\(type.rawValue) needs a phone number, not an e-mail address") }
        } else {
            if recipient.count > 15 { throw .invalid("\(prefix).recipient", "a phone number may have at most 15 characters") }
            if !Self.isPhone(recipient) { throw .invalid("\(prefix).recipient", "'\(recipient)' is not a phone number in the form +905XXXXXXXXX") }
            if type == .email { throw .invalid("\(prefix).type", "EPOSTA needs an e-mail address") }
        }
        if consentDate == nil, recipientType != .merchant { throw .invalid("\(prefix).consentDate", "is required unless recipientType is TACIR") }
        if source.isIYS { throw .invalid("\(prefix).source", "\(source.rawValue) is set by İYS itself; brands send HS_* sources") }
        if let specialValue, specialValue.count > Self.specialValueLength {
            throw .invalid("\(prefix).specialValue", "may have at most \(Self.specialValueLength) characters")
        }
    }

    /// `+90` and ten digits, the first of them 5 (a Turkish mobile) or 2–4 (a landline, for calls).
    static func isPhone(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 13, bytes.starts(with: Array("+90".utf8)) else { return false }
        return bytes.dropFirst(3).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } && bytes[3] != UInt8(ascii: "0")
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !text.contains(where: \.isWhitespace)
    }
}

/// Where a consent lives: a brand holds one consent per recipient, channel and recipient type.
public struct ConsentKey: Sendable, Hashable {
    public var recipient: String
    public var type: ConsentChannel
    public var recipientType: RecipientType

    public init(recipient: String, type: ConsentChannel, recipientType: RecipientType) {
        self.recipient = Self.normalized(recipient)
        self.type = type
        self.recipientType = recipientType
    }

    /// A recipient as keys compare it: e-mail addresses are case-insensitive, phone numbers are kept as written.
    public static func normalized(_ recipient: String) -> String {
        recipient.contains("@") ? recipient.lowercased() : recipient
    }
}
