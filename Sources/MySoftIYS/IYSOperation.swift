/// Every call of MySoft İYS's consent API, `POST /api/IYSConsent/NAME` behind the bearer token of `POST /oauth/token`:
/// the one list that the mock's routes, the client and the conformance check take the calls' names and paths from.
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
