import NodeAPI

extension NodeAPIState {
    /// Most items of rounds sent by one call of ``repeatDueRounds(at:)``.
    static let roundBudget = 200_000

    /// Sends the rounds of repeating packages (`periodType` 1–4) that came due by `now`, each at its own instant: the
    /// first round's recipients again, less those blacklisted since, through the İYS gate as it stands, with new item
    /// ids, charged like a new package. A round the credit does not cover is not sent (the package goes on repeating).
    /// Runs before every request and turn of the background work, so a clock advanced by three days finds three rounds
    /// sent; it costs one look at a heap while nothing is due. Each round sent is told as its package is (``takeStoredPackages()``). One call sends rounds of at most ``roundBudget`` items in
    /// all (earliest first), so that a clock jump over many repeating packages spreads its work over the next calls
    /// instead of holding the lock for all of it.
    package mutating func repeatDueRounds(at now: Int64) {
        var budget = Self.roundBudget
        while budget > 0, let (id, roundAt) = packages.dueRound(at: now) {
            let items = round(of: id, at: roundAt)
            budget -= max(items.count, 1)
            if let owner = packages[id]?.owner {
                accounts[owner]?.credit -= items.reduce(0) { $0 + $1.booked }
                if !items.isEmpty { stored.append(StoredPackage(pkgID: id, user: owner, recipients: items.count)) }
            }
            packages.addRound(items, to: id)
        }
    }

    /// The items of a package's next round, starting at `roundAt`; none when its owner is gone or cannot pay for it.
    private func round(of id: Int, at roundAt: Int64) -> [SmsPackageRecord.Item] {
        guard let package = packages[id], let account = accounts[package.owner] else { return [] }
        let gate = commercialGate(of: account, package.commercial, PackageDraft.consentType(package.recipientType))
        let firstItemID = packages.nextItemID
        var items: [SmsPackageRecord.Item] = []
        for base in package.items.prefix(package.roundSize) where !account.blacklist.contains(base.target) {
            items.append(item(
                id: String(firstItemID + Int64(items.count)), to: base.target, msg: base.msg, segments: base.segments, created: true, gate: gate,
                delay: roundAt - package.startsAt
            ))
        }
        let cost = items.reduce(0) { $0 + $1.booked }
        guard cost <= account.credit else { return [] }
        return items
    }
}
