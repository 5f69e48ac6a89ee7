import Foundation
import MockProviders
import Synchronization

/// The three mocks and their admin API in the test's process, as `provider-mock serve` runs them, on ports the
/// operating system assigns; stopped when the test's body returns or throws.
///
/// ```swift
/// try await ProviderMockHarness.withMocks { mocks in
///     let client = NodeAPIClient(baseURL: mocks.nodeAPI.absoluteString, username: "admin", password: "123456")
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
        let ports = Mutex<[String: Int]>([:])
        let (listening, ready) = AsyncStream.makeStream(of: Void.self)
        @Sendable func bound(_ name: String, _ port: Int) {
            if ports.withLock({ $0[name] = port; return $0.count }) == 4 { ready.finish() }
        }
        let app = mocks.application(
            host: "127.0.0.1", ports: ProviderMocks.Ports(nodeAPI: 0, iys: 0, euromsg: 0, admin: 0), limits: limits, adminToken: adminToken,
            onListening: { provider, port in bound(provider.rawValue, port) }, onAdminListening: { port in bound("admin", port) }
        )
        let server = Task {
            // A server that cannot start ends the wait too, rather than leave the test hanging.
            defer { ready.finish() }
            try await app.runService(gracefulShutdownSignals: [])
        }
        for await _ in listening {}
        let bound = ports.withLock { $0 }
        guard let node = bound["node-api"], let iys = bound["iys"], let euromsg = bound["euromsg"], let admin = bound["admin"] else {
            server.cancel()
            try await server.value
            throw HarnessError(message: "the mocks did not start (ports bound: \(bound))")
        }
        let running = Running(
            nodeAPI: Self.url(node), iys: Self.url(iys), euromsg: Self.url(euromsg), admin: Self.url(admin),
            control: MockControl(admin: Self.url(admin), token: adminToken), mocks: mocks
        )
        do {
            let value = try await body(running)
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
