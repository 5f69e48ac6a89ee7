import DequeModule

/// What makes two packages "the same": the content and the set of (number, personal text) pairs.
/// Used to refuse a repeat within the duplicate window (`ERR_SMS_PKG_DUPLICATION`).
struct PackageFingerprint: Sendable, Hashable {
    let hash: Int
    let count: Int

    init(content: String?, items: [SmsPackageRecord.Item]) {
        // Order-independent: the same numbers in another order are the same package.
        var combined = 0
        for item in items {
            var hasher = Hasher()
            hasher.combine(item.target)
            hasher.combine(item.msg)
            combined ^= hasher.finalize()
        }
        var hasher = Hasher()
        hasher.combine(content)
        hasher.combine(combined)
        hash = hasher.finalize()
        count = items.count
    }
}

/// The packages of the last `minutes`, indexed by user and fingerprint: a lookup costs O(1) whatever the load (a scan
/// of the window per create halved the throughput after a minute), and expiry pops from the oldest end.
struct DuplicateWindow: Sendable {
    private struct Key: Hashable, Sendable {
        var user: String
        var fingerprint: PackageFingerprint
    }

    let minutes: Int
    /// Most entries kept: beyond, the oldest are dropped before their time (their packages are forgotten by then).
    let capacity: Int
    /// Every package in the window, oldest first.
    private var entries: Deque<(key: Key, id: Int, at: Int64)> = []
    /// The ids in the window per user and fingerprint, oldest first.
    private var ids: [Key: Deque<Int>] = [:]

    init(minutes: Int, capacity: Int) {
        self.minutes = minutes
        self.capacity = max(capacity, 1)
    }

    /// The newest package of the user in the window with this fingerprint that `counts` (not cancelled, still kept).
    mutating func duplicate(of fingerprint: PackageFingerprint, user: String, now: Int64, counts: (Int) -> Bool) -> Int? {
        expire(now: now)
        return ids[Key(user: user, fingerprint: fingerprint)]?.reversed().first(where: counts)
    }

    mutating func record(_ fingerprint: PackageFingerprint, user: String, id: Int, now: Int64) {
        let key = Key(user: user, fingerprint: fingerprint)
        entries.append((key, id, now))
        ids[key, default: []].append(id)
        expire(now: now)
    }

    private mutating func expire(now: Int64) {
        let horizon = now - Int64(minutes) * 60_000
        while let oldest = entries.first, oldest.at <= horizon || entries.count > capacity {
            entries.removeFirst()
            ids[oldest.key]?.removeFirst()
            if ids[oldest.key]?.isEmpty == true { ids[oldest.key] = nil }
        }
    }
}
