import ArgumentParser

/// `provider-mock`: the command line of the toolkit. `convert` now; `serve` and more as the mocks land.
public struct ProviderMockCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "provider-mock",
        abstract: "Codecs and mocks of the Turkish SMS and İYS provider APIs.",
        version: "0.1.0",
        subcommands: [ConvertCommand.self]
    )

    public init() {}
}
