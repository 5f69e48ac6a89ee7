import EuromsgExpress
import Synchronization

/// The Euromsg Express CRM/ERP gateway mock: an ``ExpressState`` behind one lock, and the clock. Each call runs inline
/// on the request's task, at the clock's now; the rules are the state's (integrator tokens that expire on the clock,
/// API keys binding a token to an end user, and each end user's lists, members and campaigns).
package final class ExpressSimulation: Sendable {
    package let clock: any MockClock
    private let state: Mutex<ExpressState>

    package init(state: ExpressState, clock: any MockClock) {
        self.state = Mutex(state)
        self.clock = clock
    }

    package convenience init(scenario: ExpressScenario, clock: any MockClock) {
        self.init(state: ExpressState(scenario: scenario, now: clock.now()), clock: clock)
    }

    /// Runs `body` on the state under the lock, with the clock's now.
    package func withState<Value: Sendable, Failure: Error>(_ body: (inout ExpressState, Int64) throws(Failure) -> Value) throws(Failure) -> Value {
        let now = clock.now()
        return try state.withLock { (state: inout ExpressState) throws(Failure) -> Value in try body(&state, now) }
    }

    /// `GET /health-check`.
    package func health() -> HealthCheck { HealthCheck(time: ExpressClock.date(clock.now())) }

    /// Members whose data the mock retains though the API deleted them (for tests and the admin API).
    package func hiddenMembers(_ apiKey: String) throws(ExpressError) -> [Member] {
        try withState { (state: inout ExpressState, _: Int64) throws(ExpressError) -> [Member] in try state.hiddenMembers(apiKey) }
    }

    // MARK: The calls, each one transition of the state

    /// `POST /tokens`: a bearer token for the integrator's credentials.
    package func issueToken(_ request: ExpressTokenRequest) throws(ExpressError) -> ExpressToken {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> ExpressToken in try state.issueToken(request, now: now) }
    }

    /// `PUT /apiKey/identification`: binds the end user's API key to the token.
    package func identify(token: String?, apiKey: String?) throws(ExpressError) -> Identification {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> Identification in try state.identify(token: token, apiKey: apiKey, now: now) }
    }

    /// The end user a call acts for: the `apiKey` header when given, else the key bound to the token.
    package func endUser(token: String?, apiKey header: String?) throws(ExpressError) -> String {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> String in try state.endUser(token: token, apiKey: header, now: now) }
    }

    /// `POST /email-list`: a new list; the name must be new to the end user (Turkish case-insensitive).
    package func createList(_ apiKey: String, _ request: EmailListName) throws(ExpressError) -> EmailList {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> EmailList in try state.createList(apiKey, request, now: now) }
    }

    /// `GET /email-list`: every list, or those whose name contains `name`.
    package func lists(_ apiKey: String, name: String? = nil) throws(ExpressError) -> [EmailList] {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> [EmailList] in try state.lists(apiKey, name: name, now: now) }
    }

    /// `GET /email-list/{id}`.
    package func list(_ apiKey: String, id: Int) throws(ExpressError) -> EmailList {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> EmailList in try state.list(apiKey, id: id, now: now) }
    }

    /// `PATCH /email-list/{id}`: renames the list.
    package func renameList(_ apiKey: String, id: Int, _ request: EmailListName) throws(ExpressError) -> EmailList {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> EmailList in try state.renameList(apiKey, id: id, request, now: now) }
    }

    /// `DELETE /email-list/{id}`: the list goes; its members stay in the account.
    package func deleteList(_ apiKey: String, id: Int) throws(ExpressError) {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) in try state.deleteList(apiKey, id: id, now: now) }
    }

    /// `POST /member`: adds a member to a list. Refused without sending rights; the İYS fields are required when
    package func addMember(_ apiKey: String, _ request: AddMemberRequest) throws(ExpressError) -> (member: Member, created: Bool) {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> (member: Member, created: Bool) in try state.addMember(apiKey, request, now: now) }
    }

    /// `GET /member`: a list's visible members by memberId (paged, optionally changed after a date), or one by e-mail.
    package func members(_ apiKey: String, _ query: MemberQuery) throws(ExpressError) -> MemberQueryResult {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> MemberQueryResult in try state.members(apiKey, query, now: now) }
    }

    /// `GET /member/{memberId}`.
    package func member(_ apiKey: String, id: Int) throws(ExpressError) -> Member {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> Member in try state.member(apiKey, id: id, now: now) }
    }

    /// `PATCH /member/{memberId}`: changes the fields given. Refused without sending rights.
    package func updateMember(_ apiKey: String, id: Int, _ request: UpdateMemberRequest) throws(ExpressError) -> Member {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> Member in try state.updateMember(apiKey, id: id, request, now: now) }
    }

    /// `DELETE /member/{memberId}`: hidden from the panel and every query, but retained.
    package func deleteMember(_ apiKey: String, id: Int) throws(ExpressError) {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) in try state.deleteMember(apiKey, id: id, now: now) }
    }

    /// `GET /campaign`: the end user's campaigns matching every filter given, newest first.
    package func campaigns(_ apiKey: String, _ query: CampaignQuery) throws(ExpressError) -> [Campaign] {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> [Campaign] in try state.campaigns(apiKey, query, now: now) }
    }

    /// `GET /campaign/{id}`.
    package func campaign(_ apiKey: String, id: Int) throws(ExpressError) -> Campaign {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> Campaign in try state.campaign(apiKey, id: id, now: now) }
    }

    /// `GET /campaign-report`: totals of the messages out so far (filters apply), and per list.
    package func report(_ apiKey: String, _ query: ReportQuery) throws(ExpressError) -> CampaignReport {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> CampaignReport in try state.report(apiKey, query, now: now) }
    }

    /// `GET /campaign-report-detail`: one row per message out so far, filtered, paged in sending order.
    package func reportDetail(_ apiKey: String, _ query: ReportQuery) throws(ExpressError) -> ExpressPage<ReportDetail> {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> ExpressPage<ReportDetail> in try state.reportDetail(apiKey, query, now: now) }
    }

    /// The mock's `POST /mock/euromsg/campaign`: a campaign sent from the panel, to its lists' subscribed members,
    package func sendCampaign(_ request: MockCampaignRequest) throws(ExpressError) -> Campaign {
        try withState { (state: inout ExpressState, now: Int64) throws(ExpressError) -> Campaign in try state.sendCampaign(request, now: now) }
    }
}
