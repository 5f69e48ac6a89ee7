import Hummingbird
import ServiceLifecycle

/// The three mock providers of a scenario, wired as `provider-mock serve` runs them: one clock, one consent store that
/// the İYS API writes and the Node API's commercial gate reads, one journal per provider. `serve`, the fuzz targets and
/// any in-process harness build the mocks here, so that the wiring exists once.
///
/// ```swift
/// let mocks = ProviderMocks(scenario: try Scenario.bundled(), clock: ManualClock())
/// let router = Router()
/// mocks.nodeAPIRoutes.register(on: router)
/// ```
public struct ProviderMocks: Sendable {
    public let scenario: Scenario
    public let clock: any MockClock
    public let nodeAPI: NodeAPISimulation
    public let iys: IYSSimulation
    public let euromsg: ExpressSimulation
    public let nodeAPIRoutes: NodeAPIRoutes
    public let iysRoutes: IYSRoutes
    public let euromsgRoutes: ExpressRoutes
    /// Delivery reports and İYS webhooks, sent concurrently per receiver.
    public let dispatcher: CallbackDispatcher
    /// What falls due on the clock: reports and webhooks to send, import slices to apply.
    public let background: MockBackgroundWork

    /// - Parameter errorsAsHTTP200: every Node API error as HTTP 200, whatever the scenario says (`serve --errors-as-http-200`).
    public init(scenario: Scenario, clock: any MockClock, errorsAsHTTP200: Bool = false) {
        self.scenario = scenario
        self.clock = clock
        let nodeScenario = scenario.nodeAPI
        iys = IYSSimulation(
            accounts: scenario.iys.accounts, forwarding: scenario.iys.forwarding, tokenLifetimeSeconds: scenario.iys.tokenLifetimeSeconds, clock: clock
        )
        nodeAPI = NodeAPISimulation(scenario: nodeScenario, consents: iys.store, clock: clock)
        euromsg = ExpressSimulation(scenario: scenario.euromsg, clock: clock)
        nodeAPIRoutes = NodeAPIRoutes(
            simulation: nodeAPI, policy: ErrorStatusPolicy(errorsAsHTTP200: errorsAsHTTP200 || nodeScenario.errorsAsHTTP200),
            injection: ErrorInjection(
                rules: nodeScenario.errorRules, maintenance: nodeScenario.maintenance,
                maxConcurrentRequestsPerUser: nodeScenario.maxConcurrentRequestsPerUser
            ),
            journal: RequestJournal(capacity: nodeScenario.journalSize), clock: clock
        )
        iysRoutes = IYSRoutes(simulation: iys, journal: RequestJournal(capacity: scenario.iys.journalSize), clock: clock)
        euromsgRoutes = ExpressRoutes(simulation: euromsg, journal: RequestJournal(capacity: scenario.euromsg.journalSize), clock: clock)
        dispatcher = CallbackDispatcher(clock: clock)
        background = MockBackgroundWork(nodeAPI: nodeAPI, iys: iys, dispatcher: dispatcher)
    }

    /// The background services `serve` runs beside the servers.
    public var services: [any Service] { [dispatcher, background] }

    /// A router with the Node API's routes (JSON, SOAP, WSDL and the mock's own).
    public func nodeAPIRouter() -> Router<BasicRequestContext> {
        let router = Router()
        nodeAPIRoutes.register(on: router)
        return router
    }

    /// A router with the MySoft İYS routes.
    public func iysRouter() -> Router<BasicRequestContext> {
        let router = Router()
        iysRoutes.register(on: router)
        return router
    }

    /// A router with the Euromsg Express routes.
    public func euromsgRouter() -> Router<BasicRequestContext> {
        let router = Router()
        euromsgRoutes.register(on: router)
        return router
    }
}
