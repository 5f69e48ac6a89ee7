import ArgumentParser
import Foundation
import MockProviders

/// `provider-mock describe`: writes what is generated from the operation tables into the files that describe the APIs
/// (the README's reference tables of each API's calls, and `describe/operations.json` for scripts), or with `--check`
/// says whether they are up to date.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Regenerate what describes the APIs from the operation tables (--check: only compare).",
        discussion: """
            The README's tables of calls sit between <!-- generated: NAME --> and <!-- end generated -->; the rest of \
            the file is left as it is. describe/operations.json holds the same tables for scripts (the fuzz seeds). \
            --check exits 1 when a file differs from what the operation tables give, and writes nothing.
            """
    )

    @Option(name: .long, help: "The README to fill.")
    var readme = "README.md"

    @Option(name: .long, help: "The tables as JSON, for scripts.")
    var operations = "describe/operations.json"

    @Flag(name: .long, help: "Compare only: exit 1 when a generated table is out of date, writing nothing.")
    var check = false

    func run() throws {
        let current: String
        do { current = try String(contentsOfFile: readme, encoding: .utf8) } catch { throw ValidationError("\(readme) cannot be read: \(error.localizedDescription)") }
        let (generated, missing) = ReferenceTables.filling(current)
        guard missing.isEmpty else { throw ValidationError("\(readme) has no markers for \(missing.joined(separator: ", "))") }
        let outOfDate = [(readme, current, generated), (operations, (try? String(contentsOfFile: operations, encoding: .utf8)) ?? "", ReferenceTables.operationsJSON)]
            .filter { $0.1 != $0.2 }
        if check {
            for (path, _, _) in outOfDate { print("\(path): out of date (provider-mock describe rewrites it)") }
            guard outOfDate.isEmpty else { throw ExitCode(1) }
            print("\(readme), \(operations): up to date")
            return
        }
        for (path, _, text) in outOfDate {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            print("\(path): rewritten")
        }
        if outOfDate.isEmpty { print("\(readme), \(operations): up to date") }
    }
}
