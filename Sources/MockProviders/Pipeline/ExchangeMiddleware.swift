import HTTPTypes
import Hummingbird

/// The outermost layer of a provider's calls: reads the body once (at most the routes' `maxBodyBytes`), lets the
/// layers below answer, turns whatever they throw into the provider's reply (``ProviderShape``), and keeps the exchange
/// in the journal of the world the request was for, the only place a call is journaled.
struct ExchangeMiddleware<Routes: ProviderRoutes, Shape: ProviderShape>: RouterMiddleware {
    typealias Context = MockRequestContext

    let routes: Routes
    let shape: Shape

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var response: Response
        do {
            context.body = try await BodyReader.collect(request, limit: routes.maxBodyBytes)
            response = try await next(request, context)
        } catch let error as ProviderReplyError {
            response = error.reply.response(from: request, context: context)
        } catch {
            response = shape.reply(to: error, request: request, context: context).response(from: request, context: context)
        }
        shape.settle(&response, context: context)
        for warning in WireResponse.reported(shape.warnings(about: context.body)) {
            response.headers.append(HTTPField(name: .mockWarning, value: warning))
        }
        // The world may have been named by a layer below (a login in the body), so its parts are looked up now.
        let world = context.exchange.world.map(Routes.of) ?? routes.serving(context)
        world.journal.keep(request, body: context.body, user: context.caller, response: response, replyBody: context.exchange.reply, at: world.clock.now())
        return response
    }
}
