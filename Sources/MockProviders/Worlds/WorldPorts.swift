import Hummingbird
import Logging

/// The responders of `serve`'s plain ports, each serving the default world and every world of ``MockWorlds`` (issue 26),
/// built once for the servers and for an in-process harness (the fuzz targets reach the worlds' routes through these,
/// as a client does through a port).
@_spi(MockInternals) public struct WorldPorts: Sendable {
    public let nodeAPI: PortResponder
    /// The Node API over TLS (the same routes, answering with `https` addresses); `serve` wraps it in TLS.
    public let nodeAPITLS: PortResponder
    public let iys: PortResponder
    public let euromsg: PortResponder
    public let admin: PortResponder
}

/// One port's responder: a request naming a world (`/worlds/ID/…`, `X-Mock-World`, a world's own login or token) goes
/// to it, any other to the default world (``WorldResponder``).
@_spi(MockInternals) public struct PortResponder: HTTPResponder {
    public typealias Context = MockRequestContext
    let base: WorldResponder

    public func respond(to request: Request, context: MockRequestContext) async throws -> Response {
        try await base.respond(to: request, context: context)
    }
}

extension ProviderMocks {
    /// The ports' responders over `worlds`, with what the servers add: the request log, the admin API's token, host
    /// names, heartbeat and CA.
    package func ports(
        worlds: MockWorlds, adminToken: String?, requestLog: Logger?, hostNames: [String], certificateAuthorityPEM: String?,
        heartbeat: Duration = .seconds(15)
    ) -> WorldPorts {
        let serving = WorldServing(requestLog: requestLog, heartbeat: heartbeat, hostNames: hostNames, certificateAuthorityPEM: certificateAuthorityPEM)
        worlds.setServing(serving)
        let policy = nodeAPIRoutes.policy
        func port(_ face: WorldFace) -> PortResponder {
            PortResponder(base: WorldResponder(
                face: face, worlds: worlds, fallback: router(for: face, serving: serving, adminToken: adminToken, worlds: worlds).buildResponder(),
                serverToken: adminToken, unknownWorld: { WorldResponder.unknownWorld($0, on: face, nodeAPIPolicy: policy) }
            ))
        }
        return WorldPorts(nodeAPI: port(.nodeAPI), nodeAPITLS: port(.nodeAPITLS), iys: port(.iys), euromsg: port(.euromsg), admin: port(.admin))
    }

    /// The routes of one face of the mocks, as the default world serves them on its port and a world serves them on
    /// the same port (its admin routes opened by its own token, `adminToken`; the worlds' own routes on the default's).
    func router(for face: WorldFace, serving: WorldServing, adminToken: String?, worlds: MockWorlds?) -> Router<MockRequestContext> {
        switch face {
        case .nodeAPI: return router(.nodeAPI, requestLog: serving.requestLog) { nodeAPIRoutes.register(on: $0, worlds: worlds) }
        case .nodeAPITLS:
            var secured = nodeAPIRoutes
            secured.scheme = "https"
            return router(.nodeAPI, requestLog: serving.requestLog) { secured.register(on: $0, worlds: worlds) }
        case .iys: return router(.iys, requestLog: serving.requestLog) { iysRoutes.register(on: $0, worlds: worlds) }
        case .euromsg: return router(.euromsg, requestLog: serving.requestLog) { euromsgRoutes.register(on: $0, worlds: worlds) }
        case .admin:
            return adminRouter(
                token: adminToken, heartbeat: serving.heartbeat, hostNames: serving.hostNames, requestLog: serving.requestLog,
                certificateAuthorityPEM: serving.certificateAuthorityPEM, worlds: worlds
            )
        }
    }

    /// The ports of an in-process harness, with worlds of their own (at most `maxWorlds`) and no server around them.
    @_spi(MockInternals) public func ports(maxWorlds: Int = 16) -> WorldPorts {
        ports(worlds: MockWorlds(serving: self, maxWorlds: maxWorlds), adminToken: nil, requestLog: nil, hostNames: [], certificateAuthorityPEM: nil)
    }
}
