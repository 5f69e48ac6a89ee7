import HTTPTypes
import Hummingbird

/// A provider's layers as one middleware of a concrete type, composed by Hummingbird's own result builder
/// (``MiddlewareFixedTypeBuilder``), and the routes that run inside it (``LayeredRoutes``).
///
/// Layers added to a router group are each called through an existential, with a closure and a responder around it,
/// and the generic ones (``ExchangeMiddleware``, ``FaultMiddleware``) run unspecialised behind it; even the stack as
/// one middleware of a group is. A stack called from the route's own handler, where its type is known, is specialised
/// whole: 4 % of a JSON `/sms/create`'s instructions (`Benchmarks/PipelineBench`).
enum MiddlewareStack {
    /// The layers, outermost first; `if` leaves a layer out where it has nothing to do.
    static func of<Stack: RouterMiddleware>(
        @MiddlewareFixedTypeBuilder<Request, Response, MockRequestContext> _ layers: () -> Stack
    ) -> Stack where Stack.Context == MockRequestContext {
        layers()
    }
}

extension RouterMiddleware where Context == MockRequestContext {
    /// Routes added to `router` that run inside these layers, as a router group's would.
    func routes(on router: Router<Context>) -> LayeredRoutes<Self> {
        LayeredRoutes(router: router, layers: self)
    }
}

/// Routes that run inside a stack of layers (``MiddlewareStack``), added as to a router group: each route's handler
/// calls the stack, whose type is known here, so that it runs specialised.
struct LayeredRoutes<Layers: RouterMiddleware> where Layers.Context == MockRequestContext {
    let router: Router<MockRequestContext>
    let layers: Layers

    @discardableResult
    func on<Reply: ResponseGenerator>(
        _ path: RouterPath, method: HTTPRequest.Method, use route: @escaping @Sendable (Request, MockRequestContext) async throws -> Reply
    ) -> Self {
        let layers = layers
        router.on(path, method: method) { request, context in
            try await layers.handle(request, context: context) { request, context in try await route(request, context).response(from: request, context: context) }
        }
        return self
    }

    @discardableResult
    func get<Reply: ResponseGenerator>(_ path: RouterPath, use route: @escaping @Sendable (Request, MockRequestContext) async throws -> Reply) -> Self {
        on(path, method: .get, use: route)
    }

    @discardableResult
    func post<Reply: ResponseGenerator>(_ path: RouterPath, use route: @escaping @Sendable (Request, MockRequestContext) async throws -> Reply) -> Self {
        on(path, method: .post, use: route)
    }

    @discardableResult
    func put<Reply: ResponseGenerator>(_ path: RouterPath, use route: @escaping @Sendable (Request, MockRequestContext) async throws -> Reply) -> Self {
        on(path, method: .put, use: route)
    }

    @discardableResult
    func patch<Reply: ResponseGenerator>(_ path: RouterPath, use route: @escaping @Sendable (Request, MockRequestContext) async throws -> Reply) -> Self {
        on(path, method: .patch, use: route)
    }

    @discardableResult
    func delete<Reply: ResponseGenerator>(_ path: RouterPath, use route: @escaping @Sendable (Request, MockRequestContext) async throws -> Reply) -> Self {
        on(path, method: .delete, use: route)
    }
}
