import Foundation
import HTTPTypes
import Hummingbird
import NodeAPI
import NodeAPISOAP
import WireCoding

/// The Node API mock's HTTP routes: every JSON endpoint (`POST`, and `GET` where the document allows it),
/// `POST /soap`, and the WSDL at `GET /soap?wsdl`. Thin by design: read the body, apply maintenance,
/// authentication, injected errors and the concurrency limit, hand over to ``NodeAPIDispatcher``, and
/// journal the exchange.
package struct NodeAPIRoutes: Sendable {
    /// Largest accepted body; more is answered with 413 in the protocol's own shape.
    package var maxBodyBytes: Int
    package var policy: NodeAPIWirePolicy
    package let injection: ErrorInjection
    package let faults: FaultBook
    package let journal: RequestJournal
    let dispatcher: NodeAPIDispatcher
    let clock: any MockClock
    /// Recorded exchanges answered before the simulation (`serve --replay DIR`).
    package let replay: ReplayBook?
    /// The scheme the routes are served by, for the WSDL's `soap:address`: `https` on the TLS port.
    package var scheme = "http"

    package init(
        simulation: NodeAPISimulation, maxBodyBytes: Int = 4 * 1024 * 1024, policy: NodeAPIWirePolicy = NodeAPIWirePolicy(),
        injection: ErrorInjection = ErrorInjection(), faults: FaultBook = FaultBook(), journal: RequestJournal = RequestJournal(),
        clock: any MockClock = SystemClock(), replay: ReplayBook? = nil
    ) {
        self.replay = replay
        dispatcher = NodeAPIDispatcher(simulation: simulation)
        self.maxBodyBytes = maxBodyBytes
        self.policy = policy
        self.injection = injection
        self.faults = faults
        self.journal = journal
        self.clock = clock
    }

    /// Adds the routes, and turns unknown paths into `ERR_NOT_FOUND`.
    package func register<Context: RequestContext>(on router: Router<Context>) {
        let policy = policy
        router.add(middleware: ProviderNotFoundMiddleware { method, path in
            JSONFace.failure(NodeAPIError(.notFound, detail: "\(method) \(path)"), policy: policy)
        })
        for operation in NodeAPIOperation.allCases {
            router.post(RouterPath(operation.path)) { request, _ in await json(operation, request) }
            if operation.allowsGET {
                router.get(RouterPath(operation.path)) { request, _ in await json(operation, request) }
            }
        }
        router.post("/soap") { request, _ in await soap(request) }
        // Readiness probe, and the ceiling of the throughput benchmark: no body, no simulation.
        router.get("/mock/health") { _, _ in Response(status: .ok) }
        // The floor of the benchmark for a request with a body: read, journaled and sent back, with no decoding.
        router.post("/mock/echo") { request, _ in await echo(request) }
        router.get("/soap") { request, _ in wsdl(request).response }
        OpenAPIDescription.nodeAPI.register(on: router)
        // Opt-out SMS from a recipient to the user's short number (mock only; see IncomingOptOutSMS).
        router.post("/mock/mo") { request, _ in await incomingOptOut(request) }
    }

    /// `POST /mock/mo` with the user's Basic auth: the SMS is received as if from the operator.
    private func incomingOptOut(_ request: Request) async -> Response {
        let simulation = dispatcher.simulation
        var body: [UInt8] = []
        var user: String?
        var dialectPolicy = policy
        let reply: NodeAPIReply<MoRequest>
        do {
            body = try await Self.collect(request, limit: maxBodyBytes)
            let credentials = Self.basicCredentials(request)
            dialectPolicy = simulation.policy(policy, for: credentials?.username)
            let caller = try simulation.authenticate(username: credentials?.username, password: credentials?.password)
            user = caller
            let sms = try IncomingOptOutSMS.decode(body)
            reply = .success(try simulation.receiveOptOut(for: caller, gsm: sms.gsm, msg: sms.msg, shortNr: sms.shortNr))
        } catch {
            reply = .failure(error)
        }
        return record(request, body, user: user, JSONFace(body: body, policy: dialectPolicy).reply(reply))
    }

    /// `POST /mock/echo`: the body as it arrived, with the request's content type. Shows what reached the mock,
    /// and measures what reading and journaling a body costs before any codec runs.
    private func echo(_ request: Request) async -> Response {
        do {
            let body = try await Self.collect(request, limit: maxBodyBytes)
            let type = Self.echoedContentType(request.headers[.contentType])
            return record(request, body, user: nil, WireResponse(status: .ok, contentType: type, bytes: body))
        } catch {
            return record(request, [], user: nil, JSONFace.failure(error, policy: policy))
        }
    }

    /// The request's content type when it is JSON or XML, else `application/octet-stream`: reflecting any type would
    /// let a page on the mock's origin be written by whoever calls it (`text/html`).
    static func echoedContentType(_ type: String?) -> String {
        guard let type else { return "application/octet-stream" }
        let media = type.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let reflected: Set<String> = ["application/json", "text/json", "application/xml", "text/xml", "application/soap+xml"]
        return reflected.contains(media) ? type : "application/octet-stream"
    }

    // MARK: JSON

    private func json(_ operation: NodeAPIOperation, _ request: Request) async -> Response {
        let body: [UInt8]
        do {
            body = try await Self.collect(request, limit: maxBodyBytes)
        } catch {
            return record(request, [], user: nil, JSONFace.failure(error, policy: policy))
        }
        if let replayed = replayed(request, body) { return record(request, body, user: nil, replayed) }
        let credentials = Self.basicCredentials(request)
        let face = JSONFace(body: body, query: Self.parameters(of: request), policy: dispatcher.simulation.policy(policy, for: credentials?.username))
        let (user, reply) = await call(operation, request, username: credentials?.username, password: credentials?.password, face: face)
        return record(request, body, user: user, reply)
    }

    // MARK: SOAP

    private func soap(_ request: Request) async -> Response {
        let body: [UInt8]
        do {
            body = try await Self.collect(request, limit: maxBodyBytes)
        } catch {
            let status: HTTPResponse.Status = error.status == 413 ? .contentTooLarge : .internalServerError
            return record(request, [], user: nil, SOAPFace.fault(SOAPFault(.client, error.message), status: status))
        }
        if let replayed = replayed(request, body) { return record(request, body, user: nil, replayed) }
        let message: SOAPMessage
        do {
            message = try SOAPMessage(parsing: body)
        } catch {
            switch error {
            case .fault(let fault): return record(request, body, user: nil, SOAPFace.fault(fault))
            case .provider(let error): return record(request, body, user: nil, SOAPFace.fault(SOAPFault(.client, error.message)))
            }
        }
        if message.isReply { return record(request, body, user: nil, SOAPFace.fault(SOAPFault(.client, "a reply was sent to the service"))) }
        if let action = Self.soapAction(request), action != message.operation.soapName ?? "",
           !action.hasSuffix("/\(message.operation.soapName ?? "")") {
            return record(request, body, user: nil, SOAPFace.fault(SOAPFault(.client, "SOAPAction '\(action)' does not match <\(message.body.localName)>")))
        }
        let fromBody = message.body.child("username").map { ($0.text, message.body.child("password")?.text ?? "") }
        let credentials = fromBody ?? Self.basicCredentials(request)
        let face = SOAPFace(message: message, policy: policy)
        let (user, reply) = await call(message.operation, request, username: credentials?.0, password: credentials?.1, face: face, format: .soap)
        return record(request, body, user: user, reply)
    }

    // MARK: The call, whichever face

    /// Maintenance, authentication, injected errors and faults, and the concurrency limit, then the operation.
    private func call(
        _ operation: NodeAPIOperation, _ request: Request, username: String?, password: String?, face: some NodeAPIFace,
        format: WireFormat = .json
    ) async -> (user: String?, reply: WireResponse) {
        if let error = injection.maintenanceError() { return (nil, face.reply(NodeAPIReply<StatusReply>.failure(error))) }
        let user: String
        do {
            user = try dispatcher.simulation.authenticate(username: username, password: password)
        } catch {
            return (nil, face.reply(NodeAPIReply<StatusReply>.failure(error)))
        }
        if let error = injection.injectedError(header: request.headers[.mockError]) {
            return (user, face.reply(NodeAPIReply<StatusReply>.failure(error)))
        }
        let faulted = await faults.reply(.nodeAPI, to: request, operation: operation, user: user, format: format) { code, detail in
            face.reply(NodeAPIReply<StatusReply>.failure(NodeAPIError(ErrorCode(wireName: code) ?? .sms00, detail: detail)))
        }
        if let faulted { return (user, faulted) }
        if let error = injection.start(user: user) { return (user, face.reply(NodeAPIReply<StatusReply>.failure(error))) }
        defer { injection.finish(user: user) }
        return (user, dispatcher.respond(to: operation, user: user, face: face))
    }

    /// The recorded reply to this request, when replaying and one matches: before authentication, as recordings carry
    /// no credentials.
    private func replayed(_ request: Request, _ body: [UInt8]) -> WireResponse? {
        replay?.answer(method: request.method.rawValue, path: request.uri.path, query: request.uri.query, body: body)
    }

    private func record(_ request: Request, _ body: [UInt8], user: String?, _ reply: WireResponse) -> Response {
        journal.keep(request, body: body, user: user, reply: reply, at: clock.now())
    }

    /// The answer to a connection beyond the server's limit (``ConnectionLimits``).
    func tooManyConnections(_ limit: Int) -> WireResponse {
        JSONFace.failure(NodeAPIError(.concurrentRequestLimit, detail: "the mock serves at most \(limit) connections at once"), policy: policy)
    }

    /// The WSDL, with `soap:address` pointing at the address the client used.
    private func wsdl(_ request: Request) -> WireResponse {
        guard request.uri.queryParameters.has("wsdl") || request.uri.query?.lowercased() == "wsdl" else {
            return SOAPFace.fault(SOAPFault(.client, "GET /soap?wsdl serves the WSDL; operations are POSTed to /soap"))
        }
        let authority = request.head.authority ?? "localhost:9587"
        let scheme = self.scheme
        // A world reached by its path prefix (`/worlds/ID`, set by ``WorldResponder`` alone) is served there.
        let prefix = request.headers[.mockPathPrefix] ?? ""
        let text = Self.wsdlText.replacingOccurrences(
            of: #"<soap:address location="http://localhost:9587/soap"/>"#,
            with: #"<soap:address location="\#(scheme)://\#(Self.escapeAttribute(authority + prefix))/soap"/>"#
        )
        return SOAPFace.response(Array(text.utf8), status: .ok)
    }

    static let wsdlText = BundledResource.text("sms", "wsdl")

    private static func escapeAttribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    }

    // MARK: Helpers

    /// The body, at most `limit` bytes; beyond that a 413 in the protocol's own error shape (`SMS00`), and an
    /// unreadable body a 400 with the same code.
    static func collect(_ request: Request, limit: Int) async throws(NodeAPIError) -> [UInt8] {
        do {
            return try await BodyReader.collect(request, limit: limit)
        } catch {
            var refusal = NodeAPIError(.sms00, detail: error.message)
            if case .tooLarge = error { refusal.status = 413 }
            throw refusal
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
        guard let value = request.headers[.soapAction] else { return nil }
        let isPadding: (UInt8) -> Bool = { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: " ") }
        guard let first = value.utf8.firstIndex(where: { !isPadding($0) }), let last = value.utf8.lastIndex(where: { !isPadding($0) }) else {
            return nil
        }
        return value[first...last]
    }

    /// `Authorization: Basic base64(user:password)`, header name and scheme case-insensitive.
    static func basicCredentials(_ request: Request) -> (username: String, password: String)? {
        BasicCredentials.of(request.headers[.authorization])
    }
}

extension HTTPField.Name {
    /// The SOAP 1.1 `SOAPAction` header.
    package static let soapAction = HTTPField.Name("SOAPAction")!
    /// `X-Mock-Error: SMS18` (or `ERR_…`): answer the call with that catalogue error.
    package static let mockError = HTTPField.Name(ErrorInjection.header)!
}
