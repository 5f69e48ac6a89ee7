import MockSimulations

/// One provider's routes and the parts of one world they serve: its simulation, journal, faults and clock.
///
/// A port has one router, registered with the default world's routes; a request names its world in its context
/// (``MockRequestContext/world``), and every layer and route serves that world's parts (``serving(_:)``), so that a
/// world costs no router of its own.
protocol ProviderRoutes: Sendable {
    var journal: RequestJournal { get }
    var faults: FaultBook { get }
    var clock: any MockClock { get }
    /// The largest body read; the server's, whichever world.
    var maxBodyBytes: Int { get }

    /// The same provider's routes in `world`.
    static func of(_ world: ProviderMocks) -> Self
}

extension ProviderRoutes {
    /// The routes of the world the request is for; these, when it names none.
    @inline(__always) func serving(_ context: MockRequestContext) -> Self {
        if let world = context.world { return Self.of(world) }
        return self
    }
}
