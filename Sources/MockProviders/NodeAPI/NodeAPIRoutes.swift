import Foundation
import HTTPTypes
import Hummingbird
import MockAdmin
import MockRecording
import MockSimulations
import NodeAPI
import NodeAPISOAP
import WireCoding

/// The Node API mock's HTTP routes: every JSON endpoint (`POST`, and `GET` where the document allows it),
/// `POST /soap`, the WSDL at `GET /soap?wsdl`, and the mock's own (`/mock/mo`, `/mock/echo`, `/mock/health`). Each
/// layer of a call is a middleware written once (``register(on:)``); the routes only pick the operation's rule.
package struct NodeAPIRoutes: ProviderRoutes {
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

    package static func of(_ world: ProviderMocks) -> Self { world.nodeAPIRoutes }

    /// Adds the routes, and turns unknown paths into `ERR_NOT_FOUND`. An operation, by either face, runs through
    /// ``ExchangeMiddleware`` (body, errors in the face's shape, journal), ``ReplayMiddleware``,
    /// ``NodeAPICallMiddleware`` (the request read once), ``LoginWorldMiddleware`` (a world's login in a SOAP envelope),
    /// ``NodeAPIGateMiddleware`` (maintenance, credentials, `X-Mock-Error`) and ``FaultMiddleware``, then the limit of
    /// calls in flight and ``NodeAPIDispatcher``, each in the world the request names
    /// (``MockRequestContext/world``), these routes' own when it names none.
    package func register(on router: Router<MockRequestContext>, worlds: MockWorlds? = nil) {
        let policy = policy
        router.add(middleware: ProviderNotFoundMiddleware { method, path in
            JSONFace.failure(NodeAPIError(.notFound, detail: "\(method) \(path)"), policy: policy)
        })
        // Readiness probe, and the ceiling of the throughput benchmark: no body, no simulation.
        router.get("/mock/health") { _, _ in Response(status: .ok) }
        let scheme = scheme
        router.get("/soap") { request, _ in Self.wsdl(request, scheme: scheme) }
        OpenAPIDescription.nodeAPI.register(on: router)
        let json = layers(.json, worlds: worlds).routes(on: router)
        for operation in NodeAPIOperation.allCases {
            json.post(RouterPath(operation.path), use: respond)
            if operation.allowsGET { json.get(RouterPath(operation.path), use: respond) }
        }
        layers(.soap, worlds: worlds).routes(on: router).post("/soap", use: respond)
        let calls = ExchangeMiddleware(routes: self, shape: NodeAPIShape(format: .json, routes: self)).routes(on: router)
        // The floor of the benchmark for a request with a body: read, journaled and sent back, with no decoding.
        calls.post("/mock/echo") { request, context in
            WireResponse(status: .ok, contentType: Self.echoedContentType(request.headers.value(of: .contentType)), bytes: context.body)
        }
        // Opt-out SMS from a recipient to the user's short number (mock only; see IncomingOptOutSMS).
        calls.post("/mock/mo") { request, context in
            let simulation = serving(context).dispatcher.simulation
            let credentials = BasicCredentials.of(request.headers.value(of: .authorization))
            context.caller = try simulation.authenticate(username: credentials?.username, password: credentials?.password)
            let sms = try IncomingOptOutSMS.decode(context.body)
            let received = try simulation.receiveOptOut(for: try context.requireCaller(), gsm: sms.gsm, msg: sms.msg, shortNr: sms.shortNr)
            return JSONFace(body: context.body, policy: simulation.policy(policy, for: credentials?.username)).reply(NodeAPIReply.success(received))
        }
    }

    /// The layers of an operation by `format`, in order. A layer that has nothing to do on this server is left out:
    /// replay without `--replay`, a login in the body without worlds or on JSON (whose login is in its Basic header).
    private func layers(_ format: WireFormat, worlds: MockWorlds?) -> some RouterMiddleware<MockRequestContext> {
        let shape = NodeAPIShape(format: format, routes: self)
        let replays = replay != nil
        let logins = format == .soap ? worlds : nil
        return MiddlewareStack.of {
            ExchangeMiddleware(routes: self, shape: shape)
            if replays { ReplayMiddleware(routes: self) }
            NodeAPICallMiddleware(format: format, routes: self)
            if let logins { LoginWorldMiddleware(worlds: logins) }
            NodeAPIGateMiddleware(routes: self)
            FaultMiddleware(routes: self, shape: shape)
        }
    }

    /// The operation the pipeline read, run by its caller, within the scenario's limit of calls in flight per user
    /// (`SMS50` beyond it).
    @Sendable private func respond(_ request: Request, _ context: MockRequestContext) throws -> WireResponse {
        guard let call = context.nodeAPI else { throw NodeAPIError(.internalServer, detail: "the call was not read") }
        let user = try context.requireCaller()
        let routes = serving(context)
        if let error = routes.injection.start(user: user) { throw error }
        defer { routes.injection.finish(user: user) }
        return try routes.dispatcher.respond(to: call, as: user)
    }

    /// The request's content type when it is JSON or XML, else `application/octet-stream`: reflecting any type would
    /// let a page on the mock's origin be written by whoever calls it (`text/html`).
    static func echoedContentType(_ type: String?) -> String {
        guard let type else { return "application/octet-stream" }
        let media = type.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let reflected: Set<String> = ["application/json", "text/json", "application/xml", "text/xml", "application/soap+xml"]
        return reflected.contains(media) ? type : "application/octet-stream"
    }

    /// The answer to a connection beyond the server's limit (``ConnectionLimits``).
    func tooManyConnections(_ limit: Int) -> WireResponse {
        JSONFace.failure(NodeAPIError(.concurrentRequestLimit, detail: "the mock serves at most \(limit) connections at once"), policy: policy)
    }

    /// The WSDL, with `soap:address` pointing at the address the client used.
    private static func wsdl(_ request: Request, scheme: String) -> WireResponse {
        guard request.uri.queryParameters.has("wsdl") || request.uri.query?.lowercased() == "wsdl" else {
            return SOAPFace.fault(SOAPFault(.client, "GET /soap?wsdl serves the WSDL; operations are POSTed to /soap"))
        }
        let authority = request.head.authority ?? "localhost:\(DefaultPort.nodeAPI)"
        // A world reached by its path prefix (`/worlds/ID`, set by ``WorldResponder`` alone) is served there.
        let prefix = request.headers.value(of: .mockPathPrefix) ?? ""
        return SOAPFace.response(WSDLAddress.pointing(Self.wsdl, at: "\(scheme)://\(authority)\(prefix)/soap"), status: .ok)
    }

    static let wsdl = Array(BundledResource.text("sms", "wsdl").utf8)
}

extension HTTPField.Name {
    /// The SOAP 1.1 `SOAPAction` header.
    package static let soapAction = HTTPField.Name("SOAPAction")!
    /// `X-Mock-Error: SMS18` (or `ERR_…`): answer the call with that catalogue error.
    package static let mockError = HTTPField.Name(ErrorInjection.header)!
}
