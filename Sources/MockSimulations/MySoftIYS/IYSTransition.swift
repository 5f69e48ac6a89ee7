import MySoftIYS

/// A MySoft İYS call as the mock answers it (``MockTransition`` of ``IYSState``), for the bearer token's user, in a file
/// named after the call's request type (`Consents/SendConsentRequest+Simulation.swift`). Its reply is the `data` of a
/// successful reply (or the whole envelope, when a failure carries data too).
package protocol IYSTransition: MockTransition where State == IYSState, Failure == IYSError, Reply: Codable & Hashable {}
