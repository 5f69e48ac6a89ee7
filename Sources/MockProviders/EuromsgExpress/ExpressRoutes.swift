import Foundation
import EuromsgExpress
import HTTPTypes
import Hummingbird
import WireCoding

/// The Euromsg Express mock's HTTP routes. Thin: read the body and query, resolve the token and API key,
/// decode, call ``ExpressSimulation``, encode. Errors answer `{errorCode, message, field?}` with their status.
package struct ExpressRoutes: Sendable {
    package let simulation: ExpressSimulation
    package let faults: FaultBook
    package let journal: RequestJournal
    package var maxBodyBytes: Int
    let clock: any MockClock

    package init(
        simulation: ExpressSimulation, faults: FaultBook = FaultBook(), journal: RequestJournal = RequestJournal(), maxBodyBytes: Int = 4 * 1024 * 1024,
        clock: any MockClock = SystemClock()
    ) {
        self.simulation = simulation
        self.faults = faults
        self.journal = journal
        self.maxBodyBytes = maxBodyBytes
        self.clock = clock
    }

    typealias Reply = (status: HTTPResponse.Status, bytes: [UInt8])

    package func register<Context: RequestContext>(on router: Router<Context>) {
        let simulation = simulation
        router.add(middleware: ProviderNotFoundMiddleware { method, path in
            let reply = Self.failure(ExpressError(.notFound, "\(method) \(path) is not a Euromsg Express call"))
            return .json(reply.status, reply.bytes)
        })
        router.get("/health-check") { request, _ in await open(request) { _ throws(ExpressError) in try Self.ok(simulation.health()) } }
        router.post("/tokens") { request, _ in
            await open(request) { body throws(ExpressError) in try Self.ok(try simulation.issueToken(try ExpressJSON.decode(ExpressTokenRequest.self, from: body))) }
        }
        for path in ["/apiKey/identification", "/apiKey/identification/:apiKey"] {
            router.put(RouterPath(path)) { request, context in
                let fromPath = context.parameters.get("apiKey")
                return await open(request) { body throws(ExpressError) in
                    var apiKey = fromPath ?? request.uri.queryParameters["apiKey"].map(String.init)
                    if apiKey == nil, !body.isEmpty { apiKey = try ExpressJSON.decode(IdentificationRequest.self, from: body).apiKey }
                    return try Self.ok(try simulation.identify(token: BearerToken.of(request), apiKey: apiKey))
                }
            }
        }
        registerLists(on: router)
        registerMembers(on: router)
        registerCampaigns(on: router)
        OpenAPIDescription.euromsg.register(on: router)
        router.post("/mock/euromsg/campaign") { request, _ in
            await open(request) { body throws(ExpressError) in
                (.created, try ExpressJSON.encode(try simulation.sendCampaign(try ExpressJSON.decode(MockCampaignRequest.self, from: body))))
            }
        }
    }

    private func registerLists<Context: RequestContext>(on router: Router<Context>) {
        let simulation = simulation
        router.post("/email-list") { request, _ in
            await call(request) { user, body, _ throws(ExpressError) in
                (.created, try ExpressJSON.encode(try simulation.respond(to: CreateEmailList(try ExpressJSON.decode(EmailListName.self, from: body)), as: user)))
            }
        }
        router.get("/email-list") { request, _ in
            await call(request) { user, _, query throws(ExpressError) in try Self.ok(try simulation.respond(to: ListEmailLists(name: query.string("name")), as: user)) }
        }
        router.get("/email-list/:id") { request, context in
            await call(request) { user, _, _ throws(ExpressError) in try Self.ok(try simulation.respond(to: GetEmailList(id: try Self.id(context)), as: user)) }
        }
        router.patch("/email-list/:id") { request, context in
            await call(request) { user, body, _ throws(ExpressError) in
                try Self.ok(try simulation.respond(to: RenameEmailList(id: try Self.id(context), try ExpressJSON.decode(EmailListName.self, from: body)), as: user))
            }
        }
        router.delete("/email-list/:id") { request, context in
            await call(request) { user, _, _ throws(ExpressError) in
                try simulation.respond(to: DeleteEmailList(id: try Self.id(context)), as: user)
                return (.noContent, [])
            }
        }
    }

    private func registerMembers<Context: RequestContext>(on router: Router<Context>) {
        let simulation = simulation
        router.post("/member") { request, _ in
            await call(request) { user, body, _ throws(ExpressError) in
                let added = try simulation.respond(to: AddMember(try ExpressJSON.decode(AddMemberRequest.self, from: body)), as: user)
                return (added.created ? .created : .ok, try ExpressJSON.encode(added.member))
            }
        }
        router.get("/member") { request, _ in
            await call(request) { user, _, query throws(ExpressError) in
                switch try simulation.respond(to: QueryMembers(try MemberQuery(query)), as: user) {
                case .one(let member): return try Self.ok(member)
                case .page(let page): return try Self.ok(page)
                }
            }
        }
        router.get("/member/:memberId") { request, context in
            await call(request) { user, _, _ throws(ExpressError) in try Self.ok(try simulation.respond(to: GetMember(id: try Self.id(context, "memberId")), as: user)) }
        }
        for path in ["/member", "/member/:memberId"] {
            router.patch(RouterPath(path)) { request, context in
                await call(request) { user, body, _ throws(ExpressError) in
                    let update = try ExpressJSON.decode(UpdateMemberRequest.self, from: body)
                    guard let id = context.parameters.get("memberId", as: Int.self) ?? update.memberId else {
                        throw .invalid("memberId", "is required to update a member (GET /member returns it)")
                    }
                    return try Self.ok(try simulation.respond(to: UpdateMember(id: id, update), as: user))
                }
            }
        }
        router.delete("/member/:memberId") { request, context in
            await call(request) { user, _, _ throws(ExpressError) in
                try simulation.respond(to: DeleteMember(id: try Self.id(context, "memberId")), as: user)
                return (.noContent, [])
            }
        }
    }

    private func registerCampaigns<Context: RequestContext>(on router: Router<Context>) {
        let simulation = simulation
        router.get("/campaign") { request, _ in
            await call(request) { user, _, query throws(ExpressError) in try Self.ok(try simulation.respond(to: ListCampaigns(try CampaignQuery(query)), as: user)) }
        }
        router.get("/campaign/:id") { request, context in
            await call(request) { user, _, _ throws(ExpressError) in try Self.ok(try simulation.respond(to: GetCampaign(id: try Self.id(context)), as: user)) }
        }
        router.get("/campaign-report") { request, _ in
            await call(request) { user, _, query throws(ExpressError) in try Self.ok(try simulation.respond(to: GetCampaignReport(try ReportQuery(query)), as: user)) }
        }
        router.get("/campaign-report-detail") { request, _ in
            await call(request) { user, _, query throws(ExpressError) in try Self.ok(try simulation.respond(to: GetCampaignReportDetail(try ReportQuery(query)), as: user)) }
        }
    }

    // MARK: Plumbing

    /// A call for an end user's data: token, API key (the `apiKey` header or the token's binding), then `body`.
    private func call(
        _ request: Request, _ body: @Sendable (String, [UInt8], QueryParameters) async throws(ExpressError) -> Reply
    ) async -> Response {
        var user: String?
        var bytes: [UInt8] = []
        let reply: Reply
        do {
            bytes = try await Self.collect(request, limit: maxBodyBytes)
            let caller = try simulation.endUser(token: BearerToken.of(request), apiKey: request.headers[Self.apiKeyHeader])
            user = caller
            if let faulted = await faulted(request, user: caller) { return journal.keep(request, body: bytes, user: caller, reply: faulted, at: clock.now()) }
            reply = try await body(caller, bytes, Self.query(request))
        } catch {
            reply = Self.failure(error)
        }
        return record(request, bytes, user: user, reply)
    }

    /// A call without an end user (tokens, identification, health, the mock's own calls).
    private func open(_ request: Request, _ body: @Sendable ([UInt8]) async throws(ExpressError) -> Reply) async -> Response {
        var bytes: [UInt8] = []
        let reply: Reply
        do {
            bytes = try await Self.collect(request, limit: maxBodyBytes)
            if let faulted = await faulted(request, user: nil) { return journal.keep(request, body: bytes, user: nil, reply: faulted, at: clock.now()) }
            reply = try await body(bytes)
        } catch {
            reply = Self.failure(error)
        }
        return record(request, bytes, user: nil, reply)
    }

    private func record(_ request: Request, _ body: [UInt8], user: String?, _ reply: Reply) -> Response {
        var wire = WireResponse.json(reply.status, reply.bytes)
        wire.warnings = JSONOutline.keepingLast(body).repeated.map(JSONOutline.repeatedWarning)
        return journal.keep(request, body: body, user: user, reply: wire, at: clock.now())
    }

    /// A fault's reply to this call of `user`, as the gateway's `{errorCode, message}` when it is a catalogue error.
    private func faulted(_ request: Request, user: String?) async -> WireResponse? {
        await faults.reply(.euromsg, to: request, user: user) { code, detail in
            let reply = Self.failure(ExpressError(ExpressErrorCode(rawValue: code) ?? .unavailable, detail))
            return .json(reply.status, reply.bytes)
        }
    }

    static let apiKeyHeader = HTTPField.Name("apiKey")!

    static func ok(_ value: some Encodable) throws(ExpressError) -> Reply { (.ok, try ExpressJSON.encode(value)) }

    /// The answer to a connection beyond the server's limit (``ConnectionLimits``).
    static func tooManyConnections(_ limit: Int) -> WireResponse {
        let reply = failure(ExpressError(.unavailable, "the mock serves at most \(limit) connections at once"))
        return .json(reply.status, reply.bytes)
    }

    static func failure(_ error: ExpressError) -> Reply {
        (HTTPResponse.Status(code: error.errorCode.httpStatus), (try? ExpressJSON.encode(error)) ?? [])
    }

    static func id(_ context: some RequestContext, _ name: String = "id") throws(ExpressError) -> Int {
        guard let text = context.parameters.get(name), let id = Int(text) else {
            throw .invalid(name, "'\(context.parameters.get(name) ?? "")' is not a number")
        }
        return id
    }

    static func query(_ request: Request) -> QueryParameters { QueryParameters(request.firstQueryValues) }

    static func collect(_ request: Request, limit: Int) async throws(ExpressError) -> [UInt8] {
        do {
            return try await BodyReader.collect(request, limit: limit)
        } catch {
            switch error {
            case .tooLarge: throw ExpressError(.tooLarge, error.message)
            case .unreadable: throw ExpressError(.validation, error.message)
            }
        }
    }
}
