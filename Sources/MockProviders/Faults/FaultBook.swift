import Hummingbird
import MockSimulations
import NodeAPI
import Synchronization
import WireCoding

/// The faults of the three mocks, shared by their routes and the admin API: the scenario's `errorRules` and those added
/// at run time. The newest fault that fires answers a call (WireMock's rule: the latest stub wins); every matching
/// fault counts the call. At most ``capacity`` faults, so that matching a call stays a short scan.
package final class FaultBook: Sendable {
    private struct State {
        var faults: [Fault]
        /// The scenario's faults, put back by a reset.
        var initial: [Fault]
        var nextID = 1
    }

    package static let capacity = 1000
    private let state: Mutex<State>

    package init(scenario faults: [Fault] = []) {
        state = Mutex(State(faults: faults, initial: faults))
    }

    /// A new scenario's faults: those of a reset from now on (the reset that follows puts them in place).
    package func replaceScenario(_ faults: [Fault]) { state.withLock { $0.initial = faults } }

    /// Adds a fault from `POST /__admin/faults`; its id is `f-<n>`.
    package func add(_ request: Fault.Request) throws(Refusal) -> Fault {
        try state.withLock { (state: inout State) throws(Refusal) -> Fault in
            guard state.faults.count < Self.capacity else {
                throw Refusal(field: "provider", message: "there are \(Self.capacity) faults already; DELETE /__admin/faults first")
            }
            let fault = try Fault(request, id: "f-\(state.nextID)")
            state.nextID += 1
            state.faults.append(fault)
            return fault
        }
    }

    /// Every fault, oldest first, with its counts.
    package func list() -> [Fault] { state.withLock { $0.faults } }

    /// Removes one fault; false when there is none with that id.
    package func remove(id: String) -> Bool {
        state.withLock { state in
            guard let index = state.faults.firstIndex(where: { $0.id == id }) else { return false }
            state.faults.remove(at: index)
            return true
        }
    }

    /// Removes every fault, the scenario's too (until the next reset).
    package func removeAll() { state.withLock { $0.faults.removeAll() } }

    /// Back to the scenario's faults, their counts at zero (a reset of every provider); one provider's alone otherwise.
    package func reset(_ provider: ProviderMocks.Provider? = nil) {
        state.withLock { state in
            guard let provider else {
                state.faults = state.initial
                return
            }
            state.faults.removeAll { $0.provider == provider }
            state.faults.append(contentsOf: state.initial.filter { $0.provider == provider })
        }
    }

    /// The fault that answers this call, if any. `operation` is the Node API operation of a JSON or SOAP call.
    package func fault(
        for provider: ProviderMocks.Provider, method: String, path: String, operation: NodeAPIOperation? = nil, user: String?
    ) -> Fault? {
        state.withLock { state in
            guard !state.faults.isEmpty else { return nil }
            var answer: Fault?
            for index in state.faults.indices.reversed() {
                guard state.faults[index].isDue(provider: provider, method: method, path: path, operation: operation, user: user), answer == nil else { continue }
                state.faults[index].fired += 1
                answer = state.faults[index]
            }
            return answer
        }
    }
}
