import Hummingbird
import MockRecording

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

extension ReplayBook {
    /// The recorded reply to this request (naming its file in `X-Mock-Replay`); nil when nothing recorded matches.
    func answer(method: String, path: String, query: String?, body: [UInt8]) -> WireResponse? {
        guard let (file, exchange) = recording(method: method, path: path, query: query, body: body) else { return nil }
        let reply = exchange.reply
        let type = exchange.header("Content-Type", in: reply.headers) ?? "application/json; charset=utf-8"
        // An interim status (1xx) cannot end an exchange; a recording's body for 204 or 304 is dropped by the response.
        var response = WireResponse(status: .init(code: (200...599).contains(reply.status) ? reply.status : 502), contentType: type, bytes: reply.body.bytes)
        response.replayedFrom = file
        return response
    }
}
