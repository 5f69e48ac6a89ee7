import ArgumentParser
import Foundation

/// `provider-mock`: the command line of the toolkit. `serve` runs the mocks, `health` asks whether they answer, `convert` turns SOAP into JSON and back, `send` tries the connector,
/// `check` and `proxy` hold an endpoint against the document.
package struct ProviderMockCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "provider-mock",
        abstract: "Codecs and mocks of the Turkish SMS and İYS provider APIs.",
        version: "0.1.0 (commit \(BuildInfo.commit))",
        subcommands: [ConvertCommand.self, ServeCommand.self, HealthCommand.self, SendCommand.self, CheckCommand.self, ProxyCommand.self, DescribeCommand.self]
    )

    package init() {}
}

extension ProviderMockCommand {
    /// Parses the command line and runs the chosen subcommand, asynchronously when it is async.
    /// (Called from `main.swift`: overload resolution there would pick ParsableCommand's synchronous `main`.)
    /// `serve` and `health` also read their options from `PROVIDER_MOCK_*` environment variables (``ServeEnvironment``).
    package static func runAsRoot(_ arguments: [String]? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) async {
        do {
            var arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
            let configured: [any ParsableCommand.Type] = [ServeCommand.self, HealthCommand.self]
            if let name = arguments.first, let command = configured.first(where: { $0.configuration.commandName == name }) {
                do throws(ServeEnvironment.Problem) {
                    arguments = [name] + (try ServeEnvironment.arguments(
                        Array(arguments.dropFirst()), options: ServeEnvironment.options(of: command),
                        known: configured.flatMap(ServeEnvironment.options(of:)), environment: environment
                    ))
                } catch {
                    throw ValidationError(error.description)
                }
            }
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
