import EuromsgExpress
import Foundation
import HTTPTypes
import Hummingbird
import MockAdmin
import MySoftIYS
import NodeAPI

/// The responder of one of `serve`'s ports: names the world a request is for in its context
/// (``MockRequestContext/world``) and hands it to the port's one router, whose routes serve that world. A request names
/// its world by the path prefix `/worlds/ID/…` (its path without the prefix), the header `X-Mock-World: ID`, or a
/// world's own login in its Basic header or bearer token; a login in the body (a SOAP envelope, a token request) is
/// read by the pipeline once it has read the body (``LoginWorldMiddleware``). Any other request is the default world's,
/// as before worlds existed. An unknown world is answered in the port's own shape (`unknownWorld`).
///
/// On the admin port, `/__admin/worlds/ID/…` is the world's admin API (`/__admin/…`), which takes the world's token or
/// the server's `--admin-token`, even on a server started without one.
struct WorldResponder: HTTPResponder {
    typealias Context = MockRequestContext

    let face: WorldFace
    let worlds: MockWorlds
    /// The port's router.
    let fallback: RouterResponder<MockRequestContext>
    /// The server's `--admin-token`, which opens every world's admin routes too.
    var serverToken: String?
    /// The port's reply to a request for a world that does not exist.
    let unknownWorld: @Sendable (_ id: String) -> WireResponse

    func respond(to request: Request, context: MockRequestContext) async throws -> Response {
        var context = context
        var request = request
        if request.headers.value(of: .mockPathPrefix) != nil {
            // Only the mock writes it, for the world's WSDL.
            var head = request.head
            head.headerFields[.mockPathPrefix] = nil
            request = Request(head: head, body: request.body)
        }
        if face == .admin { return try await admin(request, context: context) }
        if let (id, rest) = Self.prefixed(request.uri.path, under: "/worlds/") {
            guard let world = worlds.world(id) else { return unknownWorld(id).response }
            context.world = world.mocks
            return try await fallback.respond(to: Self.rewrite(request, path: rest, prefix: "/worlds/\(id)"), context: context)
        }
        if let id = request.headers.value(of: .mockWorld) {
            guard let world = worlds.world(id) else { return unknownWorld(id).response }
            context.world = world.mocks
        } else if let world = mintedWorld(request) {
            context.world = world.mocks
        }
        return try await fallback.respond(to: request, context: context)
    }

    /// The world a request's minted credentials in its header were made for (``WorldLogins``): a Node API login in its
    /// Basic header, an İYS or Euromsg bearer token issued to one.
    private func mintedWorld(_ request: Request) -> MockWorld? {
        guard worlds.count > 0, let header = request.headers.value(of: .authorization) else { return nil }
        if let login = BasicCredentials.of(header)?.username, let world = worlds.world(ofLogin: login) { return world }
        if let token = BearerToken.of(request) { return worlds.world(ofToken: token) }
        return nil
    }

    /// `/__admin/worlds/ID/…` to the world's admin API; the rest (the worlds' own routes among it) to the default's.
    private func admin(_ request: Request, context: MockRequestContext) async throws -> Response {
        guard let (id, rest) = Self.prefixed(request.uri.path, under: AdminOperation.listWorlds.path + "/"), rest != "/" else {
            return try await fallback.respond(to: request, context: context)
        }
        guard let world = worlds.world(id) else { return unknownWorld(id).response }
        var forwarded = Self.rewrite(request, path: AdminOperation.prefix + rest, prefix: nil)
        // A browser's page carries its token in the query (?token=…), a script's in the header.
        let given = BearerToken.of(request) ?? request.firstQueryValues["token"]
        if let serverToken, given == serverToken {
            var head = forwarded.head
            head.headerFields[.authorization] = "Bearer \(world.token)"
            forwarded = Request(head: head, body: forwarded.body)
        } else if given != world.token {
            return AdminRoutes.failure(AdminModels.Failure(401, "world \(id)'s admin routes need its token (Authorization: Bearer …), or the server's --admin-token")).response
        }
        return try await world.adminResponder.respond(to: forwarded, context: context)
    }

    /// A request for a world that does not exist, answered in the shape of the port it came to.
    static func unknownWorld(_ id: String, on face: WorldFace, nodeAPIPolicy: NodeAPIWirePolicy) -> WireResponse {
        let message = MockWorlds.noWorld(id)
        switch face {
        case .nodeAPI, .nodeAPITLS:
            return JSONFace.failure(NodeAPIError(.notFound, detail: message), policy: nodeAPIPolicy)
        case .iys:
            return IYSShape.failure(IYSError(.HM404, message))
        case .euromsg:
            return ExpressShape.failure(ExpressError(.notFound, message))
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
