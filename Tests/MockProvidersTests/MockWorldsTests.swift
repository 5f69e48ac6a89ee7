@testable import MockAdmin
@_spi(MockInternals) @testable import MockProviders
@_spi(MockInternals) @testable import MockSimulations
import NodeAPI
import Testing

/// Issue 26: the worlds of a shared mock, without HTTP: idle worlds expire on the wall clock from a heap of expiries,
/// a use pushes the expiry back, and the cap holds.
@Suite struct MockWorldsTests {
    func worlds(max: Int = 10, wall: ManualClock) throws -> MockWorlds {
        let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
        return MockWorlds(defaultWorld: mocks, maxWorlds: max, wallClock: wall) { scenario, clock, source, seed in
            ProviderMocks(scenario: scenario, clock: clock, source: source, seed: seed)
        }
    }

    @Test func anIdleWorldExpiresAfterItsTimeAndAUsePushesItBack() async throws {
        let wall = ManualClock()
        let worlds = try worlds(wall: wall)
        let start = wall.now()
        let kept = try await worlds.create(AdminModels.CreateWorld(ttlSeconds: 60))
        let idle = try await worlds.create(AdminModels.CreateWorld(ttlSeconds: 60))
        #expect(worlds.expire(at: start + 30_000).isEmpty)
        wall.advance(seconds: 50)
        _ = worlds.world(kept.id)
        #expect(worlds.expire(at: start + 70_000) == [idle.id])
        #expect(worlds.world(idle.id) == nil)
        #expect(worlds.expire(at: start + 100_000).isEmpty)
        #expect(worlds.expire(at: start + 110_000) == [kept.id])
        #expect(worlds.count == 0)
    }

    @Test func theCapHoldsAndADeletedWorldMakesRoom() async throws {
        let worlds = try worlds(max: 2, wall: ManualClock())
        let first = try await worlds.create(AdminModels.CreateWorld())
        _ = try await worlds.create(AdminModels.CreateWorld(name: "ikinci"))
        let refused = await #expect(throws: AdminModels.Failure.self) { _ = try await worlds.create(AdminModels.CreateWorld()) }
        #expect(refused?.status == 429)
        #expect(worlds.remove(first.id))
        #expect(!worlds.remove(first.id))
        _ = try await worlds.create(AdminModels.CreateWorld())
        #expect(worlds.all.map(\.name).contains("ikinci"))
    }

    @Test func aWorldStartsWithTheServersScenarioOnItsOwnClock() async throws {
        let worlds = try worlds(wall: ManualClock())
        let world = try await worlds.create(AdminModels.CreateWorld(clock: "manual", now: "2030-01-02T03:04:05+03:00"))
        #expect(ISOTime.string(world.mocks.clock.now()) == "2030-01-02T00:04:05.000Z")
        #expect(world.mocks.scenario.nodeAPI.accounts.map(\.username) == worlds.defaultWorld.scenario.nodeAPI.accounts.map(\.username))
        #expect(world.mocks.clock.now() != worlds.defaultWorld.clock.now())
    }

    /// A deleted world is freed: once its background work and callbacks stop, nothing holds it, its state or its
    /// simulations (no cycle keeps a world's memory after it goes).
    @Test func aDeletedWorldIsFreed() async throws {
        let worlds = try worlds(wall: ManualClock())
        let running = Task { try await worlds.run() }
        defer { running.cancel() }
        weak var world: MockWorld?
        weak var state: ProviderWorld?
        weak var simulation: NodeAPISimulation?
        weak var dispatcher: CallbackDispatcher?
        do {
            let created = try await worlds.create(AdminModels.CreateWorld())
            (world, state, simulation, dispatcher) = (created, created.mocks.world, created.mocks.nodeAPI, created.mocks.dispatcher)
            _ = try created.mocks.nodeAPI.respond(to: CreateOtpRequest(number: "05551230011", sender: "BASLIK", content: "Kod 1234"), as: "admin")
            #expect(worlds.remove(created.id))
        }
        // Its services end on their own tasks: look again until they have, with a bound far above a loaded machine's delay
        // (a full-suite run once took 17 s to get there). No time is asserted.
        let deadline = ContinuousClock.now + .seconds(120)
        while world != nil || state != nil || simulation != nil || dispatcher != nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(world == nil, "the world")
        #expect(state == nil, "its state")
        #expect(simulation == nil, "its Node API")
        #expect(dispatcher == nil, "its callbacks")
    }

    /// Worlds created and deleted by the thousand leave the registry as it was: the expiry heap is rebuilt from the
    /// worlds kept once deleted worlds' entries outnumber them.
    @Test func aStreamOfWorldsCreatedAndDeletedLeavesNothingBehind() async throws {
        let worlds = try worlds(max: 10, wall: ManualClock())
        let kept = try await worlds.create(AdminModels.CreateWorld())
        for _ in 0..<1000 {
            let world = try await worlds.create(AdminModels.CreateWorld())
            #expect(worlds.remove(world.id))
        }
        #expect(worlds.count == 1 && worlds.world(kept.id) != nil)
        #expect(worlds.pendingExpiries <= 2 * 64 + 1)
    }
}
