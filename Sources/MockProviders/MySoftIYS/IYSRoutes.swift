import HTTPTypes
import Hummingbird
import MockSimulations
import MySoftIYS
import WireCoding

/// The MySoft İYS mock's HTTP routes: `POST /oauth/token`, every `/api/IYSConsent/*` call behind a bearer token, and
/// the mock's own `POST /mock/iys/consent` (a change made on İYS). Each route decodes, calls ``IYSSimulation`` and
/// answers in the `{succeed, data, message, errorCode}` envelope; the pipeline does the rest once
/// (``ExchangeMiddleware`` with ``IYSShape``, ``IYSBearerMiddleware``, ``FaultMiddleware``).
package struct IYSRoutes: ProviderRoutes {
    package let simulation: IYSSimulation
    package let faults: FaultBook
    package let journal: RequestJournal
    package var maxBodyBytes: Int
    let clock: any MockClock

    package init(
        simulation: IYSSimulation, faults: FaultBook = FaultBook(), journal: RequestJournal = RequestJournal(), maxBodyBytes: Int = 4 * 1024 * 1024,
        clock: any MockClock = SystemClock()
    ) {
        self.simulation = simulation
        self.faults = faults
        self.journal = journal
        self.maxBodyBytes = maxBodyBytes
        self.clock = clock
    }

    package static func of(_ world: ProviderMocks) -> Self { world.iysRoutes }

    /// Adds the routes of the world a request names (``MockRequestContext/world``), these routes' own when it names
    /// none; `worlds`, when given, are those a token request's username may have been minted for.
    package func register(on router: Router<MockRequestContext>, worlds: MockWorlds? = nil) {
        router.add(middleware: ProviderNotFoundMiddleware { method, path in
            IYSShape.failure(IYSError(.HM404, "\(method) \(path) is not a MySoft İYS call"))
        })
        router.get("/mock/health") { _, _ in Response(status: .ok) }
        OpenAPIDescription.iys.register(on: router)
        registerToken(on: router, worlds: worlds)
        let shape = IYSShape(routes: self)
        let calls = MiddlewareStack.of {
            ExchangeMiddleware(routes: self, shape: shape)
            IYSBearerMiddleware(routes: self)
            FaultMiddleware(routes: self, shape: shape)
        }.routes(on: router)
        for method in IYSOperation.brands.allowsGET ? [HTTPRequest.Method.get, .post] : [.post] {
            calls.on(RouterPath(IYSOperation.brands.path), method: method) { _, context in try Self.success(self.simulation(context).brands(of: context.requireCaller())) }
        }
        route(calls, .sendConsent, SendConsentRequest.self)
        route(calls, .consentStatus, ConsentStatusRequest.self)
        calls.post(RouterPath(IYSOperation.sendConsentBatch.path)) { _, context in
            // The batch answers in the envelope whatever its outcome: a refused batch is a result, not an error.
            try Self.encode(self.simulation(context).respond(to: try IYSJSON.decode(SendConsentBatchRequest.self, from: context.body), as: context.requireCaller()))
        }
        route(calls, .batchStatus, BatchTransactionRequest.self)
        for list in IYSBatchList.allCases {
            calls.post(RouterPath(list.operation.path)) { _, context in
                let batch = try IYSJSON.decode(BatchTransactionRequest.self, from: context.body)
                return try Self.success(try self.simulation(context).respond(to: IYSBatchRecords(list, batch), as: context.requireCaller()))
            }
        }
        route(calls, .recipientStatus, RecipientStatusRequest.self)
        route(calls, .consentQuery, ConsentQueryRequest.self)
        calls.post("/mock/iys/consent") { _, context in
            let change = try IYSJSON.decode(SendConsentRequest.self, from: context.body)
            return try Self.success(try self.simulation(context).changeOnIYS(for: context.requireCaller(), brandCode: change.brandCode, change.consentData))
        }
    }

    /// `POST /api/IYSConsent/<name>`: the body decoded as the call's request, and its transition.
    private func route<Call: IYSTransition & Decodable>(_ group: LayeredRoutes<some RouterMiddleware<MockRequestContext>>, _ operation: IYSOperation, _ type: Call.Type) {
        group.post(RouterPath(operation.path)) { _, context in
            try Self.success(try self.simulation(context).respond(to: try IYSJSON.decode(type, from: context.body), as: context.requireCaller()))
        }
    }

    /// `POST /oauth/token`, a form (the document's) or JSON: its failures in OAuth's shape, a fault of the user it names.
    private func registerToken(on router: Router<MockRequestContext>, worlds: MockWorlds?) {
        let token = MiddlewareStack.of {
            ExchangeMiddleware(routes: self, shape: IYSTokenShape())
            ClaimedLoginMiddleware { request, body in Self.tokenRequest(body, contentType: request.headers.value(of: .contentType))?.username }
            if let worlds { LoginWorldMiddleware(worlds: worlds) }
            FaultMiddleware(routes: self, shape: IYSTokenShape())
        }.routes(on: router)
        token.post("/oauth/token") { request, context in
            guard let parsed = Self.tokenRequest(context.body, contentType: request.headers.value(of: .contentType)) else {
                throw OAuthError(error: "invalid_request", errorDescription: "username, password and grant_type are required")
            }
            let token = try self.simulation(context).issueToken(parsed)
            context.caller = parsed.username
            return WireResponse.json(.ok, (try? IYSJSON.encode(token)) ?? [])
        }
    }

    // MARK: Helpers

    private func simulation(_ context: MockRequestContext) -> IYSSimulation { serving(context).simulation }

    /// A token request as a form (the document's) or as JSON (by its content type, or its first byte without one).
    static func tokenRequest(_ bytes: [UInt8], contentType: String?) -> TokenRequest? {
        let text = String(decoding: bytes, as: UTF8.self)
        let isJSON = contentType?.lowercased().contains("json") ?? text.hasPrefix("{")
        return isJSON ? try? IYSJSON.decode(TokenRequest.self, from: bytes) : TokenRequest(form: text)
    }

    /// A call's reply in the envelope.
    static func success<Payload: Codable & Sendable & Hashable>(_ payload: Payload) throws(IYSError) -> WireResponse {
        try encode(IYSResult.success(payload))
    }

    /// The envelope with the status of its outcome: 200, or the status of its error code.
    static func encode<Payload>(_ result: IYSResult<Payload>) throws(IYSError) -> WireResponse {
        let status: HTTPResponse.Status = result.succeed ? .ok : HTTPResponse.Status(code: (result.errorCode ?? .HM400).httpStatus)
        return .json(status, try IYSJSON.encode(result))
    }

    /// The answer to a connection beyond the server's limit (``ConnectionLimits``): the envelope's `HM400`, with 503.
    static func tooManyConnections(_ limit: Int) -> WireResponse {
        var reply = IYSShape.failure(IYSError(.HM400, "the mock serves at most \(limit) connections at once"))
        reply.status = .serviceUnavailable
        return reply
    }
}
