import Dispatch

extension Scenario {
    /// One queue for the scenarios that arrive over the network (`PUT /__admin/scenario`): a parse never runs on the
    /// threads that serve requests, and two parses never share the two cores, so a flood of scenarios waits its turn
    /// while every port goes on answering.
    private static let parsing = DispatchQueue(label: "provider-mock.scenario-parsing", qos: .utility)

    /// ``parse(_:file:)`` on the scenario queue.
    package static func parseAside(_ text: String, file: String) async throws(ScenarioError) -> Scenario {
        let result: Result<Scenario, ScenarioError> = await withCheckedContinuation { continuation in
            parsing.async {
                continuation.resume(returning: Result { () throws(ScenarioError) in try parse(text, file: file) })
            }
        }
        return try result.get()
    }
}
