import EuromsgExpress
import Foundation
import HTTPTypes
import Hummingbird
import MySoftIYS
import NodeAPI

/// The responder of one of `serve`'s ports: a request that names a world (the path prefix `/worlds/ID/…`, or the header
/// `X-Mock-World: ID`) goes to that world's responder, its path without the prefix; any other goes to the default
/// world's, as before worlds existed. An unknown world is answered in the port's own shape (`unknownWorld`).
///
/// On the admin port, `/__admin/worlds/ID/…` is the world's admin API (`/__admin/…`), which takes the world's token or
/// the server's `--admin-token`, even on a server started without one.
struct WorldResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let face: WorldFace
    let worlds: MockWorlds
    let fallback: RouterResponder<BasicRequestContext>
    /// The server's `--admin-token`, which opens every world's admin routes too.
    var serverToken: String?
    /// The port's reply to a request for a world that does not exist.
    let unknownWorld: @Sendable (_ id: String) -> WireResponse

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        if request.headers[.mockPathPrefix] != nil {
            // Only the mock writes it, for the world's WSDL.
            var head = request.head
            head.headerFields[.mockPathPrefix] = nil
            request = Request(head: head, body: request.body)
        }
        if face == .admin { return try await admin(request, context: context) }
        let path = request.uri.path
        if let (id, rest) = Self.prefixed(path, under: "/worlds/") {
            guard let world = worlds.world(id) else { return unknownWorld(id).response }
            return try await world.responder(for: face).respond(to: Self.rewrite(request, path: rest, prefix: "/worlds/\(id)"), context: context)
        }
        if let id = request.headers[.mockWorld] {
            guard let world = worlds.world(id) else { return unknownWorld(id).response }
            return try await world.responder(for: face).respond(to: request, context: context)
        }
        if face == .nodeAPI || face == .nodeAPITLS, let (world, login) = mintedLogin(request) {
            return try await world.responder(for: face).respond(to: Self.signedIn(request, as: login), context: context)
        }
        return try await fallback.respond(to: request, context: context)
    }

    /// The world of a Node API login minted for it, from the request's Basic credentials.
    private func mintedLogin(_ request: Request) -> (MockWorld, MintedLogin)? {
        guard let header = request.headers[.authorization], let given = BasicCredentials.of(header), let found = worlds.nodeAPILogin(given.username) else {
            return nil
        }
        return (found.world, given.password == found.login.password ? found.login : MintedLogin(
            username: found.login.username, password: given.password, account: found.login.account, accountPassword: ""
        ))
    }

    /// The request as the scenario's account in the world (a wrong minted password stays wrong: an empty one).
    static func signedIn(_ request: Request, as login: MintedLogin) -> Request {
        var head = request.head
        let credentials = Array("\(login.account):\(login.accountPassword)".utf8)
        head.headerFields[.authorization] = "Basic " + Data(credentials).base64EncodedString()
        return Request(head: head, body: request.body)
    }

    /// `/__admin/worlds/ID/…` to the world's admin API; the rest (the worlds' own routes among it) to the default's.
    private func admin(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let (id, rest) = Self.prefixed(request.uri.path, under: "/__admin/worlds/"), rest != "/" else {
            return try await fallback.respond(to: request, context: context)
        }
        guard let world = worlds.world(id) else { return unknownWorld(id).response }
        var forwarded = Self.rewrite(request, path: "/__admin" + rest, prefix: nil)
        let given = BearerToken.of(request)
        if let serverToken, given == serverToken {
            var head = forwarded.head
            head.headerFields[.authorization] = "Bearer \(world.token)"
            forwarded = Request(head: head, body: forwarded.body)
        } else if given != world.token, request.firstQueryValues["token"] != world.token {
            return AdminRoutes.failure(AdminModels.Failure(401, "world \(id)'s admin routes need its token (Authorization: Bearer …), or the server's --admin-token")).response
        }
        return try await world.responder(for: .admin).respond(to: forwarded, context: context)
    }

    /// A request for a world that does not exist, answered in the shape of the port it came to.
    static func unknownWorld(_ id: String, on face: WorldFace, nodeAPIPolicy: NodeAPIWirePolicy) -> WireResponse {
        let message = MockWorlds.noWorld(id)
        switch face {
        case .nodeAPI, .nodeAPITLS:
            return JSONFace.failure(NodeAPIError(.notFound, detail: message), policy: nodeAPIPolicy)
        case .iys:
            let reply = IYSRoutes.failure(IYSError(.HM404, message))
            return .json(reply.status, reply.bytes)
        case .euromsg:
            let reply = ExpressRoutes.failure(ExpressError(.notFound, message))
            return .json(reply.status, reply.bytes)
        case .admin:
            return AdminRoutes.failure(AdminModels.Failure(404, message, field: "id"))
        }
    }

    /// The world id and the rest of `path` (at least `/`) when `path` is `prefix` + id (+ `/…`).
    static func prefixed(_ path: String, under prefix: String) -> (id: String, rest: String)? {
        guard path.hasPrefix(prefix) else { return nil }
        let tail = path.dropFirst(prefix.count)
        let id = tail.prefix { $0 != "/" }
        guard !id.isEmpty else { return nil }
        let rest = tail.dropFirst(id.count)
        return (String(id), rest.isEmpty ? "/" : String(rest))
    }

    /// The request with `path` for its path (the query kept), and the prefix the world is reached by, for its WSDL.
    static func rewrite(_ request: Request, path: String, prefix: String?) -> Request {
        var head = request.head
        head.path = path + (request.uri.query.map { "?" + $0 } ?? "")
        if let prefix { head.headerFields[.mockPathPrefix] = prefix }
        return Request(head: head, body: request.body)
    }
}

extension HTTPField.Name {
    /// `X-Mock-World: ID`: the world a request is for.
    static let mockWorld = Self("X-Mock-World")!
    /// Set by ``WorldResponder`` on a request reached through `/worlds/ID`, so that the world's WSDL points there.
    static let mockPathPrefix = Self("X-Mock-Path-Prefix")!
}
