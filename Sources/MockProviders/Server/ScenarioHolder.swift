import MockSimulations
import Synchronization

/// The scenario the mocks run, and its text when it came from one (a file, the bundled default, `PUT /__admin/scenario`):
/// a reset goes back to it, and the admin API replaces it.
package final class ScenarioHolder: Sendable {
    private let state: Mutex<(scenario: Scenario, source: String?)>

    package init(_ scenario: Scenario, source: String?) {
        state = Mutex((scenario, source))
    }

    package var scenario: Scenario { state.withLock { $0.scenario } }
    package var source: String? { state.withLock { $0.source } }

    package func replace(_ scenario: Scenario, source: String?) {
        state.withLock { $0 = (scenario, source) }
    }
}
