import ProviderMockCLI

await ProviderMockCommand.runAsRoot()
