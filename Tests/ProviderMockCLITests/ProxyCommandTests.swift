import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Issue 15: `provider-mock proxy --record DIR` and `serve --replay DIR` as a person runs them, binary to binary.
@Suite struct ProxyCommandTests {
    let serve = ServeCommandTests()

    /// Starts the proxy on a port the OS picks, and returns once it logs its address.
    func proxy(to upstream: String, record directory: String) async throws -> (process: Process, url: String) {
        try await OffPool.run { try Self.startProxy(to: upstream, record: directory) }
    }

    private static func startProxy(to upstream: String, record directory: String) throws -> (process: Process, url: String) {
        let process = Process()
        process.executableURL = ConvertCommandTests.binary
        process.arguments = ["proxy", "--upstream", upstream, "--port", "0", "--record", directory]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        var text = ""
        while !text.contains("Proxy listening on ") || !text.contains(", passing") {
            let chunk = log.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let line = text.split(separator: "\n").first { $0.hasPrefix("Proxy listening on ") } ?? ""
        let url = line.dropFirst("Proxy listening on ".count).split(separator: ",").first.map(String.init) ?? ""
        #expect(url.hasPrefix("http://127.0.0.1:"), "\(text)")
        return (process, url)
    }

    func headers(_ user: String) -> [String: String] {
        ["Authorization": "Basic " + Data("\(user)".utf8).base64EncodedString(), "Content-Type": "application/json"]
    }

    @Test func whatTheProxyRecordsServeReplays() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let upstream = try await serve.serve()
        let recorded: String
        do {
            defer { upstream.process.terminate() }
            let proxy = try await proxy(to: upstream.nodeAPI, record: directory)
            defer { proxy.process.terminate() }
            let (status, body) = try await serve.call("\(proxy.url)/sms/list-sender", body: "{}", headers: headers("admin:123456"))
            #expect(status == 200)
            recorded = body
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["0001-sms-list-sender.json"])

        let replaying = try await serve.serve(["--replay", directory])
        defer { replaying.process.terminate() }
        let (status, body) = try await serve.call("\(replaying.nodeAPI)/sms/list-sender", body: "", headers: headers("not:the-password"))
        #expect(status == 200)
        #expect(body == recorded)
        let (unrecorded, _) = try await serve.call("\(replaying.nodeAPI)/user/credit", body: "", headers: headers("not:the-password"))
        #expect(unrecorded == 401, "the rest goes to the simulation")
    }

    @Test func aReplayDirectoryThatCannotBeReadStopsServe() async throws {
        let run = try await ConvertCommandTests().run(["serve", "--node-api-port", "0", "--iys-port", "0", "--euromsg-port", "0", "--admin-port", "0", "--no-tls", "--replay", "/nonexistent/recordings"], stdin: [])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot read the replay directory /nonexistent/recordings"), "\(run.stderr)")
    }
}
