import Hummingbird
import WireCoding

/// How one provider answers what goes wrong, in its own shape: its error type thrown by any layer or route
/// (`ExpressError` as `{errorCode, message}`, `IYSError` in İYS's envelope), a body the server cannot read, and a
/// catalogue error fired by a fault. ``ExchangeMiddleware`` and ``FaultMiddleware`` answer through it, so that no
/// route renders an error itself.
protocol ProviderShape: Sendable {
    /// Which mock's faults apply.
    var provider: ProviderMocks.Provider { get }
    /// The wire of the replies, for a fault's `malformed` body.
    var format: WireFormat { get }

    /// The reply to an error thrown on the way: the provider's own error, a ``BodyReader/Failure``, or anything else as
    /// the provider's generic failure.
    func reply(to error: any Error, request: Request, context: MockRequestContext) -> WireResponse

    /// The reply to a catalogue error `code` fired by a fault (`detail` names the fault).
    func reply(toFault code: String, detail: String, request: Request, context: MockRequestContext) -> WireResponse

    /// What the mock tolerated in the request's body, sent with any reply (`X-Mock-Warning`).
    func warnings(about body: [UInt8]) -> [String]

    /// The last word on a reply, whichever layer made it (İYS's `dialect: http200` turns every failure into a 200).
    func settle(_ response: inout Response, context: MockRequestContext)
}

extension ProviderShape {
    var format: WireFormat { .json }

    /// A key a JSON body repeats: the last one counts, as the providers' parsers do, and the mock says so.
    func warnings(about body: [UInt8]) -> [String] {
        JSONOutline.keepingLast(body).repeated.map(JSONOutline.repeatedWarning)
    }

    func settle(_ response: inout Response, context: MockRequestContext) {}
}
