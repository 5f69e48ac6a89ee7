/// A provider's state as a ``Simulation`` runs it: a value changed by transitions, which may fall due on its own as time
/// passes and may have done things that others are told of.
package protocol SimulationState: Sendable {
    /// Brings the state up to `now` before a call: what falls due by itself (a repeating package's rounds).
    mutating func catchUp(at now: Int64)
    /// The next instant something falls due with no call (the background work sleeps until then); nil for none.
    var nextDue: Int64? { get }
    /// What the calls since the last time did that others are told of, in order.
    mutating func takeEvents() -> [MockEvents.Event]
}

extension SimulationState {
    package mutating func catchUp(at now: Int64) {}
    package var nextDue: Int64? { nil }
    package mutating func takeEvents() -> [MockEvents.Event] { [] }
}
