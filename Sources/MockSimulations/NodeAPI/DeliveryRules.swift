import NodeAPI

/// What becomes of one SMS: decided by the recipient's number, like a payment provider's test cards.
public enum DeliveryOutcome: String, Sendable, Hashable, CaseIterable {
    case delivered
    case undelivered
    /// No report within validity + 60 minutes.
    case timedOut
    case rejectedByOperator
    /// Delivered, but the push callback to the package's URL fails.
    case callbackFails
    /// A commercial SMS to a recipient without İYS consent (`ONAY`): rejected at hand-over, never charged.
    case noConsent
    /// Its operator is out of service (``DeliveryRules/operatorOutage``): the hand-over fails (item -1), refunded then;
    /// a package whose every item fails so is -3, sending failed.
    case operatorOutage
    /// Its package could not be created (a sender of ``DeliveryRules/failingSenders``): never sent, never charged;
    /// the package is -2, creation failed, once saved.
    case notCreated

    /// Charged at creation and refunded when the hand-over fails.
    var isRefundedAtHandOver: Bool { self == .rejectedByOperator || self == .operatorOutage }

    /// The `error` of an item that failed so, once its state shows it (`/sms/list-item`, reports), and of a package all of
    /// whose items did: the catalogue's code where the document's catalogue has the cause (a package that could not be
    /// created), else a code of the same form naming the cause, which the catalogue lacks (the README lists them).
    var reportError: String? {
        switch self {
        case .notCreated: ErrorCode.smsPackageCreatingFailed.entry.name
        case .noConsent: "ERR_IYS_CONSENT_REQUIRED"
        case .rejectedByOperator: "ERR_OPERATOR_REJECTED"
        case .operatorOutage: "ERR_OPERATOR_UNAVAILABLE"
        case .delivered, .undelivered, .timedOut, .callbackFails: nil
        }
    }

    /// The outcomes a scenario's magic numbers may name: the others come from the İYS gate, an outage or a sender.
    static let magic: [DeliveryOutcome] = [.delivered, .undelivered, .timedOut, .rejectedByOperator, .callbackFails]
}

/// The mock's delivery behaviour: timings, magic numbers and operator prefixes. One table each.
public struct DeliveryRules: Sendable, Hashable {
    /// Seconds from a package's start to queueing's end (state 2 → 3).
    public var queueSeconds: Double
    /// Seconds from the start to the hand-over to the operator (items sent).
    public var sendSeconds: Double
    /// Seconds from the hand-over to the delivery report.
    public var reportSeconds: Double
    /// Last four digits of a normalised number → outcome; every other number is delivered.
    public var magicSuffixes: [String: DeliveryOutcome]
    /// Operators out of service (scenario `operatorOutage`): every item to them fails at hand-over.
    public var operatorOutage: Set<Operator>
    /// Senders whose packages fail to be created (scenario `failingSenders`), once they are approved for the account.
    public var failingSenders: Set<String>

    public init(
        queueSeconds: Double = 1, sendSeconds: Double = 2, reportSeconds: Double = 3, magicSuffixes: [String: DeliveryOutcome] = Self.defaultMagicSuffixes,
        operatorOutage: Set<Operator> = [], failingSenders: Set<String> = []
    ) {
        self.operatorOutage = operatorOutage
        self.failingSenders = failingSenders
        self.queueSeconds = queueSeconds
        self.sendSeconds = sendSeconds
        self.reportSeconds = reportSeconds
        self.magicSuffixes = magicSuffixes
    }

    /// `90 5XX XXX 0001` is undelivered, `…0002` times out, `…0003` is rejected by the operator,
    /// `…0004` is delivered but its callback fails.
    public static let defaultMagicSuffixes: [String: DeliveryOutcome] = [
        "0001": .undelivered, "0002": .timedOut, "0003": .rejectedByOperator, "0004": .callbackFails,
    ]

    public static let `default` = DeliveryRules()

    /// Packages of at least this many items take time to store (state 0, saving): 10 µs per item, so a
    /// 100 000-number package saves for 1 s; smaller ones are stored at once.
    public static let savingThreshold = 10_000
    public static let savingMicrosecondsPerItem = 10

    /// How long storing a package of `items` items takes, in milliseconds.
    package static func savingMilliseconds(items: Int) -> Int64 {
        items < savingThreshold ? 0 : Int64(items) * Int64(savingMicrosecondsPerItem) / 1000
    }

    /// The outcome for a normalised number.
    package func outcome(for number: String) -> DeliveryOutcome {
        magicSuffixes[String(number.suffix(4))] ?? .delivered
    }

    /// The outcome of an item to `number` (normalised) of `operator`, before the İYS gate, in a package that is created.
    func outcome(for number: String, of operator: Operator) -> DeliveryOutcome {
        operatorOutage.contains(`operator`) ? .operatorOutage : outcome(for: number)
    }

    /// The operator of a normalised number, by its prefix (`90` + three digits). Unknown prefixes are Turkcell's.
    package static func `operator`(for number: String) -> Operator {
        let prefix = Int(number.dropFirst(2).prefix(3)) ?? 0
        switch prefix {
        case 530...539, 561: return .turkcell
        case 540...549: return .vodafone
        case 501, 505...507, 550...559: return .turkTelekom
        case 510...519: return .netgsm
        default: return .turkcell
        }
    }
}
