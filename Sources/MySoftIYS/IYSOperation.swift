/// Every call of MySoft İYS's consent API, `POST /api/IYSConsent/NAME` behind the bearer token of `POST /oauth/token`:
/// the one table that the mock's routes, the client, the conformance check and the descriptions (OpenAPI, Postman, the
/// README) take the calls from.
public enum IYSOperation: String, Sendable, Hashable, CaseIterable {
    case brands = "IYSBrands"
    case sendConsent = "SendConsent"
    case consentStatus = "ConsentStatus"
    case sendConsentBatch = "SendConsentBatch"
    case batchStatus = "ConsentBatchStatus"
    case batchSuccesses = "ConsentBatchStatusSuccess"
    case batchErrors = "ConsentBatchStatusError"
    case batchUpdated = "ConsentBatchStatusUpdated"
    case batchUsedBefore = "ConsentBatchStatusIsUsedBefore"
    case batchForwarding = "ConsentBatchSendIYSStatus"
    case recipientStatus = "RecipientStatus"
    case consentQuery = "ConsentQuery"

    /// What every call's path starts with.
    public static let pathPrefix = "/api/IYSConsent/"

    /// The call's path.
    public var path: String { Self.pathPrefix + rawValue }

    /// The call's name, the last part of its path.
    public var name: String { rawValue }

    /// Whether clients may also call it with `GET` (the brands, which take no body).
    public var allowsGET: Bool { self == .brands }

    /// The table's row of a call.
    public var descriptor: IYSOperationDescriptor {
        switch self {
        case .brands: .init(nil, "The brands of the account")
        case .sendConsent: .init(SendConsentRequest.self, "Record one consent (always forwarded to İYS asynchronously, whatever isNotAutoSendIYS says, since API 2.13)")
        case .consentStatus: .init(ConsentStatusRequest.self, "The consent of one recipient on one channel")
        case .sendConsentBatch: .init(SendConsentBatchRequest.self, "Record up to 1 000 consents as one batch", details: """
            With a wrong record and no isSaveSuccessData nothing is saved and every record comes back in consentList, each \
            with its errorMessage (the document's "Successful" sample); with isSaveSuccessData the valid records are saved \
            and only the wrong ones come back.
            """)
        case .batchStatus: .init(BatchTransactionRequest.self, "The counts of a batch")
        case .batchSuccesses: .init(BatchTransactionRequest.self, "The records of a batch that were saved")
        case .batchErrors: .init(BatchTransactionRequest.self, "The wrong records of a batch, each with its errorMessage")
        case .batchUpdated: .init(BatchTransactionRequest.self, "The consents a batch replaced, as they were")
        case .batchUsedBefore: .init(BatchTransactionRequest.self, "The records of a batch that were already recorded")
        case .batchForwarding: .init(BatchTransactionRequest.self, "The saved records of a batch with their İYS forwarding state")
        case .recipientStatus: .init(RecipientStatusRequest.self, "Every consent of one recipient")
        case .consentQuery: .init(ConsentQueryRequest.self, "Consents changed in a period, a page at a time (afterValue)")
        }
    }
}

/// One row of ``IYSOperation``'s table.
public struct IYSOperationDescriptor: Sendable {
    /// The body's type; `nil` for a call that takes none.
    public let requestType: (any (Codable & Sendable).Type)?
    /// One line on what the call does.
    public let summary: String
    /// What more there is to say, if anything.
    public let details: String?

    init(_ requestType: (any (Codable & Sendable).Type)?, _ summary: String, details: String? = nil) {
        self.requestType = requestType
        self.summary = summary
        self.details = details
    }
}

/// The five calls that list a batch's records: one request (``BatchTransactionRequest``), and which list it asks for.
public enum IYSBatchList: Sendable, Hashable, CaseIterable {
    /// `ConsentBatchStatusSuccess`: the records saved (inserted or updated).
    case successes
    /// `ConsentBatchStatusError`: the wrong records, each with its `errorMessage`.
    case errors
    /// `ConsentBatchStatusUpdated`: the consents as they were before the batch replaced them.
    case updated
    /// `ConsentBatchStatusIsUsedBefore`: the records that were already recorded as sent, and changed nothing.
    case usedBefore
    /// `ConsentBatchSendIYSStatus`: the saved records with their İYS forwarding state; with `isSendAllData`, every
    /// record's last state (wrong ones as failed, used-before ones as sent).
    case forwarding

    /// The call that reads the list.
    public var operation: IYSOperation {
        switch self {
        case .successes: .batchSuccesses
        case .errors: .batchErrors
        case .updated: .batchUpdated
        case .usedBefore: .batchUsedBefore
        case .forwarding: .batchForwarding
        }
    }
}
