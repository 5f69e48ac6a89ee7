import Foundation
import NodeAPI
import ProviderClients
import Yams
import WireCoding

/// The İYS category of a message (document 000): `CAMPAIGN` is commercial and needs consent; `NOTIFICATION` is not.
public enum IYSMessageType: String, Sendable, Hashable, Codable, CaseIterable {
    case notification = "NOTIFICATION"
    case campaign = "CAMPAIGN"

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = IYSMessageType(rawValue: text.uppercased()) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not NOTIFICATION or CAMPAIGN"))
        }
        self = value
    }
}

/// One configuration entry of a provider (document 000): the credentials and senders for one İYS message type,
/// and optionally a custom API URL instead of the provider's own.
public struct ProviderConnection: Sendable, Hashable, Codable {
    public var username: String
    public var password: String
    public var smsIysMessageType: IYSMessageType
    public var senderList: [String]
    public var customApiActive: Bool
    public var customApiUrl: String?
    /// JSON or SOAP (the project's addition; JSON when absent).
    public var transport: WireFormat?

    /// The keys of a configuration file's entry: the decoder's and the unknown-key check's one list.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case username, password, smsIysMessageType, senderList, customApiActive, customApiUrl, transport
    }

    public init(
        username: String, password: String, smsIysMessageType: IYSMessageType, senderList: [String],
        customApiActive: Bool = false, customApiUrl: String? = nil, transport: WireFormat? = nil
    ) {
        self.username = username
        self.password = password
        self.smsIysMessageType = smsIysMessageType
        self.senderList = senderList
        self.customApiActive = customApiActive
        self.customApiUrl = customApiUrl
        self.transport = transport
    }
}

/// A provider the connector may use: its name, its rank (1 is tried first), its API URL, its connections.
public struct ProviderEntry: Sendable, Hashable, Codable {
    public var name: String
    public var rank: Int
    public var apiUrl: String
    public var connections: [ProviderConnection]

    enum CodingKeys: String, CodingKey, CaseIterable { case name, rank, apiUrl, connections }

    public init(name: String, rank: Int, apiUrl: String, connections: [ProviderConnection]) {
        self.name = name
        self.rank = rank
        self.apiUrl = apiUrl
        self.connections = connections
    }

    /// The connection serving `type`, if the provider has one.
    public func connection(for type: IYSMessageType) -> ProviderConnection? { connections.first { $0.smsIysMessageType == type } }

    /// Where calls of `connection` go: its custom URL when active, else the provider's.
    public func baseURL(of connection: ProviderConnection) -> String {
        connection.customApiActive ? (connection.customApiUrl ?? apiUrl) : apiUrl
    }
}

/// How the connector treats İYS (document 004). In integrator mode every `CAMPAIGN` recipient is checked against
/// İYS (MySoft) before sending and those without `ONAY` are dropped; in sync mode consent changes are pushed to
/// İYS and İYS's webhooks are applied back (``ConsentSync``), and sending relies on the provider's check.
public struct IYSSettings: Sendable, Hashable, Codable {
    public enum Mode: String, Sendable, Hashable, Codable { case integrator, sync }

    public var mode: Mode
    public var apiUrl: String
    public var username: String
    public var password: String
    public var brandCode: String
    /// The key İYS webhooks must carry (sync mode).
    public var webhookKey: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case mode, apiUrl, username, password, brandCode, webhookKey }

    public init(mode: Mode, apiUrl: String, username: String, password: String, brandCode: String, webhookKey: String? = nil) {
        self.mode = mode
        self.apiUrl = apiUrl
        self.username = username
        self.password = password
        self.brandCode = brandCode
        self.webhookKey = webhookKey
    }
}

/// The connector's configuration file (YAML or JSON): providers in rank order and the İYS settings.
public struct ConnectorConfiguration: Sendable, Hashable, Codable {
    public var providers: [ProviderEntry]
    public var iys: IYSSettings?

    enum CodingKeys: String, CodingKey, CaseIterable { case providers, iys }

    public init(providers: [ProviderEntry], iys: IYSSettings? = nil) {
        self.providers = providers
        self.iys = iys
    }

    /// Reads and validates a file; `.json` is read as JSON, anything else as YAML.
    public static func load(path: String) throws(ConnectorConfigurationError) -> ConnectorConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConnectorConfigurationError("\(path): cannot be read (\(error.localizedDescription))")
        }
        return try parse(text, json: path.lowercased().hasSuffix(".json"), file: path)
    }

    /// Parses and validates configuration text.
    public static func parse(_ text: String, json: Bool = false, file: String = "configuration") throws(ConnectorConfigurationError) -> ConnectorConfiguration {
        try rejectUnknownKeys(text, json: json, file: file)
        let configuration: ConnectorConfiguration
        do {
            configuration = json ? try JSONDecoder().decode(ConnectorConfiguration.self, from: Data(text.utf8)) : try YAMLDecoder().decode(ConnectorConfiguration.self, from: text)
        } catch let error as DecodingError {
            throw ConnectorConfigurationError("\(file): \(ConnectorConfigurationError.describe(error))")
        } catch {
            throw ConnectorConfigurationError("\(file): not valid \(json ? "JSON" : "YAML"): \(error)")
        }
        try configuration.validate(file: file)
        return configuration
    }

    /// A misspelt key would otherwise be ignored (a `sendrList` leaving the list empty, say): every key must be known.
    static func rejectUnknownKeys(_ text: String, json: Bool, file: String) throws(ConnectorConfigurationError) {
        let tree: Any?
        do {
            tree = json ? try JSONSerialization.jsonObject(with: Data(text.utf8)) : try Yams.load(yaml: text)
        } catch {
            throw ConnectorConfigurationError("\(file): not valid \(json ? "JSON" : "YAML"): \(error)")
        }
        func check<Keys: CodingKey & CaseIterable>(_ node: Any?, _ keys: Keys.Type, _ path: String) throws(ConnectorConfigurationError) {
            guard let object = node as? [String: Any] else { return }
            if let key = KnownKeys.firstUnknown(in: object.keys, of: keys) {
                throw ConnectorConfigurationError("\(file): \(path.isEmpty ? "" : path + ".")\(key): unknown key (known: \(KnownKeys.list(keys)))")
            }
        }
        try check(tree, CodingKeys.self, "")
        let root = tree as? [String: Any]
        try check(root?["iys"], IYSSettings.CodingKeys.self, "iys")
        for (index, provider) in ((root?["providers"] as? [Any]) ?? []).enumerated() {
            try check(provider, ProviderEntry.CodingKeys.self, "providers[\(index)]")
            for (position, connection) in (((provider as? [String: Any])?["connections"] as? [Any]) ?? []).enumerated() {
                try check(connection, ProviderConnection.CodingKeys.self, "providers[\(index)].connections[\(position)]")
            }
        }
    }

    /// The rules the type system cannot state.
    public func validate(file: String = "configuration") throws(ConnectorConfigurationError) {
        if providers.isEmpty { throw ConnectorConfigurationError("\(file): providers: at least one provider is required") }
        var ranks = Set<Int>()
        for (index, provider) in providers.enumerated() {
            let at = "\(file): providers[\(index)] (\(provider.name))"
            if !ranks.insert(provider.rank).inserted { throw ConnectorConfigurationError("\(at): rank \(provider.rank) is used twice") }
            if provider.connections.isEmpty { throw ConnectorConfigurationError("\(at): connections: at least one is required") }
            var types = Set<IYSMessageType>()
            for (position, connection) in provider.connections.enumerated() {
                let here = "\(at).connections[\(position)]"
                if !types.insert(connection.smsIysMessageType).inserted {
                    throw ConnectorConfigurationError("\(here): a second connection for \(connection.smsIysMessageType.rawValue)")
                }
                if connection.senderList.isEmpty { throw ConnectorConfigurationError("\(here): senderList is empty") }
                if connection.customApiActive, (connection.customApiUrl ?? "").isEmpty {
                    throw ConnectorConfigurationError("\(here): customApiActive is true but customApiUrl is missing")
                }
                if let url = connection.customApiUrl, !url.isEmpty, URL(string: url)?.scheme == nil {
                    throw ConnectorConfigurationError("\(here): customApiUrl '\(url)' is not an http(s) URL")
                }
            }
        }
    }

    /// Providers, highest rank (lowest number) first.
    public var ranked: [ProviderEntry] { providers.sorted { $0.rank < $1.rank } }
}

/// A configuration that cannot be used, naming the entry to fix.
public struct ConnectorConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static func describe(_ error: DecodingError) -> String {
        guard let problem = DecodingProblem(error) else { return "cannot be read" }
        switch problem.kind {
        case .missing: return "\(problem.field): is required"
        case .wrongType, .null: return "\(problem.field): has the wrong type"
        case .unreadable(let detail): return "\(problem.field): \(detail)"
        }
    }
}
