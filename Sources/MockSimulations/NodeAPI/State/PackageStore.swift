import DequeModule
import HeapModule
import NodeAPI

/// Every package the Node API mock keeps, with the indices that must move in step with it: by id, per owner (oldest
/// first), by `customID`, in global order for the item retention, the duplicate window, and the schedules of refunds
/// and delivery reports. Only ``add(_:fingerprint:)``, ``cancel(_:at:)`` and the schedules change it, so no index can
/// drift from the packages.
package struct PackageStore: Sendable {
    /// Packages kept per user, and items kept in all; older packages are forgotten (see ``add(_:fingerprint:)``).
    let retainedPackagesPerUser: Int
    let retainedItems: Int
    package private(set) var packages: [Int: SmsPackageRecord] = [:]
    /// Package ids per owner, oldest first: a deque, so that forgetting the oldest costs nothing.
    private var byOwner: [String: Deque<Int>] = [:]
    /// Every package id, oldest first, for the item retention (ids of packages already forgotten are skipped).
    private(set) var order: Deque<Int> = []
    /// The retention weight of the packages kept (``SmsPackageRecord/retentionWeight``).
    private var retainedItemCount = 0
    /// Each user's packages by `customID`.
    private var customIDs: [String: [String: Int]] = [:]
    /// The packages sent to each number, oldest first: the admin API's inbox. One entry per package and number, so it
    /// holds what the retention keeps and no more (``forget(_:)`` takes a package's entries out).
    private var byTarget: [String: Deque<Int>] = [:]
    /// Recent packages by content and numbers (`ERR_SMS_PKG_DUPLICATION`); off when nil.
    private(set) var duplicates: DuplicateWindow?
    /// Operator rejections to refund as they happen (batch by batch in a periodic package).
    private(set) var refunds = DueSchedule()
    /// Delivery reports to push as items reach a final state, for packages with a push URL.
    private(set) var reports = DueSchedule()
    /// The next round of each repeating package, by instant (entries of packages since cancelled or forgotten are skipped).
    private var rounds = Heap<NextRound>()
    /// The id the next package gets, and its first item's.
    private(set) var nextPackageID: Int
    private(set) var nextItemID: Int64

    init(retainedPackagesPerUser: Int, retainedItems: Int, users: Int, duplicateWindowMinutes: Int?, now: Int64) {
        self.retainedPackagesPerUser = max(retainedPackagesPerUser, 1)
        self.retainedItems = max(retainedItems, 1)
        // The window never needs more entries than packages are kept: at most one per item, and the per-user retention
        // for each user. A package forgotten by retention is no duplicate.
        let (perUsers, overflow) = self.retainedPackagesPerUser.multipliedReportingOverflow(by: max(users, 1))
        let keptPackages = min(self.retainedItems, overflow ? .max : perUsers)
        duplicates = duplicateWindowMinutes.map { DuplicateWindow(minutes: $0, capacity: keptPackages) }
        // Ids start from the clock, so that a restarted mock never hands out an id it handed out before: a client
        // holding an old pkgID would silently read another package.
        nextPackageID = IDStart.fromClock(now, perMillisecond: 100, floor: 100_001)
        nextItemID = Int64(IDStart.fromClock(now, perMillisecond: 10_000, floor: 12_345_678_910))
    }

    /// Packages kept before the table makes room for a user's whole retention at once (``add(_:fingerprint:)``).
    static let reserveAt = 1024

    subscript(id: Int) -> SmsPackageRecord? { packages[id] }

    /// The user's package ids, oldest first.
    func ids(of user: String) -> Deque<Int> { byOwner[user] ?? [] }

    /// The user's packages, newest first.
    func newestFirst(of user: String) -> some Sequence<SmsPackageRecord> {
        ids(of: user).reversed().lazy.compactMap { packages[$0] }
    }

    /// The id of the user's package a request names; `SMS06` when the user has none by that reference.
    func id(of reference: PackageReference, user: String) throws(NodeAPIError) -> Int {
        let found: Int? = switch reference {
        case .id(let id): packages[id]?.owner == user ? id : nil
        case .uuid(let uuid): ids(of: user).first { packages[$0]?.uuid == uuid }
        case .customID(let customID): customIDs[user]?[customID]
        }
        guard let found else { throw NodeAPIError(.sms06) }
        return found
    }

    /// `SMS42` when the user already has a package with this `customID`.
    func checkCustomID(_ customID: String?, of user: String) throws(NodeAPIError) {
        guard let customID else { return }
        if customIDs[user]?[customID] != nil { throw NodeAPIError(.sms42, detail: "customID '\(customID)'") }
    }

    /// The earlier package of the user with the same content to the same numbers within the window, if one still counts
    /// (a cancelled one does not).
    mutating func duplicate(of fingerprint: PackageFingerprint, user: String, now: Int64) -> Int? {
        let packages = packages
        return duplicates?.duplicate(of: fingerprint, user: user, now: now, counts: { packages[$0].map { $0.cancelledAt == nil } ?? false })
    }

    /// Keeps a new package, with its refunds and reports scheduled, and forgets what the retention no longer keeps.
    mutating func add(_ record: SmsPackageRecord, fingerprint: PackageFingerprint?) {
        let id = record.id
        // Room for one user's retained packages once the mocks are under load: growing the table later moves every
        // package at once, inside one request (with it, the worst latency of a first 8 s JSON load at 64 connections
        // fell from 65 ms to 27 ms, and its p99 from 16 to 10 ms). Not from the start, since a world of a shared mock
        // that sends a few packages would hold the table's index for 100 000 (about 35 KB resident each).
        if packages.count == Self.reserveAt { packages.reserveCapacity(min(retainedPackagesPerUser, retainedItems)) }
        nextPackageID = max(nextPackageID, id + 1)
        nextItemID += Int64(record.items.count)
        packages[id] = record
        byOwner[record.owner, default: []].append(id)
        order.append(id)
        retainedItemCount += record.retentionWeight
        if let customID = record.customID { customIDs[record.owner, default: [:]][customID] = id }
        index(record)
        if let fingerprint { duplicates?.record(fingerprint, user: record.owner, id: id, now: record.createdAt) }
        schedule(record.items.indices, of: record)
        if let next = record.nextRoundAt { rounds.insert(NextRound(at: next, package: id)) }
        forgetOldPackages(of: record.owner)
    }

    /// Schedules the refunds and reports of the package's items at `indices` (just stored).
    private mutating func schedule(_ indices: Range<Int>, of record: SmsPackageRecord) {
        let items = record.items
        refunds.add(package: record.id, items: indices.compactMap { index in
            items[index].outcome.isRefundedAtHandOver ? (record.sentAt + items[index].delay, index) : nil
        })
        if record.pushURL != nil {
            // An item whose callback fails (magic …0004) is never reported, as if every attempt had failed.
            reports.add(package: record.id, items: indices.compactMap { index in
                items[index].outcome == .callbackFails ? nil : (record.finalAt(items[index]), index)
            })
        }
    }

    /// Cancels what of a package has not started sending (`SMS07` when all of it has): the whole package before it
    /// sends, the later batches of a split sending, the next rounds of a repeating package. The credit of the items it
    /// stops is the caller's to give back.
    mutating func cancel(_ id: Int, at now: Int64) throws(NodeAPIError) -> (owner: String, credit: Int) {
        guard var package = packages[id] else { throw NodeAPIError(.sms06) }
        guard package.isChangeable(at: now) else {
            throw NodeAPIError(.sms07, detail: "package \(id) is \(package.state(at: now))")
        }
        package.cancelledAt = now
        packages[id] = package
        let items = package.items
        // Stopped items are refunded now and final at once, as cancelled: their reports are due now; the rest go on.
        refunds.reschedule(id) { index, at in package.isStopped(items[index], byCancellationAt: now) ? nil : at }
        reports.reschedule(id) { index, at in package.isStopped(items[index], byCancellationAt: now) ? now : at }
        return (package.owner, items.reduce(0) { $0 + (package.isStopped($1, byCancellationAt: now) ? $1.booked : 0) })
    }

    /// The repeating package whose next round is due by `now`, and the round's instant, if one is (the earliest first).
    mutating func dueRound(at now: Int64) -> (id: Int, at: Int64)? {
        while let next = rounds.min, next.at <= now {
            rounds.removeMin()
            if packages[next.package]?.nextRoundAt == next.at { return (next.package, next.at) }
        }
        return nil
    }

    /// Stores the next round of a repeating package: `items` (none when the credit did not cover it) at its instant, with
    /// their refunds and reports; the package stops repeating when the round after would pass the horizon or
    /// ``PeriodicSchedule/maxRepeatedItems``. The retention applies as to a new package. The package is changed in
    /// place: a round costs its own items, not a copy of every earlier round's.
    mutating func addRound(_ items: [SmsPackageRecord.Item], to id: Int) {
        guard let periodic = packages[id]?.periodic, let first = packages[id]?.items.count else { return }
        packages[id]?.items.append(contentsOf: items)
        packages[id]?.rounds += 1
        nextItemID += Int64(items.count)
        retainedItemCount += SmsPackageRecord.retentionWeight(of: items)
        guard let package = packages[id] else { return }
        let maxRounds = PeriodicSchedule.maxRounds(of: periodic.periodType)
        let next = PeriodicSchedule.round(min(package.rounds, maxRounds), from: package.startsAt, of: periodic.periodType)
        if package.rounds >= maxRounds || next - package.startsAt > PeriodicSchedule.horizon
            || package.items.count + package.roundSize > PeriodicSchedule.maxRepeatedItems {
            packages[id]?.repeatEnded = true
        }
        schedule(first..<package.items.count, of: package)
        if let next = packages[id]?.nextRoundAt { rounds.insert(NextRound(at: next, package: id)) }
        forgetOldPackages(of: package.owner)
    }

    /// The soonest instant a delivery report or a round may come due.
    var nextDue: Int64? {
        guard let round = rounds.min?.at else { return reports.next }
        return min(round, reports.next ?? round)
    }

    /// The credit of items the operator rejected since the last call, per owner (batch by batch, round by round).
    mutating func dueRefunds(at now: Int64) -> [(owner: String, credit: Int)] {
        refunds.due(at: now).compactMap { id, indices in
            packages[id].map { package in (package.owner, indices.reduce(0) { $0 + package.items[$1].booked }) }
        }
    }

    /// The items whose delivery report fell due since the last call, per package, each once.
    mutating func dueReports(at now: Int64) -> [(package: SmsPackageRecord, items: [Int])] {
        reports.due(at: now).compactMap { id, indices in packages[id].map { ($0, indices) } }
    }

    /// Takes back a snapshot's packages (oldest first) with their schedules: the indices are built again, the ids go on
    /// from where they were (or from the clock's start, if that is higher), and the retention applies as to new packages.
    mutating func restore(
        _ restored: [SmsPackageRecord], refunds: DueSchedule, reports: DueSchedule, nextPackageID: Int, nextItemID: Int64
    ) {
        for record in restored where packages[record.id] == nil {
            packages[record.id] = record
            byOwner[record.owner, default: []].append(record.id)
            order.append(record.id)
            retainedItemCount += record.retentionWeight
            if let customID = record.customID { customIDs[record.owner, default: [:]][customID] = record.id }
            index(record)
        }
        self.refunds = refunds
        self.reports = reports
        for record in restored { if let next = record.nextRoundAt { rounds.insert(NextRound(at: next, package: record.id)) } }
        self.nextPackageID = max(self.nextPackageID, nextPackageID, (restored.map(\.id).max() ?? 0) + 1)
        self.nextItemID = max(self.nextItemID, nextItemID)
        for owner in Set(restored.map(\.owner)) { forgetOldPackages(of: owner) }
    }

    /// Ids go on from `earlier`'s (a store replaced by a reset at the same instant would otherwise hand them out again).
    package mutating func continueIDs(after earlier: PackageStore) {
        nextPackageID = max(nextPackageID, earlier.nextPackageID)
        nextItemID = max(nextItemID, earlier.nextItemID)
    }

    /// Keeps memory flat under sustained load: past `retainedPackagesPerUser` of a user's packages, or past
    /// `retainedItems` items in all, the oldest packages are forgotten as each new one is stored, as a provider archives
    /// old reports. Memory follows items, not packages: a 100 000-number package weighs what 100 000 small ones do.
    /// One package at a time, so that no request pays for a batch (forgetting 10 000 at once made a load's p99 jump);
    /// the newest package is always kept.
    private mutating func forgetOldPackages(of user: String) {
        while (byOwner[user]?.count ?? 0) > retainedPackagesPerUser, let id = byOwner[user]?.popFirst() {
            forget(id)
        }
        while retainedItemCount > retainedItems, order.count > 1, let id = order.popFirst() {
            guard let owner = packages[id]?.owner else { continue }
            // The globally oldest package is its owner's oldest too.
            if byOwner[owner]?.first == id { byOwner[owner]?.removeFirst() }
            forget(id)
        }
        // Packages forgotten per user stay in the global order until it is compacted: once it holds twice what is kept,
        // so that each package costs O(1) over its life and the order never outgrows the packages.
        if order.count > 2 * packages.count + 1024 { order = Deque(order.filter { packages[$0] != nil }) }
    }

    /// The packages sent to `target` (a normalised number), newest first.
    func packages(to target: String) -> some Sequence<SmsPackageRecord> {
        (byTarget[target] ?? []).reversed().lazy.compactMap { packages[$0] }
    }

    private mutating func index(_ record: SmsPackageRecord) {
        // A round's items have distinct numbers (the store drops repeats), and later rounds repeat the first one's.
        for item in record.items.prefix(record.roundSize) { byTarget[item.target, default: []].append(record.id) }
    }

    /// Takes a forgotten package out of its numbers' lists. It is nearly always the oldest entry of each, so this is one
    /// step per number; a number that received packages from several users may need a search of its own list.
    private mutating func unindex(_ package: SmsPackageRecord) {
        for item in package.items.prefix(package.roundSize) {
            guard var ids = byTarget.removeValue(forKey: item.target) else { continue }
            if ids.first == package.id {
                ids.removeFirst()
            } else if let index = ids.firstIndex(of: package.id) {
                ids.remove(at: index)
            }
            if !ids.isEmpty { byTarget[item.target] = ids }
        }
    }

    private mutating func forget(_ id: Int) {
        guard let package = packages.removeValue(forKey: id) else { return }
        unindex(package)
        if let customID = package.customID { customIDs[package.owner]?[customID] = nil }
        retainedItemCount -= package.retentionWeight
        reports.remove(package: id)
        refunds.remove(package: id)
    }
}

/// A repeating package's next round, in ``PackageStore``'s heap.
private struct NextRound: Comparable, Sendable {
    var at: Int64
    var package: Int
    static func < (lhs: NextRound, rhs: NextRound) -> Bool { (lhs.at, lhs.package) < (rhs.at, rhs.package) }
}
