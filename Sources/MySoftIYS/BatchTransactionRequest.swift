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
