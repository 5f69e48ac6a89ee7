import DequeModule
import NodeAPI

/// Each user's opt-out requests received by SMS (MO), with the instant each arrived, newest last; past
/// ``retained`` per user the oldest are forgotten.
struct OptOutLog: Sendable {
    /// Opt-out requests kept per user.
    static let retained = 100_000

    private var requests: [String: Deque<(request: MoRequest, at: Int64)>] = [:]

    mutating func append(_ request: MoRequest, of user: String, at now: Int64) {
        requests[user, default: []].append((request, now))
        if (requests[user]?.count ?? 0) > Self.retained { requests[user]?.removeFirst() }
    }

    /// Every user's requests, oldest first per user.
    var all: [(user: String, request: MoRequest, at: Int64)] {
        requests.sorted { $0.key < $1.key }.flatMap { user, entries in entries.map { (user, $0.request, $0.at) } }
    }

    /// The user's requests, newest first.
    func newestFirst(of user: String) -> ReversedCollection<Deque<(request: MoRequest, at: Int64)>> {
        (requests[user] ?? []).reversed()
    }
}
