// What a harness names comes with its one import, `import ProviderMockTesting` (as Hummingbird re-exports
// HummingbirdCore): the admin API's models (`Fault.Request`, `AdminModels`), the scenarios and clocks
// (`Scenario`, `SwitchableClock`), and the mocks themselves (`ProviderMocks`). HarnessImportTests holds the README's
// example to it.
@_exported import MockAdmin
@_exported import MockProviders
@_exported import MockSimulations
