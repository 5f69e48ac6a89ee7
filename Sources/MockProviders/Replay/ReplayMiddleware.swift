import Hummingbird

/// `serve --replay DIR`: a request a recording matches gets the recorded reply, before authentication (recordings
/// carry no credentials); any other goes on to the simulation.
struct ReplayMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let routes: NodeAPIRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let replayed = routes.serving(context).replay?.answer(method: request.method.rawValue, path: request.uri.path, query: request.uri.query, body: context.body) {
            return replayed.response(from: request, context: context)
        }
        return try await next(request, context)
    }
}
