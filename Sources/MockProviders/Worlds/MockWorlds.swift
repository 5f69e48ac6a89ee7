import Foundation
import HeapModule
import Hummingbird
import MockAdmin
import MockSimulations
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
internal import CMalloc
#endif

/// Every world of a running `serve` (issue 26): the default world (today's mocks, reached with no world named) and the
/// worlds created through `POST /__admin/worlds`, at most ``maxWorlds``. Finding a world by its id is one dictionary
/// look-up under a lock held for that alone, so worlds do not contend on the request path; a world's requests then
/// take only its own locks.
///
/// As a service it runs each created world's background work and callbacks, and frees worlds idle past their
/// `ttlSeconds` from a heap ordered by expiry (only the worlds due are looked at, never all of them).
package final class MockWorlds: Service, Sendable {
    package let defaultWorld: ProviderMocks
    package let maxWorlds: Int
    /// Builds the mocks of a new world from its scenario, clock, scenario text and seed, with the server's wire overrides.
    private let make: @Sendable (Scenario, any MockClock, String?, UInt64?) -> ProviderMocks
    private let registry = Mutex(Registry())
    private let serving: Mutex<WorldServing>
    /// The port each face was bound to, for the base URLs of a world.
    private let ports = Mutex<[WorldFace: Int]>([:])
    private let started: AsyncStream<MockWorld>.Continuation
    private let startedWorlds: AsyncStream<MockWorld>
    /// Wall time, for expiry: worlds expire on real idleness, whatever their own clocks say.
    let wallClock: any MockClock
    /// Goes up when a world is created or removed (``changes``).
    private let membership = ChangeCounter()
    /// How many worlds there are, kept beside the registry for ``count``.
    private let population = Atomic<Int>(0)
    /// Turns of ``run()`` left that give freed memory back to the system: set when worlds are deleted or expire.
    private let trims = Atomic<Int>(0)

    private struct Registry {
        var worlds: [String: MockWorld] = [:]
        var expiries = Heap<Expiry>()
    }

    private struct Expiry: Comparable {
        var at: Int64
        var id: String
        static func < (lhs: Expiry, rhs: Expiry) -> Bool { (lhs.at, lhs.id) < (rhs.at, rhs.id) }
    }

    package static let defaultMaxWorlds = 1000
    /// A world's idle time before it is deleted, by default and at most.
    package static let defaultTTLSeconds = 3600
    package static let maxTTLSeconds = 7 * 86_400

    package init(
        defaultWorld: ProviderMocks, maxWorlds: Int = defaultMaxWorlds, wallClock: any MockClock = SystemClock(),
        make: @escaping @Sendable (Scenario, any MockClock, String?, UInt64?) -> ProviderMocks
    ) {
        self.defaultWorld = defaultWorld
        self.maxWorlds = max(0, maxWorlds)
        self.make = make
        self.wallClock = wallClock
        serving = Mutex(WorldServing())
        (startedWorlds, started) = AsyncStream.makeStream(of: MockWorld.self)
    }

    /// The worlds of `mocks`, each built with the same wire overrides (`--errors-as-http-200`, `--strict`).
    package convenience init(serving mocks: ProviderMocks, maxWorlds: Int = defaultMaxWorlds) {
        let overrides = mocks.overrides
        self.init(defaultWorld: mocks, maxWorlds: maxWorlds) { scenario, clock, source, seed in
            ProviderMocks(
                scenario: scenario, clock: clock, errorsAsHTTP200: overrides.errorsAsHTTP200, strictRequests: overrides.strictRequests, source: source, seed: seed
            )
        }
    }

    /// What the worlds' responders share with the server's, set as the servers are built.
    func setServing(_ value: WorldServing) { serving.withLock { $0 = value } }

    /// Notes the port a face listens on: no world's callbacks go there (worlds taken back from a state file exist before
    /// the ports do).
    func listening(_ face: WorldFace, on port: Int) {
        ports.withLock { $0[face] = port }
        for world in all { world.mocks.dispatcher.targets.listening(on: port) }
    }

    /// The port a face listens on, once it does.
    func port(of face: WorldFace) -> Int? { ports.withLock { $0[face] } }

    /// The world with `id`, noted as used now; nil when there is none (never created, deleted or expired).
    package func world(_ id: String) -> MockWorld? {
        let now = wallClock.now()
        guard let world = registry.withLock({ $0.worlds[id] }) else { return nil }
        world.touch(now)
        return world
    }

    /// The world a login was minted for (`ACCOUNT.ID`, ``WorldLogins``), noted as used now; nil for any other name.
    /// Whether the login is right is the world's to say.
    package func world(ofLogin username: String) -> MockWorld? {
        // A scenario's own usernames never take the lock: only the minted shape is looked up.
        guard let dot = username.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let id = username[username.index(after: dot)...]
        guard id.utf8.count == Self.idLength else { return nil }
        return world(String(id))
    }

    /// The world whose minted login a bearer token was issued to (`ID.…`), noted as used now; nil for any other token.
    package func world(ofToken token: String) -> MockWorld? {
        let utf8 = token.utf8
        guard utf8.count > Self.idLength, utf8[utf8.index(utf8.startIndex, offsetBy: Self.idLength)] == UInt8(ascii: ".") else { return nil }
        return world(String(token.prefix(Self.idLength)))
    }

    /// What every port and the admin API say of a world that does not exist (the id cut to 64 characters: it may come
    /// from a header).
    package static func noWorld(_ id: String) -> String {
        "there is no world \(id.prefix(64)) (never created, deleted, or expired after its ttlSeconds)"
    }

    /// Characters of a world's id.
    package static let idLength = 20

    /// The worlds, oldest first.
    package var all: [MockWorld] { registry.withLock { Array($0.worlds.values) }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) } }

    /// One relaxed load, no lock: every request to a port asks whether any world exists.
    package var count: Int { population.load(ordering: .relaxed) }

    /// Entries of the expiry heap, deleted worlds' among them (for tests).
    var pendingExpiries: Int { registry.withLock { $0.expiries.count } }

    /// A new world as `request` asks: its scenario (the server's when none is given) parsed and checked as at start-up,
    /// its clock, its idle time to live. Nothing is created when anything is wrong, or when ``maxWorlds`` exist.
    package func create(_ request: AdminModels.CreateWorld) async throws(AdminModels.Failure) -> MockWorld {
        if let name = request.name, name.isEmpty || name.count > 100 { throw AdminModels.Failure(400, "must be 1 to 100 characters", field: "name") }
        let ttl = request.ttlSeconds ?? Self.defaultTTLSeconds
        guard (1...Self.maxTTLSeconds).contains(ttl) else { throw AdminModels.Failure(400, "must be from 1 to \(Self.maxTTLSeconds) (a week)", field: "ttlSeconds") }
        let scenario: Scenario
        let source: String?
        if let text = request.scenario {
            guard text.utf8.count <= AdminRoutes.maxScenarioBytes else {
                throw AdminModels.Failure(413, "the scenario is over \(AdminRoutes.maxScenarioBytes) bytes", field: "scenario")
            }
            do throws(ScenarioError) { scenario = try await Scenario.parseAside(text, file: "scenario") } catch { throw AdminModels.Failure(400, error.message, field: "scenario") }
            source = text
        } else {
            (scenario, source) = (defaultWorld.scenario, defaultWorld.scenarioHolder.source)
        }
        let mode: SwitchableClock.Mode = try request.clock.map { text throws(AdminModels.Failure) in
            guard let mode = SwitchableClock.Mode(rawValue: text) else { throw AdminModels.Failure(400, "must be manual or system", field: "clock") }
            return mode
        } ?? ((defaultWorld.clock as? SwitchableClock)?.mode ?? .manual)
        let start = try request.now.map { text throws(AdminModels.Failure) in try AdminModels.milliseconds(iso: text, field: "now") }
        let clock = SwitchableClock(mode: mode, now: start ?? defaultWorld.clock.now())
        let mocks = make(scenario, clock, source, request.seed)
        let id = RandomToken.make(length: Self.idLength)
        let logins = WorldLogins(scenario: scenario, world: id)
        mocks.admit(logins)
        // The world's callbacks must never reach the server's own ports, as the default world's do not.
        for port in ports.withLock({ Array($0.values) }) { mocks.dispatcher.targets.listening(on: port) }
        let now = wallClock.now()
        let world = MockWorld(
            id: id, name: request.name, token: RandomToken.make(length: 40), logins: logins, mocks: mocks, ttlSeconds: ttl, now: now,
            serving: serving.withLock { $0 }, wallClock: wallClock
        )
        guard admit(world) else {
            throw AdminModels.Failure(429, "the mock keeps at most \(maxWorlds) worlds (serve --max-worlds): delete one, or let one expire")
        }
        return world
    }

    /// Keeps `world` and starts its background work, unless ``maxWorlds`` exist.
    private func admit(_ world: MockWorld) -> Bool {
        let admitted = registry.withLock { registry -> Bool in
            guard registry.worlds.count < maxWorlds else { return false }
            keep(world, in: &registry)
            registry.expiries.insert(Expiry(at: world.expiresAt, id: world.id))
            return true
        }
        guard admitted else { return false }
        membership.note()
        started.yield(world)
        return true
    }

    /// The registry's only writes of its worlds, which keep ``count`` in step.
    private func keep(_ world: MockWorld, in registry: inout Registry) {
        registry.worlds[world.id] = world
        population.store(registry.worlds.count, ordering: .relaxed)
    }

    @discardableResult
    private func drop(_ id: String, from registry: inout Registry) -> MockWorld? {
        defer { population.store(registry.worlds.count, ordering: .relaxed) }
        return registry.worlds.removeValue(forKey: id)
    }

    // MARK: State files

    /// The default world's state and every world's, as `serve --state` keeps them.
    package func snapshot() -> MockSnapshot {
        var snapshot = defaultWorld.snapshot()
        let serverScenario = defaultWorld.scenarioHolder.source
        snapshot.worlds = all.map { $0.snapshot(serverScenario: serverScenario) }
        return snapshot
    }

    /// Takes back the worlds a state file kept, each as it was (its id, token, logins, clock, scenario and state), except
    /// those idle past their time since, and beyond ``maxWorlds``. What was left out, a line each.
    package func restore(_ saved: [WorldSnapshot]) async -> [String] {
        var left: [String] = []
        let now = wallClock.now()
        for world in saved {
            guard world.lastUsedAt + Int64(world.ttlSeconds) * 1000 > now else {
                left.append("world \(world.id): expired (idle over its ttlSeconds \(world.ttlSeconds))")
                continue
            }
            let scenario: Scenario
            if let text = world.scenario {
                do throws(ScenarioError) { scenario = try await Scenario.parseAside(text, file: "worlds[\(world.id)].scenario") } catch {
                    left.append("world \(world.id): \(error.message)")
                    continue
                }
            } else {
                scenario = defaultWorld.scenario
            }
            let clock = SwitchableClock(mode: world.clock, now: world.clock == .manual ? world.state.savedAt : nil)
            let mocks = make(scenario, clock, world.scenario ?? defaultWorld.scenarioHolder.source, world.seed)
            mocks.admit(world.logins)
            mocks.restore(world.state)
            let restored = MockWorld(
                id: world.id, name: world.name, token: world.token, logins: world.logins, mocks: mocks, ttlSeconds: world.ttlSeconds,
                now: world.lastUsedAt, serving: serving.withLock { $0 }, wallClock: wallClock, createdAt: world.createdAt
            )
            if !admit(restored) { left.append("world \(world.id): over --max-worlds \(maxWorlds)") }
        }
        return left
    }

    /// Goes up whenever the default world or any other may have changed, or a world came or went: `serve --state`
    /// writes the file when it moved.
    package var changes: Int {
        all.reduce(defaultWorld.changes.value &+ membership.value) { $0 &+ $1.mocks.changes.value }
    }

    /// Deletes a world: its state goes, its background work and callbacks stop. False when there is none.
    @discardableResult
    package func remove(_ id: String) -> Bool {
        guard let world = registry.withLock({ registry -> MockWorld? in
            guard let world = drop(id, from: &registry) else { return nil }
            // A deleted world's expiry stays in the heap until its time: past twice the worlds kept, the heap is built
            // anew from them, so that a stream of worlds created and deleted does not grow it (amortised O(1) a delete).
            if registry.expiries.count > 2 * max(registry.worlds.count, 64) {
                registry.expiries = Heap(registry.worlds.values.map { Expiry(at: $0.expiresAt, id: $0.id) })
            }
            return world
        }) else { return false }
        membership.note()
        world.shutDown()
        trims.store(2, ordering: .relaxed)
        return true
    }

    /// Deletes the worlds idle past their time at `now`; a world used since its entry was made gets a new one. The ids.
    @discardableResult
    package func expire(at now: Int64) -> [String] {
        let due = registry.withLock { registry -> [MockWorld] in
            var due: [MockWorld] = []
            while let next = registry.expiries.min, next.at <= now {
                registry.expiries.removeMin()
                guard let world = registry.worlds[next.id] else { continue }
                if world.expiresAt <= now {
                    drop(next.id, from: &registry)
                    due.append(world)
                } else {
                    registry.expiries.insert(Expiry(at: world.expiresAt, id: world.id))
                }
            }
            return due
        }
        for world in due { world.shutDown() }
        if !due.isEmpty {
            membership.note()
            trims.store(2, ordering: .relaxed)
        }
        return due.map(\.id)
    }

    /// Runs each world's background work and callbacks, and expires idle worlds once a second, until the server stops.
    /// In the two turns after worlds went, the memory they freed is given back to the system.
    package func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    while !Task.isCancelled {
                        self.expire(at: self.wallClock.now())
                        if self.trims.load(ordering: .relaxed) > 0 {
                            self.trims.subtract(1, ordering: .relaxed)
                            Self.giveBackFreedMemory()
                        }
                        try? await Task.sleep(for: .seconds(1))
                    }
                }
                for await world in self.startedWorlds {
                    group.addTask { await world.runServices() }
                }
            }
        }
    }

    /// Returns the pages freed by deleted worlds to the system. glibc's malloc keeps freed memory in its arenas for reuse,
    /// and only the top of each heap goes back by itself: `malloc_trim` also releases free pages in the middle of the
    /// arenas. It takes each arena's lock for a moment, once a second at most, and only after worlds went. With it, a
    /// server that created, used and deleted 10 000 worlds holds 55 MB resident, from 51 MB before any world
    /// (`Benchmarks/worlds/run.py`); without it, the freed pages would stay resident.
    ///
    /// It runs on a thread of its own, not on one of Swift Concurrency's few, which the servers need: on a large heap the
    /// walk is blocking work. Not on `DispatchQueue.global()` either: on Linux, Swift Concurrency's jobs run on that queue.
    static func giveBackFreedMemory() {
        #if canImport(Glibc)
        Thread.detachNewThread { _ = malloc_trim(0) }
        #endif
    }
}
