import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOSSL

/// `provider-mock health`: asks each of the servers that `serve` with the same options (or the same
/// `PROVIDER_MOCK_*` environment) listens on whether it answers, and exits 0 only when all do. It is the container
/// image's `HEALTHCHECK`: an image that holds nothing but the binary has no curl.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Check that the servers of a running `provider-mock serve` answer (exit 0 when all do).",
        discussion: """
            Takes serve's address and ports (the same options and PROVIDER_MOCK_* variables); an address that binds \
            every interface (0.0.0.0, ::) is asked on loopback. The Node API and MySoft İYS mocks must answer their \
            /mock/health, Euromsg Express its /health-check, the admin API any reply (401 included, when it needs a token).
            """
    )

    @OptionGroup var listen: ListenOptions

    @Option(name: .long, help: "Seconds each server has to answer.")
    var timeout: Double = 2

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 600 else { throw ValidationError("--timeout is between 0 and 600 seconds") }
    }

    func run() async throws {
        let answers = await Self.probe(listen, timeoutMilliseconds: Int64(timeout * 1000))
        for answer in answers { print(answer.line) }
        if answers.contains(where: { !$0.isHealthy }) { throw ExitCode(1) }
    }

    /// What one server answered.
    struct Answer: Sendable {
        var server: String
        var url: String
        var status: Int?
        var problem: String?
        var isHealthy: Bool

        var line: String {
            let outcome = status.map { "HTTP \($0)" } ?? problem ?? "no answer"
            return "\(isHealthy ? "ok" : "FAIL") \(server) at \(url): \(outcome)"
        }
    }

    /// Asks the four servers in turn; a server that binds every interface is asked on loopback.
    static func probe(_ listen: ListenOptions, timeoutMilliseconds: Int64) async -> [Answer] {
        let host = switch listen.host {
        case "0.0.0.0", "": "127.0.0.1"
        case "::", "[::]": "[::1]"
        case let named where named.contains(":") && !named.hasPrefix("["): "[\(named)]"
        case let named: named
        }
        // The TLS port is asked whether it answers, not whether its certificate is trusted (it may be the local CA's).
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        let untrusting = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        var answers: [Answer] = []
        for server in listen.servers {
            let url = "\(server.scheme)://\(host):\(server.port)\(server.healthPath)"
            do {
                let client = server.scheme == "https" ? untrusting : HTTPClient.shared
                let response = try await client.execute(HTTPClientRequest(url: url), timeout: .milliseconds(timeoutMilliseconds))
                let status = Int(response.status.code)
                // The admin API answers 401 to a call without its token: it is up.
                let healthy = status == 200 || (server.option == "admin-port" && status == 401)
                answers.append(Answer(server: server.name, url: url, status: status, isHealthy: healthy))
            } catch {
                answers.append(Answer(server: server.name, url: url, problem: "\(error)", isHealthy: false))
            }
        }
        try? await untrusting.shutdown()
        return answers
    }
}
