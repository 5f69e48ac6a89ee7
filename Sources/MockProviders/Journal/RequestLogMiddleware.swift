import Hummingbird
import Logging
import WireCoding

/// One log entry per request, when its reply's head is ready: the provider, method, path, status and the time taken,
/// as metadata a log collector indexes (`serve --log-format json` prints them as one JSON object per line).
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let provider: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: Int(response.status.code), since: start)
            return response
        } catch {
            log(request, status: Int((error as? any HTTPResponseError)?.status.code ?? 500), since: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.inSeconds * 1000
        logger.info("request", metadata: [
            "provider": .string(provider), "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "status": .stringConvertible(status), "durationMs": .stringConvertible((milliseconds * 1000).rounded() / 1000),
        ])
    }
}
