import HTTPTypes
import Hummingbird

/// Refuses, on every mock's port, a request that this process's callback dispatcher sent (it carries
/// ``CallbackTargets/loopMarker``): whatever name, address or redirect led a delivery report here, it changes nothing.
struct CallbackLoopMiddleware<Context: RequestContext>: RouterMiddleware {
    let targets: CallbackTargets

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let name = HTTPField.Name(CallbackTargets.loopHeader), request.headers.value(of: name) == targets.loopMarker else {
            return try await next(request, context)
        }
        let body = #"{"error":"a callback of this mock was sent to the mock itself; it is refused","field":"url"}"#
        return WireResponse.json(.forbidden, Array(body.utf8)).response
    }
}
