import Foundation
import HTTPTypes
import Hummingbird
import MockAdmin
import MockSimulations
import NodeAPI
import WireCoding

/// The admin API on `--admin-port` (`/__admin/…`, JSON), for tests that run the mocks beside the application they
/// test, as WireMock's `/__admin` and Mailpit's API serve theirs: the clock, a reset to the scenario, the journal,
/// faults, the SMS each handset received (and a wait for the next), incoming SMS, callback attempts, an event stream,
/// and the data a test changes at run time. Thin: parse, act on the mocks, answer. Every error is
/// `{"error": "…", "field": "…"}` with a 4xx status, and nothing here blocks the mocks (no lock is held across an await).
struct AdminRoutes: Sendable {
    let mocks: ProviderMocks
    /// `--admin-token`: every call then needs `Authorization: Bearer <token>` (or `?token=` for a browser's page and
    /// event stream, which cannot set the header).
    let token: String?
    /// How often a quiet event stream writes a comment, so that a client gone is noticed (15 s; shorter in tests).
    var heartbeat: Duration = .seconds(15)
    /// Host names a browser may reach the admin API by, besides `localhost` and addresses (``AdminOriginMiddleware``).
    var hostNames: [String] = []
    /// The local CA of the Node API's TLS port (``LocalCA``), served at `GET /__admin/ca.pem`; nil without one.
    var certificateAuthorityPEM: String?
    /// The server's worlds, whose routes (`/__admin/worlds`) the default world's admin API serves; nil in a world's own.
    var worlds: MockWorlds?
    static let maxBodyBytes = 64 * 1024

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.add(middleware: ProviderNotFoundMiddleware { method, path in
            Self.failure(AdminModels.Failure(404, "\(method) \(path) is not an admin call; see GET /__admin/openapi.json or the README"))
        })
        router.add(middleware: AdminOriginMiddleware(hostNames: hostNames))
        router.add(middleware: AdminWriteMiddleware(changes: mocks.changes))
        if let token { router.add(middleware: AdminTokenMiddleware(token: token)) }
        registerClock(on: router)
        registerJournal(on: router)
        registerInbox(on: router)
        registerFaults(on: router)
        registerCallbacks(on: router)
        registerEvents(on: router)
        registerData(on: router)
        registerScenario(on: router)
        registerPage(on: router)
        if let worlds { registerWorlds(on: router, worlds) }
    }

    var journals: [(provider: ProviderMocks.Provider, journal: RequestJournal)] {
        ProviderMocks.Provider.allCases.map { ($0, mocks.journal(of: $0)) }
    }

    // MARK: Plumbing

    /// The body (at most ``maxBodyBytes``), then `body`'s reply as JSON with `status`; its failure as the admin error.
    func answer<Reply: Encodable>(
        _ request: Request, status: HTTPResponse.Status = .ok, _ body: @Sendable ([UInt8]) async throws(AdminModels.Failure) -> Reply
    ) async -> Response {
        do throws(AdminModels.Failure) {
            let bytes: [UInt8]
            do { bytes = try await BodyReader.collect(request, limit: Self.maxBodyBytes) } catch {
                if case .tooLarge = error { throw AdminModels.Failure(413, error.message) }
                throw AdminModels.Failure(400, error.message)
            }
            var reply = Self.ok(try await body(bytes))
            reply.status = status
            return reply.response
        } catch {
            return Self.failure(error).response
        }
    }

    /// A call without a body: `body`'s reply as JSON, or its failure.
    func reply<Reply: Encodable>(_ body: () async throws(AdminModels.Failure) -> Reply) async -> Response {
        do throws(AdminModels.Failure) { return Self.ok(try await body()).response } catch { return Self.failure(error).response }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ body: [UInt8]) throws(AdminModels.Failure) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(body.isEmpty ? Array("{}".utf8) : body))
        } catch {
            guard let problem = DecodingProblem(error), !problem.field.isEmpty else {
                throw AdminModels.Failure(400, "the body is not a JSON object of this call")
            }
            let message = switch problem.kind {
            case .missing: "is required"
            case .wrongType(let expected, _), .null(let expected): "must be a \(expected)"
            case .unreadable(let detail): detail
            }
            throw AdminModels.Failure(400, message, field: problem.field)
        }
    }

    /// A refused change of the mocks' state as the admin error, with the refusal's status and field.
    static func refused<Value>(_ body: () throws(Refusal) -> Value) throws(AdminModels.Failure) -> Value {
        do { return try body() } catch { throw AdminModels.Failure(error.status, error.message, field: error.field) }
    }

    static func limit(_ query: [String: String], default value: Int) throws(AdminModels.Failure) -> Int {
        guard let text = query["limit"] else { return value }
        guard let limit = Int(text), (1...1000).contains(limit) else { throw AdminModels.Failure(400, "must be a number from 1 to 1000", field: "limit") }
        return limit
    }

    /// `?provider=`: the one named, or all three.
    static func providers(_ name: String?) throws(AdminModels.Failure) -> [ProviderMocks.Provider] {
        guard let name else { return ProviderMocks.Provider.allCases }
        guard let provider = ProviderMocks.Provider(rawValue: name) else {
            let names = ProviderMocks.Provider.allCases.map(\.rawValue).joined(separator: ", ")
            throw AdminModels.Failure(400, "'\(name)' is not a provider (\(names))", field: "provider")
        }
        return [provider]
    }

    static func ok(_ value: some Encodable) -> WireResponse {
        .json(.ok, (try? Array(WireJSON.encoder().encode(value))) ?? [])
    }

    static func failure(_ failure: AdminModels.Failure) -> WireResponse {
        .json(HTTPResponse.Status(code: failure.status), (try? Array(WireJSON.encoder().encode(failure))) ?? [])
    }
}

/// `--admin-token`: a call without `Authorization: Bearer <token>` (or `?token=<token>`) is answered 401. The inbox page
/// itself (`GET /`) holds no data and is served to all, so that it can say what it needs.
struct AdminTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get, request.uri.path == "/" { return try await next(request, context) }
        let given = BearerToken.of(request) ?? request.firstQueryValues["token"]
        guard let given, given.utf8.elementsEqual(token.utf8) else {
            var reply = AdminRoutes.failure(AdminModels.Failure(401, "the admin API needs Authorization: Bearer <the --admin-token>", field: "Authorization"))
            reply.status = .unauthorized
            return reply.response
        }
        return try await next(request, context)
    }
}

/// Notes every admin write that got through (a reset, a credit, a consent, a scenario), for `serve --state`.
struct AdminWriteMiddleware<Context: RequestContext>: RouterMiddleware {
    let changes: ChangeCounter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        if request.method != .get, request.method != .head { changes.note() }
        return response
    }
}
