import EuromsgExpress
import HTTPTypes
import Hummingbird
import MockSimulations
import WireCoding

/// The Euromsg Express mock's HTTP routes, each a line: decode, call ``ExpressSimulation``, encode. The pipeline does
/// the rest once: ``ExchangeMiddleware`` (body, errors as `{errorCode, message, field?}`, journal),
/// ``ExpressEndUserMiddleware`` on an end user's data (token and API key), then ``FaultMiddleware``.
package struct ExpressRoutes: ProviderRoutes {
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

    package static func of(_ world: ProviderMocks) -> Self { world.euromsgRoutes }

    /// Adds the routes of the world a request names (``MockRequestContext/world``), these routes' own when it names
    /// none; `worlds`, when given, are those a token request's client name may have been minted for.
    package func register(on router: Router<MockRequestContext>, worlds: MockWorlds? = nil) {
        router.add(middleware: ProviderNotFoundMiddleware { method, path in
            ExpressShape.failure(ExpressError(.notFound, "\(method) \(path) is not a Euromsg Express call"))
        })
        OpenAPIDescription.euromsg.register(on: router)
        let shape = ExpressShape()
        let tokens = MiddlewareStack.of {
            ExchangeMiddleware(routes: self, shape: shape)
            ClaimedLoginMiddleware { _, body in (try? ExpressJSON.decode(ExpressTokenRequest.self, from: body))?.clientName }
            if let worlds { LoginWorldMiddleware(worlds: worlds) }
            FaultMiddleware(routes: self, shape: shape)
        }.routes(on: router)
        tokens.on(.issueToken) { _, context in
            try Self.ok(try self.simulation(context).issueToken(try ExpressJSON.decode(ExpressTokenRequest.self, from: context.body)))
        }
        registerOpen(on: MiddlewareStack.of {
            ExchangeMiddleware(routes: self, shape: shape)
            FaultMiddleware(routes: self, shape: shape)
        }.routes(on: router))
        let endUser = MiddlewareStack.of {
            ExchangeMiddleware(routes: self, shape: shape)
            ExpressEndUserMiddleware(routes: self)
            FaultMiddleware(routes: self, shape: shape)
        }.routes(on: router)
        registerLists(on: endUser)
        registerMembers(on: endUser)
        registerCampaigns(on: endUser)
    }

    /// The calls without an end user: health, identification, and the mock's own campaign.
    private func registerOpen(on group: LayeredRoutes<some RouterMiddleware<MockRequestContext>>) {
        group.on(.healthCheck) { _, context in try Self.ok(self.simulation(context).health()) }
        for operation in [ExpressOperation.identify, .identifyByPath] {
            group.on(operation) { request, context in
                var apiKey = context.parameters.get("apiKey") ?? request.uri.queryParameters["apiKey"].map(String.init)
                if apiKey == nil, !context.body.isEmpty { apiKey = try ExpressJSON.decode(IdentificationRequest.self, from: context.body).apiKey }
                return try Self.ok(try self.simulation(context).identify(token: BearerToken.of(request), apiKey: apiKey))
            }
        }
        group.post("/mock/euromsg/campaign") { _, context in
            try Self.reply(.created, try self.simulation(context).sendCampaign(try ExpressJSON.decode(MockCampaignRequest.self, from: context.body)))
        }
    }

    private func registerLists(on group: LayeredRoutes<some RouterMiddleware<MockRequestContext>>) {
        group.on(.createList) { _, context in
            try Self.reply(.created, try self.simulation(context).respond(to: CreateListRequest(try ExpressJSON.decode(EmailListName.self, from: context.body)), as: context.requireCaller()))
        }
        group.on(.listLists) { request, context in
            try Self.ok(try self.simulation(context).respond(to: ListListsRequest(name: Self.query(request).string("name")), as: context.requireCaller()))
        }
        group.on(.getList) { _, context in
            try Self.ok(try self.simulation(context).respond(to: GetListRequest(id: try Self.id(context)), as: context.requireCaller()))
        }
        group.on(.renameList) { _, context in
            let name = try ExpressJSON.decode(EmailListName.self, from: context.body)
            return try Self.ok(try self.simulation(context).respond(to: RenameListRequest(id: try Self.id(context), name), as: context.requireCaller()))
        }
        group.on(.deleteList) { _, context in
            try self.simulation(context).respond(to: DeleteListRequest(id: try Self.id(context)), as: context.requireCaller())
            return WireResponse.json(.noContent, [])
        }
    }

    private func registerMembers(on group: LayeredRoutes<some RouterMiddleware<MockRequestContext>>) {
        group.on(.addMember) { _, context in
            let added = try self.simulation(context).respond(to: try ExpressJSON.decode(AddMemberRequest.self, from: context.body), as: context.requireCaller())
            return try Self.reply(added.created ? .created : .ok, added.member)
        }
        group.on(.queryMembers) { request, context in
            switch try self.simulation(context).respond(to: QueryMembersRequest(try MemberQuery(Self.query(request))), as: context.requireCaller()) {
            case .one(let member): return try Self.ok(member)
            case .page(let page): return try Self.ok(page)
            }
        }
        group.on(.getMember) { _, context in
            try Self.ok(try self.simulation(context).respond(to: GetMemberRequest(id: try Self.id(context, "memberId")), as: context.requireCaller()))
        }
        for operation in [ExpressOperation.updateMember, .updateMemberByPath] {
            group.on(operation) { _, context in
                var update = try ExpressJSON.decode(UpdateMemberRequest.self, from: context.body)
                if let id = context.parameters.get("memberId", as: Int.self) { update.memberId = id }
                return try Self.ok(try self.simulation(context).respond(to: update, as: context.requireCaller()))
            }
        }
        group.on(.deleteMember) { _, context in
            try self.simulation(context).respond(to: DeleteMemberRequest(id: try Self.id(context, "memberId")), as: context.requireCaller())
            return WireResponse.json(.noContent, [])
        }
    }

    private func registerCampaigns(on group: LayeredRoutes<some RouterMiddleware<MockRequestContext>>) {
        group.on(.listCampaigns) { request, context in
            try Self.ok(try self.simulation(context).respond(to: ListCampaignsRequest(try CampaignQuery(Self.query(request))), as: context.requireCaller()))
        }
        group.on(.getCampaign) { _, context in
            try Self.ok(try self.simulation(context).respond(to: GetCampaignRequest(id: try Self.id(context)), as: context.requireCaller()))
        }
        group.on(.campaignReport) { request, context in
            try Self.ok(try self.simulation(context).respond(to: CampaignReportRequest(try ReportQuery(Self.query(request))), as: context.requireCaller()))
        }
        group.on(.campaignReportDetail) { request, context in
            try Self.ok(try self.simulation(context).respond(to: CampaignReportDetailRequest(try ReportQuery(Self.query(request))), as: context.requireCaller()))
        }
    }

    // MARK: Helpers

    private func simulation(_ context: MockRequestContext) -> ExpressSimulation { serving(context).simulation }

    static func ok(_ value: some Encodable) throws(ExpressError) -> WireResponse { try reply(.ok, value) }

    static func reply(_ status: HTTPResponse.Status, _ value: some Encodable) throws(ExpressError) -> WireResponse {
        .json(status, try ExpressJSON.encode(value))
    }

    /// The answer to a connection beyond the server's limit (``ConnectionLimits``).
    static func tooManyConnections(_ limit: Int) -> WireResponse {
        ExpressShape.failure(ExpressError(.unavailable, "the mock serves at most \(limit) connections at once"))
    }

    static func id(_ context: some RequestContext, _ name: String = "id") throws(ExpressError) -> Int {
        guard let text = context.parameters.get(name), let id = Int(text) else {
            throw .invalid(name, "'\(context.parameters.get(name) ?? "")' is not a number")
        }
        return id
    }

    static func query(_ request: Request) -> QueryParameters { QueryParameters(request.firstQueryValues) }
}

extension LayeredRoutes {
    /// Adds the route of a Euromsg Express call, its method and path from the table (``ExpressOperation``).
    @discardableResult
    func on<Reply: ResponseGenerator>(_ operation: ExpressOperation, use route: @escaping @Sendable (Request, MockRequestContext) async throws -> Reply) -> Self {
        on(RouterPath(PathTemplate(operation.path).routerPattern), method: operation.method.http, use: route)
    }
}

extension ExpressOperation.Method {
    /// The method as HTTPTypes names it.
    var http: HTTPRequest.Method {
        switch self {
        case .get: .get
        case .post: .post
        case .put: .put
        case .patch: .patch
        case .delete: .delete
        }
    }
}
