import Foundation
import Hummingbird
import MockProviders
import MockSimulations
import Synchronization

/// The three mocks and their admin API in the test's process, as `provider-mock serve` runs them, on ports the
/// operating system assigns; stopped when the test's body returns or throws.
///
/// ```swift
/// try await ProviderMockHarness.withMocks { mocks in
///     let client = NodeAPIClient(.init(baseURL: mocks.nodeAPI.absoluteString, username: "admin", password: "123456"))
///     _ = try await client.send(…)
///     let sms = try await mocks.control.waitForSMS(to: "905551230011")
///     #expect(sms.otp == "482913")
/// }
/// ```
public enum ProviderMockHarness {
    /// Where the running mocks answer, and the typed handle over their admin API.
    public struct Running: Sendable {
        public let nodeAPI: URL
        public let iys: URL
        public let euromsg: URL
        public let admin: URL
        public let control: MockControl
        /// The mocks themselves, for what a test reads without HTTP.
        public let mocks: ProviderMocks
    }

    /// Runs the mocks of `scenario` (the bundled one by default) on a manual clock starting at `start` (the wall clock's
    /// time when nil), until `body` returns.
    public static func withMocks<Value: Sendable>(
        scenario: Scenario? = nil, clock mode: SwitchableClock.Mode = .manual, start: Int64? = nil,
        _ body: @Sendable (Running) async throws -> Value
    ) async throws -> Value {
        let clock = SwitchableClock(mode: mode, now: start)
        let mocks: ProviderMocks
        if let scenario {
            mocks = ProviderMocks(scenario: scenario, clock: clock)
        } else {
            let source = try Scenario.bundledSource()
            mocks = ProviderMocks(scenario: try Scenario.parse(source, file: "default.yaml"), clock: clock, source: source)
        }
        return try await withMocks(mocks, body)
    }

    /// Runs `mocks` (built with whatever clock, policy and injection the test needs), with `limits` on every server's
    /// connections, until `body` returns.
    public static func withMocks<Value: Sendable>(
        _ mocks: ProviderMocks, adminToken: String? = nil, limits: ConnectionLimits = ConnectionLimits(),
        _ body: @Sendable (Running) async throws -> Value
    ) async throws -> Value {
        try await withServers(["node-api", "iys", "euromsg", "admin"]) { bound in
            try mocks.application(
                host: "127.0.0.1", ports: ProviderMocks.Ports(nodeAPI: 0, iys: 0, euromsg: 0, admin: 0), limits: limits, adminToken: adminToken,
                onListening: { provider, port in bound(provider.rawValue, port) }, onAdminListening: { port in bound("admin", port) }
            )
        } _: { ports in
            let admin = Self.url(ports["admin"] ?? 0)
            let running = Running(
                nodeAPI: Self.url(ports["node-api"] ?? 0), iys: Self.url(ports["iys"] ?? 0), euromsg: Self.url(ports["euromsg"] ?? 0), admin: admin,
                control: MockControl(admin: admin, token: adminToken), mocks: mocks
            )
            return try await body(running)
        }
    }

    /// Runs the servers `make` builds (each binding port 0 and reporting the port it got, by name, to the function it is
    /// given) until `body` returns; `body` starts once every one of `names` has reported. The toolkit's other servers
    /// (the proxy) start in tests through this too.
    public static func withServers<Value: Sendable, App: ApplicationProtocol>(
        _ names: Set<String>, _ make: (@escaping @Sendable (String, Int) -> Void) throws -> App, _ body: @Sendable ([String: Int]) async throws -> Value
    ) async throws -> Value {
        let ports = Mutex<[String: Int]>([:])
        let (listening, ready) = AsyncStream.makeStream(of: Void.self)
        let app = try make { name, port in
            if ports.withLock({ $0[name] = port; return names.isSubset(of: $0.keys) }) { ready.finish() }
        }
        let server = Task {
            // A server that cannot start ends the wait too, rather than leave the test hanging.
            defer { ready.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        for await _ in listening {}
        let bound = ports.withLock { $0 }
        guard names.isSubset(of: bound.keys) else {
            server.cancel()
            try await server.value
            throw HarnessError(message: "the servers did not start (ports bound: \(bound))")
        }
        do {
            let value = try await body(bound)
            server.cancel()
            _ = await server.result
            return value
        } catch {
            server.cancel()
            _ = await server.result
            throw error
        }
    }

    static func url(_ port: Int) -> URL {
        URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    struct HarnessError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
