import MockSimulations

/// A world as `serve --state` keeps it (issue 26): who it is (id, token, name, logins), how it runs (its own scenario's
/// text or none for the server's, its clock's mode, seed and idle time to live), when it was used, and its three
/// providers' state as the default world's is kept. A restarted mock takes back every world not expired meanwhile, so
/// a CI job's world, its credentials and its URLs outlive a restart of the shared mock.
package struct WorldSnapshot: Codable, Sendable {
    var id: String
    var name: String?
    var token: String
    var ttlSeconds: Int
    /// Wall-clock milliseconds.
    var createdAt: Int64
    var lastUsedAt: Int64
    var seed: UInt64?
    var clock: SwitchableClock.Mode
    /// The world's own scenario, as it was given; absent when the world runs the server's.
    var scenario: String?
    var logins: WorldLogins
    /// Its state; its clock's now is `state.savedAt`.
    var state: MockSnapshot
}

extension MockWorld {
    /// The world as a state file keeps it; `serverScenario` is the server's scenario text, which a world running it
    /// does not repeat.
    func snapshot(serverScenario: String?) -> WorldSnapshot {
        let source = mocks.scenarioHolder.source
        return WorldSnapshot(
            id: id, name: name, token: token, ttlSeconds: ttlSeconds, createdAt: createdAt, lastUsedAt: lastUsed, seed: mocks.seed,
            clock: (mocks.clock as? SwitchableClock)?.mode ?? .manual, scenario: source == serverScenario ? nil : source, logins: logins,
            state: mocks.snapshot()
        )
    }
}

extension WorldSnapshot {
    /// The checks of ``MockSnapshot/check()``, for one world of the file.
    func check(_ check: SnapshotCheck) throws(SnapshotCheck.Problem) {
        try check.require(
            id.utf8.count == MockWorlds.idLength && id.utf8.allSatisfy { RandomToken.alphabet.contains($0) }, "id",
            "is not \(MockWorlds.idLength) letters and digits"
        )
        try check.require((1...200).contains(token.utf8.count), "token", "is not 1 to 200 characters")
        try check.range(ttlSeconds, 1...MockWorlds.maxTTLSeconds, "ttlSeconds")
        try check.range(createdAt, SnapshotCheck.instants, "createdAt")
        try check.range(lastUsedAt, SnapshotCheck.instants, "lastUsedAt")
        try check.require((scenario?.utf8.count ?? 0) <= AdminRoutes.maxScenarioBytes, "scenario", "is over \(AdminRoutes.maxScenarioBytes) bytes")
        for (name, minted) in [("nodeAPI", logins.nodeAPI), ("iys", logins.iys), ("euromsg", logins.euromsg)] {
            try check.range(minted.count, 0...100_000, "logins.\(name).count")
            for (index, login) in minted.enumerated() {
                try check.require(login.world == id && login.username.hasSuffix(".\(id)"), "logins.\(name)[\(index)]", "is not a login of world \(id)")
            }
        }
        try check.require(state.worlds == nil, "state.worlds", "a world holds no worlds")
        try check.within("state") { check throws(SnapshotCheck.Problem) in try state.check(check) }
    }
}
