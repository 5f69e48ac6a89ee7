import MySoftIYS

/// A MySoft İYS call as the mock answers it: its rule, as one transition of ``IYSState``, in a file named after the
/// call's request type (`Consents/SendConsentRequest+Simulation.swift`).
package protocol IYSTransition: Sendable {
    /// The `data` of a successful reply (or the whole envelope, when a failure carries data too).
    associatedtype Reply: Codable & Sendable & Hashable
    /// The reply for `user` (the bearer token's), or the envelope's error.
    func apply(to state: inout IYSState, user: String, now: Int64) throws(IYSError) -> Reply
}
