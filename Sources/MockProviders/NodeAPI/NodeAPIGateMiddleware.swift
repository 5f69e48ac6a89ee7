import Hummingbird
import NodeAPI

/// The Node API's gate, in the provider's order: maintenance (`SMS99`), then who calls (the call's credentials,
/// else `ERR_UNAUTHORIZED_REQUEST`), then an error the test asks for in `X-Mock-Error`. Sets
/// ``MockRequestContext/caller``.
struct NodeAPIGateMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let routes: NodeAPIRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let routes = routes.serving(context)
        let injection = routes.injection
        let simulation = routes.dispatcher.simulation
        if let error = injection.maintenanceError() { throw error }
        let call = context.nodeAPI
        context.caller = try simulation.authenticate(username: call?.username, password: call?.password)
        if let error = injection.injectedError(header: request.headers.value(of: .mockError)) { throw error }
        return try await next(request, context)
    }
}
