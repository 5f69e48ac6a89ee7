extension ExpressState {
    /// What `serve --state` keeps of the Euromsg Express mock: each end user's lists, members (deleted ones too, which
    /// the mock retains), campaigns with their messages, and sends used; and the id counters. Bearer tokens and the API
    /// keys bound to them are not kept: a token lives for the scenario's token lifetime, and a client asks for another.
    package struct Snapshot: Codable, Sendable {
        package var accounts: [ExpressAccount]
        package var ids: IdCounters
    }

    /// The state as a snapshot keeps it, end users in API-key order.
    package var snapshot: Snapshot {
        Snapshot(accounts: accounts.values.sorted { $0.apiKey < $1.apiKey }, ids: ids)
    }

    /// Ids go on from `earlier`'s (a state replaced by a reset at the same instant would otherwise hand them out again).
    package mutating func continueIDs(after earlier: ExpressState) { ids.continue(after: earlier.ids) }

    /// Takes back what a snapshot kept, into a state built from the scenario: the end users are the scenario's (their
    /// names and İYS settings too); an end user the scenario no longer has is left out. Ids go on from the larger counter.
    package mutating func restore(_ snapshot: Snapshot) {
        for saved in snapshot.accounts {
            guard var account = accounts[saved.apiKey] else { continue }
            account.allowance = saved.allowance
            account.lists = saved.lists
            account.members = saved.members
            account.memberByEmail = saved.memberByEmail
            account.campaigns = saved.campaigns
            accounts[saved.apiKey] = account
        }
        ids.continue(after: snapshot.ids)
    }
}
