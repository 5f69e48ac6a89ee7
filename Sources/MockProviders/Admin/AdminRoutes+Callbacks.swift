import Hummingbird
import MockAdmin
/// `GET /__admin/callbacks`: every push-callback and İYS-webhook attempt, newest first (``CallbackDispatcher/Attempt``).
extension AdminRoutes {
    func registerCallbacks<Context: RequestContext>(on router: Router<Context>) {
        router.on(.callbacks) { request, _ in
            await reply { () throws(AdminModels.Failure) in
                let query = request.firstQueryValues
                let limit = try Self.limit(query, default: 100)
                let attempts = await mocks.dispatcher.attempts().filter { attempt in query["url"].map { attempt.url.hasPrefix($0) } ?? true }
                let counters = await mocks.dispatcher.counters
                return AdminModels.Callbacks(
                    attempts: Array(attempts.prefix(limit)), pending: await mocks.dispatcher.pending, delivered: counters.delivered, failed: counters.failed,
                    dropped: counters.dropped, refused: counters.refused
                )
            }
        }
    }
}
