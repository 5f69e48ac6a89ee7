import NIOPosix
import ServiceLifecycle
import Synchronization

/// Keeps `serve --state FILE` current: the mocks' state is written (atomically, as ``MockSnapshot/write(path:)`` does)
/// every `interval` after anything may have changed, and once more as soon as a graceful shutdown begins, before the
/// servers wait for their connections; so a crash, a `SIGKILL` from a supervisor or an out-of-memory kill loses at
/// most one interval, and `SIGTERM` writes the state even while requests are stuck.
///
/// What counts as a change is coarse and cheap: any request to a mock, any admin write (``ProviderMocks/changes``), in
/// any world, and a world created or removed (``MockWorlds/changes``). Every world is in the file.
package struct StateFileKeeper: Service {
    let worlds: MockWorlds
    let path: String
    let interval: Duration
    /// Called after each write with what it held, or the error.
    let written: @Sendable (Result<MockSnapshot, any Error>) -> Void

    package init(worlds: MockWorlds, path: String, interval: Duration, written: @escaping @Sendable (Result<MockSnapshot, any Error>) -> Void = { _ in }) {
        self.worlds = worlds
        self.path = path
        self.interval = interval
        self.written = written
    }

    package func run() async throws {
        var saved = worlds.changes
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await cancelWhenGracefulShutdown { try? await Task.sleep(for: interval) }
            let now = worlds.changes
            if now != saved || Task.isShuttingDownGracefully {
                await write()
                saved = now
            }
        }
    }

    /// Takes the snapshot, then encodes and writes it on NIO's blocking-I/O pool, not on a request's thread.
    package func write() async {
        let snapshot = worlds.snapshot()
        let path = path
        do {
            try await NIOThreadPool.singleton.runIfActive { try snapshot.write(path: path) }
            written(.success(snapshot))
        } catch {
            written(.failure(error))
        }
    }
}

/// A count that goes up whenever the mocks' state may have changed.
package final class ChangeCounter: Sendable {
    private let count = Atomic<Int>(0)
    package init() {}
    package var value: Int { count.load(ordering: .relaxed) }
    package func note() { count.wrappingAdd(1, ordering: .relaxed) }
}
