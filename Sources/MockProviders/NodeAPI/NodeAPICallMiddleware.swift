import HTTPTypes
import Hummingbird
import NodeAPI
import NodeAPISOAP
import WireCoding

/// Reads a Node API call's request once, by its face: a JSON route's operation is its path, its request the body (or
/// a GET's query), its credentials the Basic header, and its errors follow the caller's dialect; a SOAP envelope is
/// parsed here, its operation the body's element (which a `SOAPAction` header must agree with), its credentials
/// `<username>` and `<password>` (or the Basic header). The call goes down in the context, and every error thrown below
/// is answered through its face (a SOAP `<err>` in the operation's reply element).
struct NodeAPICallMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let format: WireFormat
    let routes: NodeAPIRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let call = try call(request, context.body, routes.serving(context))
        context.nodeAPI = call
        context.claimedLogin = call.username
        do {
            return try await next(request, context)
        } catch let error as ProviderReplyError {
            throw error
        } catch {
            // Below this layer, every error is answered through the call's face.
            throw ProviderReplyError(reply: call.reply(NodeAPIReply<StatusReply>.failure(NodeAPIShape.nodeAPIError(error))))
        }
    }

    private func call(_ request: Request, _ body: [UInt8], _ routes: NodeAPIRoutes) throws -> NodeAPICall {
        let basic = BasicCredentials.of(request.headers.value(of: .authorization))
        switch format {
        case .json:
            guard let operation = NodeAPIOperation(path: request.uri.path) else {
                throw NodeAPIError(.notFound, detail: "\(request.method) \(request.uri.path)")
            }
            let face = JSONFace(body: body, query: Self.parameters(of: request), policy: routes.dispatcher.simulation.policy(routes.policy, for: basic?.username))
            return NodeAPICall(operation: operation, face: .json(face), username: basic?.username, password: basic?.password)
        case .soap:
            let message = try SOAPMessage(parsing: body)
            if message.isReply { throw SOAPFault(.client, "a reply was sent to the service") }
            if let action = Self.soapAction(request), action != message.operation.soapName ?? "", !action.hasSuffix("/\(message.operation.soapName ?? "")") {
                throw SOAPFault(.client, "SOAPAction '\(action)' does not match <\(message.body.localName)>")
            }
            let fromBody = message.body.child("username").map { ($0.text, message.body.child("password")?.text ?? "") }
            let credentials = fromBody ?? basic
            return NodeAPICall(
                operation: message.operation, face: .soap(SOAPFace(message: message, policy: routes.policy)), username: credentials?.0, password: credentials?.1
            )
        }
    }

    /// A GET's query string when it carries parameters (clients send `GET /sms/list-item?pkgID=…`); `nil` for
    /// other methods and an empty query, whose parameters come from the body.
    static func parameters(of request: Request) -> Substring? {
        guard request.method == .get, let query = request.uri.query, !query.isEmpty else { return nil }
        return query[...]
    }

    /// The `SOAPAction` header without its quotes and spaces; `nil` when absent or empty. Trimmed on UTF-8 bytes:
    /// Foundation's `trimmingCharacters(in:)` builds a character set per call, which cost 3 % of a SOAP request.
    static func soapAction(_ request: Request) -> Substring? {
        guard let value = request.headers.value(of: .soapAction) else { return nil }
        let isPadding: (UInt8) -> Bool = { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: " ") }
        guard let first = value.utf8.firstIndex(where: { !isPadding($0) }), let last = value.utf8.lastIndex(where: { !isPadding($0) }) else {
            return nil
        }
        return value[first...last]
    }
}
