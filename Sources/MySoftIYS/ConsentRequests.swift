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

/// The request of every call about one batch: `ConsentBatchStatus`, `…Success`, `…Error`, `…Updated`,
/// `…IsUsedBefore` and `ConsentBatchSendIYSStatus` (which alone reads `isSendAllData`).
public struct BatchTransactionRequest: Codable, Sendable, Hashable {
    public var brandCode: String
    public var transctionGuid: String
    /// `ConsentBatchSendIYSStatus` only: every record's last state, not only those forwarded to İYS.
    public var isSendAllData: Bool?

    public init(brandCode: String, transctionGuid: String, isSendAllData: Bool? = nil) {
        self.brandCode = brandCode
        self.transctionGuid = transctionGuid
        self.isSendAllData = isSendAllData
    }

    enum CodingKeys: String, CodingKey { case brandCode, transctionGuid, isSendAllData }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        brandCode = try container.decodeBrandCode(forKey: .brandCode)
        transctionGuid = try container.decode(String.self, forKey: .transctionGuid)
        isSendAllData = try container.decodeFlagIfPresent(forKey: .isSendAllData)
    }
}

/// The reply of `ConsentBatchStatus`: counts of what the batch did.
public struct BatchStatus: Codable, Sendable, Hashable {
    public var transctionGuid: String
    /// 1 while records are being forwarded to İYS, 2 once every record has its final İYS state (see the README).
    public var batchStatus: Int
    public var batchStatusText: String
    public var recordCount: Int
    public var insertedRecordCount: Int
    public var updatedRecordCount: Int
    public var errorRecordCount: Int
    public var isUsedBeforeRecordCount: Int

    public init(
        transctionGuid: String, batchStatus: Int, batchStatusText: String, recordCount: Int, insertedRecordCount: Int,
        updatedRecordCount: Int, errorRecordCount: Int, isUsedBeforeRecordCount: Int
    ) {
        self.transctionGuid = transctionGuid
        self.batchStatus = batchStatus
        self.batchStatusText = batchStatusText
        self.recordCount = recordCount
        self.insertedRecordCount = insertedRecordCount
        self.updatedRecordCount = updatedRecordCount
        self.errorRecordCount = errorRecordCount
        self.isUsedBeforeRecordCount = isUsedBeforeRecordCount
    }
}

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
