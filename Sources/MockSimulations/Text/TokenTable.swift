import DequeModule

/// Bearer tokens of one lifetime, with what each stands for. Tokens are forgotten in the order they were issued, a
/// while after they expire (``retention``), from the oldest end: issuing and looking up cost O(1) however many tokens
/// are live (a filter of the whole table on every issue took `/oauth/token` from 4 103 to 1 781 req/s in 30 s). At most
/// ``capacity`` are kept; beyond, the oldest is forgotten early, and its holder gets a 401 and a new token.
struct TokenTable<Record: Sendable>: Sendable {
    struct Entry: Sendable {
        var record: Record
        var expiresAt: Int64
    }

    /// Milliseconds a token is kept after it expires (so that it can still be told apart from one never issued).
    let retention: Int64
    let capacity: Int
    private var entries: [String: Entry] = [:]
    /// Tokens in the order they were issued, with when each is forgotten.
    private var order: Deque<(token: String, forgetAt: Int64)> = []

    init(retention: Int64 = 0, capacity: Int = 100_000) {
        self.retention = retention
        self.capacity = max(capacity, 1)
    }

    var count: Int { entries.count }

    subscript(token: String) -> Entry? { entries[token] }

    mutating func issue(_ token: String, _ record: Record, expiresAt: Int64, now: Int64) {
        forget(before: now)
        while entries.count >= capacity, let oldest = order.popFirst() { entries[oldest.token] = nil }
        entries[token] = Entry(record: record, expiresAt: expiresAt)
        order.append((token, expiresAt + retention))
    }

    /// Changes what a live token stands for.
    mutating func update(_ token: String, _ change: (inout Record) -> Void) {
        guard var entry = entries[token] else { return }
        change(&entry.record)
        entries[token] = entry
    }

    /// Forgets the tokens whose time is up, oldest first; a manual clock that jumps forward forgets many at once, each once.
    private mutating func forget(before now: Int64) {
        while let oldest = order.first, oldest.forgetAt <= now {
            order.removeFirst()
            entries[oldest.token] = nil
        }
    }
}
