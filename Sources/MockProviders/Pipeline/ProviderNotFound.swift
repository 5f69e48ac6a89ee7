import Hummingbird

/// The one not-found rule of the three mocks: a path or method the router does not know is answered in the provider's
/// own error shape (`ERR_NOT_FOUND`, `HM404`, `NOT_FOUND`) instead of Hummingbird's empty 404, through
/// ``ProviderReplyError``.
struct ProviderNotFoundMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The provider's reply to an unknown `METHOD /path`.
    let reply: @Sendable (_ method: HTTPRequest.Method, _ path: String) -> WireResponse

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            throw ProviderReplyError(reply: reply(request.method, request.uri.path))
        }
    }
}

/// A reply in a provider's own shape, thrown: Hummingbird writes it as it is (`HTTPResponseError`), status, headers and
/// body, wherever it is thrown from.
struct ProviderReplyError: HTTPResponseError {
    let reply: WireResponse

    var status: HTTPResponse.Status { reply.status }

    func response(from request: Request, context: some RequestContext) throws -> Response { reply.response }
}
