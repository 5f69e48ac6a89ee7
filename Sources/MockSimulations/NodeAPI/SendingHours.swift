import NodeAPI

/// The system-wide window for sending (`SMS44` outside it), in Turkish time: `from` inclusive, `to`
/// exclusive, minutes since midnight; a window may wrap past midnight.
public struct SendingHours: Sendable, Hashable, Decodable {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    package func contains(_ date: WireDate) -> Bool {
        let minute = date.hour * 60 + date.minute
        return from <= to ? (from..<to).contains(minute) : (minute >= from || minute < to)
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case from, to }

    /// Written `{from: "09:00", to: "20:00"}` in a scenario.
    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func minutes(_ key: CodingKeys) throws -> Int {
            let text = try container.decode(String.self, forKey: key)
            let parts = text.split(separator: ":")
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "'\(text)' is not HH:mm")
            }
            return hour * 60 + minute
        }
        self.init(from: try minutes(.from), to: try minutes(.to))
    }
}

extension ErrorInjection.Rule: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case endpoint, error, every }

    /// Written `{endpoint: /sms/create, error: SMS99, every: 3}` in a scenario.
    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let endpoint = try container.decode(String.self, forKey: .endpoint)
        guard NodeAPIOperation.allCases.contains(where: { $0.path == endpoint || $0.soapName == endpoint }) else {
            throw DecodingError.dataCorruptedError(forKey: .endpoint, in: container, debugDescription: "'\(endpoint)' is neither a Node API path nor a SOAP operation")
        }
        let name = try container.decode(String.self, forKey: .error)
        guard let error = ErrorCode(wireName: name) else {
            throw DecodingError.dataCorruptedError(forKey: .error, in: container, debugDescription: "'\(name)' is not in the error catalogue")
        }
        let every = try container.decodeIfPresent(Int.self, forKey: .every) ?? 1
        if every < 1 { throw DecodingError.dataCorruptedError(forKey: .every, in: container, debugDescription: "must be at least 1") }
        self.init(endpoint: endpoint, error: error, every: every)
    }
}
