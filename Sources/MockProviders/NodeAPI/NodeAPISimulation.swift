import NodeAPI
import Synchronization

/// The mock SMS provider, shared by its JSON and SOAP faces: a ``NodeAPIState`` behind a lock (its world's, or its own),
/// and the clock.
///
/// A request runs inline on the caller's task: its field rules are checked outside the lock, then its transition runs
/// under it (``respond(to:as:)``), so sends are serialised and credit is never spent twice, with no hop to another
/// executor. Time comes from the injected clock; package and item states follow from it (see ``SmsPackageRecord``).
package final class NodeAPISimulation: Sendable {
    package let clock: any MockClock
    /// Who may call, apart from the state: authentication and the wire policy each take this lock alone, for a moment,
    /// and a new scenario (`PUT /__admin/scenario`) replaces the accounts' part of it.
    private let logins: Mutex<Logins>
    private let state: any StateLock<NodeAPIState>
    /// Told of every package stored (the admin API's inbox wait and event stream).
    let events: MockEvents?
    /// Told when a call brings work due sooner than the background work sleeps to.
    package let wake: BackgroundWake

    /// The Node API part of a world (``ProviderWorld/nodeAPI``), whose commercial gate reads the world's İYS consents.
    package init(state: some StateLock<NodeAPIState>, clock: any MockClock, events: MockEvents? = nil, wake: BackgroundWake = BackgroundWake()) {
        self.wake = wake
        logins = Mutex(Logins(state.withLock { $0.accounts }))
        self.state = state
        self.clock = clock
        self.events = events
    }

    /// A Node API on its own, with no İYS gate.
    package convenience init(state: NodeAPIState, clock: any MockClock, events: MockEvents? = nil, wake: BackgroundWake = BackgroundWake()) {
        self.init(state: OwnStateLock(state), clock: clock, events: events, wake: wake)
    }

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
        scenario: NodeAPIScenario, clock: any MockClock, events: MockEvents? = nil, random: SeededRandom = SeededRandom(), wake: BackgroundWake = BackgroundWake()
    ) {
        self.init(state: NodeAPIState(scenario: scenario, now: clock.now(), random: random), clock: clock, events: events, wake: wake)
    }

    /// The username when the credentials are right; `ERR_UNAUTHORIZED_REQUEST` (401) otherwise.
    package func authenticate(username: String?, password: String?) throws(NodeAPIError) -> String {
        guard let username, let account = logins.withLock({ $0.account(username, password: password) }) else { throw NodeAPIError(.unauthorizedRequest) }
        return account
    }

    /// Lets in the logins minted for the world.
    package func admit(_ minted: [MintedLogin]) { logins.withLock { $0.minted = WorldLogins.table(minted) } }

    /// The reply's `data` to a request of `user` (authenticated already), or the catalogue error: the request's field
    /// rules, then its transition under the lock, at the clock's now.
    package func respond<Request: NodeAPITransition>(to request: Request, as user: String) throws(NodeAPIError) -> Request.Reply {
        let now = clock.now()
        try request.validate(at: now)
        return try locked(now) { (state: inout NodeAPIState) throws(NodeAPIError) -> Request.Reply in try request.apply(to: &state, user: user, now: now) }
    }

    /// `body` under the lock, once the rounds of repeating packages due by `now` are sent; the packages it stored
    /// (``NodeAPIState/takeStoredPackages()``) are published after it, outside the lock.
    private func locked<Value: Sendable, Failure: Error>(_ now: Int64, _ body: (inout NodeAPIState) throws(Failure) -> Value) throws(Failure) -> Value {
        let (result, stored) = state.withLock { (state: inout NodeAPIState) -> (Result<Value, Failure>, [NodeAPIState.StoredPackage]) in
            state.repeatDueRounds(at: now)
            defer { if let next = state.nextDue { wake.due(at: next) } }
            let result = Result { () throws(Failure) -> Value in try body(&state) }
            return (result, state.takeStoredPackages())
        }
        if let events {
            for package in stored { events.publish(.package(pkgID: package.pkgID, user: package.user, recipients: package.recipients)) }
        }
        return try result.get()
    }

    /// Whether `user` is an account.
    package func hasAccount(_ user: String) -> Bool { logins.withLock { $0.passwords[user] != nil } }

    /// Takes the accounts' passwords and dialects from the state again, after a reset or a new scenario replaced it.
    package func accountsChanged() {
        let accounts = state.withLock { (state: inout NodeAPIState) -> [String: NodeAPIAccount] in state.accounts }
        logins.withLock { $0 = Logins(accounts, minted: $0.minted) }
    }

    /// The wire policy of a call made with `username`'s credentials: the server's, with its account's dialect.
    package func policy(_ policy: NodeAPIWirePolicy, for username: String?) -> NodeAPIWirePolicy {
        guard let username, let dialect = logins.withLock({ $0.dialect(of: username) }) else { return policy }
        var adapted = policy
        adapted.errorsAsHTTP200 = adapted.errorsAsHTTP200 || dialect.errorsAsHTTP200
        return adapted
    }

    /// The accounts' passwords and dialects, and the logins minted for the world, which stand for accounts.
    private struct Logins {
        var passwords: [String: String]
        /// For the accounts whose reseller is not the document's.
        var dialects: [String: NodeAPIDialect]
        /// By name (``WorldLogins``); kept when the accounts change.
        var minted: [String: MintedLogin]

        init(_ accounts: [String: NodeAPIAccount], minted: [String: MintedLogin] = [:]) {
            passwords = accounts.mapValues(\.password)
            dialects = accounts.compactMapValues { $0.dialect == .document ? nil : $0.dialect }
            self.minted = minted
        }

        /// The account `username` with `password` calls as: an account's own name, or a minted login's account.
        func account(_ username: String, password: String?) -> String? {
            if let expected = passwords[username] { return expected == password ? username : nil }
            return minted[username]?.account(password: password)
        }

        func dialect(of username: String) -> NodeAPIDialect? { dialects[username] ?? minted[username].flatMap { dialects[$0.account] } }
    }

    /// Runs `body` on the state under the lock, with the clock's now: for the mock's own operations and for tests.
    package func withState<Value: Sendable, Failure: Error>(
        _ body: (inout NodeAPIState, Int64) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let now = clock.now()
        return try locked(now) { (state: inout NodeAPIState) throws(Failure) -> Value in try body(&state, now) }
    }

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
