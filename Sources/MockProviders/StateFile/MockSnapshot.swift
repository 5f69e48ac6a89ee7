import Foundation
import MockSimulations
import WireCoding

/// What `provider-mock serve --state FILE` keeps across restarts: the Node API's packages, credit, address books and
/// opt-outs, the İYS consents (which the Node API's commercial gate reads), and Euromsg Express's lists, members and
/// campaigns, as JSON. Loaded at start over the
/// scenario's state; written on shutdown, atomically (a temporary file renamed over the old one), so that a mock killed
/// while writing leaves the previous snapshot whole.
///
/// Not kept: bearer tokens (clients get a 401 and a new token), İYS batches and webhooks not yet sent, delivery
/// reports not yet delivered to their receiver.
@_spi(MockInternals) public struct MockSnapshot: Codable, Sendable {
    /// The format; a snapshot of another format is refused, never half-read.
    package static let currentFormat = 1

    package var format: Int
    /// When it was taken, on the mock's clock (milliseconds since the epoch).
    package var savedAt: Int64
    package var nodeAPI: NodeAPIState.Snapshot
    package var iysConsents: ConsentBook.Snapshot
    /// Absent from files written before it was kept: Euromsg Express then starts from the scenario.
    package var euromsg: ExpressState.Snapshot?
    /// The worlds of `serve` (issue 26), each with its own state; absent from a world's own snapshot and from files
    /// written before worlds were kept.
    package var worlds: [WorldSnapshot]?

    /// What it holds, in a line: packages, contacts and consents.
    package var summary: String {
        let contacts = nodeAPI.books.reduce(0) { $0 + $1.contacts.count }
        let consents = iysConsents.brands.reduce(0) { $0 + $1.entries.count }
        let members = euromsg?.accounts.reduce(0) { $0 + $1.members.count } ?? 0
        let worlds = worlds.map { $0.isEmpty ? "" : ", and \($0.count) worlds" } ?? ""
        return "\(nodeAPI.packages.count) packages, \(contacts) contacts, \(consents) İYS consents, \(members) Euromsg members\(worlds)"
    }

    /// Why a snapshot file could not be read.
    @_spi(MockInternals) public struct LoadError: Error, Sendable, CustomStringConvertible {
        @_spi(MockInternals) public var description: String
    }

    /// The snapshot in `path`; `nil` when there is no such file yet (a first start).
    package static func load(path: String) throws(LoadError) -> MockSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(description: "\(path) cannot be read: \(error)")
        }
        return try read(data, path: path)
    }

    /// The snapshot a state file's bytes hold, decoded and checked; `path` names it in errors.
    @_spi(MockInternals) public static func read(_ data: Data, path: String) throws(LoadError) -> MockSnapshot {
        let snapshot: MockSnapshot
        do {
            snapshot = try JSONDecoder().decode(MockSnapshot.self, from: data)
        } catch {
            throw LoadError(description: "\(path) is not a provider-mock state file: \(error)")
        }
        guard snapshot.format == currentFormat else {
            throw LoadError(description: "\(path) has state format \(snapshot.format); this provider-mock reads format \(currentFormat)")
        }
        do throws(SnapshotCheck.Problem) { try snapshot.check() } catch {
            throw LoadError(description: "\(path) cannot be used: \(error.field): \(error.reason)")
        }
        return snapshot
    }

    /// The snapshot as a state file holds it.
    @_spi(MockInternals) public func encoded() throws -> Data {
        try WireJSON.encoder().encode(self)
    }

    /// Writes the snapshot to `path` atomically.
    package func write(path: String) throws {
        try encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

extension ProviderMocks {
    /// The mocks' state now, as a restart keeps it.
    @_spi(MockInternals) public func snapshot() -> MockSnapshot {
        let now = clock.now()
        return world.withLock { world in
            MockSnapshot(
                format: MockSnapshot.currentFormat, savedAt: now, nodeAPI: world.nodeAPI.snapshot, iysConsents: world.iys.consents.snapshot,
                euromsg: world.euromsg.snapshot
            )
        }
    }

    /// Takes back a snapshot's state, over the scenario's.
    @_spi(MockInternals) public func restore(_ snapshot: MockSnapshot) {
        world.withLock { world in
            world.iys.consents.restore(snapshot.iysConsents)
            world.nodeAPI.restore(snapshot.nodeAPI)
            if let express = snapshot.euromsg { world.euromsg.restore(express) }
        }
    }
}
