/// `POST /api/IYSConsent/RecipientStatus`: every consent of a recipient, in one brand or (without
/// `brandCode`) in all the account's brands. Reply: `ConsentRecord`s with `brandCode` and the İYS fields.
public struct RecipientStatusRequest: Codable, Sendable, Hashable {
    public var brandCode: String?
    public var recipient: String

    public init(brandCode: String? = nil, recipient: String) {
        self.brandCode = brandCode
        self.recipient = recipient
    }

    enum CodingKeys: String, CodingKey { case brandCode, recipient }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        brandCode = try container.decodeBrandCodeIfPresent(forKey: .brandCode).flatMap { $0.isEmpty ? nil : $0 }
        recipient = try container.decode(String.self, forKey: .recipient)
    }
}
