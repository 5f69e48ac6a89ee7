import ArgumentParser
import Conformance
import Foundation
import MockAdmin

/// `provider-mock check --node-api URL [--iys URL] [--euromsg URL]`: each provider's contract against any endpoint (a
/// reseller's, an in-house gateway, the mock), a table on the terminal, JUnit XML and JSON for CI, exit status 1 when
/// anything differs.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check endpoints against the providers' documents: every read operation, and the documented errors.",
        discussion: """
            Each check sends one request (JSON, and SOAP with --soap) and reads the reply with the document's rules: \
            the envelope, the model's types and enum values, fields the document does not have, and for a documented \
            bad input (wrong credentials, an unknown package, a page size of 5, a range over 3 months) its error code, \
            err.status and HTTP status. Sending an SMS costs money: it runs only with --allow-writes, to --test-number, \
            from --sender. With --iys (MySoft İYS) the OAuth token and its refusal, brands, a recipient's consents, the \
            consent query, and the documented errors; with --euromsg (Euromsg Express) the health check, token, API key, \
            lists, members, campaigns and reports, and the documented errors. Writes (a consent, a list) need \
            --allow-writes too. Exit status 1 when a check fails.
            """
    )

    @Option(name: .customLong("node-api"), help: "Base URL of the Node API endpoint, such as https://api.example.com or http://127.0.0.1:\(DefaultPort.nodeAPI).")
    var nodeAPI: String?

    @Option(name: .long, help: "Username of the Node API account.")
    var username: String?

    @Option(name: .long, help: "Password of the Node API account.")
    var password: String?

    @Option(name: .long, help: "Base URL of the MySoft İYS endpoint, such as http://127.0.0.1:\(DefaultPort.iys).")
    var iys: String?

    @Option(name: .long, help: "Username of the İYS account.")
    var iysUsername: String?

    @Option(name: .long, help: "Password of the İYS account.")
    var iysPassword: String?

    @Option(name: .long, help: "Base URL of the Euromsg Express endpoint, such as http://127.0.0.1:\(DefaultPort.euromsg).")
    var euromsg: String?

    @Option(name: .long, help: "The integrator's client name (Euromsg Express).")
    var euromsgClient: String?

    @Option(name: .long, help: "The integrator's password (Euromsg Express).")
    var euromsgPassword: String?

    @Option(name: .long, help: "The end user's API key (Euromsg Express).")
    var euromsgApiKey: String?

    @Flag(name: .long, help: "Check the SOAP face (POST /soap) too.")
    var soap = false

    @Flag(name: .customLong("errors-as-http-200"), help: "The endpoint answers errors with HTTP 200, as some resellers do.")
    var errorsAsHttp200 = false

    @Flag(name: .long, help: "Run the checks that send an SMS (they cost credit).")
    var allowWrites = false

    @Option(name: .long, help: "The number the writes send to (905xxxxxxxxx).")
    var testNumber: String?

    @Option(name: .long, help: "An approved sender title of the account, for the writes.")
    var sender: String?

    @Option(name: .long, help: "Write the report as JUnit XML to this file.")
    var junit: String?

    @Option(name: .long, help: "Write the report as JSON to this file.")
    var json: String?

    @Option(name: .long, help: "Seconds to wait for each reply.")
    var timeout: Double = 30

    mutating func validate() throws {
        guard nodeAPI != nil || iys != nil || euromsg != nil else { throw ValidationError("give --node-api, --iys or --euromsg (or more than one)") }
        for (option, value, example) in [("--node-api", nodeAPI, DefaultPort.nodeAPI), ("--iys", iys, DefaultPort.iys), ("--euromsg", euromsg, DefaultPort.euromsg)] {
            guard let value else { continue }
            guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationError("\(option) must be an http or https URL, such as http://127.0.0.1:\(example)")
            }
        }
        if nodeAPI != nil, username == nil || password == nil { throw ValidationError("--node-api needs --username and --password") }
        if iys != nil, iysUsername == nil || iysPassword == nil { throw ValidationError("--iys needs --iys-username and --iys-password") }
        if euromsg != nil, euromsgClient == nil || euromsgPassword == nil || euromsgApiKey == nil {
            throw ValidationError("--euromsg needs --euromsg-client, --euromsg-password and --euromsg-api-key")
        }
        guard timeout.isFinite, (0.1...600).contains(timeout) else { throw ValidationError("--timeout must be between 0.1 and 600 seconds") }
        if allowWrites, nodeAPI != nil, testNumber == nil || sender == nil { throw ValidationError("--allow-writes needs --test-number and --sender") }
        if allowWrites, iys != nil, testNumber == nil { throw ValidationError("--allow-writes needs --test-number") }
    }

    func run() async throws {
        let limit = Duration.milliseconds(Int64(timeout * 1000))
        var results: [ConformanceReport.Result] = []
        if let nodeAPI, let username, let password {
            results += await NodeAPIContract(
                baseURL: nodeAPI, username: username, password: password, faces: soap ? [.json, .soap] : [.json], errorsAsHTTP200: errorsAsHttp200,
                allowWrites: allowWrites, testNumber: testNumber, sender: sender, timeout: limit
            ).run().results
        }
        if let iys, let iysUsername, let iysPassword {
            results += await IYSContract(
                baseURL: iys, username: iysUsername, password: iysPassword, allowWrites: allowWrites, testNumber: testNumber, timeout: limit
            ).run().results
        }
        if let euromsg, let euromsgClient, let euromsgPassword, let euromsgApiKey {
            results += await ExpressContract(
                baseURL: euromsg, clientName: euromsgClient, password: euromsgPassword, apiKey: euromsgApiKey, allowWrites: allowWrites, timeout: limit
            ).run().results
        }
        let report = ConformanceReport(results: results)
        FileHandle.standardOutput.write(Data(report.table.utf8))
        do {
            if let junit { try Data(report.junit.utf8).write(to: URL(fileURLWithPath: junit), options: .atomic) }
            if let json { try Data(report.json).write(to: URL(fileURLWithPath: json), options: .atomic) }
        } catch {
            FileHandle.standardError.write(Data("provider-mock check: cannot write the report: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        if !report.conformant { throw ExitCode(1) }
    }
}
