import Foundation
import Testing

/// Issue 24, item 2: `provider-mock health`, the image's HEALTHCHECK, asks the four servers that `serve` with the same
/// options or `PROVIDER_MOCK_*` environment listens on, and fails naming the one that does not answer.
@Suite struct HealthCommandTests {
    @Test func healthAsksTheServersOfTheSameEnvironment() async throws {
        let served = try await ServeCommandTests().serve(["--admin-token", "gizli"])
        defer { served.process.terminate() }
        func port(_ url: String) -> String { String(url.split(separator: ":").last ?? "") }
        let environment = [
            "PROVIDER_MOCK_NODE_API_PORT": port(served.nodeAPI), "PROVIDER_MOCK_IYS_PORT": port(served.iys),
            "PROVIDER_MOCK_EUROMSG_PORT": port(served.euromsg), "PROVIDER_MOCK_ADMIN_PORT": port(served.admin),
            "PROVIDER_MOCK_NODE_API_TLS_PORT": port(served.nodeAPITLS),
            // serve's other settings in the same environment are not typos to health; 0.0.0.0 is asked on loopback.
            "PROVIDER_MOCK_STATE": "/var/lib/provider-mock/state.json", "PROVIDER_MOCK_HOST": "0.0.0.0",
        ]
        let (healthy, output) = try await ServeCommandTests().run(["health"], environment: environment)
        #expect(healthy == 0, "\(output)")
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count == 5, "\(output)")
        #expect(output.contains("ok the Node API mock over TLS at https://127.0.0.1:\(port(served.nodeAPITLS))/mock/health: HTTP 200"), "\(output)")
        #expect(output.contains("ok the admin API at http://127.0.0.1:\(port(served.admin))/__admin/clock: HTTP 401"), "up, though it needs its token: \(output)")
        // A flag wins over its variable: nothing listens on port 1.
        let (down, text) = try await ServeCommandTests().run(["health", "--euromsg-port", "1", "--timeout", "1"], environment: environment)
        #expect(down == 1, "\(text)")
        #expect(text.contains("FAIL the Euromsg Express mock at http://127.0.0.1:1/health-check"), "\(text)")
        #expect(text.contains("ok the Node API mock"), "\(text)")
        let (typo, refused) = try await ServeCommandTests().run(["health"], environment: environment.merging(["PROVIDER_MOCK_ADMIN_PROT": "1"]) { $1 })
        #expect(typo != 0 && refused.contains("PROVIDER_MOCK_ADMIN_PROT is not a setting"), "\(refused)")
    }
}
