import Hummingbird
import NodeAPI

/// The faults' layer (``FaultBook``): a call a fault of its world matches gets the fault's reply (a catalogue error in
/// the provider's shape, a closed or reset connection, a cut body) instead of reaching the route; a `delay` waits,
/// then lets it through. Sits after authentication, so that a fault for one user matches that user's calls (or, before anyone is
/// checked, the calls that claim that login: a token request).
struct FaultMiddleware<Routes: ProviderRoutes, Shape: ProviderShape>: RouterMiddleware {
    typealias Context = MockRequestContext

    let routes: Routes
    let shape: Shape

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let fault = routes.serving(context).faults.fault(
            for: shape.provider, method: request.method.rawValue, path: request.uri.path, operation: context.nodeAPI?.operation,
            user: context.caller ?? context.claimedLogin
        )
        guard let fault else { return try await next(request, context) }
        switch await fault.outcome(context.nodeAPI?.format ?? shape.format, of: request) {
        case .proceed: return try await next(request, context)
        case .reply(let reply): return reply.response(from: request, context: context)
        case .error(let code): return shape.reply(toFault: code, detail: "fault \(fault.id)", request: request, context: context).response(from: request, context: context)
        }
    }
}
