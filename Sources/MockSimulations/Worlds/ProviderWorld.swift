import Synchronization

/// The three providers' state of one world as one value: what a reset replaces, a snapshot writes and a world drops.
/// The İYS state owns the brands' consents; a Node API call borrows them (``withNodeAPI(_:)``), so its commercial gate
/// reads, and its contacts' İYS syncs write, the consents the İYS API answers from, with no store shared by reference.
package struct ProviderWorldState: Sendable {
    package var nodeAPI: NodeAPIState
    package var iys: IYSState
    package var euromsg: ExpressState

    /// The three states; a test of the Node API and İYS together may leave Euromsg empty.
    package init(nodeAPI: NodeAPIState, iys: IYSState, euromsg: ExpressState = ExpressState(scenario: ExpressScenario(), now: 0)) {
        self.nodeAPI = nodeAPI
        self.iys = iys
        self.euromsg = euromsg
    }

    /// `body` on the Node API's state, with the İYS consents lent to it for the call: moved in and back (no copy),
    /// so that the book stays uniquely referenced and changes in place.
    package mutating func withNodeAPI<Value, Failure: Error>(_ body: (inout NodeAPIState) throws(Failure) -> Value) throws(Failure) -> Value {
        nodeAPI.consents = iys.consents
        iys.consents = ConsentBook(capacity: iys.consents.capacity)
        defer {
            if let lent = nodeAPI.consents { iys.consents = lent }
            nodeAPI.consents = nil
        }
        return try body(&nodeAPI)
    }
}

/// One world of the three providers: their state (``ProviderWorldState``) behind one lock. Each provider's simulation
/// holds its part (``nodeAPI``, ``iys``, ``euromsg``): a call of any provider takes this lock alone, a reset replaces
/// the three under it at once, and a world's lock is never another world's.
package final class ProviderWorld: Sendable {
    private let state: Mutex<ProviderWorldState>

    package init(_ state: ProviderWorldState) { self.state = Mutex(state) }

    /// Runs `body` on the whole world under its lock.
    package func withLock<Value: Sendable, Failure: Error>(_ body: (inout ProviderWorldState) throws(Failure) -> Value) throws(Failure) -> Value {
        try state.withLock { (state: inout ProviderWorldState) throws(Failure) -> Value in try body(&state) }
    }

    package var nodeAPI: some StateLock<NodeAPIState> { NodeAPIPart(world: self) }
    package var iys: some StateLock<IYSState> { IYSPart(world: self) }
    package var euromsg: some StateLock<ExpressState> { EuromsgPart(world: self) }

    private struct NodeAPIPart: StateLock {
        let world: ProviderWorld
        func withLock<Value: Sendable, Failure: Error>(_ body: (inout NodeAPIState) throws(Failure) -> Value) throws(Failure) -> Value {
            try world.withLock { (state: inout ProviderWorldState) throws(Failure) -> Value in try state.withNodeAPI(body) }
        }
    }

    private struct IYSPart: StateLock {
        let world: ProviderWorld
        func withLock<Value: Sendable, Failure: Error>(_ body: (inout IYSState) throws(Failure) -> Value) throws(Failure) -> Value {
            try world.withLock { (state: inout ProviderWorldState) throws(Failure) -> Value in try body(&state.iys) }
        }
    }

    private struct EuromsgPart: StateLock {
        let world: ProviderWorld
        func withLock<Value: Sendable, Failure: Error>(_ body: (inout ExpressState) throws(Failure) -> Value) throws(Failure) -> Value {
            try world.withLock { (state: inout ProviderWorldState) throws(Failure) -> Value in try body(&state.euromsg) }
        }
    }
}
