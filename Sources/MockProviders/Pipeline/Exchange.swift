import Synchronization

/// What the layers of one request note for its journal entry, which the outermost layer (``ExchangeMiddleware``)
/// writes once the reply is ready: the caller, once authenticated, the reply's bytes as they are answered, and the
/// world a layer below named from the body (``LoginWorldMiddleware``), whose journal the exchange goes to.
///
/// A request's context is a value handed down the middleware, so a layer below cannot change the copy of a layer
/// above; the exchange is the one thing they share, a box per request.
package final class Exchange: Sendable {
    private let noted = Mutex<Noted>(Noted())

    private struct Noted {
        var world: ProviderMocks?
        var caller: String?
        var reply: [UInt8] = []
    }

    package init() {}

    /// The world a layer below the exchange named (``LoginWorldMiddleware``); nil when none did.
    var world: ProviderMocks? {
        get { noted.withLock { $0.world } }
        set { noted.withLock { $0.world = newValue } }
    }

    /// The authenticated user, once a layer has checked who calls.
    package var caller: String? {
        get { noted.withLock { $0.caller } }
        set { noted.withLock { $0.caller = newValue } }
    }

    /// The reply's body, as written by ``WireResponse/response(from:context:)``; empty until then.
    package var reply: [UInt8] {
        get { noted.withLock { $0.reply } }
        set { noted.withLock { $0.reply = newValue } }
    }
}
