import ArgumentParser
import Conformance
import Foundation

/// `provider-mock check --node-api URL`: the Node API's contract against any endpoint (a reseller's, an in-house
/// gateway, the mock), a table on the terminal, JUnit XML and JSON for CI, exit status 1 when anything differs.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an endpoint against the Node API document: every read operation, and the documented errors.",
        discussion: """
            Each check sends one request (JSON, and SOAP with --soap) and reads the reply with the document's rules: \
            the envelope, the model's types and enum values, fields the document does not have, and for a documented \
            bad input (wrong credentials, an unknown package, a page size of 5, a range over 3 months) its error code, \
            err.status and HTTP status. Sending an SMS costs money: it runs only with --allow-writes, to --test-number, \
            from --sender. Exit status 1 when a check fails.
            """
    )

    @Option(name: .customLong("node-api"), help: "Base URL of the Node API endpoint, such as https://api.example.com or http://127.0.0.1:9587.")
    var nodeAPI: String

    @Option(name: .long, help: "Username of the account.")
    var username: String

    @Option(name: .long, help: "Password of the account.")
    var password: String

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
        guard let url = URL(string: nodeAPI), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--node-api must be an http or https URL, such as http://127.0.0.1:9587")
        }
        guard timeout.isFinite, (0.1...600).contains(timeout) else { throw ValidationError("--timeout must be between 0.1 and 600 seconds") }
        if allowWrites, testNumber == nil || sender == nil { throw ValidationError("--allow-writes needs --test-number and --sender") }
    }

    func run() async throws {
        let contract = NodeAPIContract(
            baseURL: nodeAPI, username: username, password: password, faces: soap ? [.json, .soap] : [.json], errorsAsHTTP200: errorsAsHttp200,
            allowWrites: allowWrites, testNumber: testNumber, sender: sender, timeout: .milliseconds(Int64(timeout * 1000))
        )
        let report = await contract.run()
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
