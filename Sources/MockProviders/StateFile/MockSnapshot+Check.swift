import MockSimulations
extension MockSnapshot {
    /// Every field held to its range and every reference to what it names (``SnapshotCheck``); the first problem found.
    package func check(_ check: SnapshotCheck = SnapshotCheck()) throws(SnapshotCheck.Problem) {
        try check.range(savedAt, SnapshotCheck.instants, "savedAt")
        try check.within("nodeAPI") { check throws(SnapshotCheck.Problem) in try nodeAPI.check(check) }
        try check.within("iysConsents") { check throws(SnapshotCheck.Problem) in try iysConsents.check(check) }
        if let euromsg { try check.within("euromsg") { check throws(SnapshotCheck.Problem) in try euromsg.check(check) } }
        if let worlds {
            try check.range(worlds.count, 0...SnapshotCheck.maxWorlds, "worlds.count")
            var ids = Set<String>()
            for (index, world) in worlds.enumerated() {
                try check.within("worlds[\(index)]") { check throws(SnapshotCheck.Problem) in
                    try check.require(ids.insert(world.id).inserted, "id", "world \(world.id) is in the file twice")
                    try world.check(check)
                }
            }
        }
    }
}

extension NodeAPIState.Snapshot {
    func check(_ check: SnapshotCheck) throws(SnapshotCheck.Problem) {
        try check.range(nextPackageID, 1...SnapshotCheck.ids.upperBound, "nextPackageID")
        try check.range(nextItemID, 1...Int64(SnapshotCheck.ids.upperBound), "nextItemID")
        for (index, account) in accounts.enumerated() {
            try check.within("accounts[\(index)]") { check throws(SnapshotCheck.Problem) in
                try check.range(account.credit, 0...Int(ScenarioBounds.count.upperBound), "credit")
            }
        }
        var itemCounts: [Int: Int] = [:]
        for (index, package) in packages.enumerated() {
            try check.within("packages[\(index)]") { check throws(SnapshotCheck.Problem) in
                try check.require(package.id >= 1 && package.id < nextPackageID, "id", "\(package.id) is not from 1 to below nextPackageID \(nextPackageID)")
                try check.require(itemCounts[package.id] == nil, "id", "package \(package.id) is in the file twice")
                try check.range(package.validity, SnapshotCheck.validity, "validity")
                for (name, instant) in [("createdAt", package.createdAt), ("startsAt", package.startsAt), ("savedAt", package.savedAt)] {
                    try check.range(instant, SnapshotCheck.instants, name)
                }
                if let cancelledAt = package.cancelledAt { try check.range(cancelledAt, SnapshotCheck.instants, "cancelledAt") }
                if let periodic = package.periodic {
                    try check.range(periodic.interval ?? 1, 1...Int(PeriodicSchedule.horizon / 60_000), "periodic.interval")
                    try check.range(periodic.amount ?? 1000, 1...PeriodicSchedule.maxAmount, "periodic.amount")
                    try check.range(package.rounds, 1...PeriodicSchedule.maxRounds(of: periodic.periodType), "rounds")
                }
                try check.range(package.roundSize, 0...package.items.count, "roundSize")
                for (position, item) in package.items.enumerated() {
                    try check.within("items[\(position)]") { check throws(SnapshotCheck.Problem) in
                        try check.range(item.segments, SnapshotCheck.segments, "segments")
                        try check.range(item.delay, SnapshotCheck.delays, "delay")
                    }
                }
                itemCounts[package.id] = package.items.count
            }
        }
        try check.within("refunds") { check throws(SnapshotCheck.Problem) in try refunds.check(check, itemCounts: itemCounts) }
        try check.within("reports") { check throws(SnapshotCheck.Problem) in try reports.check(check, itemCounts: itemCounts) }
        for (index, optOut) in optOuts.enumerated() {
            try check.within("optOuts[\(index)]") { check throws(SnapshotCheck.Problem) in try check.range(optOut.at, SnapshotCheck.instants, "at") }
        }
    }
}

extension ConsentBook.Snapshot {
    func check(_ check: SnapshotCheck) throws(SnapshotCheck.Problem) {
        for (index, brand) in brands.enumerated() {
            try check.within("brands[\(index)]") { check throws(SnapshotCheck.Problem) in
                try check.range(brand.nextPosition, SnapshotCheck.ids, "nextPosition")
                for (position, entry) in brand.entries.enumerated() {
                    try check.within("entries[\(position)]") { check throws(SnapshotCheck.Problem) in
                        try check.range(entry.position, 0...max(0, brand.nextPosition), "position")
                        try check.range(entry.receivedAt, SnapshotCheck.instants, "receivedAt")
                        try check.range(entry.forwardedAt, SnapshotCheck.instants, "forwardedAt")
                    }
                }
            }
        }
    }
}

extension ExpressState.Snapshot {
    func check(_ check: SnapshotCheck) throws(SnapshotCheck.Problem) {
        try check.range(ids.list, SnapshotCheck.ids, "ids.list")
        try check.range(ids.member, SnapshotCheck.ids, "ids.member")
        try check.range(ids.campaign, SnapshotCheck.ids, "ids.campaign")
        for (index, account) in accounts.enumerated() {
            try check.within("accounts[\(index)]") { check throws(SnapshotCheck.Problem) in
                for (id, list) in account.lists {
                    try check.require(id == list.id && id < ids.list, "lists", "list \(id) is not below the list counter \(ids.list)")
                }
                for (id, _) in account.members { try check.require(id < ids.member, "members", "member \(id) is not below the member counter \(ids.member)") }
                for (id, campaign) in account.campaigns {
                    try check.require(id == campaign.id && id < ids.campaign, "campaigns", "campaign \(id) is not below the campaign counter \(ids.campaign)")
                }
                for (email, id) in account.memberByEmail {
                    try check.require(account.members[id] != nil, "memberByEmail", "\(email.prefix(64)) names member \(id), which is not in the file")
                }
            }
        }
    }
}
