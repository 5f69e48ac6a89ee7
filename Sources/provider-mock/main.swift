import ProviderMockCLI

ProviderMockCommand.main()
