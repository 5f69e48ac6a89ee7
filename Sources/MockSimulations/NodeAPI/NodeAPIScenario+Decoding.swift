import NodeAPI

// How the Node API's accounts and rules are written in a scenario file: camelCase keys, states and
// outcomes by name, every key optional but the account's credentials.

extension NodeAPIAccount: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case username, password, userUUID, userID, credit, hasIysSettings, iysBrandCode, senders, gateways, blacklist, dialect }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let blacklist = try container.decodeIfPresent([String].self, forKey: .blacklist) ?? []
        var normalised = Set<String>()
        for (index, number) in blacklist.enumerated() {
            guard let value = GSMNumber(number).normalized else {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [CodingKeys.blacklist, WireKey(intValue: index)!], debugDescription: "'\(number)' is not a Turkish mobile number"))
            }
            normalised.insert(value)
        }
        let gateways = try container.decodeIfPresent([ScenarioGateway].self, forKey: .gateways)?.map(\.gateway) ?? []
        let senders = try container.decodeIfPresent([SenderRecord].self, forKey: .senders) ?? []
        for (index, sender) in senders.enumerated() {
            for uuid in sender.gateways where !gateways.contains(where: { $0.uuid == uuid }) {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: container.codingPath + [CodingKeys.senders, WireKey(intValue: index)!, SenderRecord.CodingKeys.gateways],
                    debugDescription: "'\(uuid)' is not one of the account's gateways (\(gateways.map(\.uuid).joined(separator: ", ")))"
                ))
            }
        }
        self.init(
            username: try container.decode(String.self, forKey: .username),
            password: try container.decode(String.self, forKey: .password),
            userUUID: try container.decodeIfPresent(String.self, forKey: .userUUID) ?? "00000000-0000-4000-8000-000000000000",
            userID: try container.decodeIfPresent(Int.self, forKey: .userID, within: 1...Int(Int32.max)) ?? 1,
            credit: try container.decodeIfPresent(Int.self, forKey: .credit, within: ScenarioBounds.count) ?? 0,
            hasIysSettings: try container.decodeIfPresent(Bool.self, forKey: .hasIysSettings) ?? false,
            iysBrandCode: try container.decodeIfPresent(String.self, forKey: .iysBrandCode),
            senders: senders, gateways: gateways,
            blacklist: normalised
        )
        let dialectName = try container.decodeIfPresent(String.self, forKey: .dialect) ?? NodeAPIDialect.document.rawValue
        guard let dialect = NodeAPIDialect(rawValue: dialectName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .dialect, in: container,
                debugDescription: "'\(dialectName)' is not a dialect (\(NodeAPIDialect.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        self.dialect = dialect
    }
}

extension SenderRecord: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case title, uuid, state, otpApproved, gateways }

    package static let stateNames: [String: SenderState] = ["pending": .pending, "approved": .approved, "rejected": .rejected, "banned": .banned]

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let stateName = try container.decodeIfPresent(String.self, forKey: .state) ?? "approved"
        guard let state = Self.stateNames[stateName] else {
            throw DecodingError.dataCorruptedError(forKey: .state, in: container, debugDescription: "'\(stateName)' is not a sender state (\(Self.stateNames.keys.sorted().joined(separator: ", ")))")
        }
        let title = try container.decode(String.self, forKey: .title)
        self.init(
            uuid: try container.decodeIfPresent(String.self, forKey: .uuid) ?? "sender-\(title.lowercased())",
            title: title, state: state, otpApproved: try container.decodeIfPresent(Bool.self, forKey: .otpApproved) ?? false,
            gateways: try container.decodeIfPresent([String].self, forKey: .gateways) ?? []
        )
    }
}

/// A gateway in a scenario: `{uuid, smsType, operator, subProvider, isOTP, simChangeControl}`, every key but `uuid`
/// optional (a normal-SMS gateway of no particular operator, without OTP or SIM-change control).
struct ScenarioGateway: Decodable {
    let gateway: Gateway

    enum CodingKeys: String, CodingKey, CaseIterable { case uuid, smsType, `operator`, subProvider, isOTP, simChangeControl }

    init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let uuid = try container.decode(String.self, forKey: .uuid)
        guard SendingExtras.isUUID(uuid) else {
            throw DecodingError.dataCorruptedError(forKey: .uuid, in: container, debugDescription: "'\(uuid)' is not a uuid (8-4-4-4-12 hexadecimal digits)")
        }
        gateway = Gateway(
            uuid: uuid, smsType: try container.decodeIfPresent(Int.self, forKey: .smsType, within: 0...2) ?? 1,
            operator: try container.decodeIfPresent(Int.self, forKey: .operator, within: 0...99) ?? 0,
            subProvider: try container.decodeIfPresent(Int.self, forKey: .subProvider, within: 0...9999) ?? 0,
            isOTP: try container.decodeIfPresent(Bool.self, forKey: .isOTP) ?? false,
            simChangeControl: try container.decodeIfPresent(Bool.self, forKey: .simChangeControl) ?? false
        )
    }
}

extension DeliveryRules: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case queueSeconds, sendSeconds, reportSeconds, magicNumbers, operatorOutage, failingSenders }

    /// One row of the magic-number table: `{suffix: "0001", outcome: undelivered}`.
    struct MagicNumber: Decodable {
        let suffix: String
        let outcome: DeliveryOutcome

        enum CodingKeys: String, CodingKey, CaseIterable { case suffix, outcome }

        init(from decoder: any Decoder) throws {
            try ScenarioKeys.reject(CodingKeys.self, in: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            suffix = try container.decode(String.self, forKey: .suffix)
            guard suffix.count == 4, suffix.allSatisfy(\.isNumber) else {
                throw DecodingError.dataCorruptedError(forKey: .suffix, in: container, debugDescription: "'\(suffix)' is not four digits")
            }
            let name = try container.decode(String.self, forKey: .outcome)
            // noConsent comes from the İYS gate, an outage from the operators, a failed creation from the sender.
            let magic = DeliveryOutcome.magic
            guard let outcome = DeliveryOutcome(rawValue: name), magic.contains(outcome) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .outcome, in: container,
                    debugDescription: "'\(name)' is not an outcome (\(magic.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            self.outcome = outcome
        }
    }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DeliveryRules.default
        let suffixes = try container.decodeIfPresent([MagicNumber].self, forKey: .magicNumbers).map { rows in
            Dictionary(rows.map { ($0.suffix, $0.outcome) }, uniquingKeysWith: { _, last in last })
        } ?? defaults.magicSuffixes
        let queue = try container.decodeIfPresent(Double.self, forKey: .queueSeconds, within: ScenarioBounds.seconds) ?? defaults.queueSeconds
        let send = try container.decodeIfPresent(Double.self, forKey: .sendSeconds, within: ScenarioBounds.seconds) ?? defaults.sendSeconds
        let report = try container.decodeIfPresent(Double.self, forKey: .reportSeconds, within: ScenarioBounds.seconds) ?? defaults.reportSeconds
        guard queue >= 0, send >= queue, report >= 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "timings must be 0 ≤ queueSeconds ≤ sendSeconds, reportSeconds ≥ 0"))
        }
        let outage = try container.decodeIfPresent([Int].self, forKey: .operatorOutage).map { (codes: [Int]) throws -> [Operator] in
            try codes.map { (code: Int) throws -> Operator in
                guard let value = Operator(rawValue: code) else {
                    throw DecodingError.dataCorruptedError(forKey: .operatorOutage, in: container, debugDescription: "\(code) is not an operator (0 Turkcell, 1 Vodafone, 2 Türk Telekom, 3 Netgsm)")
                }
                return value
            }
        } ?? []
        let failing = try container.decodeIfPresent([String].self, forKey: .failingSenders) ?? []
        self.init(
            queueSeconds: queue, sendSeconds: send, reportSeconds: report, magicSuffixes: suffixes,
            operatorOutage: Set(outage), failingSenders: Set(failing)
        )
    }
}

extension DeliveryOutcome: Codable {}
