import Hummingbird
import HummingbirdCore
import Logging
import MockAdmin
import MockRecording
import MockSimulations
import NIOCore
import ServiceLifecycle

/// The three mock providers of a scenario, wired as `provider-mock serve` runs them: one clock, one world of state behind
/// one lock (``ProviderWorld``), whose İYS consents the İYS API writes and the Node API's commercial gate reads, one
/// journal per provider. `serve`, the fuzz targets and any in-process harness build the mocks here, so that the wiring
/// exists once.
///
/// ```swift
/// let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
/// let app = Application(router: mocks.nodeAPIRouter())
/// ```
///
/// A final class of constants rather than a struct: a request's context carries its world's mocks
/// (``MockRequestContext/world``) down every layer, and a reference is one retain where the struct's forty-odd
/// references were forty.
public final class ProviderMocks: Sendable {
    /// The scenario the mocks run (a reset goes back to it); `PUT /__admin/scenario` replaces it.
    public var scenario: Scenario { scenarioHolder.scenario }
    package let scenarioHolder: ScenarioHolder
    public let clock: any MockClock
    /// The three providers' state, behind the world's one lock; each simulation below holds its part.
    package let world: ProviderWorld
    package let nodeAPI: NodeAPISimulation
    package let iys: IYSSimulation
    package let euromsg: ExpressSimulation
    package let nodeAPIRoutes: NodeAPIRoutes
    package let iysRoutes: IYSRoutes
    package let euromsgRoutes: ExpressRoutes
    /// Delivery reports and İYS webhooks, sent concurrently per receiver.
    package let dispatcher: CallbackDispatcher
    /// What falls due on the clock: reports and webhooks to send, import slices to apply.
    package let background: MockBackgroundWork
    /// The faults of the three mocks: the scenario's `errorRules`, and the admin API's.
    package let faults: FaultBook
    /// What happens in the mocks, for the admin API's long polls and event stream.
    package let events: MockEvents
    /// Goes up with every request to a mock and every admin write: `serve --state` writes the state when it moved.
    package let changes: ChangeCounter
    /// The server's wire overrides, which every world of the server gets too.
    package let overrides: WireOverrides
    /// Where the mocks' tokens, uuids and GUIDs come from when given (`serve --seed`, a world's `seed`): the same requests
    /// then get the same bytes back.
    package let seed: UInt64?

    /// `serve --errors-as-http-200` and `--strict`: over every scenario's own settings.
    package struct WireOverrides: Sendable, Hashable {
        package var errorsAsHTTP200: Bool
        package var strictRequests: Bool
    }

    /// - Parameters:
    ///   - errorsAsHTTP200: every Node API error as HTTP 200, whatever the scenario says (`serve --errors-as-http-200`).
    ///   - strictRequests: unknown Node API request fields refused, whatever the scenario says (`serve --strict`).
    ///   - injection: the Node API's injected errors, when a test drives them; by default the scenario's rules.
    ///   - source: the scenario's text, which `GET /__admin/scenario` answers.
    ///   - replay: recorded Node API exchanges answered before the simulation (`serve --replay DIR`, ``ReplayBook``).
    ///   - seed: tokens, uuids and GUIDs drawn from this seed, so that the same requests get the same replies; by default
    ///     from the system.
    public init(
        scenario: Scenario, clock: any MockClock, errorsAsHTTP200: Bool = false, strictRequests: Bool = false, injection: ErrorInjection? = nil,
        source: String? = nil, replay: ReplayBook? = nil, seed: UInt64? = nil
    ) {
        self.seed = seed
        scenarioHolder = ScenarioHolder(scenario, source: source)
        self.clock = clock
        overrides = WireOverrides(errorsAsHTTP200: errorsAsHTTP200, strictRequests: strictRequests)
        let nodeScenario = scenario.nodeAPI
        let events = MockEvents()
        self.events = events
        let wake = BackgroundWake()
        let changes = ChangeCounter()
        self.changes = changes
        @Sendable func journal(_ provider: Provider, _ capacity: Int) -> RequestJournal {
            RequestJournal(capacity: capacity) { entry in
                changes.note()
                events.publish(.request(provider: provider, sequence: entry.sequence, method: entry.method, path: entry.path, status: entry.status, user: entry.user))
            }
        }
        faults = FaultBook(scenario: Self.faults(of: scenario))
        let world = ProviderWorld(ProviderWorldState(
            nodeAPI: NodeAPIState(scenario: nodeScenario, now: clock.now(), random: .stream(0, of: seed)),
            iys: Self.iysState(scenario.iys, now: clock.now(), random: .stream(1, of: seed)),
            euromsg: ExpressState(scenario: scenario.euromsg, now: clock.now(), random: .stream(2, of: seed))
        ))
        self.world = world
        iys = IYSSimulation(state: world.iys, clock: clock, wake: wake)
        nodeAPI = NodeAPISimulation(state: world.nodeAPI, clock: clock, events: events, wake: wake)
        euromsg = ExpressSimulation(state: world.euromsg, clock: clock)
        nodeAPIRoutes = NodeAPIRoutes(
            simulation: nodeAPI, policy: NodeAPIWirePolicy(
                errorsAsHTTP200: errorsAsHTTP200 || nodeScenario.errorsAsHTTP200, strictRequests: strictRequests || nodeScenario.strictRequests
            ),
            injection: injection ?? ErrorInjection(
                maintenance: nodeScenario.maintenance, maxConcurrentRequestsPerUser: nodeScenario.maxConcurrentRequestsPerUser
            ),
            faults: faults, journal: journal(.nodeAPI, nodeScenario.journalSize), clock: clock, replay: replay
        )
        iysRoutes = IYSRoutes(simulation: iys, faults: faults, journal: journal(.iys, scenario.iys.journalSize), clock: clock)
        euromsgRoutes = ExpressRoutes(simulation: euromsg, faults: faults, journal: journal(.euromsg, scenario.euromsg.journalSize), clock: clock)
        dispatcher = CallbackDispatcher(clock: clock, targets: CallbackTargets(rules: scenario.callbacks), events: events)
        background = MockBackgroundWork(nodeAPI: nodeAPI, iys: iys, dispatcher: dispatcher, wake: wake)
    }

    /// Lets in the logins minted for a world: each simulation takes them as the accounts they stand for, over resets.
    package func admit(_ logins: WorldLogins) {
        world.withLock { world in
            world.nodeAPI.logins = WorldLogins.table(logins.nodeAPI)
            world.iys.logins = WorldLogins.table(logins.iys)
            world.euromsg.logins = WorldLogins.table(logins.euromsg)
            world.euromsg.mintedAPIKeys = Dictionary(logins.euromsgAPIKeys.map { ($0.key, $0.apiKey) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Puts a provider (every provider when nil) back to the scenario's initial state, under the world's one lock, and
    /// empties its journal: its packages, contacts, consents, lists, campaigns and tokens go (clients ask for a new
    /// token), and ids go on from the clock, so that none is handed out twice. The faults go back to the scenario's.
    /// İYS's consents are what the Node API's commercial gate reads, so resetting İYS resets what the gate sees. A full
    /// reset also drops the callbacks not yet sent.
    package func reset(_ provider: Provider? = nil) async {
        let scenario = scenario
        let now = clock.now()
        let chosen = provider.map { [$0] } ?? Provider.allCases
        world.withLock { world in
            if chosen.contains(.iys) {
                let earlier = world.iys
                world.iys = Self.iysState(scenario.iys, now: now, random: earlier.random)
                world.iys.logins = earlier.logins
            }
            if chosen.contains(.nodeAPI) {
                let earlier = world.nodeAPI
                world.nodeAPI = NodeAPIState(scenario: scenario.nodeAPI, now: now, random: earlier.random)
                world.nodeAPI.logins = earlier.logins
                world.nodeAPI.packages.continueIDs(after: earlier.packages)
            }
            if chosen.contains(.euromsg) {
                let earlier = world.euromsg
                world.euromsg = ExpressState(scenario: scenario.euromsg, now: now, random: earlier.random)
                world.euromsg.logins = earlier.logins
                world.euromsg.mintedAPIKeys = earlier.mintedAPIKeys
                world.euromsg.continueIDs(after: earlier)
            }
        }
        if chosen.contains(.nodeAPI) { nodeAPIRoutes.replay?.rewind() }
        for chosen in chosen { journal(of: chosen).clear() }
        faults.reset(provider)
        if provider == nil { await dispatcher.removeAll() }
    }

    /// The journal of a provider's calls.
    package func journal(of provider: Provider) -> RequestJournal {
        switch provider {
        case .nodeAPI: nodeAPIRoutes.journal
        case .iys: iysRoutes.journal
        case .euromsg: euromsgRoutes.journal
        }
    }

    /// The İYS state a scenario describes.
    static func iysState(_ scenario: IYSScenario, now: Int64, random: SeededRandom) -> IYSState {
        IYSState(
            accounts: scenario.accounts, forwarding: scenario.forwarding, tokenLifetimeSeconds: scenario.tokenLifetimeSeconds,
            maxConsents: scenario.maxConsents, now: now, random: random
        )
    }

    /// Runs `new` from now on: every provider is reset to it, its `errorRules` become the scenario's faults and its
    /// `maintenance` switch is set. Returns the settings that differ and that only a restart applies (the wire policy,
    /// the concurrency limit and the journals' sizes are fixed when the servers start).
    package func replaceScenario(_ new: Scenario, source: String?) async -> [String] {
        let old = scenario
        var restart: [String] = []
        if new.nodeAPI.errorsAsHTTP200 != old.nodeAPI.errorsAsHTTP200 { restart.append("nodeAPI.errorsAsHTTP200") }
        if new.nodeAPI.strictRequests != old.nodeAPI.strictRequests { restart.append("nodeAPI.strictRequests") }
        if new.nodeAPI.maxConcurrentRequestsPerUser != old.nodeAPI.maxConcurrentRequestsPerUser { restart.append("nodeAPI.maxConcurrentRequestsPerUser") }
        if new.nodeAPI.journalSize != old.nodeAPI.journalSize { restart.append("nodeAPI.journalSize") }
        if new.iys.journalSize != old.iys.journalSize { restart.append("iys.journalSize") }
        if new.euromsg.journalSize != old.euromsg.journalSize { restart.append("euromsg.journalSize") }
        scenarioHolder.replace(new, source: source)
        dispatcher.targets.replace(new.callbacks)
        faults.replaceScenario(Self.faults(of: new))
        nodeAPIRoutes.injection.setMaintenance(new.nodeAPI.maintenance)
        await reset()
        return restart
    }

    /// The scenario's `errorRules`, as faults.
    static func faults(of scenario: Scenario) -> [Fault] {
        scenario.nodeAPI.errorRules.enumerated().map { Fault(scenario: $1, number: $0 + 1) }
    }

    /// The background services `serve` runs beside the servers.
    package var services: [any Service] { [dispatcher, background] }

    /// Where `serve` binds each provider.
    public struct Ports: Sendable, Hashable {
        public var nodeAPI: Int
        public var iys: Int
        public var euromsg: Int
        /// The admin API (`/__admin/…`); nil binds none.
        public var admin: Int?
        /// The Node API over TLS; nil binds none.
        public var nodeAPITLS: Int?

        public init(nodeAPI: Int = DefaultPort.nodeAPI, iys: Int = DefaultPort.iys, euromsg: Int = DefaultPort.euromsg, admin: Int? = nil, nodeAPITLS: Int? = nil) {
            self.nodeAPI = nodeAPI
            self.iys = iys
            self.euromsg = euromsg
            self.admin = admin
            self.nodeAPITLS = nodeAPITLS
        }
    }

    /// The three mocks.
    /// One of the three providers (``MockProvider``).
    public typealias Provider = MockProvider

    /// The three servers as one service, as `serve` runs them: the Node API's application runs the İYS and Euromsg
    /// applications and the background work as its services. Every server keeps `limits` on its connections and
    /// refuses one too many in its provider's shape. `onListening` learns each bound port (port 0 picks a free one). With
    /// `requestLog`, every request is logged there when answered (``RequestLogMiddleware``).
    ///
    /// With `tls` (which wraps a server in TLS: HummingbirdTLS's `.tls(_:tlsConfiguration:)`, given by the caller so that
    /// the mocks need no TLS library) and `ports.nodeAPITLS`, the Node API is also served over TLS there (the same
    /// simulation), and `certificateAuthorityPEM` (the local CA that signed its certificate, if it was) is served at
    /// `GET /__admin/ca.pem`.
    ///
    /// Every port serves the server's worlds too (``MockWorlds``, at most `maxWorlds`): a request naming one (the path
    /// prefix `/worlds/ID`, the header `X-Mock-World`) goes to it, any other to these mocks, the default world.
    public func application(
        host: String, ports: Ports, limits: ConnectionLimits = ConnectionLimits(), adminToken: String? = nil, allowedHosts: [String] = [],
        requestLog: Logger? = nil, tls: ((HTTPServerBuilder) throws -> HTTPServerBuilder)? = nil, certificateAuthorityPEM: String? = nil,
        maxWorlds: Int = 1000,
        onListening: @escaping @Sendable (Provider, Int) async -> Void = { _, _ in },
        onAdminListening: @escaping @Sendable (Int) async -> Void = { _ in },
        onTLSListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        try application(
            host: host, ports: ports, limits: limits, adminToken: adminToken, allowedHosts: allowedHosts, requestLog: requestLog, tls: tls,
            certificateAuthorityPEM: certificateAuthorityPEM, worlds: MockWorlds(serving: self, maxWorlds: maxWorlds),
            onListening: onListening, onAdminListening: onAdminListening, onTLSListening: onTLSListening
        )
    }

    /// The application, serving `worlds` (which `serve --state` keeps).
    package func application(
        host: String, ports: Ports, limits: ConnectionLimits = ConnectionLimits(), adminToken: String? = nil, allowedHosts: [String] = [],
        requestLog: Logger? = nil, tls: ((HTTPServerBuilder) throws -> HTTPServerBuilder)? = nil, certificateAuthorityPEM: String? = nil,
        worlds: MockWorlds,
        onListening: @escaping @Sendable (Provider, Int) async -> Void = { _, _ in },
        onAdminListening: @escaping @Sendable (Int) async -> Void = { _ in },
        onTLSListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let targets = dispatcher.targets
        let responders = self.ports(
            worlds: worlds, adminToken: adminToken, requestLog: requestLog, hostNames: [host] + allowedHosts, certificateAuthorityPEM: certificateAuthorityPEM
        )
        @Sendable func listening(_ provider: Provider) -> @Sendable (any Channel) async -> Void {
            { channel in
                let port = channel.localAddress?.port ?? 0
                targets.listening(on: port)
                worlds.listening(WorldFace(provider), on: port)
                await onListening(provider, port)
            }
        }
        let iysApp = Application(
            responder: responders.iys, server: limits.server(refusal: IYSRoutes.tooManyConnections(limits.maxConnections)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: ports.iys), serverName: "provider-mock-iys"),
            onServerRunning: listening(.iys)
        )
        let euromsgApp = Application(
            responder: responders.euromsg, server: limits.server(refusal: ExpressRoutes.tooManyConnections(limits.maxConnections)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: ports.euromsg), serverName: "provider-mock-euromsg"),
            onServerRunning: listening(.euromsg)
        )
        var servers: [any Service] = [iysApp, euromsgApp, worlds]
        if let port = ports.admin {
            servers.append(Application(
                responder: responders.admin, server: limits.server(refusal: AdminRoutes.failure(.init(503, "the admin API serves at most \(limits.maxConnections) connections at once"))),
                configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "provider-mock-admin"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    targets.listening(on: port)
                    worlds.listening(.admin, on: port)
                    await onAdminListening(port)
                }
            ))
        }
        if let tls, let port = ports.nodeAPITLS {
            servers.append(Application(
                responder: responders.nodeAPITLS,
                server: try tls(limits.server(refusal: nodeAPIRoutes.tooManyConnections(limits.maxConnections))),
                configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "provider-mock-tls"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    targets.listening(on: port)
                    worlds.listening(.nodeAPITLS, on: port)
                    await onTLSListening(port)
                }
            ))
        }
        return Application(
            responder: responders.nodeAPI, server: limits.server(refusal: nodeAPIRoutes.tooManyConnections(limits.maxConnections)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: ports.nodeAPI), serverName: "provider-mock"),
            services: servers + services, onServerRunning: listening(.nodeAPI)
        )
    }

    /// A router with the Node API's routes (JSON, SOAP, WSDL and the mock's own).
    public func nodeAPIRouter() -> Router<MockRequestContext> {
        router(.nodeAPI, requestLog: nil) { nodeAPIRoutes.register(on: $0) }
    }

    /// A router with the admin API (`/__admin/…`); with a `token`, every call needs `Authorization: Bearer <token>`.
    /// A browser reaches it by an address, `localhost` or one of `hostNames` (``AdminOriginMiddleware``).
    public func adminRouter(token: String? = nil, hostNames: [String] = []) -> Router<MockRequestContext> {
        adminRouter(token: token, heartbeat: .seconds(15), hostNames: hostNames)
    }

    /// The admin router with the event stream's heartbeat every `heartbeat` (for tests).
    package func adminRouter(
        token: String?, heartbeat: Duration, hostNames: [String] = [], requestLog: Logger? = nil, certificateAuthorityPEM: String? = nil,
        worlds: MockWorlds? = nil
    ) -> Router<MockRequestContext> {
        router(nil, requestLog: requestLog) {
            AdminRoutes(
                mocks: self, token: token, heartbeat: heartbeat, hostNames: hostNames, certificateAuthorityPEM: certificateAuthorityPEM, worlds: worlds
            ).register(on: $0)
        }
    }

    /// A router with the MySoft İYS routes.
    public func iysRouter() -> Router<MockRequestContext> {
        router(.iys, requestLog: nil) { iysRoutes.register(on: $0) }
    }

    /// A router with the Euromsg Express routes.
    public func euromsgRouter() -> Router<MockRequestContext> {
        router(.euromsg, requestLog: nil) { euromsgRoutes.register(on: $0) }
    }

    /// A router of one server: callbacks from this process refused, each request logged when `requestLog` is given
    /// (`serve --log-format json`), then the routes. Middleware applies to the routes registered after it.
    func router(
        _ provider: Provider?, requestLog: Logger?, register: (Router<MockRequestContext>) -> Void
    ) -> Router<MockRequestContext> {
        let router = Router(context: MockRequestContext.self)
        if let requestLog { router.add(middleware: RequestLogMiddleware(logger: requestLog, provider: provider?.rawValue ?? "admin")) }
        router.add(middleware: CallbackLoopMiddleware(targets: dispatcher.targets))
        register(router)
        return router
    }
}
