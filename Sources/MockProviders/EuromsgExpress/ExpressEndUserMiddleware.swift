import EuromsgExpress
import HTTPTypes
import Hummingbird

/// Who calls an end user's data on Euromsg Express: the bearer token, then the API key (the `apiKey` header, or the
/// one the token was bound to by `PUT /apiKey/identification`). Sets ``MockRequestContext/caller``; a call it cannot
/// place is answered `UNAUTHORIZED`, `TOKEN_EXPIRED`, `API_KEY_REQUIRED` or `UNKNOWN_API_KEY`.
struct ExpressEndUserMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let routes: ExpressRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        context.caller = try routes.serving(context).simulation.endUser(token: BearerToken.of(request), apiKey: request.headers.value(of: Self.apiKeyHeader))
        return try await next(request, context)
    }

    static let apiKeyHeader = HTTPField.Name("apiKey")!
}
