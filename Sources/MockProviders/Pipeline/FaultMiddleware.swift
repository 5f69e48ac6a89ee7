import Hummingbird
import NodeAPI

/// The faults' layer (``FaultBook``): a call a fault of its world matches gets the fault's reply (a catalogue error in
/// the provider's shape, a closed or reset connection, a cut body) instead of reaching the route; a `delay` waits,
/// then lets it through. Sits after authentication, so that a fault for one user matches that user's calls.
struct FaultMiddleware<Routes: ProviderRoutes, Shape: ProviderShape>: RouterMiddleware {
    typealias Context = MockRequestContext

    let routes: Routes
    let shape: Shape
    /// The user a call claims before it is authenticated (a token request's username), for the faults of one user.
    var claimedUser: (@Sendable (Request, MockRequestContext) -> String?)? = nil

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let user = context.caller ?? claimedUser?(request, context)
        let faulted = await routes.serving(context).faults.reply(
            shape.provider, to: request, operation: context.nodeAPI?.operation, user: user, format: context.nodeAPI?.format ?? shape.format
        ) { code, detail in
            shape.reply(toFault: code, detail: detail, request: request, context: context)
        }
        if let faulted { return faulted.response(from: request, context: context) }
        return try await next(request, context)
    }
}
