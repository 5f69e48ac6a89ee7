import MySoftIYS

/// The MySoft İYS mock's part of a scenario (`iys:`): accounts with their brands, webhooks and seed consents;
/// the token lifetime; how forwarding to İYS unfolds.
public struct IYSScenario: Sendable, Hashable, Decodable {
    public var accounts: [IYSAccount]
    public var tokenLifetimeSeconds: Int
    public var forwarding: IYSForwarding
    public var journalSize: Int
    /// Consents the mock keeps at most, across brands; a consent to a new recipient and type beyond is refused (`HM400`,
    /// and a batch record's error), so that one client cannot fill the memory of a mock that others share.
    public var maxConsents: Int
    public static let defaultMaxConsents = 200_000

    public init(
        accounts: [IYSAccount] = [], tokenLifetimeSeconds: Int = 86_399, forwarding: IYSForwarding = .default, journalSize: Int = 1000,
        maxConsents: Int = Self.defaultMaxConsents
    ) {
        self.accounts = accounts
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.forwarding = forwarding
        self.journalSize = journalSize
        self.maxConsents = maxConsents
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case accounts, tokenLifetimeSeconds, forwarding, journalSize, maxConsents }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            accounts: try container.decodeIfPresent([IYSAccount].self, forKey: .accounts) ?? [],
            tokenLifetimeSeconds: try container.decodeIfPresent(Int.self, forKey: .tokenLifetimeSeconds, within: 1...315_360_000) ?? 86_399,
            forwarding: try container.decodeIfPresent(IYSForwarding.self, forKey: .forwarding) ?? .default,
            journalSize: try container.decodeIfPresent(Int.self, forKey: .journalSize, within: ScenarioBounds.tableSize) ?? 1000,
            maxConsents: try container.decodeIfPresent(Int.self, forKey: .maxConsents, within: 1...10_000_000) ?? Self.defaultMaxConsents
        )
    }
}

extension IYSAccount: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case username, password, brands, dialect }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            username: try container.decode(String.self, forKey: .username),
            password: try container.decode(String.self, forKey: .password),
            brands: try container.decodeIfPresent([IYSBrandRecord].self, forKey: .brands) ?? []
        )
        switch try container.decodeIfPresent(String.self, forKey: .dialect) ?? "document" {
        case "document": failuresAsHTTP200 = false
        case "http200": failuresAsHTTP200 = true
        case let other: throw DecodingError.dataCorruptedError(forKey: .dialect, in: container, debugDescription: "'\(other)' is not a dialect (document, http200)")
        }
    }
}

extension IYSBrandRecord: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case code, name, master, retailers, webhook, consents }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let seeds = try container.decodeIfPresent([ConsentSeed].self, forKey: .consents) ?? []
        for (index, seed) in seeds.enumerated() {
            do {
                try seed.consent.validate(prefix: "consents[\(index)]")
            } catch {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [CodingKeys.consents], debugDescription: error.message))
            }
        }
        self.init(
            code: try container.decode(String.self, forKey: .code),
            name: try container.decode(String.self, forKey: .name),
            master: try container.decodeIfPresent(Bool.self, forKey: .master) ?? false,
            retailers: try container.decodeIfPresent(Int.self, forKey: .retailers, within: ScenarioBounds.count) ?? 0,
            webhook: try container.decodeIfPresent(Webhook.self, forKey: .webhook),
            consents: seeds.map(\.consent)
        )
    }
}

extension IYSBrandRecord.Webhook: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case url, key }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(url: try container.decode(String.self, forKey: .url), key: try container.decode(String.self, forKey: .key))
    }
}

/// A seed consent in a scenario: the wire's `ConsentDataModel` keys, strictly.
struct ConsentSeed: Decodable {
    var consent: ConsentData

    enum CodingKeys: String, CodingKey, CaseIterable { case recipient, recipientType, type, consentDate, source, status, retailerCode, retailerAccess }

    init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        consent = try ConsentData(from: decoder)
    }
}

extension IYSForwarding: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case waitingSeconds, answerSeconds, failSuffix }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self.default
        self.init(
            waitingSeconds: try container.decodeIfPresent(Double.self, forKey: .waitingSeconds, within: ScenarioBounds.seconds) ?? defaults.waitingSeconds,
            answerSeconds: try container.decodeIfPresent(Double.self, forKey: .answerSeconds, within: ScenarioBounds.seconds) ?? defaults.answerSeconds,
            failSuffix: try container.decodeIfPresent(String.self, forKey: .failSuffix) ?? defaults.failSuffix
        )
    }
}
