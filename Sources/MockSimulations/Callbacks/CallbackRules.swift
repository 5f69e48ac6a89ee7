/// The scenario's `callbacks:` section: where delivery reports and İYS webhooks may go.
///
/// ```yaml
/// callbacks:
///   allowedHosts: [receiver.test, "*.ci.example.com", 10.0.0.7]
/// ```
///
/// Without `allowedHosts` every host may receive them, except the mocks' own listeners, which never do
/// (``CallbackTargets``).
public struct CallbackRules: Sendable, Hashable, Decodable {
    /// Host names (lowercase; `*.example.com` for any name under it) or addresses; nil allows every host.
    public var allowedHosts: [String]?

    public init(allowedHosts: [String]? = nil) {
        self.allowedHosts = allowedHosts?.map { $0.lowercased() }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case allowedHosts }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hosts = try container.decodeIfPresent([String].self, forKey: .allowedHosts)
        if let hosts, hosts.contains(where: { $0.isEmpty || $0.utf8.count > 253 || $0.contains(where: \.isWhitespace) }) {
            throw DecodingError.dataCorruptedError(forKey: .allowedHosts, in: container, debugDescription: "each host must be 1 to 253 characters without spaces")
        }
        self.init(allowedHosts: hosts)
    }

    /// Whether `host` (lowercase, without brackets) is on the allow-list.
    package func allows(_ host: String) -> Bool {
        guard let allowedHosts else { return true }
        return allowedHosts.contains { pattern in
            pattern.hasPrefix("*.") ? host.hasSuffix(pattern.dropFirst()) : pattern == host
        }
    }
}
