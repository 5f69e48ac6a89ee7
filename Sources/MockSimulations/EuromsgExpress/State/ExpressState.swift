import EuromsgExpress
import Foundation

/// The Euromsg Express CRM/ERP gateway mock's state and rules, tested without HTTP: integrator tokens that
/// expire on the clock, API keys binding a token to an end user, and each end user's lists, members and
/// campaigns. Campaigns progress Pending → OnGoing → Sent on the clock; their messages' outcomes come from
/// magic address tags (``CampaignOutcomes``).
package struct ExpressState: Sendable {
    let integrators: [String: String]
    let tokenLifetime: Int64
    let sendingMilliseconds: Int64
    /// Bearer tokens, kept a day past their expiry so that an expired one is `TOKEN_EXPIRED`, not `UNAUTHORIZED`.
    var tokens = TokenTable<TokenRecord>(retention: 86_400_000)
    package var accounts: [String: ExpressAccount] = [:]
    var ids: IdCounters
    /// Bearer tokens: a seeded world's answer the same bytes to the same calls.
    package var random: SeededRandom
    /// The integrator logins minted for the world, by client name (``WorldLogins``): each is its integrator, and its
    /// tokens start with the world's id.
    package var logins: [String: MintedLogin] = [:]
    /// The end users' API keys minted for the world (``MintedAPIKey``), to the scenario's keys they stand for.
    package var mintedAPIKeys: [String: String] = [:]
    /// The scenario's bounds on each end user's members and lists.
    let maxMembers: Int
    let maxLists: Int

    struct TokenRecord: Sendable {
        var integrator: String
        var apiKey: String?
    }

    package init(scenario: ExpressScenario, now: Int64, random: SeededRandom = SeededRandom()) {
        self.random = random
        integrators = Dictionary(scenario.integrators.map { ($0.clientName, $0.password) }, uniquingKeysWith: { first, _ in first })
        tokenLifetime = Int64(scenario.tokenLifetimeSeconds) * 1000
        sendingMilliseconds = Int64(scenario.campaignSendingSeconds * 1000)
        maxMembers = scenario.maxMembersPerEndUser
        maxLists = scenario.maxListsPerEndUser
        var ids = IdCounters()
        for user in scenario.endUsers {
            var account = ExpressAccount(user, now: now)
            Self.seed(user, into: &account, ids: &ids, now: now, sendingMilliseconds: sendingMilliseconds)
            accounts[user.apiKey] = account
        }
        // Objects created at run time take ids from the clock, above the seeds: a restarted mock never reuses one.
        ids.startAfterSeeds(now: now)
        self.ids = ids
    }

    // MARK: Tokens and API keys

    /// `POST /tokens`: a bearer token for the integrator's credentials.
    package mutating func issueToken(_ request: ExpressTokenRequest, now: Int64) throws(ExpressError) -> ExpressToken {
        let minted = logins[request.clientName]
        let integrator = minted.map { $0.account(password: request.password) } ?? (integrators[request.clientName] == request.password ? request.clientName : nil)
        guard let integrator, integrators[integrator] != nil else {
            throw ExpressError(.invalidCredentials, "clientName or password is wrong")
        }
        let value = minted.map { $0.token(random.token(length: 48)) } ?? random.token(length: 48)
        tokens.issue(value, TokenRecord(integrator: integrator), expiresAt: now + tokenLifetime, now: now)
        return ExpressToken(tokenValue: value, expireTime: ExpressClock.date(now + tokenLifetime), roles: ["CrmIntegrator"])
    }

    /// The token's record while it is valid: `UNAUTHORIZED` for none or an unknown one, `TOKEN_EXPIRED` after its time.
    func validToken(_ token: String?, now: Int64) throws(ExpressError) -> TokenRecord {
        guard let token, let entry = tokens[token] else {
            throw ExpressError(.unauthorized, "a bearer token from POST /tokens is required")
        }
        guard now < entry.expiresAt else {
            throw ExpressError(.tokenExpired, "the token expired at \(ExpressClock.date(entry.expiresAt)); request a new one from POST /tokens")
        }
        return entry.record
    }

    /// `PUT /apiKey/identification`: binds the end user's API key to the token.
    package mutating func identify(token: String?, apiKey: String?, now: Int64) throws(ExpressError) -> Identification {
        _ = try validToken(token, now: now)
        guard let apiKey, !apiKey.isEmpty else { throw .invalid("apiKey", "is required") }
        let key = scenarioKey(apiKey)
        let account = try account(key)
        if let token { tokens.update(token) { $0.apiKey = key } }
        return Identification(
            apiKey: apiKey, accountName: account.name, iysIntegrator: account.iysIntegrator, sendingRights: account.allowance.rights(at: now)
        )
    }

    /// The end user a call acts for: the `apiKey` header when given, else the key bound to the token.
    package func endUser(token: String?, apiKey header: String?, now: Int64) throws(ExpressError) -> String {
        let record = try validToken(token, now: now)
        guard let apiKey = header.flatMap({ $0.isEmpty ? nil : scenarioKey($0) }) ?? record.apiKey else {
            throw ExpressError(.apiKeyRequired, "identify an end user first: PUT /apiKey/identification with their API key")
        }
        _ = try account(apiKey)
        return apiKey
    }

    /// The scenario's key of the end user a given key names: a key minted for the world stands for its end user.
    private func scenarioKey(_ given: String) -> String { mintedAPIKeys[given] ?? given }

    func account(_ apiKey: String) throws(ExpressError) -> ExpressAccount {
        guard let account = accounts[apiKey] else {
            throw ExpressError(.unknownAPIKey, "no end user has the API key '\(apiKey)'; the end user creates it in the panel (Ana Sayfa > API > API Anahtarı)")
        }
        return account
    }

    /// Runs `body` on the end user's data, after applying the unsubscribes of messages sent by now.
    /// The account is taken out of the dictionary while `body` runs, so that it is changed in place rather than
    /// copied whole (its members and campaigns) on every call.
    mutating func withAccount<Value>(_ apiKey: String, now: Int64, _ body: (inout ExpressAccount, Int64) throws(ExpressError) -> Value) throws(ExpressError) -> Value {
        guard var account = accounts.removeValue(forKey: apiKey) else { throw ExpressError(.unknownAPIKey, "no end user has the API key '\(apiKey)'") }
        Self.settle(&account, now: now)
        defer { accounts[apiKey] = account }
        return try body(&account, now)
    }

    // MARK: Rules the calls share (each call is an ``ExpressTransition`` in Lists/, Members/ or Campaigns/)

    static func requireNewName(_ name: String, in account: ExpressAccount, except id: Int?) throws(ExpressError) {
        if let clash = account.lists.values.first(where: { $0.id != id && TurkishText.equals($0.name, name) }) {
            throw ExpressError(.conflict, "the end user already has a list named '\(clash.name)' (id \(clash.id))")
        }
    }
}

extension ExpressState: SimulationState {}
