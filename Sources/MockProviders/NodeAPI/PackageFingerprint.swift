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

extension NodeAPISimulation {
    /// The id of a package of the user, created within the duplicate window and not cancelled, with the
    /// same content to the same numbers. Forgets fingerprints older than the window as it goes.
    func recentDuplicate(of fingerprint: PackageFingerprint, user: String, now: Int64) -> Int? {
        guard let window = duplicateWindow, var recent = recentFingerprints[user] else { return nil }
        let horizon = now - Int64(window) * 60_000
        if let firstKept = recent.firstIndex(where: { $0.at > horizon }) {
            recent.removeFirst(firstKept)
        } else {
            recent.removeAll()
        }
        recentFingerprints[user] = recent
        for entry in recent.reversed() where entry.fingerprint == fingerprint {
            guard let package = packages[entry.id], package.cancelledAt == nil else { continue }
            return entry.id
        }
        return nil
    }
}
