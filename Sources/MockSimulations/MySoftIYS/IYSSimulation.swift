import MySoftIYS

/// The MySoft İYS API mock: a ``Simulation`` of ``IYSState``. The state owns the brands' consents (``ConsentBook``),
/// forwarding to İYS progresses 15 → 13 → 11 (or 18) on the clock, and webhooks go to each brand's URL when consents
/// change.
package typealias IYSSimulation = Simulation<IYSState>

extension Simulation where State == IYSState {
    package convenience init(
        accounts: [IYSAccount], forwarding: IYSForwarding = .default, tokenLifetimeSeconds: Int = 86_399,
        maxConsents: Int = IYSScenario.defaultMaxConsents, clock: any MockClock, random: SeededRandom = SeededRandom(), wake: (any DueWork)? = nil
    ) {
        self.init(state: IYSState(
            accounts: accounts, forwarding: forwarding, tokenLifetimeSeconds: tokenLifetimeSeconds, maxConsents: maxConsents, now: clock.now(), random: random
        ), clock: clock, wake: wake)
    }

    /// The brands' consents as they stand (a copy: for the admin API and tests).
    package var consents: ConsentBook { withState { state, _ in state.consents } }

    /// `POST /oauth/token` (``IYSState/issueToken(_:now:)``).
    package func issueToken(_ request: TokenRequest) throws(OAuthError) -> OAuthToken {
        try withState { (state: inout IYSState, now: Int64) throws(OAuthError) -> OAuthToken in try state.issueToken(request, now: now) }
    }

    /// The user a bearer token belongs to, while it has not expired.
    package func user(forToken token: String) -> String? {
        let now = clock.now()
        return read { $0.user(forToken: token, now: now) }
    }

    /// Whether `user`'s failures are answered with HTTP 200 (scenario `dialect: http200`).
    package func answersFailuresWith200(_ user: String) -> Bool { read { $0.accounts[user]?.failuresAsHTTP200 ?? false } }

    /// `IYSBrands`.
    package func brands(of user: String) -> [Brand] { withState { state, _ in state.brands(of: user) } }

    /// A change made on İYS itself (``IYSState/changeOnIYS(for:brandCode:_:now:)``).
    package func changeOnIYS(for user: String, brandCode: String, _ consent: ConsentData) throws(IYSError) -> ConsentRecord {
        try withState { (state: inout IYSState, now: Int64) throws(IYSError) -> ConsentRecord in
            try state.changeOnIYS(for: user, brandCode: brandCode, consent, now: now)
        }
    }

    /// Webhook posts dropped because the outbox was full.
    package var droppedWebhooks: Int { withState { state, _ in state.droppedWebhooks } }

    /// The webhook posts queued since the last call.
    package func dueWebhooks() -> [(url: String, body: [UInt8])] { withState { state, _ in state.takeWebhooks() } }
}
