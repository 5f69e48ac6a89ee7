import ArgumentParser
import Descriptions
import Foundation

/// `provider-mock describe`: writes what follows from the operation tables into the repository's files that describe
/// the APIs (``Descriptions``), or with `--check` says whether they are up to date.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Regenerate what describes the APIs from the operation tables (--check: only compare).",
        discussion: """
            From the repository's root: the README's tables of calls, describe/operations.json (for scripts), the WSDL's \
            operations, messages, port type and binding, the four OpenAPI descriptions (from describe/openapi/), and the \
            Postman collections and their environment. A file with \
            hand-written parts is filled between <!-- generated: NAME --> and <!-- end generated -->; the rest is left as \
            it is. --check exits 1 when a file differs from what the operation tables give, and writes nothing.
            """
    )

    @Option(name: .long, help: "The repository's root.")
    var root = "."

    @Flag(name: .long, help: "Compare only: exit 1 when a generated file is out of date, writing nothing.")
    var check = false

    func run() throws {
        let repository = Repository(root: URL(fileURLWithPath: root))
        var outOfDate: [(path: String, text: String)] = []
        do {
            for file in try Descriptions.files(repository) {
                let current = try? repository.read(file.path)
                let generated = try file.generated(from: current)
                if generated != current { outOfDate.append((file.path, generated)) }
            }
        } catch {
            throw ValidationError(error.description)
        }
        if check {
            for file in outOfDate { print("\(file.path): out of date (provider-mock describe rewrites it)") }
            guard outOfDate.isEmpty else { throw ExitCode(1) }
            print("every generated file is up to date")
            return
        }
        for file in outOfDate {
            let url = repository.root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
            print("\(file.path): rewritten")
        }
        if outOfDate.isEmpty { print("every generated file is up to date") }
    }
}
