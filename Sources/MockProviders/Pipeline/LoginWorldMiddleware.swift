import Hummingbird

/// The world a login in the body was minted for (``WorldLogins``): a SOAP envelope's `<username>`, an İYS or Euromsg
/// token request's username or client name. Read once the layer above has read the body, for a request that names no
/// world otherwise; what the Basic header or a bearer token says is read before the body (``WorldResponder``).
struct LoginWorldMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let worlds: MockWorlds
    let login: @Sendable (Request, MockRequestContext) -> String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if context.world == nil, worlds.count > 0, let login = login(request, context), let world = worlds.world(ofLogin: login) {
            context.world = world.mocks
            // The exchange, above, journals in this world too.
            context.exchange.world = world.mocks
        }
        return try await next(request, context)
    }
}
