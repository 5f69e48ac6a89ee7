/// `POST /api/IYSConsent/ConsentStatus`: the consent of one recipient, channel and recipient type.
/// Reply: a `ConsentRecord` with `retailerAccessCount` and `retailerTitle`.
public struct ConsentStatusRequest: Codable, Sendable, Hashable {
    public var brandCode: String
    public var recipient: String
    public var recipientType: RecipientType
    public var type: ConsentChannel
    public var isQueryFromIYS: Bool?

    public init(brandCode: String, recipient: String, recipientType: RecipientType = .individual, type: ConsentChannel, isQueryFromIYS: Bool? = nil) {
        self.brandCode = brandCode
        self.recipient = recipient
        self.recipientType = recipientType
        self.type = type
        self.isQueryFromIYS = isQueryFromIYS
    }

    enum CodingKeys: String, CodingKey { case brandCode, recipient, recipientType, type, isQueryFromIYS }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        brandCode = try container.decodeBrandCode(forKey: .brandCode)
        recipient = try container.decode(String.self, forKey: .recipient)
        recipientType = try container.decodeIfPresent(RecipientType.self, forKey: .recipientType) ?? .individual
        type = try container.decode(ConsentChannel.self, forKey: .type)
        isQueryFromIYS = try container.decodeFlagIfPresent(forKey: .isQueryFromIYS)
    }
}
