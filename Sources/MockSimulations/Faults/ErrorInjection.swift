import NodeAPI
import Synchronization

/// Errors on demand and by condition, for the errors that have no trigger a client could provoke:
/// a maintenance switch (`SMS99`, 503), the `X-Mock-Error` request header and a per-user limit of concurrent
/// requests (`SMS50`). The scenario's rules are faults (``FaultBook``), as the admin API's are. Real triggers stay
/// in ``NodeAPISimulation``.
public final class ErrorInjection: Sendable {
    /// A scenario rule: calls of `endpoint` (a JSON path or a SOAP operation name) answer `error`,
    /// every call or only every `every`-th. The mocks run it as a fault (``Fault/init(scenario:number:)``).
    public struct Rule: Sendable, Hashable {
        public var endpoint: String
        public var error: ErrorCode
        public var every: Int

        public init(endpoint: String, error: ErrorCode, every: Int = 1) {
            self.endpoint = endpoint
            self.error = error
            self.every = max(every, 1)
        }
    }

    /// The request header that asks for an error by number (`SMS18`) or name (`ERR_USER_CREDIT_REQUIRED`).
    public static let header = "X-Mock-Error"

    private struct State {
        var maintenance: Bool
        var inFlight: [String: Int] = [:]
    }

    /// Most requests one user may have in flight at once; `nil` for no limit.
    public let maxConcurrentRequestsPerUser: Int?
    private let state: Mutex<State>

    public init(maintenance: Bool = false, maxConcurrentRequestsPerUser: Int? = nil) {
        self.maxConcurrentRequestsPerUser = maxConcurrentRequestsPerUser
        state = Mutex(State(maintenance: maintenance))
    }

    /// Turns the maintenance switch on or off (for the admin API and tests).
    public func setMaintenance(_ on: Bool) { state.withLock { $0.maintenance = on } }

    /// `SMS99` while in maintenance.
    package func maintenanceError() -> NodeAPIError? {
        state.withLock { $0.maintenance } ? NodeAPIError(.sms99) : nil
    }

    /// The error the `X-Mock-Error` header asks for, if any. An unknown code is itself an error (`ERR_BAD_REQUEST`),
    /// so that a typo shows.
    package func injectedError(header: String?) -> NodeAPIError? {
        guard let header = header?.trimmedASCIIWhitespace, !header.isEmpty else { return nil }
        guard let code = ErrorCode(wireName: header) else {
            return NodeAPIError(.sms00, detail: "\(Self.header) '\(header)' is not in the error catalogue")
        }
        return NodeAPIError(code, detail: "\(Self.header)")
    }

    /// Counts a request of `user` in flight; `SMS50` when the user already has the maximum.
    /// Every successful call must be balanced by ``finish(user:)``.
    package func start(user: String) -> NodeAPIError? {
        guard let limit = maxConcurrentRequestsPerUser else { return nil }
        return state.withLock { state in
            if state.inFlight[user, default: 0] >= limit { return NodeAPIError(.sms50) }
            state.inFlight[user, default: 0] += 1
            return nil
        }
    }

    package func finish(user: String) {
        guard maxConcurrentRequestsPerUser != nil else { return }
        state.withLock { $0.inFlight[user, default: 1] -= 1 }
    }
}
