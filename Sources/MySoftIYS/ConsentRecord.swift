/// A consent as the service returns it: the `ConsentDataModel` fields plus whatever the call adds
/// (`ConsentDataInfoModel`, `ConsentDataResponseModel`, the İYS forwarding fields). The extra fields are
/// written only when set; `retailerCode` and `retailerAccess` are always written, `null` when empty, as printed.
public struct ConsentRecord: Codable, Sendable, Hashable {
    public var consent: ConsentData
    public var brandCode: String?
    public var retailerAccessCount: Int?
    public var retailerTitle: String?
    public var portalStatus: Int?
    public var portalStatusText: String?
    public var explanation: String?
    public var errorMessage: String?
    public var errorCode: String?
    public var iysSendStatus: IYSSendStatus?
    public var iysCreationDate: IYSDateTime?
    public var iysTransactionId: String?

    public init(_ consent: ConsentData) { self.consent = consent }

    /// `iysSendStatusText`, derived from the status.
    public var iysSendStatusText: String? { iysSendStatus?.text }

    enum CodingKeys: String, CodingKey {
        case brandCode, retailerAccessCount, retailerTitle, portalStatus, portalStatusText, explanation, errorMessage, errorCode
        case iysSendStatus, iysSendStatusText, iysCreationDate, iysTransactionId
        case recipient, recipientType, type, consentDate, source, status, retailerCode, retailerAccess, specialValue
    }

    public init(from decoder: any Decoder) throws {
        consent = try ConsentData(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        brandCode = try container.decodeBrandCodeIfPresent(forKey: .brandCode)
        retailerAccessCount = try container.decodeIfPresent(Int.self, forKey: .retailerAccessCount)
        retailerTitle = try container.decodeIfPresent(String.self, forKey: .retailerTitle)
        portalStatus = try container.decodeIfPresent(Int.self, forKey: .portalStatus)
        portalStatusText = try container.decodeIfPresent(String.self, forKey: .portalStatusText)
        explanation = try container.decodeIfPresent(String.self, forKey: .explanation)
        errorMessage = try container.decodeIfPresent(String.self, forKey: .errorMessage)
        errorCode = try container.decodeIfPresent(String.self, forKey: .errorCode)
        iysSendStatus = try container.decodeIfPresent(IYSSendStatus.self, forKey: .iysSendStatus)
        iysCreationDate = try container.decodeIfPresent(String.self, forKey: .iysCreationDate).flatMap(IYSDateTime.init)
        iysTransactionId = try container.decodeIfPresent(String.self, forKey: .iysTransactionId)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(brandCode, forKey: .brandCode)
        try container.encode(consent.recipient, forKey: .recipient)
        try container.encode(consent.recipientType, forKey: .recipientType)
        try container.encode(consent.type, forKey: .type)
        try container.encodeIfPresent(consent.consentDate, forKey: .consentDate)
        try container.encode(consent.source, forKey: .source)
        try container.encode(consent.status, forKey: .status)
        if let code = consent.retailerCode { try container.encode(code, forKey: .retailerCode) } else { try container.encodeNil(forKey: .retailerCode) }
        if let access = consent.retailerAccess { try container.encode(access, forKey: .retailerAccess) } else { try container.encodeNil(forKey: .retailerAccess) }
        try container.encodeIfPresent(consent.specialValue, forKey: .specialValue)
        try container.encodeIfPresent(retailerAccessCount, forKey: .retailerAccessCount)
        try container.encodeIfPresent(retailerTitle, forKey: .retailerTitle)
        try container.encodeIfPresent(portalStatus, forKey: .portalStatus)
        try container.encodeIfPresent(portalStatusText, forKey: .portalStatusText)
        try container.encodeIfPresent(explanation, forKey: .explanation)
        try container.encodeIfPresent(errorMessage, forKey: .errorMessage)
        try container.encodeIfPresent(errorCode, forKey: .errorCode)
        try container.encodeIfPresent(iysSendStatus, forKey: .iysSendStatus)
        try container.encodeIfPresent(iysSendStatusText, forKey: .iysSendStatusText)
        try container.encodeIfPresent(iysCreationDate, forKey: .iysCreationDate)
        try container.encodeIfPresent(iysTransactionId, forKey: .iysTransactionId)
    }
}

extension KeyedDecodingContainer {
    /// `brandCode` is text in requests but a number in `IYSBrands`; either is accepted.
    func decodeBrandCodeIfPresent(forKey key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Int.self, forKey: key) { return String(number) }
        return try decode(String.self, forKey: key)
    }

    func decodeBrandCode(forKey key: Key) throws -> String {
        guard let code = try decodeBrandCodeIfPresent(forKey: key), !code.isEmpty else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "is required"))
        }
        return code
    }

    /// A flag the document types as text in places (`isQueryFromIYS`): `true`, `"true"`, `"True"` all count.
    func decodeFlagIfPresent(forKey key: Key) throws -> Bool? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let flag = try? decode(Bool.self, forKey: key) { return flag }
        let text = try decode(String.self, forKey: key).lowercased()
        guard text == "true" || text == "false" else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(text)' is not true or false")
        }
        return text == "true"
    }
}
