import NodeAPI

/// How the mock reads opt-out requests received by SMS (MO): the short number they arrive at and the
/// keywords that blacklist the sender's number. The first word of the message is the keyword, matched
/// with Turkish case folding (`ret`, `RET`, `Ret` all match; `İPTAL` and `iptal` too).
public struct OptOutRules: Sendable, Hashable, Decodable {
    public var shortNumber: String
    public var keywords: [String]

    public init(shortNumber: String = "3838", keywords: [String] = ["RET", "IPTAL", "İPTAL", "STOP"]) {
        self.shortNumber = shortNumber
        self.keywords = keywords
    }

    public static let `default` = OptOutRules()

    /// The keyword a message opens with, if it is one of ours (as configured, not as typed).
    package func keyword(of message: String) -> String? {
        guard let first = message.split(whereSeparator: { $0.isWhitespace }).first else { return nil }
        return keywords.first { TurkishText.equals($0, String(first)) }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case shortNumber, keywords }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self.default
        self.init(
            shortNumber: try container.decodeIfPresent(String.self, forKey: .shortNumber) ?? defaults.shortNumber,
            keywords: try container.decodeIfPresent([String].self, forKey: .keywords) ?? defaults.keywords
        )
        if keywords.isEmpty { throw DecodingError.dataCorruptedError(forKey: .keywords, in: container, debugDescription: "must name at least one keyword") }
    }
}
