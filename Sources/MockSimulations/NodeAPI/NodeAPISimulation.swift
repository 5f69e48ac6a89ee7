import NodeAPI

/// The mock SMS provider, shared by its JSON and SOAP faces: a ``Simulation`` of ``NodeAPIState``. Sends are serialised
/// under the state's lock, so credit is never spent twice; package and item states follow from the clock (see
/// ``SmsPackageRecord``), and the rounds of repeating packages due by now are sent before every call.
package typealias NodeAPISimulation = Simulation<NodeAPIState>

extension Simulation where State == NodeAPIState {
    /// A Node API on its own, with no İYS gate.
    package convenience init(
        accounts: [NodeAPIAccount], rules: DeliveryRules = .default, sendingHours: SendingHours? = nil,
        duplicateWindowMinutes: Int? = nil, optOut: OptOutRules = .default, retainedPackagesPerUser: Int = 100_000,
        retainedItems: Int = NodeAPIScenario.defaultRetainedItems, maxContactsPerBook: Int = 1_000_000, clock: any MockClock
    ) {
        self.init(state: NodeAPIState(
            accounts: accounts, rules: rules, sendingHours: sendingHours, duplicateWindowMinutes: duplicateWindowMinutes, optOut: optOut,
            retainedPackagesPerUser: retainedPackagesPerUser, retainedItems: retainedItems, maxContactsPerBook: maxContactsPerBook, now: clock.now()
        ), clock: clock)
    }

    /// The simulation a scenario describes, on its own, with no İYS gate.
    package convenience init(
        scenario: NodeAPIScenario, clock: any MockClock, events: MockEvents? = nil, random: SeededRandom = SeededRandom(), wake: (any DueWork)? = nil
    ) {
        self.init(state: NodeAPIState(scenario: scenario, now: clock.now(), random: random), clock: clock, events: events, wake: wake)
    }

    /// The username when the credentials are right (an account's, or a login minted for the world, as its account);
    /// `ERR_UNAUTHORIZED_REQUEST` (401) otherwise.
    package func authenticate(username: String?, password: String?) throws(NodeAPIError) -> String {
        guard let username, let account = read({ $0.account(login: username, password: password) }) else {
            throw NodeAPIError(.unauthorizedRequest)
        }
        return account
    }

    /// Whether `user` is an account.
    package func hasAccount(_ user: String) -> Bool { read { $0.accounts[user] != nil } }

    /// The delivery reports due since the last call (``NodeAPIState/dueReports(at:)``).
    package func dueReports() -> [(url: String, report: DeliveryReport)] { withState { state, now in state.dueReports(at: now) } }

    /// Applies the next slice of every due import; true when rows are left to apply now (``NodeAPIState/advanceImports(at:)``).
    @discardableResult
    package func advanceImports() -> Bool { withState { state, now in state.advanceImports(at: now) } }

    /// Saves the consents of contacts whose İYS sync came out accepted (``NodeAPIState/syncContactsWithIYS(at:)``).
    package func syncContactsWithIYS() { withState { state, now in state.syncContactsWithIYS(at: now) } }

    /// An opt-out SMS from a recipient to the user's short number (``NodeAPIState/receiveOptOut(for:gsm:msg:shortNr:at:)``).
    @discardableResult
    package func receiveOptOut(for user: String, gsm: String, msg: String, shortNr: String? = nil) throws(NodeAPIError) -> MoRequest {
        try withState { (state: inout NodeAPIState, now: Int64) throws(NodeAPIError) -> MoRequest in
            try state.receiveOptOut(for: user, gsm: gsm, msg: msg, shortNr: shortNr, at: now)
        }
    }
}
