/// A mock provider's behaviour, whichever provider: its state (a ``SimulationState``) behind a lock (its world's, or
/// its own), the clock, and where the state's effects go. A call runs inline on the request's task: its field rules
/// outside the lock, then its transition (``MockTransition``) under it, at the clock's now, once the state has caught up
/// with now; what it did that others are told of is published after the lock, and the background work is told when
/// something falls due sooner than it sleeps to.
///
/// Each provider names its own (``NodeAPISimulation``, ``IYSSimulation``, ``ExpressSimulation``) and adds the calls
/// that are not transitions (tokens, authentication) in an extension.
package final class Simulation<State: SimulationState>: Sendable {
    package let clock: any MockClock
    private let state: any StateLock<State>
    /// Told when a call brings work due sooner than the background work sleeps to.
    let wake: (any DueWork)?
    /// Told of what the state's calls did (``SimulationState/takeEvents()``): the admin API's waits and event stream.
    let events: MockEvents?

    /// The provider's part of a world (``ProviderWorld``).
    package init(state: some StateLock<State>, clock: any MockClock, events: MockEvents? = nil, wake: (any DueWork)? = nil) {
        self.state = state
        self.clock = clock
        self.events = events
        self.wake = wake
    }

    /// A provider on its own, with a lock of its own.
    package convenience init(state: State, clock: any MockClock, events: MockEvents? = nil, wake: (any DueWork)? = nil) {
        self.init(state: OwnStateLock(state), clock: clock, events: events, wake: wake)
    }

    /// The reply to `call` of `caller` (authenticated already), or the provider's error: the call's field rules, then
    /// its transition under the lock, at the clock's now.
    package func respond<Call: MockTransition>(to call: Call, as caller: String) throws(Call.Failure) -> Call.Reply where Call.State == State {
        let now = clock.now()
        try call.validate(at: now)
        return try withState(at: now) { (state: inout State, now: Int64) throws(Call.Failure) -> Call.Reply in try call.apply(to: &state, caller: caller, now: now) }
    }

    /// Runs `body` on the state under the lock, with the clock's now: for the mock's own operations and for tests.
    package func withState<Value: Sendable, Failure: Error>(_ body: (inout State, Int64) throws(Failure) -> Value) throws(Failure) -> Value {
        try withState(at: clock.now(), body)
    }

    /// Reads the state under the lock as it stands, without catching it up with the clock: for who may call and how
    /// (authentication, a login's dialect), which every request asks before its call and which time does not change.
    package func read<Value: Sendable>(_ body: (State) -> Value) -> Value {
        state.withLock { (state: inout State) -> Value in body(state) }
    }

    /// `body` under the lock, once the state has caught up with `now`; its events are published after the lock.
    private func withState<Value: Sendable, Failure: Error>(
        at now: Int64, _ body: (inout State, Int64) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let (result, happened) = state.withLock { (state: inout State) -> (Result<Value, Failure>, [MockEvents.Event]) in
            state.catchUp(at: now)
            defer { if let next = state.nextDue { wake?.due(at: next) } }
            let result = Result { () throws(Failure) -> Value in try body(&state, now) }
            return (result, state.takeEvents())
        }
        if let events { for event in happened { events.publish(event) } }
        return try result.get()
    }
}

/// What a simulation tells when a call brings work due: the server's background work (``BackgroundWake``), which sleeps
/// until the next instant something falls due and is woken when a call brings work due sooner.
package protocol DueWork: Sendable {
    /// Work falls due at `instant` (milliseconds on the simulation's clock).
    func due(at instant: Int64)
}
