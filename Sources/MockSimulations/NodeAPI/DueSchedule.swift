import HeapModule

/// Items of packages that come due at instants known in advance (a delivery report to push, an operator rejection to
/// refund), handed out as the clock reaches them. A heap holds each package's next instant, so asking while nothing is
/// due costs O(1), and every item is handed out once: the whole schedule costs O(n log n) over its life, never a scan
/// of every package per turn.
package struct DueSchedule: Sendable {
    private struct Next: Comparable, Sendable {
        var at: Int64
        var package: Int
        static func < (lhs: Next, rhs: Next) -> Bool { (lhs.at, lhs.package) < (rhs.at, rhs.package) }
    }

    /// A package's items by the instant they come due, and how many were handed out.
    private struct Plan: Sendable {
        var items: [(at: Int64, item: Int)]
        var handedOut = 0
    }

    private var heap = Heap<Next>()
    private var plans: [Int: Plan] = [:]

    var isEmpty: Bool { plans.isEmpty }

    /// The soonest instant something may come due (an entry may be stale: then nothing is due then).
    var next: Int64? { heap.min?.at }

    /// Schedules a package's items: `(instant, item index)`, in any order; with those of it not yet handed out (a
    /// repeating package's next round joins what its last one still has to do).
    mutating func add(package: Int, items: [(at: Int64, item: Int)]) {
        guard !items.isEmpty else { return }
        let remaining = plans[package].map { $0.items[$0.handedOut...] } ?? []
        let sorted = (remaining + items).sorted { ($0.at, $0.item) < ($1.at, $1.item) }
        plans[package] = Plan(items: sorted)
        heap.insert(Next(at: sorted[0].at, package: package))
    }

    /// Forgets a package (its heap entry is skipped when it comes up).
    mutating func remove(package: Int) { plans[package] = nil }

    /// Moves each item not yet handed out to the instant `change` gives it (its index and instant), or drops it when
    /// that is nil: a cancellation makes the items it stops final at once, and leaves those already sent as they were.
    mutating func reschedule(_ package: Int, _ change: (_ item: Int, _ at: Int64) -> Int64?) {
        guard let plan = plans[package] else { return }
        plans[package] = nil
        add(package: package, items: plan.items[plan.handedOut...].compactMap { entry in change(entry.item, entry.at).map { (at: $0, item: entry.item) } })
    }

    /// The items due by `now`, per package in the order their instants come, each handed out once.
    mutating func due(at now: Int64) -> [(package: Int, items: [Int])] {
        var due: [(package: Int, items: [Int])] = []
        while let next = heap.min, next.at <= now {
            heap.removeMin()
            guard var plan = plans[next.package], plan.handedOut < plan.items.count, plan.items[plan.handedOut].at == next.at else {
                continue // forgotten, already handed out, or moved: a stale entry
            }
            var items: [Int] = []
            while plan.handedOut < plan.items.count, plan.items[plan.handedOut].at <= now {
                items.append(plan.items[plan.handedOut].item)
                plan.handedOut += 1
            }
            if plan.handedOut < plan.items.count {
                heap.insert(Next(at: plan.items[plan.handedOut].at, package: next.package))
                plans[next.package] = plan
            } else {
                plans[next.package] = nil
            }
            due.append((next.package, items))
        }
        return due
    }
}

extension DueSchedule: Codable {
    /// A package's plan as a snapshot keeps it: its items' instants and indices, and how many were handed out.
    private struct SavedPlan: Codable {
        var package: Int
        var at: [Int64]
        var items: [Int]
        var handedOut: Int
    }

    package init(from decoder: any Decoder) throws {
        self.init()
        for saved in try decoder.singleValueContainer().decode([SavedPlan].self) {
            guard saved.at.count == saved.items.count, (0...saved.at.count).contains(saved.handedOut) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "plan of package \(saved.package) is inconsistent"))
            }
            guard saved.handedOut < saved.at.count else { continue }
            plans[saved.package] = Plan(items: Array(zip(saved.at, saved.items).map { (at: $0, item: $1) }), handedOut: saved.handedOut)
            heap.insert(Next(at: saved.at[saved.handedOut], package: saved.package))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plans.sorted { $0.key < $1.key }.map { package, plan in
            SavedPlan(package: package, at: plan.items.map(\.at), items: plan.items.map(\.item), handedOut: plan.handedOut)
        })
    }
}

extension DueSchedule {
    /// Every plan is of a package in the file, of its items, at instants the clock holds.
    package func check(_ check: SnapshotCheck, itemCounts: [Int: Int]) throws(SnapshotCheck.Problem) {
        for (package, plan) in plans.sorted(by: { $0.key < $1.key }) {
            try check.within("[package \(package)]") { check throws(SnapshotCheck.Problem) in
                guard let count = itemCounts[package] else { throw check.problem("package", "there is no package \(package)") }
                for (at, item) in plan.items {
                    try check.range(at, SnapshotCheck.instants, "at")
                    try check.require((0..<count).contains(item), "items", "item \(item) is not one of the package's \(count)")
                }
            }
        }
    }
}
