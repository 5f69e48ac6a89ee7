import MySoftIYS

/// What one `SendConsentBatch` did to each of its records, kept under its transaction GUID.
struct IYSBatch: Sendable {
    enum Outcome: Sendable, Hashable {
        case inserted
        /// Replaced a consent; the one it replaced.
        case updated(previous: ConsentData)
        /// The same consent was already recorded: nothing changed.
        case usedBefore
        case error(String)
    }

    struct Record: Sendable, Hashable {
        var consent: ConsentData
        var outcome: Outcome
        /// When forwarding to İYS began, for saved records.
        var forwardedAt: Int64?
        var forwardingFails: Bool
        var iysTransactionId: String?

        var isSaved: Bool {
            switch outcome {
            case .inserted, .updated: true
            case .usedBefore, .error: false
            }
        }
    }

    var guid: String
    var brand: String
    var owner: String
    var records: [Record]
}
