import Hummingbird
import MockAdmin
@_spi(MockInternals) import MockSimulations

/// `/__admin/worlds`: create, list, show and delete the worlds of a shared mock (issue 26). A world's own admin API,
/// `/__admin/worlds/ID/…`, is routed by ``WorldResponder`` before these.
extension AdminRoutes {
    func registerWorlds<Context: RequestContext>(on router: Router<Context>, _ worlds: MockWorlds) {
        router.on(.createWorld) { request, _ in
            await answer(request, status: .created) { body throws(AdminModels.Failure) in
                let world = try await worlds.create(try Self.decode(AdminModels.CreateWorld.self, body))
                return Self.view(world, token: true, worlds: worlds, host: Self.host(of: request))
            }
        }
        router.on(.listWorlds) { request, _ in
            let host = Self.host(of: request)
            return Self.ok(AdminModels.Worlds(worlds: worlds.all.map { Self.view($0, token: false, worlds: worlds, host: host) }, max: worlds.maxWorlds)).response
        }
        router.on(.getWorld) { request, context in
            await reply { () throws(AdminModels.Failure) in
                let id = context.parameters.get("id") ?? ""
                guard let world = worlds.world(id) else { throw Self.noWorld(id) }
                return Self.view(world, token: false, worlds: worlds, host: Self.host(of: request))
            }
        }
        router.on(.deleteWorld) { _, context in
            await reply { () throws(AdminModels.Failure) in
                let id = context.parameters.get("id") ?? ""
                guard worlds.remove(id) else { throw Self.noWorld(id) }
                return AdminModels.WorldDeleted(deleted: id)
            }
        }
    }

    static func noWorld(_ id: String) -> AdminModels.Failure {
        AdminModels.Failure(404, MockWorlds.noWorld(id), field: "id")
    }

    /// The host the admin API was reached by, for the worlds' base URLs on the other ports.
    static func host(of request: Request) -> String {
        guard let authority = request.head.authority else { return "127.0.0.1" }
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") { return String(authority[...end]) }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "127.0.0.1")
    }

    static func view(_ world: MockWorld, token: Bool, worlds: MockWorlds, host: String) -> AdminModels.World {
        let scenario = world.mocks.scenario
        func url(_ face: WorldFace, _ path: String, scheme: String = "http") -> String? {
            worlds.port(of: face).map { "\(scheme)://\(host):\($0)\(path)" }
        }
        let prefix = "/worlds/\(world.id)"
        let clock = world.mocks.clock
        return AdminModels.World(
            id: world.id, name: world.name, token: token ? world.token : nil,
            clock: AdminModels.Clock(mode: (clock as? SwitchableClock)?.mode ?? .manual, now: ISOTime.string(clock.now()), epochMillis: clock.now()),
            ttlSeconds: world.ttlSeconds, seed: world.mocks.seed, createdAt: ISOTime.string(world.createdAt), lastUsedAt: ISOTime.string(world.lastUsed),
            size: world.size,
            urls: AdminModels.URLs(
                nodeAPI: url(.nodeAPI, prefix), nodeAPITLS: url(.nodeAPITLS, prefix, scheme: "https"), iys: url(.iys, prefix), euromsg: url(.euromsg, prefix),
                admin: url(.admin, AdminOperation.getWorld.path(world.id)), inbox: url(.admin, "/?world=\(world.id)" + (token ? "&token=\(world.token)" : ""))
            ),
            header: "X-Mock-World: \(world.id)",
            credentials: AdminModels.Credentials(
                nodeAPIWorldLogins: world.logins.nodeAPI.map { .init(username: $0.username, password: $0.password) },
                iysWorldLogins: world.logins.iys.map { .init(username: $0.username, password: $0.password) },
                euromsgWorldLogins: world.logins.euromsg.map { .init(username: $0.username, password: $0.password) },
                euromsgWorldAPIKeys: world.logins.euromsgAPIKeys.map(\.key),
                nodeAPI: scenario.nodeAPI.accounts.map { .init(username: $0.username, password: $0.password) },
                iys: scenario.iys.accounts.map { .init(username: $0.username, password: $0.password) },
                euromsg: scenario.euromsg.integrators.map { .init(username: $0.clientName, password: $0.password) },
                euromsgAPIKeys: scenario.euromsg.endUsers.map(\.apiKey)
            )
        )
    }
}

extension MockWorld {
    /// What the world keeps: packages, contacts, consents, Euromsg members.
    var size: AdminModels.Size {
        mocks.world.withLock { world in
            AdminModels.Size(
                packages: world.nodeAPI.packages.packages.count, contacts: world.nodeAPI.books.values.reduce(0) { $0 + $1.contacts.count },
                consents: world.iys.consents.count, members: world.euromsg.accounts.values.reduce(0) { $0 + $1.members.count }
            )
        }
    }
}
