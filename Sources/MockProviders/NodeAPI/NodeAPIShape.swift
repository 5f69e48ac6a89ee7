import Hummingbird
import NodeAPI
import NodeAPISOAP
import WireCoding

/// The Node API's shape of what goes wrong. Once the call's request is read, its face answers (JSON's
/// `{data: null, err}` with the error's status, or 200 in the `errorsAsHTTP200` dialect; SOAP's `<err>` in the
/// operation's reply element, with 200). Before that, the face of the route: JSON's `err` (a body too large is
/// `SMS00` with 413), or a SOAP Fault (HTTP 500, or 413 for a body too large) for a message that is not usable SOAP.
struct NodeAPIShape: ProviderShape {
    let format: WireFormat
    let routes: NodeAPIRoutes

    var provider: ProviderMocks.Provider { .nodeAPI }

    func reply(to error: any Error, request: Request, context: MockRequestContext) -> WireResponse {
        if let call = context.nodeAPI { return call.reply(NodeAPIReply<StatusReply>.failure(Self.nodeAPIError(error))) }
        switch format {
        case .soap:
            switch error {
            case let error as BodyReader.Failure:
                if case .tooLarge = error { return SOAPFace.fault(SOAPFault(.client, error.message), status: .contentTooLarge) }
                return SOAPFace.fault(SOAPFault(.client, error.message))
            case let error as NodeAPISOAPError:
                switch error {
                case .fault(let fault): return SOAPFace.fault(fault)
                case .provider(let error): return SOAPFace.fault(SOAPFault(.client, error.message))
                }
            case let fault as SOAPFault: return SOAPFace.fault(fault)
            default: return SOAPFace.fault(SOAPFault(.server, String(describing: error)))
            }
        case .json:
            let username = BasicCredentials.of(request.headers.value(of: .authorization))?.username
            let routes = routes.serving(context)
            return JSONFace.failure(Self.nodeAPIError(error), policy: routes.dispatcher.simulation.policy(routes.policy, for: username))
        }
    }

    func reply(toFault code: String, detail: String, request: Request, context: MockRequestContext) -> WireResponse {
        reply(to: NodeAPIError(ErrorCode(wireName: code) ?? .sms00, detail: detail), request: request, context: context)
    }

    /// The Node API's faces say what they tolerated themselves (``IgnoredFields``).
    func warnings(about body: [UInt8]) -> [String] { [] }

    /// An error as the Node API's: a body the server cannot read is `SMS00` (413 when too large).
    static func nodeAPIError(_ error: any Error) -> NodeAPIError {
        switch error {
        case let error as NodeAPIError: return error
        case let error as BodyReader.Failure:
            var refusal = NodeAPIError(.sms00, detail: error.message)
            if case .tooLarge = error { refusal.status = 413 }
            return refusal
        default: return NodeAPIError(.internalServer, detail: String(describing: error))
        }
    }
}
