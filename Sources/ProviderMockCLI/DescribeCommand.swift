import ArgumentParser
import Foundation
import MockProviders

/// `provider-mock describe`: writes what is generated from the operation tables into the files that describe the APIs
/// (today the README's reference tables of each API's calls), or with `--check` says whether they are up to date.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Regenerate the README's tables of each API's calls from the operation tables (--check: only compare).",
        discussion: """
            Each table sits between <!-- generated: NAME --> and <!-- end generated --> in the README; the rest of the \
            file is left as it is. --check exits 1 when a table differs from what the operation tables give.
            """
    )

    @Option(name: .long, help: "The README to fill.")
    var readme = "README.md"

    @Flag(name: .long, help: "Compare only: exit 1 when a generated table is out of date, writing nothing.")
    var check = false

    func run() throws {
        let current: String
        do { current = try String(contentsOfFile: readme, encoding: .utf8) } catch { throw ValidationError("\(readme) cannot be read: \(error.localizedDescription)") }
        let (generated, missing) = ReferenceTables.filling(current)
        guard missing.isEmpty else { throw ValidationError("\(readme) has no markers for \(missing.joined(separator: ", "))") }
        if check {
            guard generated == current else {
                print("\(readme): the generated tables are out of date (provider-mock describe rewrites them)")
                throw ExitCode(1)
            }
            print("\(readme): the generated tables are up to date")
        } else if generated != current {
            try generated.write(toFile: readme, atomically: true, encoding: .utf8)
            print("\(readme): the generated tables were rewritten")
        } else {
            print("\(readme): the generated tables are up to date")
        }
    }
}
