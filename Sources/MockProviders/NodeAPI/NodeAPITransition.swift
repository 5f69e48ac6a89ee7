import NodeAPI

/// A Node API request as the mock answers it: its rule, as one transition of ``NodeAPIState``. Each request type
/// conforms once, in a file named after it (`Sms/CreateSmsRequest+Simulation.swift`), and ``NodeAPIOperation``'s table
/// reaches it (``NodeAPIOperation/transitionType``).
package protocol NodeAPITransition: NodeAPIRequest {
    /// The field rules, checked once per request, before the state is touched: the document's ``NodeAPIRequest/validate()``
    /// unless the rule needs the time.
    func validate(at now: Int64) throws(NodeAPIError)
    /// The reply's `data` for `user` (authenticated already), or the catalogue error raised by the condition that raises
    /// it on the real service. Runs on valid requests only.
    func apply(to state: inout NodeAPIState, user: String, now: Int64) throws(NodeAPIError) -> Reply
}

extension NodeAPITransition {
    package func validate(at now: Int64) throws(NodeAPIError) { try validate() }
}

extension NodeAPIOperation {
    /// The operation's request type as the mock answers it; every operation has one (a test checks), so `nil` never
    /// reaches a client.
    package var transitionType: (any NodeAPITransition.Type)? { requestType as? any NodeAPITransition.Type }
}
