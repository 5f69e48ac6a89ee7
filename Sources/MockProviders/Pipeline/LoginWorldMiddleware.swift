import Hummingbird

/// The world the login a body claims (``MockRequestContext/claimedLogin``) was minted for (``WorldLogins``): a SOAP
/// envelope's `<username>`, an İYS or Euromsg token request's username or client name, for a request that names no
/// world otherwise; what the Basic header or a bearer token says is read before the body (``WorldResponder``).
struct LoginWorldMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let worlds: MockWorlds

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if context.world == nil, worlds.count > 0, let login = context.claimedLogin, let world = worlds.world(ofLogin: login) {
            context.world = world.mocks
            // The exchange, above, journals in this world too.
            context.exchange.world = world.mocks
        }
        return try await next(request, context)
    }
}
