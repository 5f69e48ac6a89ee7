/// Package state (Paket Durumları).
public enum PackageState: Int, WireEnum {
    case cancelled = -4
    case sendingFailed = -3
    case creationFailed = -2
    case rejectedByOperator = -1
    case saving = 0
    case pending = 1
    case queueing = 2
    case sending = 3
    /// Sent, no delivery report yet.
    case sent = 4
    case partlyReported = 5
    /// Every item has a final report.
    case complete = 6
    public static let wireName = "package state"
}

/// Package item state (Paket Öğesi Durumları).
public enum ItemState: Int, WireEnum {
    case cancelled = -2
    case rejectedByOperator = -1
    case pending = 0
    case sending = 1
    case sent = 2
    /// Delivered to the handset (Numaraya iletildi).
    case delivered = 3
    /// Not delivered (Numaraya iletilemedi).
    case undelivered = 4
    /// No report within validity + 60 minutes.
    case timedOut = 5
    public static let wireName = "item state"

    /// Whether no later report can change the state.
    public var isFinal: Bool {
        switch self {
        case .cancelled, .rejectedByOperator, .delivered, .undelivered, .timedOut: true
        case .pending, .sending, .sent: false
        }
    }
}

/// State of an alphanumeric sender (Alfanumerik Başlık Durumları).
public enum SenderState: Int, WireEnum {
    case pending = 0, approved = 1, rejected = 2, banned = 3
    public static let wireName = "sender state"
}

/// State of an opt-out-by-SMS request (MO İstek Durumları).
public enum MoRequestState: Int, WireEnum {
    case failed = -2
    case noMatch = -1
    case pending = 0
    case processing = 1
    /// Matched and processed.
    case complete = 2
    public static let wireName = "MO request state"
}
