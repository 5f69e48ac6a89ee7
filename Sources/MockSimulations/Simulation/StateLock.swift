import Synchronization

/// Where a simulation's state lives, and the one lock it changes under: its own (``OwnStateLock``, a simulation on its
/// own in a test) or its part of a world's (``ProviderWorld``), which the three providers of a world share.
package protocol StateLock<State>: Sendable {
    associatedtype State
    /// Runs `body` on the state under the lock.
    func withLock<Value: Sendable, Failure: Error>(_ body: (inout State) throws(Failure) -> Value) throws(Failure) -> Value
}

/// A state behind a lock of its own.
package final class OwnStateLock<State: Sendable>: StateLock {
    private let state: Mutex<State>

    package init(_ state: State) { self.state = Mutex(state) }

    package func withLock<Value: Sendable, Failure: Error>(_ body: (inout State) throws(Failure) -> Value) throws(Failure) -> Value {
        try state.withLock { (state: inout State) throws(Failure) -> Value in try body(&state) }
    }
}
