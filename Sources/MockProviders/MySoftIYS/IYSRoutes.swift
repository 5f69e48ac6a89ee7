import Foundation
import HTTPTypes
import Hummingbird
import MySoftIYS
import WireCoding

/// The MySoft İYS mock's HTTP routes: `POST /oauth/token`, every `/api/IYSConsent/*` call behind a bearer
/// token, and the mock's own `POST /mock/iys/consent` (a change made on İYS). Thin: read the body, check the
/// token, decode, call ``IYSSimulation``, encode in the `{succeed, data, message, errorCode}` envelope.
package struct IYSRoutes: Sendable {
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

    package static let prefix = "/api/IYSConsent/"

    package func register<Context: RequestContext>(on router: Router<Context>) {
        router.add(middleware: ProviderNotFoundMiddleware { method, path in
            let reply = Self.failure(IYSError(.HM404, "\(method) \(path) is not a MySoft İYS call"))
            return .json(reply.status, reply.bytes)
        })
        router.post("/oauth/token") { request, _ in await token(request) }
        let simulation = simulation
        router.get("\(Self.prefix)IYSBrands") { request, _ in
            await call(request, EmptyIYSBody.self) { user, _ in simulation.brands(of: user) }
        }
        router.post("\(Self.prefix)IYSBrands") { request, _ in
            await call(request, EmptyIYSBody.self) { user, _ in simulation.brands(of: user) }
        }
        route(router, "SendConsent", SendConsentRequest.self)
        route(router, "ConsentStatus", ConsentStatusRequest.self)
        router.post("\(Self.prefix)SendConsentBatch") { request, _ in
            await respond(request) { user, body throws(IYSError) in
                let batch = try IYSJSON.decode(SendConsentBatchRequest.self, from: body)
                return try Self.encode(simulation.respond(to: batch, as: user))
            }
        }
        route(router, "ConsentBatchStatus", BatchTransactionRequest.self)
        for list in IYSBatchRecords.List.allCases {
            router.post(RouterPath("\(Self.prefix)\(list.rawValue)")) { request, _ in
                await call(request, BatchTransactionRequest.self) { user, batch in try simulation.respond(to: IYSBatchRecords(list, batch), as: user) }
            }
        }
        route(router, "RecipientStatus", RecipientStatusRequest.self)
        route(router, "ConsentQuery", ConsentQueryRequest.self)
        router.post("/mock/iys/consent") { request, _ in
            await call(request, SendConsentRequest.self) { user, change in
                try simulation.changeOnIYS(for: user, brandCode: change.brandCode, change.consentData)
            }
        }
        router.get("/mock/health") { _, _ in Response(status: .ok) }
        OpenAPIDescription.iys.register(on: router)
    }

    /// `POST /api/IYSConsent/<name>`: the body decoded as the call's request, and its transition.
    private func route<Call: IYSTransition & Decodable, Context: RequestContext>(_ router: Router<Context>, _ name: String, _ type: Call.Type) {
        let simulation = simulation
        router.post(RouterPath("\(Self.prefix)\(name)")) { request, _ in
            await call(request, type) { user, call in try simulation.respond(to: call, as: user) }
        }
    }

    /// Decode the body as `Body`, call, and answer the reply in the envelope.
    private func call<Body: Decodable & Sendable, Reply: Codable & Sendable & Hashable>(
        _ request: Request, _ type: Body.Type, _ body: @escaping @Sendable (String, Body) async throws -> Reply
    ) async -> Response {
        await respond(request) { user, bytes throws(IYSError) in
            let decoded: Body
            if let empty = EmptyIYSBody() as? Body { decoded = empty } else { decoded = try IYSJSON.decode(type, from: bytes) }
            do {
                return try Self.encode(IYSResult.success(try await body(user, decoded)))
            } catch let error as IYSError {
                throw error
            } catch {
                throw IYSError(.HM400, String(describing: error))
            }
        }
    }

    /// Body limit, bearer token, then the call; errors in the envelope with their status.
    private func respond(_ request: Request, _ body: @Sendable (String, [UInt8]) async throws(IYSError) -> (status: HTTPResponse.Status, bytes: [UInt8])) async -> Response {
        var user: String?
        var bytes: [UInt8] = []
        var reply: (status: HTTPResponse.Status, bytes: [UInt8])
        do {
            bytes = try await Self.collect(request, limit: maxBodyBytes)
            guard let token = BearerToken.of(request), let owner = simulation.user(forToken: token) else {
                reply = Self.unauthorized
                return record(request, bytes, user: nil, reply)
            }
            user = owner
            if let faulted = await faulted(request, user: owner) { return journal.keep(request, body: bytes, user: owner, reply: faulted, at: clock.now()) }
            reply = try await body(owner, bytes)
        } catch {
            reply = Self.failure(error)
        }
        if let user, reply.status != .ok, simulation.answersFailuresWith200(user) { reply.status = .ok }
        return record(request, bytes, user: user, reply)
    }

    // MARK: OAuth

    private func token(_ request: Request) async -> Response {
        let bytes: [UInt8]
        do {
            bytes = try await Self.collect(request, limit: maxBodyBytes)
        } catch {
            return record(request, [], user: nil, Self.oauthFailure(OAuthError(error: "invalid_request", errorDescription: error.message)))
        }
        guard let parsed = Self.tokenRequest(bytes, contentType: request.headers[.contentType]) else {
            return record(request, bytes, user: nil, Self.oauthFailure(OAuthError(error: "invalid_request", errorDescription: "username, password and grant_type are required")))
        }
        if let faulted = await faulted(request, user: parsed.username) {
            return journal.keep(request, body: bytes, user: parsed.username, reply: faulted, at: clock.now())
        }
        do {
            let token = try simulation.issueToken(parsed)
            return record(request, bytes, user: parsed.username, (.ok, (try? IYSJSON.encode(token)) ?? []))
        } catch {
            return record(request, bytes, user: nil, Self.oauthFailure(error))
        }
    }

    // MARK: Helpers

    /// A token request as a form (the document's) or as JSON (by its content type, or its first byte without one).
    static func tokenRequest(_ bytes: [UInt8], contentType: String?) -> TokenRequest? {
        let text = String(decoding: bytes, as: UTF8.self)
        let isJSON = contentType?.lowercased().contains("json") ?? text.hasPrefix("{")
        return isJSON ? try? IYSJSON.decode(TokenRequest.self, from: bytes) : TokenRequest(form: text)
    }

    /// A fault's reply to this call of `user`, in the envelope when it is a catalogue error.
    private func faulted(_ request: Request, user: String?) async -> WireResponse? {
        await faults.reply(.iys, to: request, user: user) { code, detail in
            let reply = Self.failure(IYSError(IYSErrorCode(rawValue: code) ?? .HM400, detail))
            return .json(reply.status, reply.bytes)
        }
    }

    private func record(_ request: Request, _ body: [UInt8], user: String?, _ reply: (status: HTTPResponse.Status, bytes: [UInt8])) -> Response {
        var wire = WireResponse.json(reply.status, reply.bytes)
        wire.warnings = JSONOutline.keepingLast(body).repeated.map(JSONOutline.repeatedWarning)
        return journal.keep(request, body: body, user: user, reply: wire, at: clock.now())
    }

    static func encode<Payload>(_ result: IYSResult<Payload>) throws(IYSError) -> (status: HTTPResponse.Status, bytes: [UInt8]) {
        let status: HTTPResponse.Status = result.succeed ? .ok : HTTPResponse.Status(code: (result.errorCode ?? .HM400).httpStatus)
        return (status, try IYSJSON.encode(result))
    }

    /// The answer to a connection beyond the server's limit (``ConnectionLimits``): the envelope's `HM400`, with 503.
    static func tooManyConnections(_ limit: Int) -> WireResponse {
        .json(.serviceUnavailable, failure(IYSError(.HM400, "the mock serves at most \(limit) connections at once")).bytes)
    }

    static func failure(_ error: IYSError) -> (status: HTTPResponse.Status, bytes: [UInt8]) {
        (HTTPResponse.Status(code: error.code.httpStatus), (try? IYSJSON.encode(IYSResult<Bool>.failure(error))) ?? [])
    }

    /// 401 in the envelope, without an `errorCode` (the document's codes are for requests that got in).
    static let unauthorized: (status: HTTPResponse.Status, bytes: [UInt8]) = (
        .unauthorized,
        (try? IYSJSON.encode(IYSResult<Bool>(succeed: false, data: nil, message: "Authorization has been denied for this request: the bearer token is missing, unknown or expired."))) ?? []
    )

    static func oauthFailure(_ error: OAuthError) -> (status: HTTPResponse.Status, bytes: [UInt8]) {
        (.badRequest, (try? IYSJSON.encode(error)) ?? [])
    }

    static func collect(_ request: Request, limit: Int) async throws(IYSError) -> [UInt8] {
        do {
            return try await BodyReader.collect(request, limit: limit)
        } catch {
            throw IYSError(.HM422, error.message)
        }
    }
}

/// The body of parameterless calls (`IYSBrands`): nothing is read.
struct EmptyIYSBody: Decodable, Sendable {}
