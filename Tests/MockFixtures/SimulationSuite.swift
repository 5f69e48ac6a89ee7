import MockFixtures
import MockSimulations
import NodeAPI

/// What the simulation suites share: a manual clock and the error an async call threw.
package protocol SimulationSuite {
    var clock: ManualClock { get }
}

extension SimulationSuite {
    /// A simulation with the bundled scenario's sample account, on this suite's clock.
    package func simulation() -> NodeAPISimulation { NodeAPISimulation(accounts: [ScenarioFixtures.admin], clock: clock) }

    /// The `NodeAPIError` the body threw, or `nil` when it threw none (or another kind).
    package func error(_ body: () async throws -> Void) async -> NodeAPIError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? NodeAPIError
        }
    }
}
