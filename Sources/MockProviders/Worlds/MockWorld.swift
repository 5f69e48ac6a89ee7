import Hummingbird
import Logging
import MockSimulations
import Synchronization

/// One isolated world of the mocks (issue 26): its own three providers' state, clock, journals, faults, inbox, events
/// and callback queue (a ``ProviderMocks`` of its own), its admin token, and its admin API's responder. Its provider
/// calls are served by each port's one router (``WorldResponder``), so a world costs no router there.
/// A test job creates one (`POST /__admin/worlds`), reaches it by the path prefix `/worlds/ID/…` or the header
/// `X-Mock-World: ID`, and deletes it, or lets it expire after `ttlSeconds` without a request.
package final class MockWorld: Sendable {
    package let id: String
    package let name: String?
    /// Opens the world's admin routes (`/__admin/worlds/ID/…`) and no other world's.
    package let token: String
    package let mocks: ProviderMocks
    /// Wall-clock milliseconds.
    package let createdAt: Int64
    package let ttlSeconds: Int
    /// The logins minted for the world on each provider, which land in it at the plain base URL.
    package let logins: WorldLogins
    /// The last request to the world, wall-clock milliseconds: it expires `ttlSeconds` after.
    private let lastUse: Atomic<Int64>
    /// The world's admin routes (`/__admin/worlds/ID/…`), built on first use.
    private let admin = Mutex<RouterResponder<MockRequestContext>?>(nil)
    private let serving: WorldServing
    /// The wall clock of ``touch(_:)``'s instants, which paces the background work of an idle world.
    private let wallClock: any MockClock
    /// Finished when the world is removed: its background work and callbacks stop.
    private let stop: AsyncStream<Void>.Continuation
    private let stopped: AsyncStream<Void>

    init(
        id: String, name: String?, token: String, logins: WorldLogins, mocks: ProviderMocks, ttlSeconds: Int, now: Int64, serving: WorldServing,
        wallClock: any MockClock = SystemClock(), createdAt: Int64? = nil
    ) {
        self.wallClock = wallClock
        self.id = id
        self.logins = logins
        self.name = name
        self.token = token
        self.mocks = mocks
        self.ttlSeconds = ttlSeconds
        self.createdAt = createdAt ?? now
        lastUse = Atomic(now)
        (stopped, stop) = AsyncStream.makeStream(of: Void.self)
        self.serving = serving
    }

    /// The world's admin responder, built the first time its admin routes are called.
    var adminResponder: RouterResponder<MockRequestContext> {
        admin.withLock { built in
            if let built { return built }
            let responder = mocks.router(for: .admin, serving: serving, adminToken: token, worlds: nil).buildResponder()
            built = responder
            return responder
        }
    }

    /// Notes a request to the world at `now` (wall-clock milliseconds).
    func touch(_ now: Int64) { lastUse.store(now, ordering: .relaxed) }

    var lastUsed: Int64 { lastUse.load(ordering: .relaxed) }

    /// When the world expires if nothing uses it before.
    var expiresAt: Int64 { lastUsed + Int64(ttlSeconds) * 1000 }

    /// The world's background work and callback dispatcher, until the world is removed or the server stops.
    func runServices() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await self.mocks.dispatcher.run() }
            group.addTask { try? await self.mocks.background.run() }
            group.addTask { for await _ in self.stopped {} }
            _ = await group.next()
            group.cancelAll()
        }
    }

    /// Stops the world's background work and callbacks.
    func shutDown() { stop.finish() }
}

/// What a world's responders share with the server's: the request log, the admin API's heartbeat and host names, the
/// local CA.
struct WorldServing: Sendable {
    var requestLog: Logger?
    var heartbeat: Duration = .seconds(15)
    var hostNames: [String] = []
    var certificateAuthorityPEM: String?
}

/// A port of `serve`, as a world is reached on it.
enum WorldFace: Sendable, Hashable {
    case nodeAPI, nodeAPITLS, iys, euromsg, admin
}

extension WorldFace {
    init(_ provider: ProviderMocks.Provider) {
        switch provider {
        case .nodeAPI: self = .nodeAPI
        case .iys: self = .iys
        case .euromsg: self = .euromsg
        }
    }
}
