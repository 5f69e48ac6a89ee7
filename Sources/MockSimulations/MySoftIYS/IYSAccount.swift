import MySoftIYS

/// A MySoft İYS API user: credentials and the brands the account may act for.
public struct IYSAccount: Sendable, Hashable {
    public var username: String
    public var password: String
    public var brands: [IYSBrandRecord]
    /// Scenario `dialect: http200`: every failure of the account's calls is HTTP 200 with `succeed: false`, for clients
    /// that read `succeed` from the body as the document's examples do (`document`, the default: the failure's status).
    package var failuresAsHTTP200 = false

    public init(username: String, password: String, brands: [IYSBrandRecord]) {
        self.username = username
        self.password = password
        self.brands = brands
    }

    package func brand(_ code: String) -> IYSBrandRecord? { brands.first { $0.code == code } }
}

/// A brand: its İYS code, name, dealer count, webhook, and the consents it starts with.
public struct IYSBrandRecord: Sendable, Hashable {
    public struct Webhook: Sendable, Hashable {
        public var url: String
        public var key: String
        public init(url: String, key: String) {
            self.url = url
            self.key = key
        }
    }

    public var code: String
    public var name: String
    public var master: Bool
    public var retailers: Int
    public var webhook: Webhook?
    public var consents: [ConsentData]

    public init(code: String, name: String, master: Bool = false, retailers: Int = 0, webhook: Webhook? = nil, consents: [ConsentData] = []) {
        self.code = code
        self.name = name
        self.master = master
        self.retailers = retailers
        self.webhook = webhook
        self.consents = consents
    }
}

/// How forwarding a record to İYS unfolds on the clock: `15` sending, then `13` waiting for İYS, then `11`
/// sent, or `18` failed for a recipient whose last four characters are `failSuffix` (a magic recipient).
public struct IYSForwarding: Sendable, Hashable {
    public var waitingSeconds: Double
    public var answerSeconds: Double
    public var failSuffix: String

    public init(waitingSeconds: Double = 1, answerSeconds: Double = 3, failSuffix: String = "0018") {
        self.waitingSeconds = waitingSeconds
        self.answerSeconds = answerSeconds
        self.failSuffix = failSuffix
    }

    public static let `default` = IYSForwarding()

    package func fails(_ recipient: String) -> Bool {
        let local = recipient.split(separator: "@").first.map(String.init) ?? recipient
        return local.hasSuffix(failSuffix)
    }

    /// The state `elapsed` milliseconds after forwarding began.
    package func status(elapsed: Int64, fails: Bool) -> IYSSendStatus {
        if elapsed < Int64(waitingSeconds * 1000) { return .sending }
        if elapsed < Int64(answerSeconds * 1000) { return .waitingForIYS }
        return fails ? .failed : .sent
    }
}
