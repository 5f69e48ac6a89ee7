import EuromsgExpress
import MySoftIYS
import NodeAPI

/// A fault, as WireMock's faults and stubs: the calls of one provider it matches, and what they get instead of their
/// reply. Added at run time (`POST /__admin/faults`) or by a scenario's `errorRules`, which are the same mechanism.
///
/// What a matched call gets:
/// - `error`: the provider's catalogue error in its own shape (`SMS18` as the Node API's `err`, or SOAP `<err>`; `HM400`
///   in İYS's envelope; `NO_SENDING_RIGHTS` as Euromsg's `{errorCode, message}`), after `delayMs` if given;
/// - `delay`: the call runs after `delayMs`;
/// - `empty`: the connection is closed without a byte of reply (WireMock's `EMPTY_RESPONSE`); `reset`: it is reset (RST,
///   `CONNECTION_RESET_BY_PEER`); `timeout`: the request is held for `delayMs` (30 s by default), then reset;
/// - `malformed`: 200 with a body of the provider's content type cut off mid-way.
///
/// Only `delay` lets the call reach the provider: every other fault leaves its state as it was.
public struct Fault: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        case delay, reset, empty, malformed, timeout
    }

    public enum Origin: String, Codable, Sendable {
        case scenario, admin
    }

    public var id: String
    public var provider: MockProvider
    /// A path (`/sms/create`, `/api/IYSConsent/SendConsent`, `/email-list/*` for a prefix), on the Node API also a SOAP
    /// operation (`sendSms`): either spelling of a Node API operation matches both faces. `*` matches every call.
    public var endpoint: String
    /// `GET`, `POST`…; every method when nil.
    public var method: String?
    /// Only this user's calls (the Node API's and İYS's username, Euromsg's end user); everyone's when nil.
    public var user: String?
    public var error: String?
    public var fault: Action?
    public var delayMs: Int?
    /// Fires this many times at most; without end when nil.
    public var times: Int?
    /// Fires on every `every`-th matching call.
    public var every: Int
    /// Matching calls so far, and how many of them the fault answered.
    public var calls = 0
    public var fired = 0
    public var origin: Origin

    /// Longest `delayMs`: five minutes, so that no fault holds a request (and its connection) for ever.
    package static let maxDelayMs = 300_000
    /// How long `timeout` holds a request when `delayMs` is not given.
    package static let defaultTimeoutMs = 30_000

    /// Counts the call when the fault matches it; true when the fault is due to answer it (its `every`-th, within `times`).
    package mutating func isDue(provider: MockProvider, method: String, path: String, operation: NodeAPIOperation?, user: String?) -> Bool {
        guard provider == self.provider, self.method.map({ $0 == method }) ?? true, self.user.map({ $0 == user }) ?? true,
              Self.endpoint(endpoint, matches: path, operation: operation) else { return false }
        calls += 1
        return calls % every == 0 && (times.map { fired < $0 } ?? true)
    }

    static func endpoint(_ endpoint: String, matches path: String, operation: NodeAPIOperation?) -> Bool {
        if endpoint == "*" { return true }
        if let operation, endpoint == operation.path || endpoint == operation.soapName { return true }
        if endpoint.hasSuffix("*") { return path.hasPrefix(endpoint.dropLast()) }
        return endpoint == path
    }

    /// The wait before the reply (or, for `timeout`, before the connection is closed), in milliseconds.
    package var wait: Int {
        fault == .timeout ? (delayMs ?? Self.defaultTimeoutMs) : (delayMs ?? 0)
    }
}

extension Fault {
    /// The scenario's `errorRules` entry `number` (from 1) of the Node API: id `scenario-<number>`.
    package init(scenario rule: ErrorInjection.Rule, number: Int) {
        self.init(
            id: "scenario-\(number)", provider: .nodeAPI, endpoint: rule.endpoint, error: rule.error.entry.name, every: rule.every, origin: .scenario
        )
    }

    /// `POST /__admin/faults`: `path` or `operation` (the same field, two names), and `error` or `fault`.
    public struct Request: Codable, Sendable {
        public var provider: MockProvider
        public var path: String?
        public var operation: String?
        public var method: String?
        public var user: String?
        public var error: String?
        public var fault: Action?
        public var delayMs: Int?
        public var times: Int?
        public var every: Int?

        public init(provider: MockProvider, path: String? = nil, operation: String? = nil, method: String? = nil, user: String? = nil, error: String? = nil, fault: Action? = nil, delayMs: Int? = nil, times: Int? = nil, every: Int? = nil) {
            self.provider = provider
            self.path = path
            self.operation = operation
            self.method = method
            self.user = user
            self.error = error
            self.fault = fault
            self.delayMs = delayMs
            self.times = times
            self.every = every
        }
    }

    /// A checked fault from its request: the endpoint is one of the provider's, the error in its catalogue, the numbers
    /// in range.
    package init(_ request: Request, id: String, origin: Origin = .admin) throws(Refusal) {
        if request.path != nil, request.operation != nil { throw Refusal(field: "operation", message: "give path or operation, not both") }
        guard let endpoint = request.path ?? request.operation, !endpoint.isEmpty else {
            throw Refusal(field: "path", message: "is required: a path, a SOAP operation or * for every call")
        }
        let field = request.path == nil ? "operation" : "path"
        try Self.check(endpoint: endpoint, of: request.provider, field: field)
        switch (request.error, request.fault) {
        case (nil, nil): throw Refusal(field: "error", message: "give error (a catalogue code) or fault (\(Action.allCases.map(\.rawValue).joined(separator: ", ")))")
        case (.some, .some): throw Refusal(field: "fault", message: "give error or fault, not both")
        case (.some(let code), nil): try Self.check(error: code, of: request.provider)
        case (nil, .some(let action)):
            if action == .delay, request.delayMs == nil { throw Refusal(field: "delayMs", message: "is required for a delay") }
        }
        if let delay = request.delayMs, !(0...Self.maxDelayMs).contains(delay) {
            throw Refusal(field: "delayMs", message: "must be between 0 and \(Self.maxDelayMs)")
        }
        if let times = request.times, times < 1 { throw Refusal(field: "times", message: "must be at least 1") }
        let every = request.every ?? 1
        guard (1...1_000_000).contains(every) else { throw Refusal(field: "every", message: "must be between 1 and 1000000") }
        if let method = request.method, method.isEmpty || method.utf8.count > 16 || method.uppercased() != method {
            throw Refusal(field: "method", message: "'\(method)' is not an HTTP method in capitals, such as POST")
        }
        self.init(
            id: id, provider: request.provider, endpoint: endpoint, method: request.method, user: request.user, error: request.error,
            fault: request.fault, delayMs: request.delayMs, times: request.times, every: every, origin: origin
        )
    }

    private static func check(endpoint: String, of provider: MockProvider, field: String) throws(Refusal) {
        if endpoint == "*" { return }
        switch provider {
        case .nodeAPI:
            let known = NodeAPIOperation.allCases.contains { $0.path == endpoint || $0.soapName == endpoint }
            guard known || endpoint == "/soap" || (endpoint.hasPrefix("/") && endpoint.hasSuffix("*")) else {
                throw Refusal(field: field, message: "'\(endpoint)' is neither a Node API path (or /soap, or a prefix ending in *) nor a SOAP operation")
            }
        case .iys, .euromsg:
            guard endpoint.hasPrefix("/") else { throw Refusal(field: field, message: "'\(endpoint)' is not a path (it starts with /)") }
        }
        guard endpoint.utf8.count <= 256 else { throw Refusal(field: field, message: "is longer than 256 bytes") }
    }

    private static func check(error code: String, of provider: MockProvider) throws(Refusal) {
        let known = switch provider {
        case .nodeAPI: ErrorCode(wireName: code) != nil
        case .iys: IYSErrorCode(rawValue: code) != nil
        case .euromsg: ExpressErrorCode(rawValue: code) != nil
        }
        guard known else { throw Refusal(field: "error", message: "'\(code)' is not in the \(provider.rawValue) error catalogue") }
    }
}
