import ArgumentParser
import Foundation

/// `serve` configured like any server: every option also read from an environment variable, named by one rule:
/// `PROVIDER_MOCK_` and the option's name in capitals with `_` for `-` (`--node-api-port` is
/// `PROVIDER_MOCK_NODE_API_PORT`, `--errors-as-http-200` is `PROVIDER_MOCK_ERRORS_AS_HTTP_200`). A flag on the command
/// line wins over its variable. A repeatable option takes a comma-separated list (`PROVIDER_MOCK_ALLOWED_HOST=a,b`), a
/// flag `true`/`false` (or `1`/`0`, `yes`/`no`). A variable's value is given to the parser as the option's, so a bad
/// one gets the same error the flag would; an unknown `PROVIDER_MOCK_` variable stops the server, since a typo must not
/// be silently ignored.
///
/// The options come from the command's own description (ArgumentParser's `--experimental-dump-help`), so a new option
/// has its variable without a line here.
enum ServeEnvironment {
    static let prefix = "PROVIDER_MOCK_"

    struct Option: Equatable {
        var name: String
        var isFlag: Bool
        var isRepeating: Bool

        var variable: String { ServeEnvironment.prefix + name.uppercased().replacingOccurrences(of: "-", with: "_") }
    }

    /// A `PROVIDER_MOCK_` variable that names no option, or a flag's value that is not a truth value.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The options and flags of `command`, but help and version.
    static func options(of command: any ParsableCommand.Type) -> [Option] {
        guard let help = try? JSONSerialization.jsonObject(with: Data(command._dumpHelp().utf8)) as? [String: Any],
              let arguments = (help["command"] as? [String: Any])?["arguments"] as? [[String: Any]] else { return [] }
        return arguments.compactMap { argument in
            guard let kind = argument["kind"] as? String, kind == "option" || kind == "flag",
                  let name = (argument["names"] as? [[String: Any]])?.compactMap({ $0["kind"] as? String == "long" ? $0["name"] as? String : nil }).first,
                  name != "help", name != "version" else { return nil }
            return Option(name: name, isFlag: kind == "flag", isRepeating: argument["isRepeating"] as? Bool ?? false)
        }
    }

    /// `arguments` (the subcommand's, after its name) with the options that only the environment gives appended.
    /// `known` are the variables that are settings at all (serve's and health's, which share one environment); a
    /// command takes those of its `options`.
    static func arguments(_ arguments: [String], options: [Option], known: [Option]? = nil, environment: [String: String]) throws(Problem) -> [String] {
        let known = Dictionary((known ?? options).map { ($0.variable, $0) }, uniquingKeysWith: { first, _ in first })
        if let unknown = environment.keys.filter({ $0.hasPrefix(prefix) && known[$0] == nil }).sorted().first {
            throw Problem(description: "\(unknown) is not a setting of provider-mock serve; the settings are \(known.keys.sorted().joined(separator: ", "))")
        }
        var merged = arguments
        for option in options {
            guard let value = environment[option.variable] else { continue }
            let given = arguments.contains { $0 == "--\(option.name)" || $0.hasPrefix("--\(option.name)=") }
            if given { continue }
            if option.isFlag {
                switch value.lowercased() {
                case "1", "true", "yes", "on": merged.append("--\(option.name)")
                case "0", "false", "no", "off", "": break
                default: throw Problem(description: "\(option.variable)=\(value): a flag is true or false")
                }
            } else if option.isRepeating {
                for item in value.split(separator: ",") { merged += ["--\(option.name)", item.trimmingCharacters(in: .whitespaces)] }
            } else {
                merged += ["--\(option.name)", value]
            }
        }
        return merged
    }
}
