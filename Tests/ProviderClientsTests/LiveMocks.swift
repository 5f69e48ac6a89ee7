import Foundation
import Hummingbird
import HummingbirdTesting
import MockProviders
import MockSimulations
import ProviderMockTesting

/// The mocks in process on free ports, for the clients to call over real HTTP, wired as `serve` wires them: the
/// harness (``ProviderMockHarness``) runs them. Set `CONTRACT_NODE_API_URL`
/// (with `CONTRACT_NODE_API_USERNAME` and `CONTRACT_NODE_API_PASSWORD`) to run the Node API contract against
/// another endpoint, a provider's test account say, instead of the mock.
enum LiveMocks {
    struct Endpoint: Sendable {
        var baseURL: String
        var username: String
        var password: String
    }

    /// The external endpoint the environment names, if any.
    static var externalNodeAPI: Endpoint? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CONTRACT_NODE_API_URL"] else { return nil }
        return Endpoint(baseURL: url, username: environment["CONTRACT_NODE_API_USERNAME"] ?? "", password: environment["CONTRACT_NODE_API_PASSWORD"] ?? "")
    }

    /// Runs `body` against the Node API: the external endpoint when set, else a live mock of `scenario`.
    static func nodeAPI(
        _ scenario: NodeAPIScenario? = nil, policy: NodeAPIWirePolicy = NodeAPIWirePolicy(), injection: ErrorInjection = ErrorInjection(),
        clock: any MockClock = SystemClock(), mockOnly: Bool = false, _ body: @escaping @Sendable (Endpoint) async throws -> Void
    ) async throws {
        if !mockOnly, let external = externalNodeAPI { return try await body(external) }
        var mocks = try Scenario.bundled()
        if let scenario { mocks.nodeAPI = scenario }
        let live = ProviderMocks(
            scenario: mocks, clock: clock, errorsAsHTTP200: policy.errorsAsHTTP200, strictRequests: policy.strictRequests, injection: injection
        )
        try await ProviderMockHarness.withMocks(live) { running in
            try await body(Endpoint(baseURL: running.nodeAPI.absoluteString, username: "admin", password: "123456"))
        }
    }

    /// A live MySoft İYS mock on the bundled scenario and the given clock.
    static func iys(clock: any MockClock, _ body: @escaping @Sendable (String) async throws -> Void) async throws {
        try await ProviderMockHarness.withMocks(ProviderMocks(scenario: try Scenario.bundled(), clock: clock)) { running in
            try await body(running.iys.absoluteString)
        }
    }

    /// A live Euromsg Express mock on the bundled scenario and the given clock.
    static func euromsg(clock: any MockClock, _ body: @escaping @Sendable (String) async throws -> Void) async throws {
        try await ProviderMockHarness.withMocks(ProviderMocks(scenario: try Scenario.bundled(), clock: clock)) { running in
            try await body(running.euromsg.absoluteString)
        }
    }

    /// A router of the test's own (a mock with a custom body limit, a receiver), live on a free port.
    static func live<Context: RequestContext>(_ router: Router<Context>, _ body: @escaping @Sendable (Int) async throws -> Void) async throws where Context.Source == ApplicationRequestContextSource {
        try await Application(router: router).test(.live) { client in
            guard let port = client.port else { throw CancellationError() }
            try await body(port)
        }
    }
}
