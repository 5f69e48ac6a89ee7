/// `POST /api/IYSConsent/SendConsent`: one consent. Since 2.13 forwarding to İYS is always asynchronous,
/// whatever `isNotAutoSendIYS` says. Reply: the consent as saved (`ConsentRecord`).
public struct SendConsentRequest: Codable, Sendable, Hashable {
    public var brandCode: String
    public var consentData: ConsentData
    public var isNotAutoSendIYS: Bool?

    public init(brandCode: String, consentData: ConsentData, isNotAutoSendIYS: Bool? = nil) {
        self.brandCode = brandCode
        self.consentData = consentData
        self.isNotAutoSendIYS = isNotAutoSendIYS
    }

    enum CodingKeys: String, CodingKey { case brandCode, consentData, isNotAutoSendIYS }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        brandCode = try container.decodeBrandCode(forKey: .brandCode)
        consentData = try container.decode(ConsentData.self, forKey: .consentData)
        isNotAutoSendIYS = try container.decodeFlagIfPresent(forKey: .isNotAutoSendIYS)
    }
}
