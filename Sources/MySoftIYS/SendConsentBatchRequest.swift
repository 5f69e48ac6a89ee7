/// `POST /api/IYSConsent/SendConsentBatch`: at most 1000 consents. All or nothing, unless
/// `isSaveSuccessData`, which saves the valid ones and returns only the wrong ones.
public struct SendConsentBatchRequest: Codable, Sendable, Hashable {
    public static let maxRecords = 1000

    public var brandCode: String
    public var consentData: [ConsentData]
    public var isSaveSuccessData: Bool?

    public init(brandCode: String, consentData: [ConsentData], isSaveSuccessData: Bool? = nil) {
        self.brandCode = brandCode
        self.consentData = consentData
        self.isSaveSuccessData = isSaveSuccessData
    }

    enum CodingKeys: String, CodingKey { case brandCode, consentData, isSaveSuccessData }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        brandCode = try container.decodeBrandCode(forKey: .brandCode)
        consentData = try container.decode([ConsentData].self, forKey: .consentData)
        isSaveSuccessData = try container.decodeFlagIfPresent(forKey: .isSaveSuccessData)
    }

    /// `HM422` for an empty batch or one over 1000 records.
    public func validate() throws(IYSError) {
        if consentData.isEmpty { throw .invalid("consentData", "holds no record") }
        if consentData.count > Self.maxRecords {
            throw .invalid("consentData", "holds \(consentData.count) records; at most \(Self.maxRecords) are accepted")
        }
    }
}

/// The reply of `SendConsentBatch`: the transaction's GUID (the document's spelling, `transctionGuid`)
/// and the records that were wrong, each with its `errorMessage` (empty when all were right).
public struct BatchSendResult: Codable, Sendable, Hashable {
    public var transctionGuid: String?
    public var consentList: [ConsentRecord]

    public init(transctionGuid: String?, consentList: [ConsentRecord]) {
        self.transctionGuid = transctionGuid
        self.consentList = consentList
    }
}
