import Foundation
import NodeAPI
import WireCoding
import Yams

/// A scenario file (YAML): the accounts the mocks start with and the rules they follow.
///
/// Decoding is strict: an unknown key or a wrong type is a ``ScenarioError`` naming the file and line,
/// and the server does not start. `mocks/default.yaml` is the default, bundled with the mocks.
public struct Scenario: Sendable, Hashable, Decodable {
    public var nodeAPI: NodeAPIScenario
    public var iys: IYSScenario
    public var euromsg: ExpressScenario
    /// Where delivery reports and İYS webhooks may go.
    public var callbacks: CallbackRules

    public init(
        nodeAPI: NodeAPIScenario = NodeAPIScenario(), iys: IYSScenario = IYSScenario(), euromsg: ExpressScenario = ExpressScenario(),
        callbacks: CallbackRules = CallbackRules()
    ) {
        self.nodeAPI = nodeAPI
        self.iys = iys
        self.euromsg = euromsg
        self.callbacks = callbacks
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case nodeAPI, iys, euromsg, callbacks }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nodeAPI = try container.decodeIfPresent(NodeAPIScenario.self, forKey: .nodeAPI) ?? NodeAPIScenario()
        iys = try container.decodeIfPresent(IYSScenario.self, forKey: .iys) ?? IYSScenario()
        euromsg = try container.decodeIfPresent(ExpressScenario.self, forKey: .euromsg) ?? ExpressScenario()
        callbacks = try container.decodeIfPresent(CallbackRules.self, forKey: .callbacks) ?? CallbackRules()
    }

    /// Reads and parses a scenario file.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError("\(path): cannot be read (\(error.localizedDescription))")
        }
        return try parse(text, file: path)
    }

    /// Parses scenario YAML; errors name `file:line`. The text is bounded first (``YAMLBounds``: nodes with aliases
    /// expanded, depth, anchors), so that no text takes long to refuse.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        do throws(YAMLBounds.Exceeded) { try YAMLBounds().check(text) } catch {
            throw ScenarioError("\(file):\(error.line): not accepted: the YAML \(error.message)")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { return Scenario() }
            root = node
        } catch {
            throw ScenarioError("\(file): not valid YAML: \(String(describing: error).replacingOccurrences(of: "\n", with: " "))")
        }
        try ScenarioNumbers.check(root, file: file)
        do {
            return try YAMLDecoder().decode(Scenario.self, from: root)
        } catch let DecodingError.dataCorrupted(context) {
            throw ScenarioError(file, root, context.codingPath, context.debugDescription)
        } catch let DecodingError.typeMismatch(type, context) {
            throw ScenarioError(file, root, context.codingPath, "expected \(ScenarioError.describe(type))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw ScenarioError(file, root, context.codingPath, "'\(key.stringValue)' is required")
        } catch let DecodingError.valueNotFound(type, context) {
            throw ScenarioError(file, root, context.codingPath, "expected \(ScenarioError.describe(type))")
        } catch {
            throw ScenarioError("\(file): \(error)")
        }
    }
}

/// The Node API mock's part of a scenario.
public struct NodeAPIScenario: Sendable, Hashable, Decodable {
    public var errorsAsHTTP200: Bool
    /// Unknown request fields are refused (`ERR_INVALID_PARAM`) instead of ignored and reported, as the provider does.
    public var strictRequests: Bool
    public var delivery: DeliveryRules
    public var accounts: [NodeAPIAccount]
    /// Every call answers `SMS99` (503) while on.
    public var maintenance: Bool
    /// Hours (Turkish time) in which packages may be created; outside them `SMS44`.
    public var sendingHours: SendingHours?
    public var errorRules: [ErrorInjection.Rule]
    /// Requests one user may have in flight at once; more answer `SMS50`.
    public var maxConcurrentRequestsPerUser: Int?
    /// Requests and replies the journal keeps (a ring).
    public var journalSize: Int
    /// Minutes in which the same content to the same numbers is refused (`ERR_SMS_PKG_DUPLICATION`); off when absent.
    public var duplicateWindowMinutes: Int?
    /// The short number and keywords of opt-out SMS.
    public var optOut: OptOutRules
    /// Packages kept per user; the oldest are forgotten beyond, so memory stays flat under load.
    public var retainedPackagesPerUser: Int
    /// Items (recipients) kept in all packages of all users, each with up to 128 bytes of text (more text weighs as
    /// more items); the oldest packages are forgotten beyond. Memory follows items: the default keeps the whole
    /// process under 300 MB of RSS (README, "Limits").
    public var retainedItems: Int
    public static let defaultRetainedItems = 1_000_000

    public init(
        errorsAsHTTP200: Bool = false, delivery: DeliveryRules = .default, accounts: [NodeAPIAccount] = [], maintenance: Bool = false,
        sendingHours: SendingHours? = nil, errorRules: [ErrorInjection.Rule] = [], maxConcurrentRequestsPerUser: Int? = nil, journalSize: Int = 1000,
        duplicateWindowMinutes: Int? = nil, optOut: OptOutRules = .default, retainedPackagesPerUser: Int = 100_000,
        retainedItems: Int = Self.defaultRetainedItems, strictRequests: Bool = false
    ) {
        self.strictRequests = strictRequests
        self.retainedPackagesPerUser = retainedPackagesPerUser
        self.retainedItems = retainedItems
        self.duplicateWindowMinutes = duplicateWindowMinutes
        self.optOut = optOut
        self.errorsAsHTTP200 = errorsAsHTTP200
        self.delivery = delivery
        self.accounts = accounts
        self.maintenance = maintenance
        self.sendingHours = sendingHours
        self.errorRules = errorRules
        self.maxConcurrentRequestsPerUser = maxConcurrentRequestsPerUser
        self.journalSize = journalSize
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case errorsAsHTTP200, delivery, accounts, maintenance, sendingHours, errorRules, maxConcurrentRequestsPerUser, journalSize
        case duplicateWindowMinutes, optOut, retainedPackagesPerUser, retainedItems, strictRequests
    }

    public init(from decoder: any Decoder) throws {
        try ScenarioKeys.reject(CodingKeys.self, in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            errorsAsHTTP200: try container.decodeIfPresent(Bool.self, forKey: .errorsAsHTTP200) ?? false,
            delivery: try container.decodeIfPresent(DeliveryRules.self, forKey: .delivery) ?? .default,
            accounts: try container.decodeIfPresent([NodeAPIAccount].self, forKey: .accounts) ?? [],
            maintenance: try container.decodeIfPresent(Bool.self, forKey: .maintenance) ?? false,
            sendingHours: try container.decodeIfPresent(SendingHours.self, forKey: .sendingHours),
            errorRules: try container.decodeIfPresent([ErrorInjection.Rule].self, forKey: .errorRules) ?? [],
            maxConcurrentRequestsPerUser: try container.decodeIfPresent(Int.self, forKey: .maxConcurrentRequestsPerUser, within: 1...1_000_000),
            journalSize: try container.decodeIfPresent(Int.self, forKey: .journalSize, within: ScenarioBounds.tableSize) ?? 1000,
            duplicateWindowMinutes: try container.decodeIfPresent(Int.self, forKey: .duplicateWindowMinutes, within: 1...525_600),
            optOut: try container.decodeIfPresent(OptOutRules.self, forKey: .optOut) ?? .default,
            retainedPackagesPerUser: try container.decodeIfPresent(Int.self, forKey: .retainedPackagesPerUser, within: 10...ScenarioBounds.tableSize.upperBound) ?? 100_000,
            retainedItems: try container.decodeIfPresent(Int.self, forKey: .retainedItems, within: 1000...ScenarioBounds.tableSize.upperBound)
                ?? Self.defaultRetainedItems,
            strictRequests: try container.decodeIfPresent(Bool.self, forKey: .strictRequests) ?? false
        )
    }
}

/// A scenario that cannot be used, with the file and line to look at.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    init(_ file: String, _ root: Node, _ path: [any CodingKey], _ problem: String) {
        let line = Self.line(of: path, in: root).map { ":\($0)" } ?? ""
        let segments: [String] = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
        let joined = segments.joined()
        let field = joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
        message = "\(file)\(line): \(field.isEmpty ? "" : "\(field): ")\(problem)"
    }

    public var description: String { message }

    /// The line of the deepest node the path reaches (a mapping key's own line when the path ends at a key).
    static func line(of path: [any CodingKey], in root: Node) -> Int? {
        var node = root
        var line = root.mark?.line
        for key in path {
            if let index = key.intValue, let entries = node.sequence, entries.indices.contains(index) {
                node = entries[index]
                line = node.mark?.line ?? line
            } else if let pairs = node.mapping, let pair = pairs.first(where: { $0.key.string == key.stringValue }) {
                node = pair.value
                line = pair.key.mark?.line ?? line
            } else {
                break
            }
        }
        return line
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Double.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default: "\(type)".hasPrefix("Array") ? "a list" : "a mapping"
        }
    }
}

/// The unknown-key rule of scenario files.
enum ScenarioKeys {
    static func reject<K: CodingKey & CaseIterable>(_ known: K.Type, in decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: WireKey.self).allKeys.map(\.stringValue)
        if let unknown = KnownKeys.firstUnknown(in: keys, of: known) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [WireKey(unknown)], debugDescription: "unknown key (known: \(KnownKeys.list(known)))"
            ))
        }
    }
}

/// The ranges a scenario's numbers are read within, so that no arithmetic on them can overflow or trap
/// (a duration in seconds times 1000 as milliseconds, a credit plus a refund).
package enum ScenarioBounds {
    /// Durations in seconds: up to ten years.
    static let seconds: ClosedRange<Double> = 0...315_360_000
    /// Durations in days: up to ten years.
    static let days: ClosedRange<Double> = 0...3_650
    /// Durations in minutes: up to a year.
    static let minutes: ClosedRange<Double> = 0...525_600
    /// Credits, sends and other counts a scenario seeds.
    package static let count: ClosedRange<Int> = 0...1_000_000_000_000
    /// Sizes of tables a mock keeps (journals, retention).
    static let tableSize: ClosedRange<Int> = 1...100_000_000
}

extension KeyedDecodingContainer {
    /// A number of a scenario within `range`; outside it an error naming the key and the range.
    func decode<T: Decodable & Comparable & Sendable>(_ type: T.Type, forKey key: Key, within range: ClosedRange<T>) throws -> T {
        try Self.check(try decode(type, forKey: key), key, range, in: self)
    }

    /// ``decode(_:forKey:within:)`` for an optional key.
    func decodeIfPresent<T: Decodable & Comparable & Sendable>(_ type: T.Type, forKey key: Key, within range: ClosedRange<T>) throws -> T? {
        try decodeIfPresent(type, forKey: key).map { try Self.check($0, key, range, in: self) }
    }

    private static func check<T: Comparable>(_ value: T, _ key: Key, _ range: ClosedRange<T>, in container: Self) throws -> T {
        // NaN is in no range: `.nan` in YAML is refused here too.
        guard range.contains(value) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "must be between \(describe(range.lowerBound)) and \(describe(range.upperBound))"
            )
        }
        return value
    }

    private static func describe<T>(_ bound: T) -> String {
        if let double = bound as? Double, double.rounded() == double, abs(double) < 1e15 { return String(Int(double)) }
        return "\(bound)"
    }
}
