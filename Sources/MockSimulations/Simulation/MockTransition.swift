/// One call of a provider as the mock answers it: its rule, as one transition of the provider's state, in a file named
/// after the call's request type (`Sms/CreateSmsRequest+Simulation.swift`). ``NodeAPITransition``, ``IYSTransition``
/// and ``ExpressTransition`` name it for each provider's state and error.
package protocol MockTransition<State>: Sendable {
    associatedtype State: SimulationState
    associatedtype Reply: Sendable
    associatedtype Failure: Error
    /// The field rules, checked once per call, before the state is touched.
    func validate(at now: Int64) throws(Failure)
    /// The reply for `caller` (authenticated already: a Node API or İYS user, a Euromsg end user's API key), or the
    /// provider's error raised by the condition that raises it on the real service. A refused call leaves the state as
    /// it was.
    func apply(to state: inout State, caller: String, now: Int64) throws(Failure) -> Reply
}

extension MockTransition {
    package func validate(at now: Int64) throws(Failure) {}
}
