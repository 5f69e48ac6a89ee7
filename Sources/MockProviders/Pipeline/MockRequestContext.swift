import Hummingbird

/// The context of every request the mocks answer: Hummingbird's own, the request's body once it is read
/// (``ExchangeMiddleware``), and the ``Exchange`` in which the layers of the pipeline note who called and what was
/// answered.
///
/// A provider's calls run through one pipeline of middleware, each layer written once:
/// ``ExchangeMiddleware`` (body limit, the provider's error shape, the journal), the provider's authentication (which
/// sets ``caller``), ``FaultMiddleware``, then the route, which calls the simulation and returns a ``WireResponse``.
public struct MockRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The body, read once, at most the server's limit; empty on routes outside ``ExchangeMiddleware``.
    package var body: [UInt8] = []
    /// What the layers note for the journal, shared by every copy of this context.
    package let exchange = Exchange()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The world the request is for (issue 26), once named: by ``WorldResponder`` (a path prefix, `X-Mock-World`, a
    /// world's login in the Basic header or its bearer token) or by ``LoginWorldMiddleware`` (a world's login in the
    /// body). Nil for the default world: a route then serves the parts it was registered with (``ProviderRoutes``).
    package var world: ProviderMocks?

    /// The authenticated user (the Node API's and İYS's username, Euromsg's end user), once a layer has checked who
    /// calls; nil before, and on calls that need no one.
    package var caller: String? {
        get { exchange.caller }
        nonmutating set { exchange.caller = newValue }
    }

    /// The login the body claims, before it is checked (``ClaimedLoginMiddleware``, ``NodeAPICallMiddleware``).
    package var claimedLogin: String?

    /// The Node API call, once ``NodeAPICallMiddleware`` has read its request.
    var nodeAPI: NodeAPICall?

    /// The caller of a route that sits behind authentication (as hummingbird-auth's `requireIdentity()`); a route
    /// registered outside it by mistake fails as the provider's generic error rather than answering for no one.
    package func requireCaller() throws -> String {
        guard let caller else { throw HTTPError(.unauthorized, message: "the route was reached without authentication") }
        return caller
    }
}
