import NodeAPI

/// A Node API request as the mock answers it (``MockTransition`` of ``NodeAPIState``). Each request type conforms once,
/// in a file named after it (`Sms/CreateSmsRequest+Simulation.swift`), and ``NodeAPIOperation``'s table reaches it
/// (``NodeAPIOperation/transitionType``).
package protocol NodeAPITransition: NodeAPIRequest, MockTransition where State == NodeAPIState, Failure == NodeAPIError {}

extension NodeAPITransition {
    /// The document's ``NodeAPIRequest/validate()``, unless the rule needs the time.
    package func validate(at now: Int64) throws(NodeAPIError) { try validate() }
}

extension NodeAPIOperation {
    /// The operation's request type as the mock answers it; every operation has one (a test checks), so `nil` never
    /// reaches a client.
    package var transitionType: (any NodeAPITransition.Type)? { requestType as? any NodeAPITransition.Type }
}
