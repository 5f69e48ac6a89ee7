import ArgumentParser
import Conformance
import Foundation
import Hummingbird
import MockAdmin

/// `provider-mock proxy --upstream URL`: the Node API passed through to a provider, each exchange checked against the
/// document (a log line, and `X-Conformance` on the reply) and, with `--record DIR`, written to a file for replay.
struct ProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy",
        abstract: "Pass Node API traffic (JSON and SOAP) to a provider, checking each request and reply against the document.",
        discussion: """
            Point a client at the proxy instead of the provider. Each request is read with the model (unknown fields, \
            types, field rules) and sent on; each reply is read with the document's rules (envelope, types, enum \
            values, fields the document does not have, the documented error and status). What differs is logged and \
            sent back in X-Conformance (ok, or the differences, percent-encoded). With --record DIR each exchange is \
            written to DIR as JSON with credentials redacted (Authorization, cookies, SOAP username and password); \
            provider-mock serve --replay DIR answers them back. The WSDL's soap:address is pointed at the proxy.
            """
    )

    @Option(name: .long, help: "Base URL of the provider, such as https://api.example.com.")
    var upstream: String

    @Option(name: .long, help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port = DefaultPort.proxy

    @Option(name: .long, help: "Directory to record the exchanges to (created when missing; numbering goes on after the files there).")
    var record: String?

    @Flag(name: .customLong("errors-as-http-200"), help: "The provider answers errors with HTTP 200, as some resellers do.")
    var errorsAsHttp200 = false

    @Option(name: .long, help: "Seconds to wait for each upstream reply.")
    var timeout: Double = 30

    mutating func validate() throws {
        guard let url = URL(string: upstream), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--upstream must be an http or https URL, such as https://api.example.com")
        }
        guard timeout.isFinite, (0.1...600).contains(timeout) else { throw ValidationError("--timeout must be between 0.1 and 600 seconds") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let recorder: ExchangeRecorder?
        do {
            recorder = try record.map { try ExchangeRecorder(directory: $0) }
        } catch {
            FileHandle.standardError.write(Data("provider-mock proxy: cannot record to \(record ?? ""): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        if port != 0, !PortCheck.isFree(host: host, port: port) {
            FileHandle.standardError.write(Data("provider-mock proxy: cannot listen on \(host):\(port): the address is already in use\n".utf8))
            throw ExitCode(1)
        }
        let proxy = NodeAPIProxy(
            upstream: upstream, errorsAsHTTP200: errorsAsHttp200, recorder: recorder, timeout: .milliseconds(Int64(timeout * 1000))
        )
        let (host, upstream, record) = (host, upstream, record)
        let app = proxy.application(host: host, port: port) { port in
            let recording = record.map { "; recording to \($0)" } ?? ""
            FileHandle.standardOutput.write(Data("Proxy listening on http://\(host):\(port), passing the Node API on to \(upstream)\(recording)\n".utf8))
        }
        do {
            try await app.runService()
        } catch is CancellationError {}
    }
}
