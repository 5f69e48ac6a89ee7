import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Issue 24, item 3: every `serve` option also comes from `PROVIDER_MOCK_<NAME>`, a flag on the command line winning;
/// a typo in a variable's name stops the server naming it, and a bad value gets the flag's own error.
@Suite struct ServeEnvironmentTests {
    /// `provider-mock serve` started with `environment` added to this process's (less any `PROVIDER_MOCK_` of its own),
    /// both outputs in one pipe, and a watchdog that stops it after 20 s whatever it does, so that no read blocks for ever.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (process: Process, log: Pipe, watchdog: DispatchWorkItem) {
        let process = Process()
        process.executableURL = ConvertCommandTests.binary
        process.arguments = ["serve"] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PROVIDER_MOCK_") }.merging(environment) { $1 }
        let log = Pipe()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
        return (process, log, watchdog)
    }

    /// Runs `provider-mock serve` until it prints `until` or exits.
    func run(_ arguments: [String], environment: [String: String], until marker: String) async throws -> (output: String, exited: Int32?) {
        try await OffPool.run { try Self.runUntil(arguments, environment: environment, marker: marker) }
    }

    private static func runUntil(_ arguments: [String], environment: [String: String], marker: String) throws -> (output: String, exited: Int32?) {
        let (process, log, watchdog) = try Self.start(arguments, environment: environment)
        defer { watchdog.cancel() }
        var text = ""
        var ended = false
        while !text.contains(marker) {
            let chunk = log.fileHandleForReading.availableData
            if chunk.isEmpty {
                ended = true
                break
            }
            text += String(decoding: chunk, as: UTF8.self)
        }
        if !ended {
            process.terminate()
            process.waitUntilExit()
            return (text, nil)
        }
        process.waitUntilExit()
        return (text, process.terminationStatus)
    }

    @Test func everyOptionHasItsVariable() async throws {
        let ports = ["PROVIDER_MOCK_NODE_API_PORT": "0", "PROVIDER_MOCK_IYS_PORT": "0", "PROVIDER_MOCK_EUROMSG_PORT": "0", "PROVIDER_MOCK_ADMIN_PORT": "0", "PROVIDER_MOCK_NODE_API_TLS_PORT": "0"]
        let served = try await run([], environment: ports.merging(["PROVIDER_MOCK_ERRORS_AS_HTTP_200": "true", "PROVIDER_MOCK_MAX_CONNECTIONS": "7"]) { $1 }, until: "per mock")
        #expect(served.exited == nil, "\(served.output)")
        #expect(served.output.contains("at most 7 per mock"), "\(served.output)")
        // A flag on the command line wins over its variable.
        let flagWins = try await run(["--max-connections", "9"], environment: ports.merging(["PROVIDER_MOCK_MAX_CONNECTIONS": "7"]) { $1 }, until: "per mock")
        #expect(flagWins.output.contains("at most 9 per mock"), "\(flagWins.output)")
    }

    @Test func aTypoOrABadValueStopsTheServer() async throws {
        let typo = try await run(["--node-api-port", "0"], environment: ["PROVIDER_MOCK_NODE_API_PROT": "9587"], until: "listening")
        #expect(typo.exited != nil && typo.exited != 0)
        #expect(typo.output.contains("PROVIDER_MOCK_NODE_API_PROT is not a setting of provider-mock serve"), "\(typo.output)")
        #expect(typo.output.contains("PROVIDER_MOCK_NODE_API_PORT"), "the known settings are listed")
        let bad = try await run([], environment: ["PROVIDER_MOCK_NODE_API_PORT": "dokuz"], until: "listening")
        #expect(bad.exited != nil && bad.exited != 0)
        #expect(bad.output.contains("--node-api-port"), "the flag's own error: \(bad.output)")
        let flag = try await run([], environment: ["PROVIDER_MOCK_STRICT": "belki"], until: "listening")
        #expect(flag.output.contains("PROVIDER_MOCK_STRICT=belki: a flag is true or false"), "\(flag.output)")
    }
}

/// Issue 24, item 3: `provider-mock --version` names the commit the binary was built from.
@Suite struct VersionTests {
    @Test func theVersionNamesTheCommit() async throws {
        let (status, output) = try await ServeCommandTests().run(["--version"])
        #expect(status == 0)
        let version = output.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = String(version.split(separator: " ").last?.dropLast() ?? "")
        #expect(version.hasPrefix("0.1.0 (commit "), "\(version)")
        #expect(commit.count == 40 && commit.allSatisfy { $0.isHexDigit }, "\(version)")
        // The package's HEAD, read as git does.
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        git.arguments = ["-C", URL(fileURLWithPath: #filePath).deletingLastPathComponent().path, "rev-parse", "HEAD"]
        let head = Pipe()
        git.standardOutput = head
        try git.run()
        git.waitUntilExit()
        #expect(String(decoding: head.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == commit)
    }
}

/// Issue 24, item 3: `serve --log-format json` writes one JSON object per line, with a line per request naming its
/// provider, method, path, status and duration.
@Suite struct LogFormatTests {
    @Test func everyLineIsAJSONObjectAndEveryRequestHasOne() async throws {
        let (process, log, watchdog) = try ServeEnvironmentTests.start(
            ["--log-format", "json", "--node-api-port", "0", "--iys-port", "0", "--euromsg-port", "0", "--admin-port", "0", "--node-api-tls-port", "0"]
        )
        defer {
            watchdog.cancel()
            if process.isRunning { process.terminate() }
        }
        var text = ""
        func lines(until marker: String) async throws -> [String] {
            let before = text
            let reading = log.fileHandleForReading
            text = try await OffPool.run {
                var text = before
                while !text.contains(marker) {
                    let chunk = reading.availableData
                    if chunk.isEmpty { break }
                    text += String(decoding: chunk, as: UTF8.self)
                }
                return text
            }
            return text.split(separator: "\n").map(String.init)
        }
        let started = try await lines(until: "Admin API listening on ")
        let admin = try #require(started.compactMap { line in line.range(of: "Admin API listening on http://127.0.0.1:").map { line[$0.upperBound...].prefix { $0.isNumber } } }.first)
        _ = try await URLSession.shared.data(from: try #require(URL(string: "http://127.0.0.1:\(admin)/__admin/clock")))
        let all = try await lines(until: #""path":"/__admin/clock""#)
        for line in all {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
            #expect(object["time"] is String && object["level"] is String && object["message"] is String, "\(line)")
        }
        let request = try #require(all.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }.first { $0["path"] as? String == "/__admin/clock" })
        #expect(request["provider"] as? String == "admin" && request["method"] as? String == "GET" && request["status"] as? Int == 200)
        #expect(request["durationMs"] is Double || request["durationMs"] is Int)
    }
}
