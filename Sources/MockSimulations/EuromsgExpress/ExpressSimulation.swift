import EuromsgExpress

/// The Euromsg Express CRM/ERP gateway mock: a ``Simulation`` of ``ExpressState``. Its rules are the state's
/// (integrator tokens that expire on the clock, API keys binding a token to an end user, and each end user's lists,
/// members and campaigns); a transition's caller is the end user's API key.
package typealias ExpressSimulation = Simulation<ExpressState>

extension Simulation where State == ExpressState {
    package convenience init(scenario: ExpressScenario, clock: any MockClock, random: SeededRandom = SeededRandom()) {
        self.init(state: ExpressState(scenario: scenario, now: clock.now(), random: random), clock: clock)
    }

    /// `GET /health-check`.
    package func health() -> HealthCheck { HealthCheck(time: ExpressClock.date(clock.now())) }

    /// Members whose data the mock retains though the API deleted them (for tests and the admin API).
    package func hiddenMembers(_ apiKey: String) throws(ExpressError) -> [Member] {
        try withState { (state: inout ExpressState, _: Int64) throws(ExpressError) -> [Member] in try state.hiddenMembers(apiKey) }
    }

    // MARK: Who calls, and the calls

    /// `POST /tokens`: a bearer token for the integrator's credentials.
    package func issueToken(_ request: ExpressTokenRequest) throws(ExpressError) -> ExpressToken {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> ExpressToken in try state.issueToken(request, now: now) }
    }

    /// `PUT /apiKey/identification`: binds the end user's API key to the token.
    package func identify(token: String?, apiKey: String?) throws(ExpressError) -> Identification {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> Identification in try state.identify(token: token, apiKey: apiKey, now: now) }
    }

    /// The end user a call acts for: the `apiKey` header when given, else the key bound to the token. Read from the
    /// state as it stands (``Simulation/read(_:)``), as the other providers check who calls: the call that follows
    /// catches the state up once.
    package func endUser(token: String?, apiKey header: String?) throws(ExpressError) -> String {
        let now = clock.now()
        return try read { state in Result { () throws(ExpressError) -> String in try state.endUser(token: token, apiKey: header, now: now) } }.get()
    }

    /// The mock's `POST /mock/euromsg/campaign`: a campaign sent from the panel, to its lists' subscribed members,
    package func sendCampaign(_ request: MockCampaignRequest) throws(ExpressError) -> Campaign {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> Campaign in try state.sendCampaign(request, now: now) }
    }
}
