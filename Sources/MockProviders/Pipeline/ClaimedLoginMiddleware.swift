import Hummingbird

/// Reads the login a call's body claims before anyone has checked it (an İYS token request's username, a Euromsg
/// token request's client name) into ``MockRequestContext/claimedLogin``, once, for the layers below: the world it was
/// minted for (``LoginWorldMiddleware``) and the faults of one user (``FaultMiddleware``). A Node API call's claim is
/// read with the call (``NodeAPICallMiddleware``).
struct ClaimedLoginMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let login: @Sendable (Request, [UInt8]) -> String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.claimedLogin = login(request, context.body)
        return try await next(request, context)
    }
}
