import Hummingbird

/// Who calls İYS: the bearer token `POST /oauth/token` issued, still valid. Sets ``MockRequestContext/caller``; a
/// call without one is answered 401 in the envelope (``IYSShape/unauthorized``).
struct IYSBearerMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let routes: IYSRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = BearerToken.of(request), let user = routes.serving(context).simulation.user(forToken: token) else { throw ProviderReplyError(reply: IYSShape.unauthorized) }
        context.caller = user
        return try await next(request, context)
    }
}
